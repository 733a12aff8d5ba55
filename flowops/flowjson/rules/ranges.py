"""Documented number ranges of the media pickers (Media Upload Components reference)."""

from __future__ import annotations

from collections.abc import Iterator

from flowops.flowjson.findings import Finding
from flowops.flowjson.rules.facts import Comp, Context
from flowops.flowjson.rules.pickers import PICKERS

RANGES: dict[str, tuple[int, int]] = {
    "max-file-size-kb": (1, 25600),
    "min-uploaded-photos": (0, 30),
    "max-uploaded-photos": (1, 30),
    "min-uploaded-documents": (0, 30),
    "max-uploaded-documents": (1, 30),
}


def check(ctx: Context) -> list[Finding]:
    if not ctx.pickers:
        return []
    out: list[Finding] = []
    for s in ctx.screens:
        for comp in s.comps:
            if comp.ctype in PICKERS:
                out.extend(_ranges(comp))
    return out


def _ranges(comp: Comp) -> Iterator[Finding]:
    for key, (low, high) in RANGES.items():
        value = comp.node.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue  # absent, or dynamic
        if value < low:
            code, bound = "MINIMUM_VALUE_REQUIRED", f"at least {low}"
        elif value > high:
            code, bound = "MAXIMUM_VALUE_REQUIRED", f"at most {high}"
        else:
            continue
        message = f"{comp.ctype} '{key}' is {value}; it must be {bound} ({low}–{high})."
        yield Finding(f"{comp.pointer}/{key}", code, message)

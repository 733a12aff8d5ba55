"""PhotoPicker / DocumentPicker values in action payloads (Meta's "native components")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from flowops.flowjson.findings import Finding
from flowops.flowjson.rules.facts import Act, Comp, Context, ScreenFacts
from flowops.problems import Severity

CODE = "INVALID_ON_CLICK_ACTION_PAYLOAD"
_MAX_KEY = {"PhotoPicker": "max-uploaded-photos", "DocumentPicker": "max-uploaded-documents"}
_DEFAULT_MAX = 30
PICKERS = frozenset(_MAX_KEY)


def check_pickers(ctx: Context, s: ScreenFacts, act: Act, name: str) -> Iterator[Finding]:
    prefix = f"{act.pointer}/payload/"
    for ref in s.refs:
        if not ref.pointer.startswith(prefix):
            continue
        top_level = "/" not in ref.pointer[len(prefix) :]
        for expr, parts, whole in ref.exprs:
            picker = _picker(ctx, s, parts)
            if picker is not None:
                yield from _rules(ref.pointer, expr, picker, name, top_level and whole)


def _picker(ctx: Context, s: ScreenFacts, parts: Sequence[str]) -> Comp | None:
    if len(parts) == 2 and parts[0] == "form":
        comps = s.names.get(parts[1], [])
    elif len(parts) == 4 and parts[0] == "screen" and parts[2] == "form":
        target = ctx.by_id.get(parts[1])
        comps = target.names.get(parts[3], []) if target else []
    else:
        return None
    return next((c for c in comps if c.ctype in _MAX_KEY), None)


def _rules(ptr: str, expr: str, picker: Comp, name: str, plain: bool) -> Iterator[Finding]:
    if name == "navigate":
        yield Finding(
            ptr,
            CODE,
            f"The value of {picker.ctype} '${{{expr}}}' is not allowed in "
            "a navigate payload; read it later with ${screen.<ID>.form.<name>}.",
        )
    elif not plain:
        yield Finding(
            ptr,
            CODE,
            f"{picker.ctype} '${{{expr}}}' must be a top-level string "
            f"value of the {name} payload; do not nest it or mix it with text.",
        )
    elif name == "complete" and _max(picker) > 1:
        yield Finding(
            ptr,
            CODE,
            f"{picker.ctype} can be sent in a complete payload only when "
            f"'{_MAX_KEY[picker.ctype]}' is at most 1 (default {_DEFAULT_MAX}); "
            "set it to 1 or send the files with data_exchange.",
            severity=Severity.WARNING,
        )


def _max(picker: Comp) -> int:
    value = picker.node.get(_MAX_KEY[picker.ctype], _DEFAULT_MAX)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0

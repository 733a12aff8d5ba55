"""If/Switch structure rules, given the per-branch component counts the walk collects."""

from __future__ import annotations

from flowops.flowjson.findings import Finding

MAX_DEPTH = 3  # If/Switch nesting
Counts = dict[str, int]


def merge_max(into: Counts, other: Counts) -> None:
    """Exclusive branches: a path renders one of them, so keep the larger count per type."""
    for key, value in other.items():
        if value > into.get(key, 0):
            into[key] = value


def if_findings(ptr: str, depth: int, then: Counts, other: Counts) -> list[Finding]:
    found = []
    if depth > MAX_DEPTH:
        found.append(
            Finding(
                ptr,
                "MAX_IF_NESTING",
                f"If/Switch components can be nested at "
                f"most {MAX_DEPTH} deep; flatten this condition.",
            )
        )
    if bool(then.get("Footer")) != bool(other.get("Footer")):
        found.append(
            Finding(
                ptr,
                "MISSING_FOOTER_IN_IF_ELSE_BRANCHES",
                "A Footer in one "
                "branch of this If must also be in the other; add an `else` "
                "branch with its own Footer.",
            )
        )
    found.extend(_nested_footer(ptr, depth, then, other))
    return found


def switch_findings(
    ptr: str, depth: int, with_footer: int, cases: int, merged: Counts
) -> list[Finding]:
    found = []
    if 0 < with_footer < cases:
        found.append(
            Finding(
                ptr,
                "MISSING_FOOTER_IN_SWITCH_BRANCHES",
                "A Footer in one case "
                "of this Switch must be in every case; add a Footer to the other "
                "cases.",
            )
        )
    found.extend(_nested_footer(ptr, depth, merged, {}))
    return found


def _nested_footer(ptr: str, depth: int, a: Counts, b: Counts) -> list[Finding]:
    if depth > 1 and (a.get("Footer") or b.get("Footer")):
        return [
            Finding(
                ptr,
                "INVALID_PROPERTY_VALUE",
                "A Footer may sit inside an If or "
                "Switch only at the first level; move it to the outer branch.",
            )
        ]
    return []

"""Component rules: unique names, Form placement, NavigationList, min <= max pairs."""

from __future__ import annotations

from collections.abc import Iterator

from flowops.flowjson.findings import Finding, pointer_join
from flowops.flowjson.rules.facts import INPUT_TYPES, Comp, Context, ScreenFacts
from flowops.flowjson.rules.pickers import PICKERS

FORM_OPTIONAL = (4, 0)
_PAIRS = (
    ("min-chars", "max-chars"),
    ("min-selected-items", "max-selected-items"),
    ("min-uploaded-photos", "max-uploaded-photos"),
    ("min-uploaded-documents", "max-uploaded-documents"),
    ("min-days", "max-days"),
    ("min-date", "max-date"),
)

PAIR_KEYS = frozenset(low for low, _ in _PAIRS)
WITH_PAIRS = frozenset(
    {"TextInput", "CheckboxGroup", "ChipsSelector", "PhotoPicker", "DocumentPicker"}
    | {"DatePicker", "CalendarPicker"}
)


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    old_version = ctx.version < FORM_OPTIONAL
    for s in ctx.screens:
        if sum(map(len, s.names.values())) > len(s.names):  # some name is used twice
            out.extend(_names(s))
        if s.has_form or old_version:
            out.extend(_forms(s))
        if s.has_form and ctx.pickers:
            out.extend(_native_init_values(s))
        if "NavigationList" in s.counts:
            out.extend(_navigation_list(s))
        if not WITH_PAIRS.isdisjoint(s.counts):
            for comp in s.comps:
                if comp.ctype in WITH_PAIRS and not PAIR_KEYS.isdisjoint(comp.node):
                    out.extend(_min_max(comp))
    return out


def _names(s: ScreenFacts) -> Iterator[Finding]:
    for name, comps in s.names.items():
        for comp in comps[1:]:
            yield Finding(
                f"{comp.pointer}/name",
                "DUPLICATE_FORM_COMPONENT_NAMES",
                f"Duplicate component name '{name}' on screen '{s.sid}' (names must be unique "
                "across all If/Switch branches too); rename one of them.",
            )


def _forms(s: ScreenFacts) -> Iterator[Finding]:
    """Inputs outside the Form: a Form is on the screen, or the version needs one."""
    outside = [c for c in s.comps if c.ctype in INPUT_TYPES and not c.in_form]
    code = "COMPONENTS_OUTSIDE_FORM" if s.has_form else "KEYWORD_ONE_OF"
    why = "a Form is present on this screen" if s.has_form else "inputs need a Form before 4.0"
    for comp in outside:
        yield Finding(
            f"{comp.pointer}/type",
            code,
            f"{comp.ctype} must be inside the Form because {why}; move it into the Form.",
        )


def _navigation_list(s: ScreenFacts) -> Iterator[Finding]:
    lists = [c for c in s.comps if c.ctype == "NavigationList"]
    others = [c for c in s.comps if c.ctype != "NavigationList"]
    if others:
        yield Finding(
            f"{others[0].pointer}/type",
            "INVALID_PROPERTY_VALUE",
            "A screen with a NavigationList cannot have other components; "
            "move this component to another screen.",
        )
    if s.terminal:
        yield Finding(
            f"{lists[0].pointer}/type",
            "INVALID_PROPERTY_VALUE",
            "NavigationList cannot be used on a terminal screen; move it to an earlier screen.",
        )


def _min_max(comp: Comp) -> Iterator[Finding]:
    for low_key, high_key in _PAIRS:
        if low_key not in comp.node or high_key not in comp.node:
            continue
        low, high = comp.node[low_key], comp.node[high_key]
        if _greater(low, high):
            yield Finding(
                f"{comp.pointer}/{low_key}",
                "MIN_VALUE_GREATER_THAN_MAX",
                f"{low_key} ({low}) cannot be greater than {high_key} ({high}) for "
                f"{comp.ctype} '{comp.node.get('name', '')}'; swap or fix the values.",
            )


def _greater(low: object, high: object) -> bool:
    if isinstance(low, bool) or isinstance(high, bool):
        return False
    if isinstance(low, (int, float)) and isinstance(high, (int, float)):
        return low > high
    if isinstance(low, str) and isinstance(high, str) and "${" not in low + high:
        if low.isdigit() and high.isdigit():
            return int(low) > int(high)
        return len(low) == len(high) == 10 and low > high  # YYYY-MM-DD
    return False


def _native_init_values(s: ScreenFacts) -> Iterator[Finding]:
    for form in (c for c in s.comps if c.ctype == "Form"):
        values = form.node.get("init-values")
        for key in values if isinstance(values, dict) else ():
            native = [c.ctype for c in s.names.get(key, []) if c.ctype in PICKERS]
            if native:
                yield Finding(
                    pointer_join(form.pointer, "init-values", key),
                    "NATIVE_COMPONENT_IN_FORM_INIT_VALUES",
                    f"'init-values' cannot set {native[0]} '{key}'; remove it from init-values.",
                    at_key=True,
                )

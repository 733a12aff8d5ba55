"""The component half of the quick verdict: one screen's components, as ``walk`` sees them.

Gathers per-screen counts (per rendering path), names, references (pointer kept as
segments) and actions; answers False at once for what ``verdict`` leaves to the full rules.
Hot path: plain loops over locals.
"""

from __future__ import annotations

from typing import Any

from flowops.flowjson.rules.components import PAIR_KEYS, WITH_PAIRS
from flowops.flowjson.rules.dates import DATE_KEYS
from flowops.flowjson.rules.dates import PICKERS as DATE_PICKERS
from flowops.flowjson.rules.facts import INPUT_TYPES
from flowops.flowjson.rules.lists import OPTIONS
from flowops.flowjson.rules.lists import needs_check as options_need_check
from flowops.flowjson.rules.pickers import PICKERS
from flowops.flowjson.rules.properties import TRIGGERS, needs_check
from flowops.flowjson.rules.walk import inert, join_key

_STRUCTURAL = frozenset({"children", "then", "else", "cases"})
# What a component type asks of the pass, as bit flags (one lookup per component).
_UNFOLLOWED, _PAIRED, _INPUT, _CONTAINER, _PROPERTY, _DATED, _OPTIONS = 1, 2, 4, 8, 16, 32, 64
_KINDS: dict[str, int] = {}
for _types, _flag in (
    ({"NavigationList", "ImageCarousel"} | PICKERS, _UNFOLLOWED),
    (set(TRIGGERS), _PROPERTY),
    (set(OPTIONS), _OPTIONS),
    (set(DATE_PICKERS), _DATED),
    (WITH_PAIRS, _PAIRED),
    (INPUT_TYPES, _INPUT),
    ({"Form", "If", "Switch"}, _CONTAINER),
):
    for _type in _types:
        _KINDS[_type] = _KINDS.get(_type, 0) | _flag


class ScreenPass:
    """What one screen's pass gathers (refs keep their pointer as segments until needed)."""

    __slots__ = ("actions", "counts", "has_form", "loose_inputs", "names", "refs")

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.names: set[str] = set()
        self.refs: list[tuple[str, str, str, bool, tuple[Any, ...]]] = []
        self.actions: list[tuple[dict[str, Any], str]] = []  # (action, component type)
        self.has_form = False
        self.loose_inputs = False


def components(
    s: ScreenPass, counts: dict[str, int], items: list[Any], ptr: str, in_form: bool, depth: int
) -> bool:
    names, refs = s.names, s.refs
    for i, node in enumerate(items):
        if not isinstance(node, dict):
            continue
        raw = node.get("type")
        ctype = raw if isinstance(raw, str) else ""
        flags = _KINDS.get(ctype, 0)
        if flags:
            if flags & _UNFOLLOWED or (flags & _PAIRED and not PAIR_KEYS.isdisjoint(node)):
                return False
            if flags & _PROPERTY and TRIGGERS[ctype] in node and needs_check(ctype, node):
                return False
            if flags & _OPTIONS and options_need_check(ctype, node):
                return False
            if flags & _DATED and not DATE_KEYS.isdisjoint(node):
                return False
            if flags & _INPUT and not in_form:
                s.loose_inputs = True
        counts[ctype] = counts.get(ctype, 0) + 1
        for key, value in node.items():
            kind = type(value)
            if kind is str:
                if "${" in value:
                    refs.append((value, ctype, key, in_form, (ptr, i, key)))
                elif key == "name" and ctype != "Form":
                    if value in names:
                        return False
                    names.add(value)
            elif (kind is dict or kind is list) and key not in _STRUCTURAL:
                _scan(s, key, value, (ptr, i, key), ctype, in_form, key)
        if flags & _CONTAINER and not _container(s, counts, node, f"{ptr}/{i}", in_form, depth):
            return False
    return True


def _container(
    s: ScreenPass, counts: dict[str, int], node: dict[str, Any], ptr: str, in_form: bool, depth: int
) -> bool:
    """Form children count on the screen; one level of If/Switch branches as ``walk`` counts."""
    if node["type"] == "Form":
        s.has_form = True
        inner = node.get("children")
        return not isinstance(inner, list) or components(
            s, counts, inner, f"{ptr}/children", True, depth
        )
    if depth:
        return False  # nested If/Switch: nesting and Footer placement rules
    branches = _branches(node, ptr)
    if branches is None:
        return False
    merged: dict[str, int] = {}
    footers = 0
    for items, at in branches:
        sub: dict[str, int] = {}
        if isinstance(items, list) and not components(s, sub, items, at, in_form, 1):
            return False
        footers += bool(sub.get("Footer"))
        for key, value in sub.items():
            if value > merged.get(key, 0):
                merged[key] = value
    if 0 < footers < len(branches):
        return False  # a Footer in some branches only
    for key, value in merged.items():
        counts[key] = counts.get(key, 0) + value
    return True


def _branches(node: dict[str, Any], ptr: str) -> list[tuple[object, str]] | None:
    if node["type"] == "If":
        return [(node.get("then"), f"{ptr}/then"), (node.get("else"), f"{ptr}/else")]
    cases = node.get("cases")
    if not isinstance(cases, dict) or not cases:
        return None
    return [(items, join_key(f"{ptr}/cases", key)) for key, items in cases.items()]


def _scan(
    s: ScreenPass,
    key: str | int,
    value: Any,
    at: tuple[Any, ...],
    ctype: str,
    in_form: bool,
    prop: str,
) -> None:
    """`${…}` strings and `*-action` objects anywhere under a property, as ``walk`` finds them."""
    if type(value) is dict:
        if type(key) is str and key.endswith("-action"):
            s.actions.append((value, ctype))
        items: Any = value.items()
    else:
        items = enumerate(value)
    for sub, item in items:
        kind = type(item)
        if kind is str:
            if "${" in item:
                s.refs.append((item, ctype, prop, in_form, (*at, sub)))
        elif kind is list or (kind is dict and not inert(sub, item)):
            _scan(s, sub, item, (*at, sub), ctype, in_form, prop)

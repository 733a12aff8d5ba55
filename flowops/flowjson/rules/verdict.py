"""A quick verdict for the common case: a flow that plainly breaks no semantic rule.

``clean(doc, version)`` makes one pass over the screens and answers True only when the
full rules (``run_rules``) would report nothing. Whatever it does not fully follow (nested
If/Switch, pickers, NavigationList, ImageCarousel, min/max pairs, `${screen…}` and other
references off the fast path, multiple entry screens, …) makes it answer False, and the
full rules run and explain. So it can only save time: it never decides that something is
wrong. Values nested in component properties are visited as ``walk`` visits them; nothing
is allocated per component beyond the few records the flow-level checks need, and pointers
are built only for a reference whose binding type must be checked.

Hot path: plain loops over locals, as in ``walk``.
"""

from __future__ import annotations

from typing import Any

from flowops.flowjson.findings import Version
from flowops.flowjson.rules.components import FORM_OPTIONAL, PAIR_KEYS, WITH_PAIRS
from flowops.flowjson.rules.data_fields import sound_field
from flowops.flowjson.rules.expressions import refs_in
from flowops.flowjson.rules.facts import INPUT_TYPES, Ref
from flowops.flowjson.rules.limits import CAPS, MAX_COMPONENTS
from flowops.flowjson.rules.pickers import PICKERS
from flowops.flowjson.rules.typing_rules import binding_fits, check_binding
from flowops.flowjson.rules.verdict_flow import Flow, flow_is_clean
from flowops.flowjson.rules.walk import inert, join_key

_STRUCTURAL = frozenset({"children", "then", "else", "cases"})
# What a component type asks of the pass, as bit flags (one lookup per component).
_UNFOLLOWED, _PAIRED, _INPUT, _CONTAINER = 1, 2, 4, 8
_KINDS: dict[str, int] = {}
for _types, _flag in (
    ({"NavigationList", "ImageCarousel"} | PICKERS, _UNFOLLOWED),
    (WITH_PAIRS, _PAIRED),
    (INPUT_TYPES, _INPUT),
    ({"Form", "If", "Switch"}, _CONTAINER),
):
    for _type in _types:
        _KINDS[_type] = _KINDS.get(_type, 0) | _flag
_NOT_COUNTED = ("Form", "If", "Switch")  # containers do not count towards the 50 components


class _Screen:
    """What one screen's pass gathers (refs keep their pointer as segments until needed)."""

    __slots__ = ("actions", "counts", "has_form", "loose_inputs", "names", "refs")

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.names: set[str] = set()
        self.refs: list[tuple[str, str, str, bool, tuple[Any, ...]]] = []
        self.actions: list[tuple[dict[str, Any], str]] = []  # (action, component type)
        self.has_form = False
        self.loose_inputs = False


def clean(doc: dict[str, Any], version: Version) -> bool:
    """True only when ``run_rules(doc, version)`` would return no findings."""
    screens = doc.get("screens")
    if not isinstance(screens, list) or not screens:
        return False
    flow = Flow(doc, version, "data_api_version" in doc)
    try:
        for index, screen in enumerate(screens):
            if not isinstance(screen, dict) or not _screen_is_clean(flow, index, screen):
                return False
    except RecursionError:
        return False
    return flow_is_clean(flow)


def _screen_is_clean(flow: Flow, index: int, screen: dict[str, Any]) -> bool:
    sid = screen.get("id")
    if type(sid) is not str or sid in flow.by_id or sid.upper() == "SUCCESS":
        return False
    terminal = screen.get("terminal") is True
    if not terminal and "success" in screen:
        return False
    if screen.get("refresh_on_back") is True and not flow.endpoint:
        return False
    data = screen.get("data")
    data = data if isinstance(data, dict) else {}
    for schema in data.values():
        if isinstance(schema, dict) and not sound_field(schema):
            return False
    layout = screen.get("layout")
    children = layout.get("children") if isinstance(layout, dict) else None
    if not isinstance(children, list):
        return False
    s = _Screen()
    title = screen.get("title")
    if isinstance(title, str) and "${" in title:
        s.refs.append((title, "screen", "title", False, (f"/screens/{index}", "title")))
    if not _components(s, s.counts, children, f"/screens/{index}/layout/children", False, 0):
        return False
    if not _screen_counts_ok(s, terminal, flow.version):
        return False
    if not _refs_ok(s, data):
        return False
    return flow.add_screen(sid, screen, data, terminal, s.actions)


def _components(
    s: _Screen, counts: dict[str, int], items: list[Any], ptr: str, in_form: bool, depth: int
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
    s: _Screen, counts: dict[str, int], node: dict[str, Any], ptr: str, in_form: bool, depth: int
) -> bool:
    """Form children count on the screen; one level of If/Switch branches as ``walk`` counts."""
    if node["type"] == "Form":
        s.has_form = True
        inner = node.get("children")
        return not isinstance(inner, list) or _components(
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
        if isinstance(items, list) and not _components(s, sub, items, at, in_form, 1):
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
    s: _Screen,
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


def _screen_counts_ok(s: _Screen, terminal: bool, version: Version) -> bool:
    counts = s.counts
    if terminal and not counts.get("Footer"):
        return False
    if s.loose_inputs and (s.has_form or version < FORM_OPTIONAL):
        return False
    for ctype, count in counts.items():
        if count > 1 and ctype in CAPS and count > CAPS[ctype][0]:
            return False
    total = sum(counts.values()) - sum(counts.get(t, 0) for t in _NOT_COUNTED)
    return total <= MAX_COMPONENTS


def _refs_ok(s: _Screen, data: dict[str, Any]) -> bool:
    """Every reference takes the full rules' fast path (see ``references.check``)."""
    names, footer_outside = s.names, s.has_form
    for text, ctype, prop, in_form, at in s.refs:
        for parsed in refs_in(text):
            parts = parsed[1]
            if len(parts) != 2:
                return False
            head, name = parts
            if head == "form":
                if name not in names or (footer_outside and not in_form and ctype == "Footer"):
                    return False
            elif head == "data":
                schema = data.get(name)
                if type(schema) is not dict:
                    return False
                if parsed[2] and schema and not binding_fits(ctype, prop, schema):
                    ref = Ref(_pointer(at), text, ctype, prop, in_form, ())
                    if check_binding(ref, parsed[0], schema):
                        return False
            else:
                return False
    return True


def _pointer(at: tuple[Any, ...]) -> str:
    ptr = at[0]
    for segment in at[1:]:
        ptr = join_key(ptr, segment)
    return ptr

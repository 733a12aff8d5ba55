"""A quick verdict for the common case: a flow that plainly breaks no semantic rule.

``clean(doc, version)`` makes one pass over the screens and answers True only when the
full rules (``run_rules``) would report nothing. Whatever it does not fully follow (If and
Switch, pickers, NavigationList, ImageCarousel, min/max pairs, update_data, actions nested
in other values, `${screen…}` and other references off the fast path, multiple entry
screens, …) makes it answer False, and the full rules run and explain. So it can only save
time: it never decides that something is wrong. Nothing is allocated per component beyond
the few records the flow-level checks need, and pointers are built only for a reference
whose binding type must be checked.

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
from flowops.flowjson.rules.typing_rules import check_binding, may_bind
from flowops.flowjson.rules.verdict_flow import Flow, flow_is_clean
from flowops.flowjson.rules.walk import join_key

_UNFOLLOWED = frozenset({"If", "Switch", "NavigationList", "ImageCarousel"} | PICKERS)
_STRUCTURAL = frozenset({"children", "then", "else", "cases"})


class _Screen:
    """What one screen's pass gathers (refs keep their pointer as segments until needed)."""

    __slots__ = ("actions", "counts", "has_form", "loose_inputs", "names", "refs")

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.names: set[str] = set()
        self.refs: list[tuple[str, str, str, bool, tuple[Any, ...]]] = []
        self.actions: list[tuple[dict[str, Any], str]] = []
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
    if not _components(s, children, f"/screens/{index}/layout/children", False):
        return False
    if not _screen_counts_ok(s, terminal, flow.version):
        return False
    if not _refs_ok(s, data):
        return False
    flow.add_screen(sid, screen, data, terminal, s.actions)
    return True


def _components(s: _Screen, items: list[Any], ptr: str, in_form: bool) -> bool:
    counts, names, refs = s.counts, s.names, s.refs
    for i, node in enumerate(items):
        if not isinstance(node, dict):
            continue
        raw = node.get("type")
        ctype = raw if isinstance(raw, str) else ""
        if ctype in _UNFOLLOWED or (ctype in WITH_PAIRS and not PAIR_KEYS.isdisjoint(node)):
            return False
        counts[ctype] = counts.get(ctype, 0) + 1
        if not in_form and ctype in INPUT_TYPES:
            s.loose_inputs = True
        here = f"{ptr}/{i}"
        for key, value in node.items():
            kind = type(value)
            if kind is str:
                if "${" in value:
                    refs.append((value, ctype, key, in_form, (here, key)))
                elif key == "name" and ctype != "Form":
                    if value in names:
                        return False
                    names.add(value)
            elif (kind is dict or kind is list) and key not in _STRUCTURAL:
                if kind is dict and type(key) is str and key.endswith("-action"):
                    if not _action(s, value, ctype, in_form, (here, key)):
                        return False
                elif not _inert(value):
                    return False
        if ctype == "Form":
            s.has_form = True
            inner = node.get("children")
            if isinstance(inner, list) and not _components(s, inner, f"{here}/children", True):
                return False
    return True


def _action(
    s: _Screen, action: dict[str, Any], ctype: str, in_form: bool, at: tuple[Any, ...]
) -> bool:
    """A component's action: references directly in it or in its payload; nothing else nested."""
    prop = at[-1]
    s.actions.append((action, ctype))
    for sub, item in action.items():
        kind = type(item)
        if kind is str:
            if "${" in item:
                s.refs.append((item, ctype, prop, in_form, (*at, sub)))
        elif sub == "payload" and kind is dict:
            for key, value in item.items():
                if type(value) is str and "${" in value:
                    s.refs.append((value, ctype, prop, in_form, (*at, "payload", key)))
                elif not _inert_item(key, value):
                    return False
        elif not _inert_item(sub, item):
            return False
    return True


def _inert_item(key: str | int, item: object) -> bool:
    """Nothing under ``item`` is a reference or an action (so the walk records nothing)."""
    kind = type(item)
    if kind is str:
        return "${" not in item  # type: ignore[operator]
    if kind is dict:
        return not (type(key) is str and key.endswith("-action")) and _inert(item)
    return kind is not list or _inert(item)


def _inert(value: Any) -> bool:
    items = value.items() if type(value) is dict else enumerate(value)
    return all(_inert_item(key, item) for key, item in items)


def _screen_counts_ok(s: _Screen, terminal: bool, version: Version) -> bool:
    counts = s.counts
    if terminal and not counts.get("Footer"):
        return False
    if s.loose_inputs and (s.has_form or version < FORM_OPTIONAL):
        return False
    if counts and max(counts.values()) > 1:
        for ctype, (cap, _) in CAPS.items():
            if counts.get(ctype, 0) > cap:
                return False
    return sum(counts.values()) - counts.get("Form", 0) <= MAX_COMPONENTS


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
                if parsed[2] and schema and may_bind(ctype, prop):
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

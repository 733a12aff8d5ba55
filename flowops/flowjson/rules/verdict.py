"""A quick verdict for the common case: a flow that plainly breaks no semantic rule.

``clean(doc, version)`` makes one pass over the screens and answers True only when the
full rules (``run_rules``) would report nothing. Whatever it does not fully follow (nested
If/Switch, pickers, NavigationList, ImageCarousel, min/max pairs, `${screen…}` and other
references off the fast path, multiple entry screens, …) makes it answer False, and the
full rules run and explain. So it can only save time: it never decides that something is
wrong. Values nested in component properties are visited as ``walk`` visits them; nothing
is allocated per component beyond the few records the flow-level checks need, and pointers
are built only for a reference whose binding type must be checked.

The component pass is in ``verdict_components``, the flow-level checks in ``verdict_flow``.
Hot path: plain loops over locals, as in ``walk``.
"""

from __future__ import annotations

from typing import Any

from flowops.flowjson.findings import Version
from flowops.flowjson.rules.components import FORM_OPTIONAL
from flowops.flowjson.rules.data_fields import sound_field
from flowops.flowjson.rules.expressions import refs_in
from flowops.flowjson.rules.facts import Ref
from flowops.flowjson.rules.limits import CAPS, MAX_COMPONENTS
from flowops.flowjson.rules.rich_text import allowed_with
from flowops.flowjson.rules.typing_rules import binding_fits, check_binding
from flowops.flowjson.rules.verdict_components import ScreenPass, components
from flowops.flowjson.rules.verdict_flow import Flow, flow_is_clean
from flowops.flowjson.rules.walk import join_key

_NOT_COUNTED = ("Form", "If", "Switch")  # containers do not count towards the 50 components


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
    s = ScreenPass()
    title = screen.get("title")
    if isinstance(title, str) and "${" in title:
        s.refs.append((title, "screen", "title", False, (f"/screens/{index}", "title")))
    if not components(s, s.counts, children, f"/screens/{index}/layout/children", False, 0):
        return False
    if not _screen_counts_ok(s, terminal, flow.version):
        return False
    if not _refs_ok(s, data):
        return False
    return flow.add_screen(sid, screen, data, terminal, s.actions)


def _screen_counts_ok(s: ScreenPass, terminal: bool, version: Version) -> bool:
    counts = s.counts
    if terminal and not counts.get("Footer"):
        return False
    if "RichText" in counts and not allowed_with(version).issuperset(counts):
        return False
    if s.loose_inputs and (s.has_form or version < FORM_OPTIONAL):
        return False
    for ctype, count in counts.items():
        if count > 1 and ctype in CAPS and count > CAPS[ctype][0]:
            return False
    total = sum(counts.values()) - sum(counts.get(t, 0) for t in _NOT_COUNTED)
    return total <= MAX_COMPONENTS


def _refs_ok(s: ScreenPass, data: dict[str, Any]) -> bool:
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

"""navigate_edges / entry_screen: the graph plan, runtime and diagrams rely on."""

from __future__ import annotations

from typing import Any

from flowops.flowjson.navigation import entry_screen, navigate_edges


def _nav(target: str) -> dict[str, Any]:
    return {"name": "navigate", "next": {"type": "screen", "name": target}, "payload": {}}


def _screen(sid: str, *children: dict[str, Any]) -> dict[str, Any]:
    return {"id": sid, "layout": {"type": "SingleColumnLayout", "children": list(children)}}


def _footer(action: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Footer", "label": "Go", "on-click-action": action}


def _link(target: str) -> dict[str, Any]:
    return {"type": "EmbeddedLink", "text": "More", "on-click-action": _nav(target)}


DOC: dict[str, Any] = {
    "version": "7.3",
    "screens": [
        _screen("MENU", _link("HELP"), _link("HELP"), _footer(_nav("FORM"))),
        _screen("FORM", {"type": "Form", "name": "f", "children": [_footer(_nav("DONE"))]}),
        _screen("HELP"),
        _screen("DONE", _footer({"name": "complete", "payload": {}})),
    ],
}


def test_edges_keep_document_order_without_repeats() -> None:
    assert navigate_edges(DOC) == {
        "MENU": ["HELP", "FORM"],
        "FORM": ["DONE"],
        "HELP": [],
        "DONE": [],
    }


def test_edges_include_navigation_list_items_and_if_branches() -> None:
    items = [{"id": "a", "main-content": {"title": "A"}, "on-click-action": _nav("A")}]
    branch = {"type": "If", "condition": "${data.x}", "then": [_footer(_nav("B"))]}
    doc = {
        "screens": [
            _screen("LIST", {"type": "NavigationList", "name": "l", "list-items": items}),
            _screen("COND", branch),
        ]
    }
    assert navigate_edges(doc) == {"LIST": ["A"], "COND": ["B"]}


def test_entry_is_first_screen_without_inbound_navigate() -> None:
    doc = {"screens": [DOC["screens"][3], *DOC["screens"][:3]]}
    assert entry_screen(doc) == "MENU"


def test_entry_uses_routing_model_when_present() -> None:
    doc = {**DOC, "routing_model": {"FORM": ["MENU"], "MENU": ["DONE"], "HELP": []}}
    assert entry_screen(doc) == "FORM"


def test_entry_falls_back_to_first_screen_when_every_screen_is_a_target() -> None:
    doc = {"screens": [_screen("A", _footer(_nav("B"))), _screen("B", _footer(_nav("A")))]}
    assert entry_screen(doc) == "A"


def test_entry_of_empty_or_malformed_document_is_none() -> None:
    assert entry_screen({"screens": []}) is None
    assert entry_screen({"screens": "nope"}) is None
    assert navigate_edges({"screens": [{"id": 3}, "x"]}) == {}


def test_too_deep_document_has_no_edges_instead_of_crashing() -> None:
    node: dict[str, Any] = _footer(_nav("B"))
    for _ in range(3000):
        node = {"type": "If", "condition": "${data.c}", "then": [node]}
    doc = {"screens": [_screen("A", node), _screen("B")]}
    assert navigate_edges(doc) == {}
    assert entry_screen(doc) == "A"

"""Rules never raise on odd shapes (the schema reports those), and severities are deliberate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from flowops.flowjson.rules import run_rules
from flowops.flowjson.rules.expressions import refs_in
from flowops.problems import Severity

ODD_DOCUMENTS: list[Any] = [
    {},
    {"screens": None},
    {"screens": ["x", 3, None]},
    {"screens": [{"id": 5, "layout": "flat"}]},
    {"screens": [{"id": "A", "layout": {"children": {"type": "Footer"}}}]},
    {"screens": [{"id": "A", "data": [], "layout": {"children": [None, 1, {"type": 7}]}}]},
    {"screens": [{"id": "A", "layout": {"children": [{"type": "If", "then": "x", "else": 3}]}}]},
    {"screens": [{"id": "A", "layout": {"children": [{"type": "Switch", "cases": []}]}}]},
    {"screens": [{"id": "A", "layout": {"children": [{"type": "Footer", "on-click-action": 1}]}}]},
    {
        "screens": [
            {
                "id": "A",
                "data": {"x": {"type": "array", "items": "string", "__example__": [1]}},
                "layout": {
                    "children": [
                        {"type": "TextBody", "text": "${data.x.y} ${} ${data..z} ${form}"},
                        {
                            "type": "Footer",
                            "on-click-action": {"name": "navigate", "next": "B", "payload": []},
                        },
                    ]
                },
            }
        ]
    },
    {"data_api_version": "3.0", "routing_model": {"A": "B", "": [None]}, "screens": []},
    {"routing_model": {"A": ["A"]}, "screens": [{"id": "A", "terminal": True}]},
    {
        "data_api_version": "3.0",
        "routing_model": {"A": [["B"], {"x": 1}]},
        "screens": [{"id": "A"}],
    },
    {
        "screens": [
            {
                "id": "A",
                "data": {
                    "s": {"type": ["string", "null"], "__example__": "x"},
                    "o": {
                        "type": "array",
                        "items": {"type": "object", "properties": {"p": {"type": ["number"]}}},
                        "__example__": [{"p": 1}],
                    },
                },
                "layout": {"children": [{"type": "TextBody", "text": "${data.s}"}]},
            }
        ]
    },
]


@pytest.mark.parametrize("doc", ODD_DOCUMENTS)
def test_odd_shapes_do_not_raise(doc: Any) -> None:
    findings = run_rules(doc, (7, 3))
    assert all(f.pointer == "" or f.pointer.startswith("/") for f in findings)


def _doc(name: str) -> dict[str, Any]:
    path = Path(__file__).parent / "data" / "rules" / "invalid" / f"{name}.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize(
    "case",
    ["navigate_on_terminal_footer", "navigate_graph_unreachable"],
)
def test_uncertain_rules_are_warnings(case: str) -> None:
    findings = run_rules(_doc(case), (7, 3))
    assert findings
    assert {f.severity for f in findings} == {Severity.WARNING}


def test_footer_outside_form_is_an_error_before_4_0_and_a_warning_after() -> None:
    doc = _doc("footer_payload_outside_form")
    old = [f for f in run_rules(doc, (2, 1)) if f.code == "INVALID_FOOTER_PAYLOAD_OUTSIDE_FORM"]
    new = [f for f in run_rules(doc, (7, 3)) if f.code == "INVALID_FOOTER_PAYLOAD_OUTSIDE_FORM"]
    assert [f.severity for f in old] == [Severity.ERROR]
    assert [f.severity for f in new] == [Severity.WARNING]


def test_messages_name_the_offending_value() -> None:
    (finding,) = run_rules(_doc("navigate_unknown_screen"), (7, 3))[:1]
    assert "'NOPE'" in finding.message
    assert finding.severity is Severity.ERROR


def test_references_inside_backtick_expressions_are_all_found() -> None:
    text = "`'Hi ' ${form.first_name} ' you have ' (${data.points} + 1)` ${x}"
    found = refs_in(text)
    assert [(expr, parts) for expr, parts, _ in found] == [
        ("form.first_name", ("form", "first_name")),
        ("data.points", ("data", "points")),
        ("x", ()),
    ]
    assert refs_in(text) == found  # memoised result is the same value
    assert refs_in("${data.a}") == (("data.a", ("data", "a"), True),)


def test_absurdly_deep_nesting_is_a_finding_not_a_crash() -> None:
    node: dict[str, Any] = {"type": "TextBody", "text": "x"}
    for _ in range(3000):
        node = {"type": "If", "condition": "${data.c}", "then": [node]}
    doc = {"screens": [{"id": "A", "layout": {"children": [node]}}]}
    findings = run_rules(doc, (7, 3))
    assert [f.code for f in findings] == ["INVALID_FLOW_JSON"]

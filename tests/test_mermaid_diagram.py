from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flowops.mermaid import (
    changed_screens,
    escape_label,
    flow_diagram,
    navigate_edges,
    node_ids,
)

DATA = Path(__file__).parent / "data" / "mermaid"


def load(name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return result


def test_two_screen_flow_has_nodes_and_a_navigate_edge() -> None:
    text = flow_diagram(load("two_screens.json"))
    assert text.splitlines() == [
        "flowchart TD",
        '  s_ASK_NAME["ASK_NAME: Your name"]',
        '  s_CONFIRM(["CONFIRM: Confirm"])',
        "  s_ASK_NAME --> s_CONFIRM",
    ]


def test_changed_screens_are_highlighted_with_a_class() -> None:
    text = flow_diagram(load("two_screens.json"), changed={"CONFIRM"})
    assert "  classDef changed " in text
    assert text.rstrip().endswith("class s_CONFIRM changed")


def test_unchanged_flow_declares_no_highlight_class() -> None:
    assert "classDef" not in flow_diagram(load("two_screens.json"), changed=())


def test_routing_model_edges_are_dotted_and_nested_navigates_are_found() -> None:
    text = flow_diagram(load("routed.json"))
    assert "  s_end --> s_DETAILS" in text  # navigate inside If/then
    assert "  s_end -.-> s_DONE" in text
    assert "  s_DETAILS -.-> s_DONE" in text
    assert "s_end -.-> s_DETAILS" not in text  # already drawn as a navigate edge


def test_labels_are_escaped_so_quotes_and_brackets_cannot_break_the_diagram() -> None:
    text = flow_diagram(load("routed.json"))
    assert 's_end["end: Pick #lt;one#gt; #quot;now#quot;"]' in text
    assert escape_label("a`b#c\nd") == "a#96;b#35;c d"


def test_node_ids_are_sanitised_and_unique() -> None:
    ids = node_ids(["A-B", "A_B", "A B", "end"])
    assert ids == {"A-B": "s_A_B", "A_B": "s_A_B_2", "A B": "s_A_B_3", "end": "s_end"}


def test_edges_to_unknown_screens_are_left_out() -> None:
    doc = load("two_screens.json")
    doc["screens"][0]["layout"]["children"][1]["on-click-action"]["next"]["name"] = "GHOST"
    assert navigate_edges(doc) == [("ASK_NAME", "GHOST")]
    assert "GHOST" not in flow_diagram(doc)


def test_malformed_documents_give_an_empty_chart_not_an_exception() -> None:
    assert flow_diagram({"screens": "nope"}) == "flowchart TD\n"
    assert flow_diagram({"screens": [1, {"title": "no id"}]}) == "flowchart TD\n"


def test_changed_screens_compares_screens_by_id() -> None:
    before = load("two_screens.json")
    after = load("two_screens.json")
    after["screens"][1]["title"] = "Check"
    after["screens"].append({"id": "EXTRA", "layout": {}})
    assert changed_screens(before, after) == {"CONFIRM", "EXTRA"}
    assert changed_screens(None, before) == {"ASK_NAME", "CONFIRM"}
    assert changed_screens(before, load("two_screens.json")) == set()

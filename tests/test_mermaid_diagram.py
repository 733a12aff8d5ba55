from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from flowops.report.mermaid import (
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


ROOT = Path(__file__).parent.parent
_LABEL = r'"(?:[^"#<>`\x00-\x1f\x7f\x85\u2028\u2029]|#(?:quot|lt|gt|96|35);)*"'
_NODE_ID = r"s_[A-Za-z0-9_]+"
MERMAID_LINE = re.compile(
    rf"flowchart TD"
    rf"|  {_NODE_ID}(?:\[{_LABEL}\]|\(\[{_LABEL}\]\))"
    rf"|  {_NODE_ID} (?:-->|-\.->) {_NODE_ID}"
    rf"|  classDef changed [a-z0-9:#,-]+"
    rf"|  class {_NODE_ID}(?:,{_NODE_ID})* changed"
)


def _example_flows() -> list[Path]:
    return [
        *sorted((ROOT / "whatsapp_flows").rglob("*.json")),
        ROOT / "flowops" / "onboard" / "templates" / "project" / "welcome.json",
        DATA / "hostile.json",
    ]


@pytest.mark.parametrize("path", _example_flows(), ids=lambda p: p.name)
def test_every_line_of_every_example_diagram_is_plain_mermaid(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    every_screen = {screen["id"] for screen in doc["screens"]}
    text = flow_diagram(doc, changed=every_screen)
    bad = [line for line in text.splitlines() if not MERMAID_LINE.fullmatch(line)]
    assert not bad, bad
    assert text.count(" changed\n") == 1 and len(text.splitlines()) > 2


def test_line_breaks_of_any_kind_inside_a_title_become_spaces() -> None:
    assert escape_label("a\r\nb\tc\u2028d\x00e") == "a  b c d e"


def test_screen_ids_that_are_mermaid_keywords_or_collide_stay_distinct_nodes() -> None:
    text = flow_diagram(load("hostile.json"))
    assert "  s_o_x_graph --> s_end" in text
    assert "  s_x -.-> s_o_x_graph_2" in text  # 'o_x_graph' after 'o-x graph' took s_o_x_graph
    assert 's_x["x: ${data.title}"]' in text

from __future__ import annotations

import pytest
import yaml

from flowops.errors import FlowopsError
from flowops.manifest.text import append_flows
from flowops.onboard.select import slug

ENTRY = [("new_flow", {"file": "whatsapp_flows/new_flow.json", "name": 'Say "hi"'}, "imported")]


def test_entries_go_after_the_last_flow_and_before_the_next_section() -> None:
    text = (
        "version: 1\n"
        "flows:\n"
        "    # the first one\n"
        "    a:\n"
        "        file: a.json\n"
        "\n"
        "# trailing comment about settings\n"
        "settings:\n"
        "  concurrency: 2\n"
    )
    out = append_flows(text, ENTRY)
    assert out.startswith(text.split("\n\n")[0] + "\n    # imported\n    new_flow:\n")
    assert out.endswith("\n# trailing comment about settings\nsettings:\n  concurrency: 2\n")
    data = yaml.safe_load(out)
    assert data["flows"]["new_flow"] == {"file": "whatsapp_flows/new_flow.json", "name": 'Say "hi"'}
    assert data["settings"] == {"concurrency": 2}


def test_empty_flows_mapping_becomes_a_block() -> None:
    out = append_flows("version: 1\nflows: {}  # none yet\n", ENTRY)
    assert yaml.safe_load(out)["flows"]["new_flow"]["file"] == "whatsapp_flows/new_flow.json"
    assert "{}" not in out


def test_missing_flows_key_is_added_at_the_end() -> None:
    out = append_flows("version: 1", ENTRY)
    assert yaml.safe_load(out)["flows"]["new_flow"]["name"] == 'Say "hi"'


def test_lists_booleans_and_null_are_written_as_yaml() -> None:
    values = {"categories": ["SURVEY", "OTHER"], "publish": False, "flow_definition_name": None}
    out = append_flows("flows:\n", [("k", values, "c")])
    assert yaml.safe_load(out)["flows"]["k"] == values


def test_inline_flows_mapping_is_refused_with_a_hint() -> None:
    with pytest.raises(FlowopsError) as caught:
        append_flows("flows: {a: {file: a.json}}\n", ENTRY)
    assert "inline" in caught.value.message and caught.value.hint


@pytest.mark.parametrize(
    ("name", "key"),
    [("Tour Inquiry", "tour_inquiry"), ("2024 survey!", "flow_2024_survey"), ("---", "flow")],
)
def test_slug_makes_manifest_keys(name: str, key: str) -> None:
    assert slug(name) == key

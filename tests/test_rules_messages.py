"""What the user reads for common mistakes: one message per mistake, saying what was meant."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from flowops.flowjson import validate_text
from flowops.problems import Problem

BASE = Path(__file__).parent / "data" / "rules" / "messages" / "base.json"
INVALID = Path(__file__).parent / "data" / "flowjson" / "invalid"
Doc = dict[str, Any]


def _errors(doc: Doc | bytes) -> list[Problem]:
    data = doc if isinstance(doc, bytes) else json.dumps(doc, indent=2).encode()
    return [p for p in validate_text(data, "flow.json") if p.is_error]


def _mutated(change: Callable[[Doc], object]) -> Doc:
    doc: Doc = json.loads(BASE.read_text(encoding="utf-8"))
    change(doc)
    return doc


def _footer(doc: Doc, screen: int) -> Doc:
    action: Doc = doc["screens"][screen]["layout"]["children"][-1]["on-click-action"]
    return action


def _rename_key(doc: Doc, screen: int, old: str, new: str) -> None:
    s = doc["screens"][screen]
    doc["screens"][screen] = {(new if k == old else k): v for k, v in s.items()}


def _one(doc: Doc | bytes) -> Problem:
    errors = _errors(doc)
    assert len(errors) == 1, [f"{p.code}: {p.message}" for p in errors]
    return errors[0]


def test_base_document_is_valid() -> None:
    assert _errors(json.loads(BASE.read_text(encoding="utf-8"))) == []


def test_unknown_navigate_target_suggests_the_close_screen_id_and_lists_all() -> None:
    problem = _one((INVALID / "navigate_screen_typo.json").read_bytes())
    assert "did you mean 'CONTACT'?" in problem.message
    assert "'START', 'CONTACT'" in problem.hint


def test_navigate_target_in_the_wrong_case_suggests_the_real_id() -> None:
    doc = _mutated(lambda d: _footer(d, 0)["next"].update(name="contact"))
    assert "did you mean 'CONTACT'?" in _one(doc).message


def test_unknown_navigate_target_with_no_close_match_only_lists_the_ids() -> None:
    doc = _mutated(lambda d: _footer(d, 0)["next"].update(name="PAYMENT_DETAILS"))
    problem = _one(doc)
    assert "did you mean" not in problem.message
    assert "'START', 'CONTACT'" in problem.hint


@pytest.mark.parametrize(("typo", "key"), [("terminl", "terminal"), ("dat", "data")])
def test_misspelt_screen_key_gives_only_the_typo(typo: str, key: str) -> None:
    problem = _one(_mutated(lambda d: _rename_key(d, 1, key, typo)))
    assert problem.code == "INVALID_PROPERTY_KEY"
    assert f"did you mean `{key}`?" in problem.message


def test_misspelt_terminal_with_the_real_key_present_keeps_other_errors() -> None:
    def change(doc: Doc) -> None:
        doc["screens"][1]["terminal"] = False
        doc["screens"][1]["terminl"] = True

    codes = {p.code for p in _errors(_mutated(change))}
    assert {"INVALID_PROPERTY_KEY", "MISSING_TERMINAL_SCREEN"} <= codes


def test_unrelated_unknown_screen_key_does_not_hide_real_errors() -> None:
    doc = _mutated(lambda d: _rename_key(d, 1, "terminal", "colour"))
    codes = {p.code for p in _errors(doc)}
    assert {"INVALID_PROPERTY_KEY", "MISSING_TERMINAL_SCREEN", "INVALID_COMPLETE_ACTION"} <= codes


def test_errors_inside_a_misspelt_layout_key_point_at_the_text_written() -> None:
    def change(doc: Doc) -> None:
        _footer(doc, 0)["next"]["name"] = "NOWHERE"
        _rename_key(doc, 0, "layout", "layot")

    errors = {p.code: p for p in _errors(_mutated(change))}
    assert sorted(errors) == ["INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME", "INVALID_PROPERTY_KEY"]
    navigate = errors["INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME"]
    assert navigate.pointer == "/screens/0/layot/children/1/on-click-action/next/name"
    assert (navigate.line, navigate.col) == (22, 25)


def test_operators_inside_a_reference_hint_at_backticks() -> None:
    problem = _one((INVALID / "expression_without_backticks.json").read_bytes())
    assert "an expression inside ${…}" in problem.message
    assert problem.hint == (
        "Wrap expressions in backticks (Flow JSON 6.0+): `${data.full_name} != ''`."
    )


def test_expression_hint_before_6_0_says_the_version_is_needed() -> None:
    def change(doc: Doc) -> None:
        doc["version"] = "5.1"
        doc["screens"][1]["layout"]["children"][0]["text"] = "${data.full_name == 'x'}"

    assert '"version" 6.0 or later' in _one(_mutated(change)).hint


def test_two_plain_references_in_one_string_are_fine() -> None:
    text = "${data.full_name} ${data.full_name}"
    doc = _mutated(lambda d: d["screens"][1]["layout"]["children"][0].update(text=text))
    assert _errors(doc) == []


def test_empty_files_say_so() -> None:
    for name in ("empty_file", "whitespace_only_file", "bom_only_file"):
        problem = _one((INVALID / f"{name}.json").read_bytes())
        assert (problem.code, problem.message) == ("INVALID_FLOW_JSON", "the file is empty")


def test_misspelt_payload_key_is_one_did_you_mean() -> None:
    problem = _one((INVALID / "payload_key_typo.json").read_bytes())
    assert "did you mean 'full_name'?" in problem.message


def test_missing_payload_key_is_named_in_the_singular() -> None:
    phone = {"type": "string", "__example__": "+1 555 0100"}
    problem = _one(_mutated(lambda d: d["screens"][1]["data"].update(phone=phone)))
    assert problem.message == (
        "Screen 'CONTACT' expects 'phone' in the payload; add it or remove it from its data model."
    )


def test_form_reference_to_another_screens_component_says_how_to_pass_it() -> None:
    def change(doc: Doc) -> None:
        _footer(doc, 1)["payload"]["full_name"] = "${form.full_name}"

    problem = _one(_mutated(change))
    assert "'full_name' is a component on screen 'START'" in problem.hint
    assert "'${data.full_name}'" in problem.hint
    assert "'${screen.START.form.full_name}'" in problem.hint


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("${data.fullname}", "Did you mean '${data.full_name}'?"),
        ("${form.fulname}", "Did you mean '${form.full_name}'?"),
        ("${screen.STRAT.form.full_name}", "Did you mean screen 'START'?"),
    ],
)
def test_misspelt_reference_names_suggest_the_declared_one(text: str, hint: str) -> None:
    doc = _mutated(lambda d: _footer(d, 1)["payload"].update(full_name=text))
    if text.startswith("${form"):
        doc = copy.deepcopy(doc)
        doc["screens"][1]["layout"]["children"].insert(
            0, {"type": "TextInput", "name": "full_name", "label": "Name"}
        )
    assert _one(doc).hint == hint


def test_misspelt_data_type_suggests_the_json_type_once() -> None:
    problem = _one((INVALID / "data_type_typo.json").read_bytes())
    assert problem.message == "Unknown data type 'str'; did you mean 'string'?"


def test_misspelt_component_key_gives_only_the_typo() -> None:
    def change(doc: Doc) -> None:
        field = doc["screens"][0]["layout"]["children"][0]
        field["nmae"] = field.pop("name")

    problem = _one(_mutated(change))
    assert "did you mean `name`?" in problem.message


def test_misspelt_component_type_gives_only_the_typo() -> None:
    problem = _one((INVALID / "component_type_typo_footer.json").read_bytes())
    assert "did you mean `Footer`?" in problem.message


def test_typos_inside_a_corrected_component_are_found_too() -> None:
    def change(doc: Doc) -> None:
        children = doc["screens"][0]["layout"]["children"]
        children[0]["type"] = "textinput"
        doc["screens"][0]["layout"]["children"] = [
            {"type": "form", "name": "f", "children": children}
        ]

    doc = _mutated(change)
    messages = sorted(p.message for p in _errors(doc))
    assert messages == [
        "unknown component type `form`; did you mean `Form`?",
        "unknown component type `textinput`; did you mean `TextInput`?",
    ]


def test_field_of_a_string_data_field_says_it_has_none() -> None:
    def change(doc: Doc) -> None:
        doc["screens"][1]["layout"]["children"][0]["text"] = "${data.full_name.first}"

    problem = _one(_mutated(change))
    assert "'full_name' is a string, which has no 'first'" in problem.message


def test_data_field_without_example_is_named_with_its_type() -> None:
    problem = _one(_mutated(lambda d: d["screens"][1]["data"]["full_name"].pop("__example__")))
    assert problem.message == (
        "Data field 'full_name' has no '__example__'; add an example value of type string."
    )
    assert problem.hint == 'For example: "__example__": "text"'

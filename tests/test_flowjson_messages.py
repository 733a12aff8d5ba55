"""What a Flow author reads: one clear message per mistake, with Meta's code."""

from __future__ import annotations

import copy
import json
from typing import Any

from flowops.flowjson import validate_document, validate_text
from flowops.problems import Problem, Severity

BASE: dict[str, Any] = {
    "version": "7.3",
    "screens": [
        {
            "id": "ONLY",
            "terminal": True,
            "layout": {
                "type": "SingleColumnLayout",
                "children": [
                    {"type": "TextInput", "name": "email", "label": "Email"},
                    {
                        "type": "Footer",
                        "label": "Send",
                        "on-click-action": {"name": "complete", "payload": {}},
                    },
                ],
            },
        }
    ],
}


def _errors(doc: dict[str, Any]) -> list[Problem]:
    return [p for p in validate_text(json.dumps(doc, indent=1)) if p.is_error]


def _with_input(version: str = "7.3", **props: object) -> dict[str, Any]:
    doc = copy.deepcopy(BASE)
    doc["version"] = version
    doc["screens"][0]["layout"]["children"][0].update(props)
    return doc


def test_base_document_is_valid() -> None:
    assert _errors(BASE) == []


def test_typo_key_suggests_the_real_one_and_points_at_the_key() -> None:
    doc = copy.deepcopy(BASE)
    footer = doc["screens"][0]["layout"]["children"][1]
    footer["lable"] = "x"
    (problem,) = _errors(doc)
    assert problem.code == "INVALID_PROPERTY_KEY"
    assert "did you mean `label`?" in problem.message
    assert problem.pointer == "/screens/0/layout/children/1/lable"


def test_enum_error_lists_allowed_values() -> None:
    (problem,) = _errors(_with_input(**{"input-type": "mail"}))
    assert problem.code == "INVALID_ENUM_VALUE"
    assert "email" in problem.message and "passcode" in problem.message


def test_label_variant_needs_7_0() -> None:
    (problem,) = _errors(_with_input("6.3", **{"label-variant": "large"}))
    assert "needs Flow JSON 7.0 or later; this file is 6.3" in problem.message


def test_dynamic_values_are_exempt_from_static_limits() -> None:
    long_ref = "${data." + "x" * 40 + "}"
    doc = _with_input(label=long_ref, required="${data.flag}", **{"max-chars": "${data.n}"})
    doc["screens"][0]["data"] = {
        "x" * 40: {"type": "string", "__example__": "a"},
        "flag": {"type": "boolean", "__example__": True},
        "n": {"type": "number", "__example__": 3},
    }
    assert [p.code for p in _errors(doc)] == []


def test_static_label_over_the_limit_names_limit_and_length() -> None:
    (problem,) = _errors(_with_input(label="x" * 21))
    assert problem.code == "INVALID_PROPERTY_VALUE"
    assert "21 characters" in problem.message and "limit is 20" in problem.message


def test_wrong_type_is_reported_once() -> None:
    (problem,) = _errors(_with_input(**{"min-chars": [1]}))
    assert problem.code == "INVALID_PROPERTY_TYPE"
    assert "a number or a dynamic" in problem.message


def test_frozen_version_is_a_warning_unless_publishing() -> None:
    doc = json.dumps(_with_input("4.0"))
    (warning,) = validate_text(doc)
    assert warning.severity is Severity.WARNING
    assert "5.1, 6.0–6.3, 7.0–7.3" in warning.hint
    (error,) = validate_text(doc, will_publish=True)
    assert error.is_error and error.code == warning.code


def test_validate_document_accepts_a_parsed_document() -> None:
    doc = _with_input(label="")
    text = json.dumps(doc, indent=1)
    (problem,) = validate_document(json.loads(text), text, "f.json")
    assert (problem.code, problem.file) == ("MIN_CHARS_REQUIRED", "f.json")
    assert problem.line > 1


def test_garbage_input_never_raises() -> None:
    for text in ["", "   ", "null", "{", '"x"', "[]", "{}", b"\xff", '{"version": "7.3"}']:
        problems = validate_text(text)
        assert problems and all(p.is_error for p in problems), text


def test_absurdly_deep_nesting_is_reported_not_raised() -> None:
    inner: dict[str, Any] = {"type": "TextBody", "txt": "x"}
    for _ in range(200):
        inner = {"type": "If", "condition": "${data.a}", "then": [inner]}
    doc = copy.deepcopy(BASE)
    doc["screens"][0]["layout"]["children"].insert(0, inner)
    problems = validate_text(json.dumps(doc))
    assert problems and problems[0].is_error


def test_component_names_from_other_vocabularies_suggest_metas() -> None:
    for kind, meant in (("FORM", "Form"), ("Button", "Footer"), ("Paragraph", "TextBody")):
        doc = copy.deepcopy(BASE)
        doc["screens"][0]["layout"]["children"].insert(0, {"type": kind, "text": "Hi"})
        (problem,) = _errors(doc)
        assert problem.code == "INVALID_ENUM_VALUE"
        assert problem.message.endswith(f"unknown component type `{kind}`; did you mean `{meant}`?")


def test_minimum_counts_read_as_english() -> None:
    doc = copy.deepcopy(BASE)
    doc["screens"] = []
    (problem,) = _errors(doc)
    assert (problem.code, problem.message) == (
        "MIN_ITEMS_REQUIRED",
        "`screens` needs at least 1 item",
    )


def test_too_many_screens_is_metas_max_screens_number() -> None:
    doc = copy.deepcopy(BASE)
    screen = doc["screens"][0]
    doc["screens"] = [{**copy.deepcopy(screen), "id": f"S{i}"} for i in range(101)]
    found = [p for p in _errors(doc) if p.code == "MAX_SCREENS_NUMBER"]
    assert [(p.pointer, p.line) for p in found] == [("/screens", 3)]
    assert found[0].message == "the Flow JSON has 101 screens; the limit is 100"

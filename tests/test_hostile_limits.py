"""Hostile input is refused before the expensive work, with a position and exit 1.

Each case was a real defect: an alias bomb grew past 6 GB, ``"${${${…"`` was quadratic,
a FIFO hung validate, and some numbers or escapes crashed with exit 3.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from flowops.flowjson import validate_text
from flowops.limits import (
    FLOW_JSON_MAX_BYTES,
    FLOW_JSON_MAX_VALUES,
    MAX_NESTING,
    MAX_STRING_CHARS,
    YAML_MAX_VALUES,
)
from flowops.validate import validate_paths, validate_project
from tests.bounded import finishes_within, run_flowops

REPO = Path(__file__).parent.parent
FLOW = json.loads((REPO / "whatsapp_flows" / "tour_inquiry.json").read_text(encoding="utf-8"))


def laughs(levels: int) -> list[str]:
    """Ten levels of nine aliases each: 9**10 values from a few hundred bytes."""
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels + 1):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    return lines


def merges(levels: int) -> list[str]:
    """Each level merges the previous one twice: 2**levels work for a flat result."""
    lines = ["m0: &m0 {k: 1}"]
    lines += [f"m{i}: &m{i} {{<<: [*m{i - 1}, *m{i - 1}]}}" for i in range(1, levels + 1)]
    return lines


def project(root: Path, manifest: str) -> Path:
    shutil.copytree(REPO / "whatsapp_flows", root / "whatsapp_flows")
    (root / "flows.yaml").write_text(manifest, encoding="utf-8")
    return root


def test_alias_bomb_in_flows_yaml_is_refused_at_the_anchor(tmp_path: Path) -> None:
    project(tmp_path, "\n".join(["version: 1", *laughs(10), "flows: {}"]) + "\n")
    result = run_flowops(["validate"], tmp_path)
    assert result.returncode == 1, result.stderr
    # l6 is the first level past YAML_MAX_VALUES (9**7 > 1,000,000): line 8, at its anchor
    assert "flows.yaml:8:5: error MANIFEST_TOO_LARGE" in result.stdout
    assert f"more than {YAML_MAX_VALUES:,} values" in result.stdout


def test_alias_bomb_in_the_traditional_flows_file_is_refused(tmp_path: Path) -> None:
    project(tmp_path, "version: 1\ntraditional_flows: names.yaml\nflows: {}\n")
    (tmp_path / "names.yaml").write_text("\n".join(laughs(10)) + "\n", encoding="utf-8")
    result = run_flowops(["validate"], tmp_path)
    assert result.returncode == 1, result.stderr
    assert "names.yaml:7:5: error MANIFEST_CATALOGUE_INVALID" in result.stdout


def test_merge_key_bomb_is_refused(tmp_path: Path) -> None:
    project(tmp_path, "\n".join(["version: 1", *merges(40), "flows: {}"]) + "\n")
    result = run_flowops(["validate"], tmp_path)
    assert result.returncode == 1, result.stderr
    assert "MANIFEST_TOO_LARGE" in result.stdout


def test_merges_and_aliases_within_the_limits_still_work(tmp_path: Path) -> None:
    manifest = """version: 1
defaults: &base {categories: [OTHER], publish: false}
flows:
  tour:
    <<: *base
    file: whatsapp_flows/tour_inquiry.json
"""
    report = validate_project(project(tmp_path, manifest) / "flows.yaml")
    assert report.errors == 0, report.problems


def test_yaml_nested_past_the_limit_is_refused(tmp_path: Path) -> None:
    deep = "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1)
    report = validate_project(
        project(tmp_path, f"version: 1\nx: {deep}\nflows: {{}}\n") / "flows.yaml"
    )
    assert [(p.code, p.line) for p in report.problems] == [("MANIFEST_TOO_LARGE", 2)]


def test_manifest_over_the_size_limit_is_refused_without_parsing(tmp_path: Path) -> None:
    padding = "# " + "x" * 98 + "\n"
    text = "version: 1\nflows: {}\n" + padding * (FLOW_JSON_MAX_BYTES // 100 + 1)
    report = validate_project(project(tmp_path, text) / "flows.yaml")
    [problem] = report.problems
    assert problem.code == "MANIFEST_TOO_LARGE"
    assert problem.line > 99_000  # where the limit is crossed
    assert "larger than 10.0 MB" in problem.message


def test_dollar_brace_runs_are_linear(tmp_path: Path) -> None:
    doc = json.loads(json.dumps(FLOW))
    doc["screens"][0]["layout"]["children"][0]["text"] = "${" * 200_000
    with finishes_within(30):  # quadratic: about 4 minutes before the fix
        problems = validate_text(json.dumps(doc), "f.json", will_publish=False)
    # not one closed ${…} reference, so static text: its whole length counts
    assert [(p.code, "400000 characters long" in p.message) for p in problems] == [
        ("INVALID_PROPERTY_VALUE", True)
    ]


def _flow_with(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(json.dumps(FLOW))
    doc["screens"][0].update(changes)
    return doc


def test_flow_json_over_meta_10_mb_is_refused_before_parsing() -> None:
    text = json.dumps(_flow_with(data={"k": {"type": "string", "__example__": "x" * 9_000_000}}))
    text = text.replace('"TOUR"', '"TOUR", "pad": "' + "y" * 1_100_000 + '"', 1)
    problems = validate_text(text.encode(), "big.json")
    assert [(p.code, p.line, p.col) for p in problems] == [
        ("INVALID_FLOW_JSON", 1, FLOW_JSON_MAX_BYTES + 1)
    ]
    assert "larger than 10.0 MB, Meta's limit" in problems[0].message


def test_a_string_past_the_limit_is_refused_at_its_position() -> None:
    doc = _flow_with(data={"k": {"type": "string", "__example__": "x" * (MAX_STRING_CHARS + 1)}})
    text = json.dumps(doc, indent=1)
    problems = validate_text(text, "f.json")
    assert [p.code for p in problems] == ["INVALID_FLOW_JSON"]
    assert problems[0].pointer == "/screens/0/data/k/__example__"
    assert problems[0].line == text[: text.index('"xxx')].count("\n") + 1


def test_a_long_base64_image_is_within_the_limits() -> None:
    doc = _flow_with()
    image = {"type": "Image", "src": "A" * 400_000, "height": 100}
    doc["screens"][0]["layout"]["children"].insert(0, image)
    assert validate_text(json.dumps(doc), "f.json") == []


def test_two_hundred_thousand_keys_are_one_problem() -> None:
    doc = _flow_with()
    doc["screens"][0]["layout"]["children"][0].update({f"k{i}": 1 for i in range(200_000)})
    problems = validate_text(json.dumps(doc), "f.json")
    assert [p.code for p in problems] == ["INVALID_FLOW_JSON"]
    assert f"more than {FLOW_JSON_MAX_VALUES:,} values" in problems[0].message


def test_nesting_past_the_limit_is_refused_at_the_deepest_value() -> None:
    deep: Any = "x"
    for _ in range(MAX_NESTING):
        deep = [deep]
    problems = validate_text(json.dumps(_flow_with(data={"k": {"__example__": deep}})), "f.json")
    assert [p.code for p in problems] == ["INVALID_FLOW_JSON"]
    assert f"more than {MAX_NESTING} levels" in problems[0].message


@pytest.mark.parametrize(
    ("replacement", "words"),
    [
        ('"required": ' + "9" * 4400, "too large a number"),
        ('"required": 1e999', "1e999 is too large a number"),
        ('"required": -1E+999', "-1E+999 is too large a number"),
    ],
)
def test_numbers_beyond_a_float_or_int_are_user_errors(replacement: str, words: str) -> None:
    text = json.dumps(FLOW, indent=2).replace('"required": true', replacement, 1)
    [problem] = validate_text(text, "f.json")
    assert problem.code == "INVALID_FLOW_JSON"
    assert words in problem.message
    assert (problem.line, problem.col) == (18, 25)  # the number, as written


@pytest.mark.parametrize(
    ("where", "pointer", "line"),
    [
        ('"title": "\\ud800"', "/screens/0/title", 6),
        ('"\\udfff": 1, "title": "x"', "/screens/0", 4),  # the object: pointers get printed
    ],
)
def test_lone_surrogate_escapes_are_user_errors(where: str, pointer: str, line: int) -> None:
    text = json.dumps(FLOW, indent=2).replace('"title": "Plan your tour"', where, 1)
    [problem] = validate_text(text, "f.json")
    assert (problem.code, problem.pointer, problem.line) == ("INVALID_FLOW_JSON", pointer, line)
    assert "lone surrogate" in problem.message


def test_surrogate_pairs_are_fine() -> None:
    text = json.dumps(FLOW).replace("Plan your tour", "Plan your tour \\ud83d\\ude00", 1)
    assert validate_text(text, "f.json") == []


def test_min_chars_1e999_names_the_number() -> None:
    doc = json.loads((REPO / "whatsapp_flows" / "appointment_booking.json").read_text())
    text = json.dumps(doc, indent=2).replace('"input-type": "text"', '"min-chars": 1e999', 1)
    [problem] = validate_text(text, "f.json")
    assert "1e999 is too large a number" in problem.message
    assert "report this file" not in (problem.hint or "")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "flow.json")
    with finishes_within(20):  # it used to block forever waiting for a writer
        report = validate_paths([tmp_path / "flow.json"], tmp_path / "flows.yaml")
    [problem] = report.problems
    assert (problem.code, problem.message) == (
        "FILE_UNREADABLE",
        "Cannot read flow.json: not a regular file (a pipe).",
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_is_refused_not_read_forever(tmp_path: Path) -> None:
    with finishes_within(20):
        report = validate_paths([Path("/dev/zero")], tmp_path / "flows.yaml")
        manifest = validate_project(Path("/dev/zero"))
    assert [p.message for p in report.problems] == [
        "Cannot read /dev/zero: not a regular file (a device)."
    ]
    assert [p.code for p in manifest.problems] == ["MANIFEST_UNREADABLE"]


@pytest.mark.parametrize(("levels", "refused"), [(MAX_NESTING, False), (MAX_NESTING + 1, True)])
def test_the_nesting_limit_counts_every_level(levels: int, refused: bool) -> None:
    text = "[" * levels + "]" * levels
    [problem] = validate_text(text, "f.json")
    assert (f"more than {MAX_NESTING} levels" in problem.message) is refused, problem.message


def test_a_key_past_the_string_limit_is_refused_at_the_key() -> None:
    doc = _flow_with(data={"k" * (MAX_STRING_CHARS + 1): {"type": "string", "__example__": "x"}})
    [problem] = validate_text(json.dumps(doc), "f.json")
    assert "has a key longer than" in problem.message
    assert problem.pointer == "/screens/0/data"  # its object: the key itself is not echoed


def test_a_yaml_value_past_the_string_limit_is_refused(tmp_path: Path) -> None:
    text = f"version: 1\nflows: {{}}\nnote: {'x' * (MAX_STRING_CHARS + 1)}\n"
    [problem] = validate_project(project(tmp_path, text) / "flows.yaml").problems
    assert (problem.code, problem.line, problem.col) == ("MANIFEST_TOO_LARGE", 3, 7)

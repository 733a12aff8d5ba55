"""Data-driven Flow JSON cases: add a file under tests/data/flowjson/ to add a case.

``valid/*.json`` must give no errors. ``invalid/<name>.json`` must give exactly the errors
listed in ``<name>.expected``, one ``CODE line`` or ``CODE line:col`` per line. Lines
``warning CODE line`` must be among the warnings; ``# will_publish`` validates as for
publishing; other ``#`` lines are comments.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flowops.flowjson import validate_text
from flowops.flowjson.findings import parse_version
from flowops.flowjson.rules import run_rules
from flowops.problems import Problem

DATA = Path(__file__).parent / "data" / "flowjson"
VALID = sorted((DATA / "valid").glob("*.json"))
INVALID = sorted((DATA / "invalid").glob("*.json"))


def _entry(problem: Problem, with_col: bool) -> str:
    where = f"{problem.line}:{problem.col}" if with_col else str(problem.line)
    return f"{problem.code} {where}"


def _matches(problems: list[Problem], expected: list[str]) -> list[str]:
    """Render ``problems`` the way ``expected`` is written, so the lists compare exactly."""
    out = []
    for i, problem in enumerate(problems):
        want = expected[i] if i < len(expected) else ""
        out.append(_entry(problem, ":" in want.rsplit(" ", 1)[-1]))
    return out


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_valid_document_has_no_errors(path: Path) -> None:
    problems = validate_text(path.read_bytes(), path.name)
    assert [p for p in problems if p.is_error] == []


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_document_reports_expected_errors(path: Path) -> None:
    lines = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    publish = "# will_publish" in lines
    problems = validate_text(path.read_bytes(), path.name, will_publish=publish or None)
    errors = [p for p in problems if p.is_error]
    want = [ln for ln in lines if ln and not ln.startswith(("#", "warning "))]
    assert _matches(errors, want) == want, [f"{p.code}: {p.message}" for p in errors]
    warnings = [p for p in problems if not p.is_error]
    for line in (ln.removeprefix("warning ") for ln in lines if ln.startswith("warning ")):
        assert line in [_entry(w, ":" in line.rsplit(" ", 1)[-1]) for w in warnings]


def test_every_invalid_case_has_an_expected_file() -> None:
    assert INVALID
    missing = [p.name for p in INVALID if not p.with_suffix(".expected").exists()]
    assert missing == []


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_every_structural_error_says_what_to_do(path: Path) -> None:
    """Parse, version and schema errors carry a position and a hint (rules are tested apart)."""
    problems = validate_text(path.read_bytes(), path.name, will_publish=True)
    errors = [p for p in problems if p.is_error and p.code not in _rule_codes(path)]
    assert all(p.hint and p.message and p.line > 0 and p.col > 0 for p in errors), errors


def _rule_codes(path: Path) -> set[str]:
    try:
        doc = json.loads(path.read_bytes())
        version = parse_version(doc["version"])
    except (ValueError, KeyError, TypeError):
        return set()
    return {f.code for f in run_rules(doc, version)} if version else set()

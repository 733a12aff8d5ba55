"""Data-driven rule cases: valid/*.json have no findings; invalid/<case>.json has exactly
the findings in <case>.expected (one ``CODE /json/pointer`` per line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flowops.flowjson.findings import parse_version
from flowops.flowjson.rules import run_rules

DATA = Path(__file__).parent / "data" / "rules"
VALID = sorted((DATA / "valid").glob("*.json"))
INVALID = sorted((DATA / "invalid").glob("*.json"))


def _findings(path: Path) -> set[str]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    version = parse_version(doc.get("version")) or (0, 0)
    return {f"{f.code} {f.pointer}" for f in run_rules(doc, version)}


def test_every_invalid_case_has_expectations() -> None:
    assert INVALID, "no invalid cases found"
    missing = [p.name for p in INVALID if not p.with_suffix(".expected").exists()]
    assert missing == []


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_documents_have_no_findings(path: Path) -> None:
    assert _findings(path) == set()


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_documents_report_expected_findings(path: Path) -> None:
    lines = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert _findings(path) == {line.strip() for line in lines if line.strip()}

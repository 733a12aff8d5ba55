"""docs/flow-json-rules.md lists every documented Flow JSON rule with what enforces it;
these tests hold that list and the code to each other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flowops.flowjson.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "flow-json-rules.md"
CODE_ROOT = ROOT / "flowops" / "flowjson"
DATA = ROOT / "tests" / "data"
_REFERENCE = re.compile(r"`((?:rules/)?\w+\.py):(\w+)`")
_CODE = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")
_FIXTURE = re.compile(r"`((?:flowjson|rules)/(?:valid|invalid)/[\w.-]+\.json)`")


def rows() -> list[list[str]]:
    out = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 4 and cells[0] not in ("Rule", "Code", "---"):
            out.append(cells)
    return out


def _all_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in CODE_ROOT.rglob("*.py"))


def test_every_row_says_what_enforces_it_or_why_not() -> None:
    assert len(rows()) > 80
    for rule, enforced, _, _ in rows():
        says = enforced.startswith("not enforced:") or "catalog" in enforced
        assert says or _REFERENCE.search(enforced), rule


@pytest.mark.parametrize("module", sorted({m for r in rows() for m, _ in _REFERENCE.findall(r[1])}))
def test_every_referenced_name_exists(module: str) -> None:
    text = (CODE_ROOT / module).read_text(encoding="utf-8")
    for row in rows():
        for path, name in _REFERENCE.findall(row[1]):
            if path == module:
                defined = re.search(rf"^(?:def {name}\b|{name}\b.*=)", text, re.MULTILINE)
                assert defined, f"{module}:{name} (row: {row[0]})"


def test_every_code_listed_is_one_the_validator_reports() -> None:
    source = _all_text()
    for rule, _, codes, _ in rows():
        for code in _CODE.findall(codes):
            assert f'"{code}"' in source, f"{code} (row: {rule})"


def test_every_fixture_listed_exists() -> None:
    listed = [f for r in rows() for f in _FIXTURE.findall(r[3])]
    assert len(listed) > 60
    assert [f for f in listed if not (DATA / f).is_file()] == []


def test_every_code_the_fixtures_expect_is_listed() -> None:
    documented = {c for r in rows() for c in _CODE.findall(r[2])}
    expected: set[str] = set()
    for path in [*DATA.glob("flowjson/invalid/*.expected"), *DATA.glob("rules/invalid/*.expected")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                expected.add(line.removeprefix("warning ").split()[0])
    assert expected - documented == set()


def test_every_rule_module_is_listed() -> None:
    text = DOC.read_text(encoding="utf-8")
    for rule in RULES:
        module = rule.__module__.rsplit(".", 1)[-1]
        assert f"`rules/{module}.py:" in text, module

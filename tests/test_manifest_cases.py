"""Data-driven manifest cases: tests/data/manifest/<case>/flows.yaml + expected.txt.

Each expected line is ``CODE line:col`` (``CODE file:line:col`` for problems in another
file), followed by `` warning`` for warnings. ``expected-strict.txt`` (optional) is the
same case loaded with ``strict=True``. Adding a case means adding a folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flowops.manifest import load_with_problems
from flowops.problems import Problem

CASES = Path(__file__).parent / "data" / "manifest"


def expected_line(problem: Problem) -> str:
    where = f"{problem.line}:{problem.col}"
    if problem.file != "flows.yaml":
        where = f"{problem.file}:{where}"
    suffix = "" if problem.is_error else " warning"
    return f"{problem.code} {where}{suffix}"


def read_expected(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return sorted(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def cases(name: str) -> list[Path]:
    return sorted(p.parent for p in CASES.glob(f"*/{name}"))


@pytest.mark.parametrize("case", cases("expected.txt"), ids=lambda p: p.name)
def test_case(case: Path) -> None:
    manifest, problems = load_with_problems(case / "flows.yaml")
    assert sorted(expected_line(p) for p in problems) == read_expected(case / "expected.txt")
    assert (manifest is None) == any(p.is_error for p in problems)


@pytest.mark.parametrize("case", cases("expected-strict.txt"), ids=lambda p: p.name)
def test_case_strict(case: Path) -> None:
    manifest, problems = load_with_problems(case / "flows.yaml", strict=True)
    assert sorted(expected_line(p) for p in problems) == read_expected(case / "expected-strict.txt")
    assert manifest is None


def test_every_case_folder_has_expectations() -> None:
    folders = [p for p in CASES.iterdir() if p.is_dir()]
    assert folders
    assert all((folder / "expected.txt").is_file() for folder in folders)

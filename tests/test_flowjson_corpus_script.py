"""scripts/check-corpus: one line per document, a summary line, exit 1 on failures.

Triaged known defects pass only with exactly their listed codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "flowjson" / "corpus"


def _run(directory: Path, *options: str) -> subprocess.CompletedProcess[str]:
    script = ROOT / "scripts" / "check-corpus"
    command = [sys.executable, str(script), *options, str(directory)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_verdicts_follow_sources_tsv() -> None:
    done = _run(CORPUS)
    lines = dict(line.split(": ", 1) for line in done.stdout.splitlines()[:-1])
    assert lines["PASS src/good.json"].startswith("[yes] 0 error(s)")
    assert "expected code found" in lines["PASS src/bad.json"]
    assert lines["PASS src/unknown.json"].startswith("[unknown] invalid; 1 error(s)")
    assert lines["FAIL src/claimed_bad.json"].startswith("[no] ACCEPTED")
    assert lines["PASS flow-json-invalid/missing.json"].startswith("[no] rejected")
    assert done.stdout.splitlines()[-1] == "4 passed, 1 failed"
    assert done.returncode == 1


def test_folder_without_sources_expects_every_document_valid(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes((CORPUS / "src" / "good.json").read_bytes())
    done = _run(tmp_path)
    assert done.stdout.splitlines()[-1] == "1 passed, 0 failed"
    assert done.returncode == 0


def test_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    done = _run(tmp_path / "nope")
    assert done.returncode == 2
    assert "Usage" in done.stderr


TRIAGED = ROOT / "tests" / "data" / "flowjson" / "corpus_triaged"
TRIAGE = ROOT / "tests" / "data" / "flowjson" / "corpus_triage.tsv"


def _run_triaged() -> tuple[dict[str, str], list[str], int]:
    done = _run(TRIAGED, "--triage", str(TRIAGE))
    out = done.stdout.splitlines()
    details = {line.split(": ", 1)[0]: line for line in out if line.startswith(("PASS", "FAIL"))}
    return details, out, done.returncode


def test_triaged_document_passes_only_with_exactly_its_listed_codes() -> None:
    details, out, code = _run_triaged()
    assert "known defect (input-type mail is not an input type)" in details["PASS src/known.json"]
    assert "but got INVALID_ENUM_VALUE" in details["FAIL src/drifted.json"]
    assert "but got no errors" in details["FAIL src/fixed.json"]
    assert out[-3] == f"note: the triage list names src/gone.json, which is not under {TRIAGED}"
    assert out[-2].startswith("1 triaged: known defects")
    assert out[-1] == "2 passed, 2 failed"
    assert code == 1


def test_shipped_triage_list_is_well_formed() -> None:
    rows = (ROOT / "scripts" / "corpus-triage.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t") == ["file", "codes", "reason"]
    for row in rows[1:]:
        file, codes, reason = row.split("\t")
        assert file.endswith(".json") and reason.strip()
        assert all(code.strip().isupper() for code in codes.split(","))


def test_missing_triage_list_is_a_usage_error(tmp_path: Path) -> None:
    done = _run(TRIAGED, "--triage", str(tmp_path / "none.tsv"))
    assert done.returncode == 2
    assert "--triage TSV" in done.stderr

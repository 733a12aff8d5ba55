"""scripts/check-corpus: one line per document, a summary line, exit 1 on failures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "flowjson" / "corpus"


def _run(directory: Path) -> subprocess.CompletedProcess[str]:
    script = ROOT / "scripts" / "check-corpus"
    return subprocess.run(
        [sys.executable, str(script), str(directory)], capture_output=True, text=True, check=False
    )


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

"""Exit codes a pipeline can trust: 2 means "changes present" / "drift", never a typo."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from flowops.cli import cli

TYPOS = [
    ["plan", "--detailed-exitcode", "--fromat", "json"],
    ["drift", "--formt", "markdown"],
    ["plan", "--format", "yaml"],
    ["apply", "--auto-aprove"],
    ["status", "--env"],
    ["resolve"],
    ["validate", "--strict=maybe"],
    ["emulator", "serve", "--port", "many"],
    ["no-such-command"],
    [],
]


@pytest.mark.parametrize("argv", TYPOS, ids=lambda argv: " ".join(argv) or "(nothing)")
def test_every_usage_error_exits_1_never_2(argv: list[str], tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["-m", str(tmp_path / "flows.yaml"), *argv])
    assert result.exit_code == 1, result.output
    assert "Error:" in result.output or result.output.startswith("Usage:")


def test_the_installed_command_exits_1_on_a_usage_error_too(tmp_path: Path) -> None:
    argv = [sys.executable, "-m", "flowops", "plan", "--detailed-exitcode", "--fromat", "json"]
    done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "No such option '--fromat'" in done.stderr
    assert done.stdout == ""


def test_help_still_exits_0() -> None:
    assert CliRunner().invoke(cli, ["plan", "--help"]).exit_code == 0

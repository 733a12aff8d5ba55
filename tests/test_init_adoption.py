"""A team adopting flowops: a fresh repository, `flowops init`, then `flowops import --all`
from a running emulator that already holds flows (applied from another checkout), gives a
repository whose plan is empty."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from flowops.cli import cli
from flowops.cli.errors import run_guarded
from flowops.emulator import EmulatorHandle, start_emulator

ROOT = Path(__file__).parent.parent
TOKEN = "emu-token-0123456789"


@pytest.fixture
def emulator(monkeypatch: pytest.MonkeyPatch) -> Iterator[EmulatorHandle]:
    monkeypatch.setenv("EMU_TOKEN", TOKEN)
    with start_emulator(token=TOKEN) as handle:
        yield handle


def shared_env(url: str) -> str:
    return (
        f'  shared:\n    waba_id: "555"\n    token_env: EMU_TOKEN\n    graph_url: "{url}"\n'
        "    lock_file: flows.shared.lock\n"
    )


class Flowops:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        self.monkeypatch, self.capsys = monkeypatch, capsys

    def __call__(self, root: Path, *args: str, code: int = 0) -> str:
        argv = ["flowops", "-m", str(root / "flows.yaml"), *args]
        self.monkeypatch.setattr(sys, "argv", argv)
        assert run_guarded(cli) == code, self.capsys.readouterr()
        return self.capsys.readouterr().out


@pytest.fixture
def flowops(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Flowops:
    return Flowops(monkeypatch, capsys)


def seed_from_the_example_repository(tmp_path: Path, url: str, flowops: Flowops) -> None:
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(ROOT / "traditional_flows.yaml", source)
    shutil.copytree(ROOT / "whatsapp_flows", source / "whatsapp_flows")
    text = (ROOT / "flows.yaml").read_text(encoding="utf-8")
    anchor = "environments:\n"
    (source / "flows.yaml").write_text(text.replace(anchor, anchor + shared_env(url), 1), "utf-8")
    flowops(source, "apply", "--env", "shared", "--auto-approve")


def test_init_then_import_all_gives_a_repository_whose_plan_is_empty(
    tmp_path: Path, emulator: EmulatorHandle, flowops: Flowops, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_from_the_example_repository(tmp_path, emulator.url, flowops)
    repo = tmp_path / "repo"
    repo.mkdir()
    monkeypatch.chdir(repo)
    flowops(repo, "init", "--pip-spec", "git+https://git.example/flowops@v0.1.0")
    manifest = repo / "flows.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("  # production:\n", shared_env(emulator.url), 1), "utf-8")
    out = flowops(repo, "import", "--env", "shared", "--all")
    assert sorted(line.split()[1] for line in out.splitlines() if line.startswith("imported")) == [
        "appointment_booking",
        "date_picker",
        "tour_inquiry",
    ]
    assert "No changes" in flowops(repo, "plan", "--env", "shared", "--detailed-exitcode")
    assert "No drift" in flowops(repo, "drift", "--env", "shared")
    flowops(repo, "validate", "--strict")
    written = [p for p in repo.rglob("*") if p.is_file()]
    assert not [p for p in written if TOKEN in p.read_text(encoding="utf-8", errors="replace")]

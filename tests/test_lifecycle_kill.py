"""A real SIGKILL in the middle of `flowops apply` against `flowops emulator serve`.

Both run as separate processes, the emulator with latency so the kill lands between steps
while other creates are in flight. The lock left behind must be truthful, and running apply
again must converge without a duplicate flow (in-flight creates are adopted by name).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from flowops.graph.client import GraphClient
from flowops.lock import file as lockfile
from tests.clirun import emulator_process
from tests.fakes_flows import make_project

WABA = "100000000000002"
TOKEN_ENV = "FLOWOPS_KILL_TEST_TOKEN"
EXTRA = 6


def _flowops(*args: str) -> list[str]:
    return [sys.executable, "-m", "flowops", *args]


def _env() -> dict[str, str]:
    return {**os.environ, TOKEN_ENV: "kill-test-token", "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}


@pytest.fixture
def emulator_url() -> Iterator[str]:
    with emulator_process(150, _env()) as url:
        yield url


def _project(tmp: Path, url: str) -> Path:
    manifest = make_project(tmp)
    survey = (tmp / "whatsapp_flows" / "survey.json").read_text()
    extra = []
    for n in range(EXTRA):
        (tmp / "whatsapp_flows" / f"extra_{n}.json").write_text(survey.replace("Rate us", f"#{n}"))
        extra.append(
            f"  extra_{n}:\n    name: extra_{n}\n    file: whatsapp_flows/extra_{n}.json\n"
            "    flow_definition_name: null\n"
        )
    env = (
        f'  staging:\n    waba_id: "{WABA}"\n    graph_url: {url}\n'
        f"    token_env: {TOKEN_ENV}\n    lock_file: flows.lock\n"
    )
    text = manifest.read_text().replace(
        "  local: {emulator: true}\n", "  local: {emulator: true}\n" + env
    )
    text = text.replace("  max_deprecations: 5\n", "  max_deprecations: 5\n  concurrency: 2\n")
    manifest.write_text(text + "".join(extra))
    return manifest


def _apply_killed_after_first_step(manifest: Path) -> str:
    """The key of the flow whose creation apply reported just before it was killed."""
    argv = _flowops("-m", str(manifest), "apply", "--env", "staging", "--auto-approve")
    with subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env()
    ) as proc:
        assert proc.stderr is not None
        reported = ""
        for line in proc.stderr:
            if ": created (flow " in line:
                proc.send_signal(signal.SIGKILL)
                reported = line.split(":", 1)[0]
                break
        assert proc.wait(timeout=30) == -signal.SIGKILL
    return reported


def _names_on_meta(url: str) -> Counter[str]:
    client = GraphClient(token="kill-test-token", waba_id=WABA, base_url=url)
    return Counter(f.name for f in client.list_flows())


def test_sigkill_mid_apply_then_apply_again_converges_without_duplicates(
    tmp_path: Path, emulator_url: str
) -> None:
    manifest = _project(tmp_path, emulator_url)
    reported = _apply_killed_after_first_step(manifest)
    locked = lockfile.load(tmp_path / "flows.lock").entries("staging")
    on_meta = _names_on_meta(emulator_url)
    assert reported in locked  # a step reported done is recorded (in the journal, at least)
    assert 1 <= len(locked) < EXTRA + 3  # killed part-way: some, not all, recorded
    assert {e.name for e in locked.values()} <= set(on_meta)  # the lock tells the truth
    again = _flowops("-m", str(manifest), "apply", "--env", "staging", "--auto-approve")
    done = subprocess.run(again, capture_output=True, text=True, env=_env(), timeout=60)
    assert done.returncode == 0, done.stderr
    wanted = {"welcome", "survey", "date_picker", *(f"extra_{n}" for n in range(EXTRA))}
    assert _names_on_meta(emulator_url) == Counter(wanted)  # each flow exactly once
    check = _flowops("-m", str(manifest), "plan", "--env", "staging", "--detailed-exitcode")
    plan = subprocess.run(check, capture_output=True, text=True, env=_env(), timeout=60)
    assert plan.returncode == 0, plan.stdout + plan.stderr
    assert "No changes. Meta matches git." in plan.stdout
    assert not (tmp_path / "flows.lock.journal").exists()  # folded into the lock by the rerun
    _assert_committable_lock(tmp_path / "flows.lock")


def _assert_committable_lock(path: Path) -> None:
    """The committed lock: sorted JSON, readable, without the token."""
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert "kill-test-token" not in text
    assert list(data["environments"]) == ["staging"]
    assert path.stat().st_mode & 0o044 == 0o044  # group/others may read it (CI, reviewers)

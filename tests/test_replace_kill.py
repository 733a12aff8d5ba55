"""kill -9 at every write boundary of a clone-and-swap, against `flowops emulator serve`.

The replacement writes, in order: the clone's name to the lock; the clone to Meta; the swap
to the lock (the old flow recorded as retiring); and in a later apply the deprecation to
Meta, then its removal from the lock. Each round kills apply (SIGKILL) right after one of
these, reruns apply until nothing is left to do, and checks Meta: exactly one live flow per
manifest entry, no second clone, and a plan with no changes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from flowops.graph.client import GraphClient
from tests.clirun import emulator_process
from tests.fakes_flows import edit_flow, edit_manifest, make_project

WABA = "100000000000003"
TOKEN_ENV = "FLOWOPS_REPLACE_KILL_TOKEN"
LIVE = ("PUBLISHED", "THROTTLED", "BLOCKED")


def flowops(*args: str) -> list[str]:
    return [sys.executable, "-m", "flowops", *args]


def env() -> dict[str, str]:
    return {**os.environ, TOKEN_ENV: "replace-kill-token", "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}


@pytest.fixture
def emulator_url() -> Iterator[str]:
    with emulator_process(100, env()) as url:
        yield url


def project(tmp: Path, url: str) -> Path:
    manifest = make_project(tmp)
    staging = (
        f'  staging:\n    waba_id: "{WABA}"\n    graph_url: {url}\n'
        f"    token_env: {TOKEN_ENV}\n    lock_file: flows.lock\n"
    )
    edit_manifest(manifest, "  local: {emulator: true}\n", "  local: {emulator: true}\n" + staging)
    edit_manifest(manifest, "  max_deprecations: 5\n", "  max_deprecations: 5\n  concurrency: 1\n")
    return manifest


def apply(manifest: Path) -> subprocess.CompletedProcess[str]:
    argv = flowops("-m", str(manifest), "apply", "--env", "staging", "--auto-approve")
    return subprocess.run(argv, capture_output=True, text=True, env=env(), timeout=60)


def apply_killed_after(manifest: Path, marker: str) -> None:
    argv = flowops("-m", str(manifest), "apply", "--env", "staging", "--auto-approve")
    with subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env()
    ) as proc:
        assert proc.stderr is not None
        seen = []
        for line in proc.stderr:
            seen.append(line)
            if marker in line:
                proc.send_signal(signal.SIGKILL)
                break
        assert proc.wait(timeout=30) == -signal.SIGKILL, "".join(seen)


def live_on_meta(url: str) -> tuple[Counter[str], Counter[str]]:
    client = GraphClient(token="replace-kill-token", waba_id=WABA, base_url=url)
    flows = list(client.list_flows())
    return Counter(f.name for f in flows if f.status in LIVE), Counter(f.name for f in flows)


# (which apply is killed, the stderr line right after which it is killed)
BOUNDARIES = [
    ("replace", "recorded the clone's name 'welcome__v2'"),  # the create is in flight
    ("replace", "welcome: clone-and-swap: "),  # the swap is recorded
    ("retire", "Applying 2 change(s)"),  # the first deprecate is in flight
    ("retire", "welcome: retired the flow it replaced"),  # one retired, one not yet
]


@pytest.mark.parametrize(("phase", "marker"), BOUNDARIES)
def test_kill_at_each_write_boundary_then_rerun_leaves_one_live_flow_per_entry(
    tmp_path: Path, emulator_url: str, phase: str, marker: str
) -> None:
    manifest = project(tmp_path, emulator_url)
    assert apply(manifest).returncode == 0
    for key in ("welcome", "survey"):
        line = f"    file: whatsapp_flows/{key}.json\n"
        edit_manifest(manifest, line, line + "    update_strategy: clone\n")
    edit_manifest(manifest, "  concurrency: 1\n", "  concurrency: 1\n  retire_after_hours: 0\n")
    edit_flow(tmp_path, "whatsapp_flows/welcome.json", "Thanks, we", "Thank you, we")
    edit_flow(tmp_path, "whatsapp_flows/survey.json", "Rate us", "Rate our service")
    if phase == "replace":
        apply_killed_after(manifest, marker)
    else:
        assert apply(manifest).returncode == 0  # both replaced, the old flows still live
        assert live_on_meta(emulator_url)[0].total() == 5
        apply_killed_after(manifest, marker)
    for _ in range(2):  # the rerun finishes the swap; the one after retires (grace 0)
        done = apply(manifest)
        assert done.returncode == 0, done.stderr
    live, every = live_on_meta(emulator_url)
    assert live == Counter({"welcome__v2": 1, "survey__v2": 1, "date_picker": 1})
    assert every == Counter(["welcome", "survey", "date_picker", "welcome__v2", "survey__v2"])
    check = flowops("-m", str(manifest), "plan", "--env", "staging", "--detailed-exitcode")
    plan = subprocess.run(check, capture_output=True, text=True, env=env(), timeout=60)
    assert plan.returncode == 0, plan.stdout + plan.stderr

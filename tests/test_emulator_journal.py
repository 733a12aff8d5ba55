"""The emulator's state file and its journal: cheap writes, and kill -9 leaves nothing stale.

Every write used to re-serialise the whole state (0.38 s at 66 MB) through a temporary file
that a kill -9 left behind as ``.emulator-*``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from flowops.emulator import start_emulator
from flowops.emulator.store import COMPACT_AT_BYTES
from flowops.graph.client import GraphClient
from flowops.graph.errors import TransportError
from flowops.graph.retry import NO_RETRY

VALID = (Path(__file__).parent / "data" / "emulator" / "valid.json").read_bytes()
WABA = "104000000000009"


def client(url: str) -> GraphClient:
    return GraphClient(token="t", waba_id=WABA, base_url=url, retry=NO_RETRY)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_write_appends_the_flow_it_changed_not_the_whole_state(tmp_path: Path) -> None:
    state = tmp_path / "emulator.json"
    big = VALID.replace(b'"Join"', b'"' + b"J" * 200_000 + b'"')
    with start_emulator(state_path=state) as emu:
        api = client(emu.url)
        ids = [api.create_flow(f"big-{n}", ("OTHER",), flow_json=big).id for n in range(12)]
    snapshot = state.stat()
    assert snapshot.st_size > 12 * 200_000  # stopping folded everything into the snapshot
    with start_emulator(state_path=state) as emu:
        client(emu.url).update_metadata(ids[0], name="renamed")
        journal = state.with_name("emulator.json.journal")
        assert state.stat().st_ino == snapshot.st_ino  # the snapshot was not rewritten
        assert 0 < journal.stat().st_size < snapshot.st_size / 5  # one flow, not twelve
    with start_emulator(state_path=state) as emu:
        assert emu.model.get(ids[0]).name == "renamed"


def test_the_journal_is_folded_into_the_snapshot_once_it_outgrows_it(tmp_path: Path) -> None:
    state = tmp_path / "emulator.json"
    journal = state.with_name("emulator.json.journal")
    with start_emulator(state_path=state) as emu:
        api = client(emu.url)
        flow_id = api.create_flow("often", ("OTHER",), flow_json=VALID).id
        for n in range(COMPACT_AT_BYTES // len(VALID) + 50):
            api.update_metadata(flow_id, name=f"often-{n}")
            assert not journal.exists() or journal.stat().st_size <= COMPACT_AT_BYTES + 10_000
        assert state.exists()  # compacted while running, not only at the end


def test_a_line_cut_short_by_a_crash_is_dropped_and_later_writes_still_count(
    tmp_path: Path,
) -> None:
    state = tmp_path / "emulator.json"
    with start_emulator(state_path=state) as emu:
        kept = client(emu.url).create_flow("kept", ("OTHER",)).id
    journal = state.with_name("emulator.json.journal")
    journal.write_bytes(json.dumps({"g": 1, "flows": []}).encode()[:9])  # no newline: cut short
    with start_emulator(state_path=state) as emu:
        added = client(emu.url).create_flow("added", ("OTHER",)).id
        assert sorted(emu.model.flows) == sorted([kept, added])
    with start_emulator(state_path=state) as emu:
        assert sorted(emu.model.flows) == sorted([kept, added])


def test_a_journal_older_than_its_snapshot_is_ignored(tmp_path: Path) -> None:
    state = tmp_path / "emulator.json"
    with start_emulator(state_path=state) as emu:
        flow_id = client(emu.url).create_flow("current", ("OTHER",)).id
    stale = {"g": 0, "meta": {}, "flows": [], "deleted": [flow_id]}
    state.with_name("emulator.json.journal").write_text(json.dumps(stale) + "\n")
    with start_emulator(state_path=state) as emu:
        assert list(emu.model.flows) == [flow_id]


def test_temporary_files_of_a_killed_emulator_are_removed_at_start(tmp_path: Path) -> None:
    state = tmp_path / "emulator.json"
    (tmp_path / ".emulator.json.k1ll3d.tmp").write_text("{")
    legacy = tmp_path / ".emulator-a1b2c3"  # the name older versions used
    legacy.write_text("{")
    os.utime(legacy, (time.time() - 3600, time.time() - 3600))
    with start_emulator(state_path=state):
        pass
    assert leftovers(tmp_path) == []


def _serve(state: Path) -> tuple[subprocess.Popen[str], str]:
    argv = [sys.executable, "-m", "flowops", "emulator", "serve", "--port", "0"]
    proc = subprocess.Popen(
        [*argv, "--state", str(state)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()  # "flowops emulator: Meta's Flows API at http://…/v23.0"
    return proc, first.split(" at ", 1)[1].strip().rsplit("/", 1)[0]


def test_kill_9_mid_writes_loses_no_acknowledged_flow_and_leaves_no_temp_file(
    tmp_path: Path,
) -> None:
    state = tmp_path / "emulator.json"
    big = VALID.replace(b'"Join"', b'"' + b"J" * 150_000 + b'"')  # compactions happen often
    acknowledged: list[str] = []
    for round_ in range(6):
        proc, url = _serve(state)
        api = client(url)
        deadline = time.monotonic() + 0.4 + 0.1 * round_
        try:
            while time.monotonic() < deadline:
                acknowledged.append(
                    api.create_flow(f"r{round_}-{len(acknowledged)}", ("OTHER",), flow_json=big).id
                )
        except TransportError:
            pass
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=10)
    with start_emulator(state_path=state) as emu:
        assert set(acknowledged) <= set(emu.model.flows)
        assert leftovers(tmp_path) == []
    assert len(acknowledged) > 6  # writes really were under way when the kills landed

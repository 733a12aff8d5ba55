"""The apply journal: steps recorded by appending, replayed by every reader, folded once."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flowops.errors import LockfileError
from flowops.lock import file as lockfile
from flowops.lock.file import Lock, LockEntry
from flowops.lock.journal import Journal, discard, journal_path


def _entry(n: int, status: str = "DRAFT") -> LockEntry:
    return LockEntry(flow_id=str(1000 + n), name=f"flow_{n}", status=status)


def test_a_reader_sees_the_steps_in_the_journal_beside_the_lock(tmp_path: Path) -> None:
    lock_path = tmp_path / "flows.lock"
    lock = Lock()
    lock.put("prod", "kept", _entry(0))
    lock.put("prod", "gone", _entry(1))
    lockfile.save(lock, lock_path)
    journal = Journal(lock_path)
    journal.record("prod", {"new": _entry(2).to_dict()})
    journal.record("prod", {"gone": None, "new": _entry(2, "PUBLISHED").to_dict()})
    journal.close()
    entries = lockfile.load(lock_path).entries("prod")
    assert sorted(entries) == ["kept", "new"]
    assert entries["new"].status == "PUBLISHED"


def test_a_killed_first_apply_has_a_journal_and_no_lock_file_yet(tmp_path: Path) -> None:
    lock_path = tmp_path / "flows.lock"
    Journal(lock_path).record("prod", {"f0": _entry(0).to_dict()})
    assert not lock_path.exists()
    assert list(lockfile.load(lock_path).entries("prod")) == ["f0"]
    discard(lock_path)
    assert lockfile.load(lock_path).entries("prod") == {}


def test_a_line_cut_short_at_the_end_is_ignored(tmp_path: Path) -> None:
    lock_path = tmp_path / "flows.lock"
    journal = Journal(lock_path)
    journal.record("prod", {"whole": _entry(0).to_dict()})
    journal.close()
    with journal_path(lock_path).open("ab") as handle:
        handle.write(b'{"env": "prod", "flows": {"half": {"flow_id": "1')
    assert list(lockfile.load(lock_path).entries("prod")) == ["whole"]


def test_a_damaged_line_in_the_middle_is_named_with_what_to_do(tmp_path: Path) -> None:
    lock_path = tmp_path / "flows.lock"
    journal_path(lock_path).write_text('{"env": "prod", "flows": {}}\nnot json\n{"env": 1}\n')
    with pytest.raises(LockfileError) as caught:
        lockfile.load(lock_path)
    assert str(caught.value).startswith(f"{journal_path(lock_path)}:2: ")
    assert "delete it" in (caught.value.hint or "")


WRITER = """
import sys
from pathlib import Path
from flowops.lock.file import LockEntry
from flowops.lock.journal import Journal

journal = Journal(Path(sys.argv[1]))
n = 0
while True:
    journal.record("prod", {f"f{n:06}": LockEntry(str(n), f"flow_{n}").to_dict()})
    if n == 20:
        print("recording", flush=True)
    n += 1
"""


def test_kill_9_while_recording_leaves_every_recorded_step_readable(tmp_path: Path) -> None:
    lock_path = tmp_path / "flows.lock"
    with subprocess.Popen(
        [sys.executable, "-c", WRITER, str(lock_path)], stdout=subprocess.PIPE, text=True
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline() == "recording\n"
        time.sleep(0.2)
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
    keys = sorted(lockfile.load(lock_path).entries("prod"))
    assert len(keys) > 20
    assert keys == [f"f{n:06}" for n in range(len(keys))]  # every step up to the kill

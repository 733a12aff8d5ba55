"""Small pieces of the reconciler: lock text, apply lock, runtime usability, screen diffs."""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

import pytest

from flowops.apply.exclusive import apply_lock
from flowops.diff.naming import clone_name
from flowops.diff.screens import screen_diffs
from flowops.drift.status import usable
from flowops.errors import ConcurrentApplyError
from flowops.lock.file import Lock, LockEntry, load, parse, save
from flowops.lock.hashing import content_sha256


def _lock(n: int) -> Lock:
    lock = Lock()
    for i in range(n):
        lock.put(
            "prod" if i % 2 else "local",
            f"flow_{i}",
            LockEntry(
                flow_id=str(i),
                name=f"naïve {i}",
                previous_flow_ids=("7",) if i % 3 else (),
                flow_definition_name=None if i % 4 else "t",
            ),
        )
    return lock


@pytest.mark.parametrize("n", [0, 1, 5])
def test_lock_text_is_sorted_indented_json(n: int) -> None:
    lock = _lock(n)
    expected = json.dumps(lock.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert lock.dumps() == expected
    assert parse(lock.dumps()).to_dict() == lock.to_dict()


def test_saved_lock_is_readable_by_others_and_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "flows.lock"
    save(_lock(3), path)
    assert path.stat().st_mode & 0o777 == 0o644 & ~_umask()
    assert load(path).to_dict() == _lock(3).to_dict()
    path.chmod(0o664)
    save(_lock(1), path)
    assert path.stat().st_mode & 0o777 == 0o664
    assert [p.name for p in tmp_path.iterdir()] == ["flows.lock"]  # no temp file left


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_lock_digest_covers_one_environment_only() -> None:
    lock = _lock(4)
    before = lock.digest("local")
    lock.put("prod", "other", LockEntry(flow_id="9", name="x"))
    assert lock.digest("local") == before
    lock.put("local", "other", LockEntry(flow_id="9", name="x"))
    assert lock.digest("local") != before


def test_apply_lock_refuses_a_live_holder_and_releases(tmp_path: Path) -> None:
    path = tmp_path / "apply.lock"
    with apply_lock(path):
        held = json.loads(path.read_text())
        assert held["pid"] == os.getpid() and held["host"] == socket.gethostname()
        with pytest.raises(ConcurrentApplyError) as info, apply_lock(path):
            pass
        assert str(path) in info.value.hint
    assert not path.exists()


def test_apply_lock_from_another_host_is_never_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "apply.lock"
    path.write_text(json.dumps({"pid": 1, "host": "elsewhere.invalid", "since": "t"}))
    with (
        pytest.raises(ConcurrentApplyError, match=r"pid 1 on elsewhere\.invalid"),
        apply_lock(path),
    ):
        pass


def test_apply_lock_holds_its_owner_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    """The lock is written aside and linked into place (a kill never leaves it empty; the
    kill -9 rounds in test_replace_kill.py hit that moment)."""
    path = tmp_path / "apply.lock"
    with apply_lock(path):
        assert json.loads(path.read_text())["pid"] == os.getpid()
        assert [p.name for p in tmp_path.iterdir()] == ["apply.lock"]  # no temporary left


def test_an_old_empty_apply_lock_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "apply.lock"
    path.write_text("")
    with pytest.raises(ConcurrentApplyError, match="an unknown process"), apply_lock(path):
        pass  # a fresh empty file may be an older flowops writing it: wait
    old = time.time() - 120
    os.utime(path, (old, old))
    with apply_lock(path):
        assert json.loads(path.read_text())["pid"] == os.getpid()


@pytest.mark.parametrize(
    ("status", "ever", "ok", "flag"),
    [
        ("PUBLISHED", True, True, False),
        ("DRAFT", True, True, False),
        ("DRAFT", False, False, False),
        ("THROTTLED", True, True, True),
        ("BLOCKED", True, False, False),
        ("DEPRECATED", True, False, False),
    ],
)
def test_runtime_usability(status: str, ever: bool, ok: bool, flag: bool) -> None:
    entry = LockEntry(flow_id="1", name="n", flow_definition_name="t", ever_published=ever)
    assert usable(entry, status)[0] is ok and usable(entry, status)[2] is flag


def test_inactive_or_unlinked_flows_are_not_used() -> None:
    entry = LockEntry(flow_id="1", name="n", flow_definition_name="t", is_active=False)
    assert usable(entry, "PUBLISHED") == (False, "is_active is false", False)
    assert not usable(entry.evolve(is_active=True, flow_definition_name=None), "PUBLISHED")[0]
    assert not usable(None, "PUBLISHED")[0]


def test_screen_diffs_name_added_removed_and_changed_screens() -> None:
    old = {"version": "7.3", "screens": [{"id": "A", "title": "a"}, {"id": "B", "title": "b"}]}
    new = {"version": "7.3", "screens": [{"id": "A", "title": "A!"}, {"id": "C", "title": "c"}]}
    diffs = {d.screen: d.kind for d in screen_diffs(old, new)}
    assert diffs == {"A": "changed", "C": "added", "B": "removed"}


def test_canonical_hash_ignores_key_order_and_whitespace() -> None:
    assert content_sha256({"b": 1, "a": "é"}) == content_sha256(json.loads('{"a":"é",  "b":1}'))


def test_clone_names_skip_taken_ones() -> None:
    assert clone_name("survey", "__v{n}", {"survey__v2"}, 2) == "survey__v3"

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from flowops.lock import file as lockfile
from flowops.lock.file import LockEntry
from flowops.runtime import Fallback, Resolution, Resolver, SnapshotError, load_lock, write

DATA = Path(__file__).parent / "data" / "runtime"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def lock_path(tmp_path: Path) -> Path:
    path = tmp_path / "flows.lock"
    shutil.copy(DATA / "flows.lock", path)
    return path


def deactivate(path: Path, key: str) -> None:
    """Rewrite the lock the way apply does (atomic replace)."""
    lock = lockfile.load(path)
    entry = lock.get("production", key)
    assert isinstance(entry, LockEntry)
    lock.put("production", key, entry.evolve(is_active=False))
    lockfile.save(lock, path)


def test_reload_sees_a_new_lock_after_the_interval(lock_path: Path) -> None:
    clock = FakeClock()
    resolver = Resolver.from_lock(lock_path, "production", reload_interval=1.0, clock=clock)
    assert isinstance(resolver.resolve("tour_inquiry_flow"), Resolution)
    deactivate(lock_path, "tour_inquiry")
    clock.now += 0.5
    assert isinstance(resolver.resolve("tour_inquiry_flow"), Resolution)  # not checked yet
    clock.now += 0.6
    result = resolver.resolve("tour_inquiry_flow")
    assert isinstance(result, Fallback)
    assert result.reason == "flow 'tour_inquiry' is not active (is_active: false)"
    assert resolver.last_error is None


def test_unchanged_file_is_not_reloaded(lock_path: Path) -> None:
    clock = FakeClock()
    resolver = Resolver.from_lock(lock_path, "production", clock=clock)
    before = resolver.snapshot
    clock.now += 5
    resolver.resolve("tour_inquiry_flow")
    assert resolver.snapshot is before
    assert resolver.refresh() is False


def test_in_place_rewrite_with_same_size_is_seen(lock_path: Path) -> None:
    clock = FakeClock()
    resolver = Resolver.from_lock(lock_path, "production", clock=clock)
    text = lock_path.read_text(encoding="utf-8")
    stat = lock_path.stat()
    changed = text.replace('"status": "BLOCKED"', '"status": "PUBLIC!"', 1)
    lock_path.write_text(changed, encoding="utf-8")
    os.utime(lock_path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert len(changed) == len(text)
    clock.now += 1
    assert "'PUBLIC!'" in resolver.resolve("blocked_tf").reason


def test_corrupt_file_keeps_the_last_good_snapshot(lock_path: Path) -> None:
    clock = FakeClock()
    resolver = Resolver.from_lock(lock_path, "production", clock=clock)
    lock_path.write_text('{"version": 1, "environments": ', encoding="utf-8")
    clock.now += 2
    assert isinstance(resolver.resolve("tour_inquiry_flow"), Resolution)
    assert resolver.last_error is not None
    assert "not valid JSON" in str(resolver.last_error)
    shutil.copy(DATA / "flows.lock", lock_path)
    deactivate(lock_path, "tour_inquiry")
    clock.now += 2
    assert isinstance(resolver.resolve("tour_inquiry_flow"), Fallback)
    assert resolver.last_error is None


def test_deleted_file_keeps_the_last_good_snapshot(lock_path: Path) -> None:
    clock = FakeClock()
    resolver = Resolver.from_lock(lock_path, "production", clock=clock)
    lock_path.unlink()
    clock.now += 2
    assert isinstance(resolver.resolve("tour_inquiry_flow"), Resolution)
    assert isinstance(resolver.last_error, FileNotFoundError)


def test_snapshot_resolver_reloads_too(tmp_path: Path, lock_path: Path) -> None:
    path = tmp_path / "flows.runtime.json"
    write(load_lock(lock_path, "production"), path)
    clock = FakeClock()
    resolver = Resolver.from_snapshot(path, "production", clock=clock)
    assert isinstance(resolver.resolve("tour_inquiry_flow"), Resolution)
    deactivate(lock_path, "tour_inquiry")
    write(load_lock(lock_path, "production"), path)
    clock.now += 1
    assert isinstance(resolver.resolve("tour_inquiry_flow"), Fallback)
    assert resolver.last_error is None


def test_bad_file_at_start_raises(tmp_path: Path) -> None:
    with pytest.raises(SnapshotError, match="lock file not found"):
        Resolver.from_lock(tmp_path / "flows.lock", "production")


def test_threads_share_one_resolver_while_the_file_changes(lock_path: Path) -> None:
    resolver = Resolver.from_lock(lock_path, "production", reload_interval=0.0)
    errors: list[BaseException] = []
    calls = [0] * 4
    saw_fallback = threading.Event()
    stop = threading.Event()

    def reader(slot: int) -> None:
        try:
            while not stop.is_set():
                if isinstance(resolver.resolve("tour_inquiry_flow"), Fallback):
                    saw_fallback.set()
                calls[slot] += 1
        except BaseException as exc:  # pragma: no cover - only on failure
            errors.append(exc)

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for _ in range(3):  # in-place copies: readers may meet half-written files
        shutil.copy(DATA / "flows.lock", lock_path)
        deactivate(lock_path, "tour_inquiry")
    assert saw_fallback.wait(timeout=10)
    stop.set()
    for thread in threads:
        thread.join(timeout=10)
    assert not errors
    assert all(count > 0 for count in calls)
    resolver.refresh()
    assert isinstance(resolver.resolve("tour_inquiry_flow"), Fallback)
    assert resolver.last_error is None

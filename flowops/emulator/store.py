"""The emulator's state on disk: a snapshot plus an append-only journal, shared by processes.

``emulator.json`` is a full snapshot, written atomically and rarely. Each change appends one
line to ``emulator.json.journal`` holding only the flows it touched, so a write costs the
size of those flows, not of the whole state (the snapshot of 66 MB took 0.38 s per write).
The journal is folded into a new snapshot once it outgrows the snapshot, and when the
emulator stops. A line cut short by a crash is dropped and trimmed before the next append;
a journal outliving its snapshot (a crash between replacing the snapshot and removing the
journal) carries an older ``generation`` and is ignored. Temporary files that a killed
process left behind are removed under the lock.

An exclusive lock on ``<state>.lock`` spans each request's read-modify-write, so two
``flowops`` processes sharing one state file never lose each other's changes.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from flowops.emulator.flow import EmuFlow
from flowops.emulator.model import STATE_FORMAT, FlowsModel
from flowops.errors import ConfigError

COMPACT_AT_BYTES = 1_000_000  # the journal is folded in past this and the snapshot's size
_LEGACY_TEMP_AGE = 60  # seconds: ".emulator-*" files of older versions, surely abandoned
Stamp = tuple[int, int, int]


class StateStore:
    def __init__(self, model: FlowsModel, path: Path | None) -> None:
        self.model = model
        self.path = path
        self._mutex = threading.RLock()
        self._snapshot: Stamp | bool | None = False  # False: never read
        self._generation = 0
        self._journal = _Journal(path.with_name(path.name + ".journal")) if path else None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[FlowsModel]:
        """Serialise one request: catch up with the files, append what the request changed."""
        with self._mutex, self._file_lock():
            self._catch_up()
            revision = self.model.revision
            try:
                yield self.model
            finally:
                if self.model.revision != revision:
                    self._save()

    def close(self) -> None:
        """Fold the journal into the snapshot, so a stopped emulator leaves one state file."""
        if self._journal is None:
            return
        with self._mutex, self._file_lock():
            self._catch_up()
            if self._journal.size():
                self._compact()

    @contextlib.contextmanager
    def _file_lock(self) -> Iterator[None]:
        if self.path is None:
            yield
            return
        with self._open_lock_file() as handle:
            _lock(handle)
            try:
                yield
            finally:
                _unlock(handle)

    def _open_lock_file(self) -> IO[bytes]:
        assert self.path is not None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return open(self.path.with_name(self.path.name + ".lock"), "a+b")
        except OSError as exc:
            raise ConfigError(
                f"{self.path.parent}: cannot write the emulator state there ({exc.strerror})",
                hint="Make the folder writable, or point the emulator at another state file.",
            ) from exc

    def _catch_up(self) -> None:
        """Reload the snapshot if another process replaced it; apply new journal lines."""
        if self.path is None or self._journal is None:
            return
        try:
            stamp = _stamp(self.path)
            if stamp != self._snapshot or self._journal.moved():
                self._load_snapshot(stamp)
            for delta in self._journal.read_new():
                if delta.get("g") == self._generation:
                    _apply(self.model, delta)
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
            raise ConfigError(
                f"{self.path}: emulator state is unreadable ({exc})",
                hint="Delete the file (and its .journal) to start the emulator with no flows.",
            ) from exc
        self.model.changed.clear()

    def _load_snapshot(self, stamp: Stamp | None) -> None:
        assert self.path is not None and self._journal is not None
        if self._snapshot is False:
            _remove_stale_temp_files(self.path)
        state: dict[str, Any] = {"format": STATE_FORMAT}
        if stamp is not None:
            state = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(state, dict) or state.get("format") != STATE_FORMAT:
                raise ValueError(f"not a format {STATE_FORMAT} emulator state file")
        self.model.load_state(state)
        self._generation = int(state.get("generation", 0))
        self._snapshot = stamp
        self._journal.rewind()

    def _save(self) -> None:
        if self.path is None or self._journal is None:
            return
        self._journal.append(_delta(self.model, self._generation))
        self.model.changed.clear()
        snapshot_size = self._snapshot[1] if isinstance(self._snapshot, tuple) else 0
        if self._journal.size() > max(COMPACT_AT_BYTES, snapshot_size):
            self._compact()

    def _compact(self) -> None:
        assert self.path is not None and self._journal is not None
        self._generation += 1
        state = {**self.model.to_state(), "generation": self._generation}
        fd, tmp = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
        )
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(json.dumps(state, separators=(",", ":")))
        os.replace(tmp, self.path)
        self._journal.remove()
        self._snapshot = _stamp(self.path)


class _Journal:
    """JSON lines appended under the lock; ``read_new`` returns the lines not yet applied."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = 0
        self.inode: int | None = None

    def rewind(self) -> None:
        self.offset, self.inode = 0, None

    def moved(self) -> bool:
        """Replaced or cut below what was read: only a reload from the snapshot is safe."""
        stamp = _stamp(self.path)
        if stamp is None:
            return self.offset > 0
        return (self.inode is not None and stamp[2] != self.inode) or stamp[1] < self.offset

    def size(self) -> int:
        stamp = _stamp(self.path)
        return stamp[1] if stamp else 0

    def read_new(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        with open(self.path, "rb") as handle:
            self.inode = os.fstat(handle.fileno()).st_ino
            handle.seek(self.offset)
            data = handle.read()
        complete = data[: data.rfind(b"\n") + 1]
        if len(complete) < len(data):  # a crash cut the last append short
            os.truncate(self.path, self.offset + len(complete))
        self.offset += len(complete)
        return [json.loads(line) for line in complete.splitlines()]

    def append(self, delta: dict[str, Any]) -> None:
        line = json.dumps(delta, separators=(",", ":")).encode("utf-8") + b"\n"
        with open(self.path, "ab") as handle:
            self.inode = os.fstat(handle.fileno()).st_ino
            handle.write(line)
        self.offset += len(line)

    def remove(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.rewind()


def _delta(model: FlowsModel, generation: int) -> dict[str, Any]:
    """What one transaction changed: the touched flows whole, the deleted ids, and all the
    state that is not flows (counters, WABAs, keys: small)."""
    changed = sorted(model.changed)
    return {
        "g": generation,
        "meta": model.meta_state(),
        "flows": [model.flows[i].to_dict() for i in changed if i in model.flows],
        "deleted": [i for i in changed if i not in model.flows],
    }


def _apply(model: FlowsModel, delta: dict[str, Any]) -> None:
    for item in delta["flows"]:
        flow = EmuFlow.from_dict(item)
        model.flows[flow.id] = flow
    for flow_id in delta["deleted"]:
        model.flows.pop(flow_id, None)
    model.load_meta(delta["meta"])


def _remove_stale_temp_files(path: Path) -> None:
    """Left by a process killed mid-snapshot (we hold the lock: nobody is writing one)."""
    stale = list(path.parent.glob(f".{path.name}.*.tmp"))
    cutoff = time.time() - _LEGACY_TEMP_AGE
    stale += [p for p in path.parent.glob(".emulator-*") if _mtime(p) < cutoff]
    for temp in stale:
        with contextlib.suppress(OSError):
            temp.unlink()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return float("inf")


def _stamp(path: Path) -> Stamp | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


if sys.platform == "win32":  # pragma: no cover
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

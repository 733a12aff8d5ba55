"""The apply journal: one durable line per finished step, folded into the lock at the end.

Rewriting a 10,000-entry lock after every step costs O(N) per step, so apply appends each
step's entries to ``<lock>.journal`` instead (one ``write`` to an ``O_APPEND`` file, then
``fsync``) and writes the whole lock once when it ends. ``file.load`` replays a journal it
finds, so after a kill -9 at any moment the lock as flowops reads it still records every
finished step; ``file.save`` writes a lock that includes the journal, then removes it.

A line is ``{"env": ENV, "flows": {KEY: ENTRY or null}}`` (null: the key left the lock).
A last line cut short (the machine lost power mid-write) is ignored: that step's calls
were made but not recorded, which the next plan handles by adopting the flow by name.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flowops.errors import LockfileError

SUFFIX = ".journal"
Record = tuple[str, str, dict[str, Any] | None]  # env, key, entry (None: removed)


def journal_path(lock_path: Path) -> Path:
    return lock_path.with_name(lock_path.name + SUFFIX)


class Journal:
    """Appends entry changes for one lock file; safe to call from several threads."""

    def __init__(self, lock_path: Path) -> None:
        self.path = journal_path(lock_path)
        self._mutex = threading.Lock()
        self._fd: int | None = None
        self.written = False  # by this object, since it was made

    def record(self, env: str, flows: Mapping[str, dict[str, Any] | None]) -> None:
        """Durable on return: the line is written and fsynced."""
        line = json.dumps({"env": env, "flows": flows}, ensure_ascii=False) + "\n"
        fd = self._open()
        self.written = True
        os.write(fd, line.encode("utf-8"))  # one write: O_APPEND keeps lines whole
        os.fsync(fd)  # outside the mutex: concurrent steps share the disk flushes

    def _open(self) -> int:
        with self._mutex:
            if self._fd is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
                self._fd = os.open(self.path, flags, 0o644)
            return self._fd

    def close(self) -> None:
        with self._mutex:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None


def read(lock_path: Path) -> list[Record] | None:
    """The records of the journal beside ``lock_path`` in order; None when there is none."""
    path = journal_path(lock_path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise LockfileError(f"{path}: cannot read ({exc.strerror})") from None
    lines = data.split(b"\n")[:-1]  # after the last newline: nothing, or a write cut short
    records: list[Record] = []
    for number, line in enumerate(lines, 1):
        env, flows = _record(line, path, number)
        records += [(env, key, entry) for key, entry in flows.items()]
    return records


def _record(line: bytes, path: Path, number: int) -> tuple[str, dict[str, Any]]:
    try:
        record = json.loads(line)
        env, flows = record["env"], record["flows"]
        if isinstance(env, str) and isinstance(flows, dict):
            return env, flows
    except (ValueError, TypeError, KeyError):
        pass
    raise LockfileError(
        f"{path}:{number}: not a journal line flowops wrote",
        hint="the file records apply steps not yet folded into the lock; if it was edited or "
        "damaged, delete it: the next plan finds the flows on Meta by name",
    )


def discard(lock_path: Path) -> None:
    """After the whole lock was written: replaying the journal again would change nothing."""
    journal_path(lock_path).unlink(missing_ok=True)

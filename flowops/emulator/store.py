"""The emulator's state file: reloaded when another process changed it, saved atomically.

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
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from flowops.emulator.model import STATE_FORMAT, FlowsModel
from flowops.errors import ConfigError


class StateStore:
    def __init__(self, model: FlowsModel, path: Path | None) -> None:
        self.model = model
        self.path = path
        self._mutex = threading.RLock()
        self._seen: tuple[int, int, int] | None = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[FlowsModel]:
        """Serialise one request: reload if the file moved on, save if the model changed."""
        with self._mutex, self._file_lock():
            self._reload_if_changed()
            revision = self.model.revision
            try:
                yield self.model
            finally:
                if self.model.revision != revision:
                    self._save()

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

    def _reload_if_changed(self) -> None:
        if self.path is None or not self.path.exists():
            return
        stamp = _stamp(self.path)
        if stamp == self._seen:
            return
        try:
            state = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(state, dict) or state.get("format") != STATE_FORMAT:
                raise ValueError(f"not a format {STATE_FORMAT} emulator state file")
            self.model.load_state(state)
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
            raise ConfigError(
                f"{self.path}: emulator state is unreadable ({exc})",
                hint="Delete the file to start the emulator with no flows.",
            ) from exc
        self._seen = stamp

    def _save(self) -> None:
        if self.path is None:
            return
        text = json.dumps(self.model.to_state(), separators=(",", ":"))
        fd, tmp = tempfile.mkstemp(prefix=".emulator-", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, self.path)
        self._seen = _stamp(self.path)


def _stamp(path: Path) -> tuple[int, int, int]:
    stat = path.stat()
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

"""``Resolver``: thread-safe, auto-reloading answers for a running chatbot.

The read path takes no lock: it reads one attribute holding an immutable ``Snapshot`` and
does a dict lookup. At most every ``reload_interval`` seconds (monotonic clock) one caller
stats the file; if its mtime, size or inode changed it loads a new snapshot and swaps it in
with a single assignment. Only that reload is serialised, with a non-blocking lock, so no
request ever waits on another's reload. A file that disappears or turns corrupt keeps the
last good snapshot and sets ``last_error``; ``resolve`` never raises because of the file.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from flowops.runtime.files import load_lock, load_snapshot
from flowops.runtime.outcome import Decision
from flowops.runtime.snapshot import Snapshot

Clock = Callable[[], float]
Loader = Callable[[Path], Snapshot]
Stamp = tuple[int, int, int]


def _stamp(path: Path) -> Stamp:
    info = os.stat(path)
    return (info.st_mtime_ns, info.st_size, info.st_ino)


class Resolver:
    """Answers "which WhatsApp Flow replaces traditional flow X?" for one environment."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        loader: Loader,
        *,
        reload_interval: float = 1.0,
        clock: Clock = time.monotonic,
    ) -> None:
        self.path = Path(path)
        self.last_error: Exception | None = None
        self._loader = loader
        self._interval = reload_interval
        self._clock = clock
        self._reload_lock = threading.Lock()
        stamp = _stamp(self.path) if self.path.exists() else (0, 0, 0)
        self._snapshot = loader(self.path)  # raises: a bot must not start on a bad file
        self._stamp = stamp
        self._next_check = clock() + reload_interval

    @classmethod
    def from_lock(
        cls,
        path: str | os.PathLike[str],
        env: str,
        *,
        reload_interval: float = 1.0,
        clock: Clock = time.monotonic,
    ) -> Resolver:
        loader = partial(load_lock, environment=env)
        return cls(path, loader, reload_interval=reload_interval, clock=clock)

    @classmethod
    def from_snapshot(
        cls,
        path: str | os.PathLike[str],
        env: str | None = None,
        *,
        reload_interval: float = 1.0,
        clock: Clock = time.monotonic,
    ) -> Resolver:
        loader = partial(load_snapshot, environment=env)
        return cls(path, loader, reload_interval=reload_interval, clock=clock)

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    @property
    def warnings(self) -> tuple[str, ...]:
        return self._snapshot.warnings

    def resolve(self, traditional_flow: str) -> Decision:
        if self._clock() >= self._next_check:
            self._maybe_reload()
        return self._snapshot.resolve(traditional_flow)

    def refresh(self) -> bool:
        """Check the file now, ignoring the interval; True if a new snapshot was swapped in."""
        with self._reload_lock:
            self._next_check = self._clock() + self._interval
            return self._reload_if_changed()

    def _maybe_reload(self) -> None:
        if not self._reload_lock.acquire(blocking=False):
            return  # another thread is checking; keep serving the current snapshot
        try:
            now = self._clock()
            if now >= self._next_check:
                self._next_check = now + self._interval
                self._reload_if_changed()
        finally:
            self._reload_lock.release()

    def _reload_if_changed(self) -> bool:
        try:
            stamp = _stamp(self.path)
            if stamp == self._stamp:
                return False
            snapshot = self._loader(self.path)
        except Exception as exc:  # resolve() must keep answering from the last good snapshot
            self.last_error = exc
            return False
        self._snapshot, self._stamp, self.last_error = snapshot, stamp, None
        return True

    def __repr__(self) -> str:
        return f"Resolver(path={str(self.path)!r}, snapshot={self._snapshot!r})"

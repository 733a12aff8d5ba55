"""No two applies at once on one environment: a lock file holding pid/host/time.

The file appears with its content or not at all (written to a private temporary file, then
hard-linked into place, which fails if the lock exists), so a kill -9 at any moment never
leaves an empty lock that nobody could recognise as stale. A lock left by a process that is
dead on this host is stale and taken over; one from another host is never guessed about —
the message says how to remove it.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flowops.errors import ConcurrentApplyError

POLL_SECONDS = 1.0
Waiting = Callable[[str], None]


@contextmanager
def apply_lock(path: Path, timeout: float = 0.0, waiting: Waiting | None = None) -> Iterator[None]:
    """Hold the lock; wait up to ``timeout`` seconds for another apply to release it
    (``waiting`` hears once who holds it), as Terraform's ``-lock-timeout``."""
    deadline = time.monotonic() + timeout
    while not acquire(path, refuse=time.monotonic() >= deadline):
        if waiting is not None:
            waiting(_holder_text(_read(path)))
            waiting = None
        time.sleep(min(POLL_SECONDS, max(0.0, deadline - time.monotonic())))
    try:
        yield
    finally:
        path.unlink(missing_ok=True)


def acquire(path: Path, *, refuse: bool = True) -> bool:
    """Take the lock: True; held by a live process: raise (``refuse``) or return False."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(2):
        if _link_new(path):
            return True
        holder = _read(path)
        if not (_stale(holder) or _empty_remnant(path, holder)):
            if refuse:
                raise _refusal(path, holder)
            return False
        path.unlink(missing_ok=True)
    if refuse:
        raise _refusal(path, _read(path))
    return False


def _link_new(path: Path) -> bool:
    """Create ``path`` holding who we are, atomically; False if it exists already."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(json.dumps(_me()), encoding="utf-8")
    try:
        os.link(tmp, path)
    except FileExistsError:
        return False
    finally:
        tmp.unlink(missing_ok=True)
    return True


def _me() -> dict[str, Any]:
    return {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "since": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _stale(holder: dict[str, Any]) -> bool:
    if holder.get("host") != socket.gethostname() or not isinstance(holder.get("pid"), int):
        return False
    return not _alive(holder["pid"])


def _empty_remnant(path: Path, holder: dict[str, Any]) -> bool:
    """An empty lock a minute old: left by an older flowops killed while writing it."""
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        return False
    return not holder and age > EMPTY_LOCK_SECONDS


EMPTY_LOCK_SECONDS = 60


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _holder_text(holder: dict[str, Any]) -> str:
    if not holder:
        return "an unknown process"
    return f"pid {holder.get('pid')} on {holder.get('host')} since {holder.get('since')}"


def _refusal(path: Path, holder: dict[str, Any]) -> ConcurrentApplyError:
    return ConcurrentApplyError(
        f"another apply is running on this environment ({_holder_text(holder)})",
        hint="wait for it to finish (`flowops apply --lock-timeout 5m` waits up to five "
        f"minutes); if no apply is running, delete {path}",
    )

"""No two applies at once on one environment: an O_EXCL lock file holding pid/host/time.

A lock left by a process that is dead on this host is stale and taken over; one from
another host is never guessed about — the message says how to remove it.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flowops.errors import ConcurrentApplyError


@contextmanager
def apply_lock(path: Path) -> Iterator[None]:
    acquire(path)
    try:
        yield
    finally:
        path.unlink(missing_ok=True)


def acquire(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(2):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder = _read(path)
            if not _stale(holder):
                raise _refusal(path, holder) from None
            path.unlink(missing_ok=True)
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(_me(), handle)
        return
    raise _refusal(path, _read(path))


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


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _refusal(path: Path, holder: dict[str, Any]) -> ConcurrentApplyError:
    who = (
        f"pid {holder.get('pid')} on {holder.get('host')} since {holder.get('since')}"
        if holder
        else "an unknown process"
    )
    return ConcurrentApplyError(
        f"another apply is running on this environment ({who})",
        hint=f"wait for it to finish; if no apply is running, delete {path}",
    )

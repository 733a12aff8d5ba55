"""A thread-safe record of every request the emulator answered (tokens removed)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

WRITE_METHODS = frozenset({"POST", "DELETE"})


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    query: str
    status: int  # 0 when the connection was dropped without an answer
    latency_ms: float
    fault: str | None = None

    @property
    def is_write(self) -> bool:
        return self.method in WRITE_METHODS


def redact_query(query: str) -> str:
    """The query string without ``access_token``."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode([(k, v) for k, v in pairs if k != "access_token"])


class CallLog:
    def __init__(self) -> None:
        self._calls: list[Call] = []
        self._lock = threading.Lock()

    def record(self, call: Call) -> None:
        with self._lock:
            self._calls.append(call)

    def calls(self) -> list[Call]:
        with self._lock:
            return list(self._calls)

    def writes(self) -> list[Call]:
        return [c for c in self.calls() if c.is_write]

    def count(self, method: str | None = None, path_suffix: str | None = None) -> int:
        return sum(
            1
            for c in self.calls()
            if (method is None or c.method == method)
            and (path_suffix is None or c.path.endswith(path_suffix))
        )

    def clear(self) -> None:
        with self._lock:
            self._calls.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._calls)

"""When and how long to wait before resending a Graph API call. No HTTP here.

Exponential backoff with full jitter, ``Retry-After`` honoured, bounded by attempts and by
total time. Retried: rate limits (4, 17, 613, 80007, 80008), transient errors (1, 2,
``is_transient``), HTTP 5xx, timeouts and connection resets. Never retried: code 100 and
every 139xxx Flow error — including 139001 "error while processing Flow JSON", because
Meta stored the JSON anyway and resending an upload is the caller's decision.

Each attempt function receives ``after_lost``: True when an earlier attempt may have been
carried out by Meta although its answer was lost. Non-idempotent calls use it to look
before they resend.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from flowops.graph.errors import (
    GraphError,
    RateLimitError,
    TransportError,
)

T = TypeVar("T")
log = logging.getLogger("flowops.graph")


@dataclass
class ClientStats:
    """Counts for tests and benchmarks: calls sent and retries made, by reason (thread-safe)."""

    calls: int = 0
    retries: int = 0
    retries_by_reason: Counter[str] = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def record_call(self) -> None:
        with self._lock:
            self.calls += 1

    def record_retry(self, reason: str) -> None:
        with self._lock:
            self.retries += 1
            self.retries_by_reason[reason] += 1

    def summary(self) -> str:
        reasons = ", ".join(f"{k}={v}" for k, v in sorted(self.retries_by_reason.items()))
        return f"{self.calls} calls, {self.retries} retries" + (f" ({reasons})" if reasons else "")


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 6
    max_total_seconds: float = 60.0
    base_delay: float = 0.5
    max_delay: float = 20.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    jitter: Callable[[], float] = random.random

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based)."""
        if retry_after is not None and retry_after >= 0:
            return retry_after
        ceiling = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return self.jitter() * ceiling

    def next_delay(self, exc: GraphError, attempt: int, elapsed: float) -> float | None:
        """The wait before another attempt, or None when the call must fail now."""
        if retry_reason(exc) is None or attempt >= self.max_attempts:
            return None
        wait = self.delay(attempt, exc.retry_after)
        return None if elapsed + wait > self.max_total_seconds else wait


NO_RETRY = RetryPolicy(max_attempts=1)


def retry_reason(exc: GraphError) -> str | None:
    if not exc.retryable:
        return None
    if isinstance(exc, TransportError):
        return exc.reason if exc.reason in ("timeout", "connection") else "server_error"
    if isinstance(exc, RateLimitError):
        return "rate_limit"
    return "server_error" if exc.http_status >= 500 else "transient"


def call_with_retries(
    attempt_fn: Callable[[bool], T], policy: RetryPolicy, stats: ClientStats, label: str
) -> T:
    start = policy.clock()
    attempt, after_lost = 1, False
    while True:
        try:
            return attempt_fn(after_lost)
        except GraphError as exc:
            wait = policy.next_delay(exc, attempt, policy.clock() - start)
            if wait is None:
                raise
            reason = retry_reason(exc) or "unknown"
            stats.record_retry(reason)
            log.warning("%s: %s; retry %d in %.2fs", label, reason, attempt, wait)
            policy.sleep(wait)
            attempt += 1
            after_lost = after_lost or exc.maybe_applied

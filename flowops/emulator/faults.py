"""Seeded fault injection: reproducible rate limits, server errors, latency and lost answers."""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass

from flowops import meta
from flowops.emulator.errors import ApiError


@dataclass
class FaultConfig:
    """Probabilities per API request (0.0–1.0). Change fields at runtime; decisions follow.

    ``lose_response`` commits the change and then drops the connection, like a timeout after
    Meta already acted. ``include_downloads`` extends faults to asset download URLs.
    """

    seed: int = 0
    rate_limit: float = 0.0
    server_error: float = 0.0
    latency_ms: int = 0
    drop_connection: float = 0.0
    lose_response: float = 0.0
    include_downloads: bool = False


@dataclass(frozen=True)
class Decision:
    """What to do to one request. ``before`` faults skip the handler; ``lose`` runs it first."""

    before: str | None = None
    lose: bool = False
    retry_after: bool = False
    rate_limit_code: int = meta.WABA_RATE_LIMIT


class FaultInjector:
    def __init__(self, config: FaultConfig | None = None) -> None:
        self.config = config or FaultConfig()
        self._rng = random.Random(self.config.seed)
        self._lock = threading.Lock()

    def reseed(self, seed: int) -> None:
        with self._lock:
            self.config.seed = seed
            self._rng = random.Random(seed)

    def decide(self) -> Decision:
        """Always draws the same numbers per request, so one seed gives one fault sequence."""
        cfg = self.config
        with self._lock:
            rolls = [self._rng.random() for _ in range(5)]
        if rolls[0] < cfg.drop_connection:
            return Decision(before="drop_connection")
        if rolls[1] < cfg.rate_limit:
            code = meta.APP_RATE_LIMIT if rolls[4] < 0.5 else meta.WABA_RATE_LIMIT
            return Decision(before="rate_limit", retry_after=rolls[4] < 0.25, rate_limit_code=code)
        if rolls[2] < cfg.server_error:
            return Decision(before="server_error")
        return Decision(lose=rolls[3] < cfg.lose_response)


def rate_limit_error(code: int) -> ApiError:
    if code == meta.APP_RATE_LIMIT:
        return ApiError(code, "(#4) Application request limit reached", is_transient=True)
    return ApiError(
        meta.WABA_RATE_LIMIT,
        "(#80007) Rate limit hit for WhatsApp Business Account",
        is_transient=True,
        user_title="Rate limit hit",
        user_msg="Too many calls to this WhatsApp Business Account. Retry later.",
    )


def server_error() -> ApiError:
    return ApiError(
        meta.SERVICE_UNAVAILABLE,
        "An unexpected error has occurred. Please retry your request later.",
        http_status=500,
        is_transient=True,
    )

"""Retry policy: which errors are retried, how long to wait, and the bounds."""

from __future__ import annotations

import pytest
import requests

from flowops.graph.errors import GraphError, TransportError, from_envelope
from flowops.graph.retry import RetryPolicy, retry_reason
from tests.graph_fakes import answer, client, graph_error


def envelope(code: int, status: int = 400, **extra: object) -> GraphError:
    return from_envelope({"error": {"code": code, "message": "m", **extra}}, status)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (envelope(4), "rate_limit"),
        (envelope(17), "rate_limit"),
        (envelope(613), "rate_limit"),
        (envelope(80007, 429), "rate_limit"),
        (envelope(80008), "rate_limit"),
        (envelope(1, 500), "server_error"),
        (envelope(2), "transient"),
        (envelope(131000, is_transient=True), "transient"),
        (envelope(0, 503), "server_error"),
        (TransportError("t", reason="timeout"), "timeout"),
        (TransportError("c", reason="connection"), "connection"),
        (TransportError("html", reason="bad_response", http_status=502), "server_error"),
        (envelope(100), None),
        (envelope(139001, 500, is_transient=True), None),
        (envelope(139002), None),
        (envelope(190, 401), None),
        (TransportError("html", reason="bad_response", http_status=200), None),
    ],
)
def test_retry_reason(error: GraphError, reason: str | None) -> None:
    assert retry_reason(error) == reason


def test_backoff_is_exponential_with_full_jitter_and_capped() -> None:
    policy = RetryPolicy(base_delay=1.0, max_delay=5.0, jitter=lambda: 1.0)
    assert [policy.delay(n, None) for n in (1, 2, 3, 4, 5)] == [1.0, 2.0, 4.0, 5.0, 5.0]
    assert RetryPolicy(base_delay=1.0, jitter=lambda: 0.25).delay(3, None) == 1.0


def test_retry_after_is_honoured_exactly() -> None:
    assert RetryPolicy(jitter=lambda: 0.0).delay(1, 7.0) == 7.0


def test_attempts_are_bounded() -> None:
    api, session = client(*[answer({}, 503) for _ in range(10)], max_attempts=4)
    with pytest.raises(GraphError):
        api.get_flow("5")
    assert len(session.sent) == 4
    assert api.stats.retries == 3


def test_total_time_is_bounded_by_retry_after() -> None:
    limited = answer({"error": {"code": 80007}}, 429, {"Retry-After": "120"})
    api, session = client(limited, answer({"id": "5"}), max_total_seconds=60.0)
    with pytest.raises(GraphError, match="80007"):
        api.get_flow("5")
    assert len(session.sent) == 1


def test_timeouts_and_resets_are_retried_until_success() -> None:
    api, _ = client(requests.ReadTimeout(), requests.ConnectionError(), answer({"id": "5"}))
    assert api.get_flow("5").id == "5"
    assert dict(api.stats.retries_by_reason) == {"timeout": 1, "connection": 1}
    print("retries made:", api.stats.summary())


def test_flow_processing_error_139001_is_not_retried() -> None:
    api, session = client(graph_error(139001, 500), answer({}))
    with pytest.raises(GraphError, match="139001"):
        api.upload_flow_json("5", b"{}")
    assert len(session.sent) == 1

"""The access token never shows in errors, in the client's repr, or in logs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import requests

from flowops.emulator import FaultConfig, start_emulator
from flowops.errors import ConfigError
from flowops.graph.client import GraphClient
from flowops.graph.errors import GraphError
from flowops.graph.retry import RetryPolicy
from tests.graph_fakes import TOKEN, FakeSession, answer, client, graph_error

ERROR_PATHS = {
    "auth": graph_error(190, 401),
    "rate_limit": graph_error(80007, 429),
    "flow_state": graph_error(139002),
    "bad_request": graph_error(100),
    "server_error": answer({}, 500),
    "non_json": answer(b"<html>Bad gateway</html>", 502),
    "echoed_token": answer({"error": {"code": 190, "message": f"Invalid token {TOKEN}"}}, 401),
    "echoed_token_html": answer(f"<html>{TOKEN}</html>".encode(), 200),
    "read_timeout": requests.ReadTimeout(f"timeout Authorization: Bearer {TOKEN}"),
    "connect_timeout": requests.ConnectTimeout(f"connect {TOKEN}"),
    "reset": requests.ConnectionError(f"reset {TOKEN}"),
    "other": requests.RequestException(f"odd {TOKEN}"),
}


@pytest.mark.parametrize("name", sorted(ERROR_PATHS))
def test_token_absent_from_errors_repr_and_logs(
    name: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    api, _ = client(*[ERROR_PATHS[name]] * 3, max_attempts=3)
    with pytest.raises(GraphError) as caught:
        api.get_flow("5")
    exc = caught.value
    seen = [str(exc), repr(exc), exc.hint, repr(api), repr(vars(api)), caplog.text]
    seen += [str(exc.__cause__), str(exc.__context__)]
    assert all(TOKEN not in text for text in seen), name


def test_token_absent_from_lost_create_recovery_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    found = answer({"data": [{"id": "7", "name": "f", "status": "DRAFT"}]})
    api, _ = client(requests.ReadTimeout(TOKEN), found)
    api.create_flow("f", ("OTHER",))
    assert TOKEN not in caplog.text and "retry" in caplog.text


def test_missing_token_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        GraphClient(token="", waba_id="1")


def test_a_short_emulator_token_does_not_mangle_answers() -> None:
    session = FakeSession([answer({"id": "5", "name": "local-signup"})])
    api = GraphClient(token="local", waba_id="1", session=session)
    assert api.get_flow("5").name == "local-signup"


def test_token_absent_everywhere_after_a_faulty_run_over_http(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Right token, retries on every kind of fault, DEBUG logs: nothing anywhere shows it."""
    caplog.set_level(logging.DEBUG)
    faults = FaultConfig(seed=4, rate_limit=0.2, server_error=0.2, lose_response=0.2)
    policy = RetryPolicy(max_attempts=12, sleep=lambda _s: None)
    with start_emulator(token=TOKEN, state_path=tmp_path / "meta.json", faults=faults) as emu:
        api = GraphClient(token=TOKEN, waba_id="104000000000001", base_url=emu.url, retry=policy)
        for n in range(4):
            flow_id = api.create_flow(f"leak-{n}", ("OTHER",)).id
            api.upload_flow_json(flow_id, b'{"version": "7.3", "screens": []}')
            api.preview(flow_id)
        calls = emu.call_log.calls()
    assert api.stats.retries > 0 and "retry" in caplog.text
    texts = [caplog.text, repr(calls), repr(api), repr(api.stats)]
    texts += [p.read_text(encoding="utf-8") for p in tmp_path.rglob("*") if p.is_file()]
    assert all(TOKEN not in text for text in texts)

"""Seeded fault injection and the call log."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from flowops.emulator import EmulatorHandle, FaultConfig, start_emulator
from flowops.graph.client import GraphClient
from flowops.graph.errors import TransportError
from flowops.graph.retry import NO_RETRY, RetryPolicy
from tests.emulator_wire import TOKEN

VALID = (Path(__file__).parent / "data" / "emulator" / "valid.json").read_bytes()
WABA = "104000000000099"
PATIENT = RetryPolicy(max_attempts=12, sleep=lambda _s: None)


def client_for(emu: EmulatorHandle, retry: RetryPolicy = PATIENT) -> GraphClient:
    return GraphClient(token=TOKEN, waba_id=WABA, base_url=emu.url, retry=retry)


def fault_sequence(seed: int) -> list[str | None]:
    config = FaultConfig(seed=seed, rate_limit=0.3, server_error=0.2)
    with start_emulator(token=TOKEN, faults=config) as emu:
        for _ in range(40):
            requests.get(f"{emu.url}/v23.0/{WABA}/flows", headers=auth(), timeout=5)
        return [call.fault for call in emu.call_log.calls()]


def test_one_seed_gives_one_fault_sequence() -> None:
    first = fault_sequence(7)
    assert first == fault_sequence(7)
    assert {"rate_limit", "server_error", None} == set(first)
    assert first != fault_sequence(8)


def test_client_rides_out_rate_limits_and_server_errors(emu: EmulatorHandle) -> None:
    emu.faults.rate_limit, emu.faults.server_error = 0.25, 0.15
    emu.reseed_faults(3)
    client = client_for(emu)
    for n in range(8):
        client.create_flow(f"flow-{n}", ("OTHER",), flow_json=VALID, publish=True)
    emu.faults.rate_limit = emu.faults.server_error = 0.0
    flows = list(client.list_flows())
    assert len(flows) == 8 and {f.status for f in flows} == {"PUBLISHED"}
    faults = [c.fault for c in emu.call_log.calls() if c.fault]
    assert faults and client.stats.retries == len(faults)


def test_rate_limit_answers_look_like_graph_and_sometimes_carry_retry_after(
    emu: EmulatorHandle,
) -> None:
    emu.faults.rate_limit = 1.0
    answers = [
        requests.get(f"{emu.url}/v23.0/{WABA}/flows", headers=auth(), timeout=5) for _ in range(30)
    ]
    assert {a.status_code for a in answers} == {400}
    assert {a.json()["error"]["code"] for a in answers} == {4, 80007}
    assert all(a.json()["error"]["is_transient"] for a in answers)
    with_header = [a for a in answers if a.headers.get("Retry-After") == "0"]
    assert 0 < len(with_header) < len(answers)


def test_server_error_is_http_500_and_transient(emu: EmulatorHandle) -> None:
    emu.faults.server_error = 1.0
    answer = requests.get(f"{emu.url}/v23.0/{WABA}/flows", headers=auth(), timeout=5)
    assert answer.status_code == 500 and answer.json()["error"]["is_transient"] is True


def test_dropped_connection_has_no_answer_and_changes_nothing(emu: EmulatorHandle) -> None:
    emu.faults.drop_connection = 1.0
    with pytest.raises(TransportError):
        client_for(emu, NO_RETRY).create_flow("lost", ("OTHER",))
    assert emu.model.flows == {}
    assert emu.call_log.calls()[-1].status == 0
    assert emu.call_log.calls()[-1].fault == "drop_connection"


def test_lost_response_commits_the_change_first(emu: EmulatorHandle) -> None:
    emu.faults.lose_response = 1.0
    with pytest.raises(requests.ConnectionError):
        requests.post(
            f"{emu.url}/v23.0/{WABA}/flows",
            data={"name": "timed-out", "categories": "OTHER"},
            headers=auth(),
            timeout=5,
        )
    emu.faults.lose_response = 0.0
    assert [f.name for f in client_for(emu).list_flows()] == ["timed-out"]


def test_client_recovers_lost_creates_without_duplicates(emu: EmulatorHandle) -> None:
    emu.faults.lose_response = 0.4
    client = client_for(emu)
    for n in range(6):
        client.create_flow(f"flow-{n}", ("OTHER",), flow_json=VALID, publish=True)
    emu.faults.lose_response = 0.0
    flows = list(client.list_flows())
    assert sorted(f.name for f in flows) == [f"flow-{n}" for n in range(6)]
    assert {f.status for f in flows} == {"PUBLISHED"}
    assert emu.call_log.count(path_suffix="/flows") > 6


def test_latency_is_added_to_api_calls_only(emu: EmulatorHandle) -> None:
    emu.faults.latency_ms = 60
    requests.get(f"{emu.url}/v23.0/{WABA}/flows", headers=auth(), timeout=5)
    requests.get(f"{emu.url}/_emulator/health", headers=auth(), timeout=5)
    api, admin = emu.call_log.calls()
    assert api.latency_ms >= 60 > admin.latency_ms


def test_downloads_are_faulted_only_when_configured(emu: EmulatorHandle) -> None:
    client = client_for(emu, NO_RETRY)
    flow_id = client.create_flow("dl", ("OTHER",), flow_json=VALID).id
    url = client.list_assets(flow_id)[0].download_url
    emu.faults.server_error = 1.0
    assert requests.get(url, timeout=5).content == VALID
    emu.faults.include_downloads = True
    assert requests.get(url, timeout=5).status_code == 500


def test_call_log_records_requests_without_the_token(emu: EmulatorHandle) -> None:
    client = client_for(emu, NO_RETRY)
    flow_id = client.create_flow("log", ("OTHER",)).id
    client.upload_flow_json(flow_id, VALID)
    requests.get(f"{emu.url}/v23.0/{flow_id}?access_token={TOKEN}&fields=id", timeout=5)
    log = emu.call_log
    assert [c.method for c in log.writes()] == ["POST", "POST"]
    assert log.count("POST", "/assets") == 1 and log.count(method="GET") == 1
    assert log.calls()[-1].query == "fields=id"
    assert all(TOKEN not in repr(c) for c in log.calls())
    log.clear()
    assert log.calls() == []


def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}

"""The Graph surface: versioned paths, WABAs created on first use, ids that are not WABAs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from flowops.emulator import EmulatorHandle, start_emulator
from flowops.emulator.server import EmulatorServer
from flowops.graph.client import GraphClient
from flowops.graph.errors import GraphError
from flowops.graph.retry import NO_RETRY

AUTH = {"Authorization": "Bearer any"}


@pytest.fixture
def saved_emu(tmp_path: Path) -> Iterator[EmulatorHandle]:
    with start_emulator(state_path=tmp_path / "meta.json") as handle:
        yield handle


@pytest.mark.parametrize("version", ["v19.0", "v23.0", "24.0"])
def test_any_graph_version_prefix_reaches_the_same_flows(
    saved_emu: EmulatorHandle, version: str
) -> None:
    writer = GraphClient(
        token="t", waba_id="104000000000001", base_url=saved_emu.url, retry=NO_RETRY
    )
    created = writer.create_flow("versioned", ("OTHER",)).id
    reader = GraphClient(
        token="t", waba_id="104000000000001", base_url=saved_emu.url, api_version=version
    )
    assert [f.id for f in reader.list_flows()] == [created]
    assert saved_emu.call_log.calls()[-1].path.startswith(f"/{reader.api_version}/")


def test_a_new_numeric_waba_id_is_created_on_first_use_and_persisted(
    saved_emu: EmulatorHandle, tmp_path: Path
) -> None:
    answer = requests.get(f"{saved_emu.url}/v23.0/987654321012345/flows", headers=AUTH, timeout=5)
    assert answer.status_code == 200 and answer.json() == {"data": []}
    with start_emulator(state_path=tmp_path / "meta.json") as restarted:
        assert "987654321012345" in restarted.model.wabas


def test_a_flow_id_is_not_a_waba(saved_emu: EmulatorHandle) -> None:
    client = GraphClient(
        token="t", waba_id="104000000000001", base_url=saved_emu.url, retry=NO_RETRY
    )
    flow_id = client.create_flow("not-a-waba", ("OTHER",)).id
    as_waba = GraphClient(token="t", waba_id=flow_id, base_url=saved_emu.url, retry=NO_RETRY)
    with pytest.raises(GraphError) as exc:
        list(as_waba.list_flows())
    assert exc.value.code == 100 and "nonexisting field (flows)" in str(exc.value)
    with pytest.raises(GraphError):
        as_waba.create_flow("inside-a-flow", ("OTHER",))


@pytest.mark.parametrize("path", ["/v23.0/my-waba/flows", "/vX/100/flows", "/v23.0/"])
def test_paths_meta_does_not_serve_get_graph_errors(saved_emu: EmulatorHandle, path: str) -> None:
    answer = requests.get(f"{saved_emu.url}{path}", headers=AUTH, timeout=5)
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == 2500


def test_a_client_that_hangs_up_mid_answer_prints_no_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = EmulatorServer.__new__(EmulatorServer)
    try:
        raise BrokenPipeError(32, "Broken pipe")
    except BrokenPipeError:
        server.handle_error(None, ("127.0.0.1", 1))
    assert capsys.readouterr().err == ""


def test_a_waba_answers_get_with_its_documented_fields(saved_emu: EmulatorHandle) -> None:
    requests.get(f"{saved_emu.url}/v23.0/104000000000009/flows", headers=AUTH, timeout=5)
    node = requests.get(f"{saved_emu.url}/v23.0/104000000000009", headers=AUTH, timeout=5).json()
    assert set(node) == {"id", "name", "timezone_id", "message_template_namespace"}
    only = requests.get(
        f"{saved_emu.url}/v23.0/104000000000009?fields=timezone_id", headers=AUTH, timeout=5
    ).json()
    assert only == {"timezone_id": node["timezone_id"], "id": "104000000000009"}


def test_malformed_field_selection_is_graphs_100(saved_emu: EmulatorHandle) -> None:
    base = f"{saved_emu.url}/v23.0/104000000000009/flows"
    answer = requests.get(f"{base}?fields=id,application{{id", headers=AUTH, timeout=5)
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == 100
    assert "Syntax error at character 17 near 'the end'" in answer.json()["error"]["message"]


def test_public_key_is_read_back_signed_and_kept_in_the_state(
    saved_emu: EmulatorHandle, tmp_path: Path
) -> None:
    url = f"{saved_emu.url}/v23.0/106000000000001/whatsapp_business_encryption"
    assert requests.get(url, headers=AUTH, timeout=5).json() == {"data": []}
    pem = "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----"
    answer = requests.post(url, data={"business_public_key": pem}, headers=AUTH, timeout=5)
    assert answer.json() == {"success": True}
    [key] = requests.get(url, headers=AUTH, timeout=5).json()["data"]
    assert key == {"business_public_key": pem, "business_public_key_signature_status": "VALID"}
    with start_emulator(state_path=tmp_path / "meta.json") as restarted:
        assert restarted.model.public_keys == {"106000000000001": pem}


def test_migrating_without_names_copies_every_flow_in_order(saved_emu: EmulatorHandle) -> None:
    source = GraphClient(
        token="t", waba_id="104000000000101", base_url=saved_emu.url, retry=NO_RETRY
    )
    first = source.create_flow("first", ("OTHER",)).id
    second = source.create_flow("second", ("OTHER",)).id
    url = f"{saved_emu.url}/v23.0/104000000000102/migrate_flows"
    body = requests.post(url, params={"source_waba_id": "104000000000101"}, headers=AUTH, timeout=5)
    moved = body.json()["migrated_flows"]
    assert [(m["source_name"], m["source_id"]) for m in moved] == [
        ("first", first),
        ("second", second),
    ]
    dest = GraphClient(token="t", waba_id="104000000000102", base_url=saved_emu.url, retry=NO_RETRY)
    assert sorted(f.name for f in dest.list_flows()) == ["first", "second"]
    refused = requests.post(url, params={"source_waba_id": first}, headers=AUTH, timeout=5)
    assert refused.status_code == 400 and refused.json()["error"]["code"] == 100

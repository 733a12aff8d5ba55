"""The emulator's state file: persistence across runs, and two processes sharing it."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from flowops.emulator import start_emulator
from flowops.errors import ConfigError
from flowops.graph.client import GraphClient
from flowops.graph.errors import GraphError, TransportError
from flowops.graph.retry import NO_RETRY

VALID = (Path(__file__).parent / "data" / "emulator" / "valid.json").read_bytes()
TOKEN = "EAAstore-token-31337"
WABA = "104000000000007"


def client(url: str) -> GraphClient:
    return GraphClient(token=TOKEN, waba_id=WABA, base_url=url)


def test_flows_survive_a_restart_with_the_same_state_file(tmp_path: Path) -> None:
    state = tmp_path / "emulator.json"
    with start_emulator(state_path=state, token=TOKEN) as emu:
        api = client(emu.url)
        flow_id = api.create_flow("kept", ("OTHER",), flow_json=VALID, publish=True).id
        api.upload_flow_json(flow_id, VALID + b"\n")
        before = api.get_flow(flow_id)
    with start_emulator(state_path=state, token=TOKEN) as emu:
        api = client(emu.url)
        assert api.get_flow(flow_id) == before
        assert emu.model.get(flow_id).published_json == VALID
        api.update_metadata(flow_id, name="kept-2")
        assert (api.get_flow(flow_id).updated_at or "") > (before.updated_at or "")
    assert TOKEN not in state.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["emulator.json", "emulator.json.lock"]


def test_two_emulators_on_one_state_file_lose_no_changes(tmp_path: Path) -> None:
    state = tmp_path / "emulator.json"
    with (
        start_emulator(state_path=state) as first,
        start_emulator(state_path=state) as second,
    ):
        apis = [client(first.url), client(second.url)]

        def create(n: int) -> str:
            return apis[n % 2].create_flow(f"flow-{n}", ("OTHER",)).id

        with ThreadPoolExecutor(max_workers=6) as pool:
            ids = set(pool.map(create, range(24)))
        for api in apis:
            assert {f.id for f in api.list_flows()} == ids
    saved = json.loads(state.read_text())
    assert len(saved["flows"]) == 24


def test_names_stay_unique_across_two_emulators_sharing_state(tmp_path: Path) -> None:
    state = tmp_path / "emulator.json"
    with start_emulator(state_path=state) as a, start_emulator(state_path=state) as b:
        client(a.url).create_flow("same", ("OTHER",))
        with pytest.raises(GraphError, match="not unique"):
            client(b.url).create_flow("same", ("OTHER",))


@pytest.mark.parametrize(
    "text", ["{ not json", "[]", '{"format": 1, "flows": [{"id": 1}]}', '{"format": 9}']
)
def test_unreadable_state_file_is_a_clear_error(tmp_path: Path, text: str) -> None:
    state = tmp_path / "emulator.json"
    state.write_text(text)
    with pytest.raises(ConfigError) as exc:
        start_emulator(state_path=state)
    assert str(state) in str(exc.value) and "Delete the file" in exc.value.hint


def test_a_stopped_emulator_answers_nothing_even_on_open_connections() -> None:
    emu = start_emulator()
    api = GraphClient(token=TOKEN, waba_id=WABA, base_url=emu.url, retry=NO_RETRY)
    api.create_flow("before-stop", ("OTHER",))
    emu.stop()
    with pytest.raises(TransportError):
        api.create_flow("after-stop", ("OTHER",))
    assert [f.name for f in emu.model.flows.values()] == ["before-stop"]

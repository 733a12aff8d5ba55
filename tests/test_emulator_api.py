"""Meta's Flows rules as the emulator enforces them, exercised through the real GraphClient."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests

from flowops.emulator import EmulatorHandle, start_emulator
from flowops.graph.client import GraphClient
from flowops.graph.errors import AuthError, FlowStateError, GraphError
from flowops.graph.retry import NO_RETRY
from tests.emulator_wire import TOKEN

DATA = Path(__file__).parent / "data" / "emulator"
WABA = "104000000000042"
VALID = (DATA / "valid.json").read_bytes()
INVALID = (DATA / "invalid.json").read_bytes()
FROZEN = (DATA / "frozen.json").read_bytes()
ENDPOINT = (DATA / "endpoint.json").read_bytes()


@pytest.fixture
def client(emu: EmulatorHandle) -> GraphClient:
    return GraphClient(token=TOKEN, waba_id=WABA, base_url=emu.url, retry=NO_RETRY)


def published(client: GraphClient, name: str = "signup") -> str:
    flow_id = client.create_flow(name, ("SIGN_UP",), flow_json=VALID, publish=True).id
    assert client.get_flow(flow_id).status == "PUBLISHED"
    return flow_id


def test_created_flow_is_listed_and_readable_with_meta_shapes(client: GraphClient) -> None:
    created = client.create_flow("signup", ("SIGN_UP", "OTHER"), flow_json=VALID)
    assert re.fullmatch(r"\d{15,16}", created.id)
    assert created.success and created.validation_errors == ()
    flow = client.get_flow(created.id)
    assert (flow.name, flow.status, flow.categories) == ("signup", "DRAFT", ("SIGN_UP", "OTHER"))
    assert flow.json_version == "7.3"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000", flow.updated_at or "")
    assert [f.id for f in client.list_flows()] == [created.id]


def test_names_are_unique_per_waba_and_freed_only_by_deleting_a_draft(
    client: GraphClient, emu: EmulatorHandle
) -> None:
    draft = client.create_flow("dup", ("OTHER",)).id
    with pytest.raises(GraphError) as exc:
        client.create_flow("dup", ("OTHER",))
    assert exc.value.code == 100 and "not unique" in exc.value.user_title
    other_waba = GraphClient(token=TOKEN, waba_id="104000000000043", base_url=emu.url)
    other_waba.create_flow("dup", ("OTHER",))
    client.delete(draft)
    retired = published(client, "dup")
    client.deprecate(retired)
    with pytest.raises(GraphError, match="not unique"):
        client.create_flow("dup", ("OTHER",))


def test_editing_a_published_flow_makes_a_draft_while_the_old_version_serves(
    client: GraphClient, emu: EmulatorHandle
) -> None:
    flow_id = published(client)
    edited = VALID.replace(b'"Join"', b'"Join us"')
    assert client.upload_flow_json(flow_id, edited) == ()
    assert client.get_flow(flow_id).status == "DRAFT"
    info = requests.get(f"{emu.url}/_emulator/flows/{flow_id}", headers=auth(), timeout=5).json()
    assert info["has_published_version"] is True
    served = requests.get(
        f"{emu.url}/_emulator/flows/{flow_id}/published", headers=auth(), timeout=5
    )
    assert served.content == VALID
    client.publish(flow_id)
    assert emu.model.get(flow_id).published_json == edited


def test_metadata_update_of_a_published_flow_also_returns_it_to_draft(
    client: GraphClient,
) -> None:
    flow_id = published(client)
    client.update_metadata(flow_id, name="signup-2", categories=("SURVEY",))
    flow = client.get_flow(flow_id)
    assert (flow.name, flow.categories, flow.status) == ("signup-2", ("SURVEY",), "DRAFT")


def test_legacy_switch_makes_published_flows_immutable() -> None:
    with start_emulator(token=TOKEN, legacy_immutable_published=True) as emu:
        client = GraphClient(token=TOKEN, waba_id=WABA, base_url=emu.url, retry=NO_RETRY)
        flow_id = published(client)
        for edit in (
            lambda: client.upload_flow_json(flow_id, VALID),
            lambda: client.update_metadata(flow_id, name="renamed"),
        ):
            with pytest.raises(FlowStateError) as exc:
                edit()
            assert exc.value.code == 139001
        assert client.get_flow(flow_id).status == "PUBLISHED"


def test_invalid_json_is_stored_and_reported_with_positions(client: GraphClient) -> None:
    flow_id = client.create_flow("bad", ("OTHER",)).id
    errors = client.upload_flow_json(flow_id, INVALID)
    bad_type = next(e for e in errors if e.pointers[0].path.endswith("children[1].type"))
    assert bad_type.error_type == "FLOW_JSON_ERROR"
    assert (bad_type.line_start, bad_type.column_start) == (18, 21)
    assert bad_type.pointers[0].path == "screens[0].layout.children[1].type"
    assert client.get_flow(flow_id).validation_errors == errors
    url = client.list_assets(flow_id)[0].download_url
    assert client.download_asset(url) == INVALID


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (INVALID, "validation errors"),
        (FROZEN, "Versions in Flow JSON file are not available for publishing"),
        (None, "no Flow JSON"),
    ],
)
def test_publish_is_refused_with_139002(
    client: GraphClient, document: bytes | None, message: str
) -> None:
    flow_id = client.create_flow("f", ("OTHER",)).id
    if document is not None:
        client.upload_flow_json(flow_id, document)
    with pytest.raises(FlowStateError) as exc:
        client.publish(flow_id)
    assert exc.value.code == 139002 and message in exc.value.user_msg
    assert client.get_flow(flow_id).status == "DRAFT"


def test_publish_of_a_deprecated_flow_is_refused(client: GraphClient) -> None:
    flow_id = published(client)
    client.deprecate(flow_id)
    with pytest.raises(FlowStateError, match="DRAFT"):
        client.publish(flow_id)


def test_create_with_publish_publishes_only_valid_json(client: GraphClient) -> None:
    bad = client.create_flow("bad", ("OTHER",), flow_json=INVALID, publish=True)
    assert bad.validation_errors
    assert client.get_flow(bad.id).status == "DRAFT"
    assert client.get_flow(published(client)).status == "PUBLISHED"


def test_published_and_deprecated_flows_cannot_be_deleted(client: GraphClient) -> None:
    flow_id = published(client)
    with pytest.raises(FlowStateError) as exc:
        client.delete(flow_id)
    assert exc.value.code == 139004
    client.deprecate(flow_id)
    with pytest.raises(FlowStateError, match="139004"):
        client.delete(flow_id)
    assert client.get_flow(flow_id).status == "DEPRECATED"


def test_deprecating_unpublished_or_twice_fails_with_139003(
    client: GraphClient, emu: EmulatorHandle
) -> None:
    draft = client.create_flow("draft", ("OTHER",), flow_json=VALID).id
    with pytest.raises(FlowStateError) as exc:
        client.deprecate(draft)
    assert exc.value.code == 139003
    flow_id = published(client)
    client.deprecate(flow_id)
    again = requests.post(f"{emu.url}/v23.0/{flow_id}/deprecate", headers=auth(), timeout=5)
    assert again.status_code == 400 and again.json()["error"]["code"] == 139003


def test_clone_copies_json_and_endpoint(client: GraphClient) -> None:
    source = published(client)
    client.update_metadata(source, endpoint_uri="https://example.com/flow")
    clone = client.create_flow("signup__v2", ("SIGN_UP",), clone_flow_id=source)
    url = client.list_assets(clone.id)[0].download_url
    assert client.download_asset(url) == VALID
    assert client.get_flow(clone.id).endpoint_uri == "https://example.com/flow"


def test_updated_at_strictly_increases_within_one_second(client: GraphClient) -> None:
    flow_id = client.create_flow("clock", ("OTHER",)).id
    stamps = [client.get_flow(flow_id).updated_at]
    for n in range(3):
        client.update_metadata(flow_id, name=f"clock-{n}")
        stamps.append(client.get_flow(flow_id).updated_at)
    client.upload_flow_json(flow_id, VALID)
    client.publish(flow_id)
    stamps.append(client.get_flow(flow_id).updated_at)
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)


def test_throttled_and_blocked_come_only_from_the_admin_hook(
    client: GraphClient, emu: EmulatorHandle
) -> None:
    flow_id = published(client)
    emu.set_health(flow_id, "THROTTLED")
    assert client.get_flow(flow_id).status == "THROTTLED"
    hook = f"{emu.url}/_emulator/flows/{flow_id}/status"
    without_token = requests.post(hook, data={"status": "BLOCKED"}, timeout=5)
    assert without_token.status_code == 401  # the hook needs the token too
    assert without_token.json()["error"]["code"] == 190
    assert client.get_flow(flow_id).status == "THROTTLED"
    blocked = requests.post(hook, data={"status": "BLOCKED"}, headers=auth(), timeout=5)
    assert blocked.status_code == 200
    assert client.get_flow(flow_id).status == "BLOCKED"
    refused = requests.post(hook, data={"status": "PUBLISHED"}, headers=auth(), timeout=5)
    assert refused.status_code == 400
    with pytest.raises(FlowStateError):
        client.upload_flow_json(flow_id, VALID)
    client.deprecate(flow_id)
    assert client.get_flow(flow_id).status == "DEPRECATED"


def test_wrong_or_missing_token_gets_190_with_http_401(emu: EmulatorHandle) -> None:
    wrong = GraphClient(token="EAAwrong", waba_id=WABA, base_url=emu.url, retry=NO_RETRY)
    with pytest.raises(AuthError) as exc:
        list(wrong.list_flows())
    assert (exc.value.code, exc.value.http_status) == (190, 401)
    bare = requests.get(f"{emu.url}/v23.0/{WABA}/flows", timeout=5)
    assert bare.status_code == 401 and bare.json()["error"]["type"] == "OAuthException"
    by_query = requests.get(f"{emu.url}/v23.0/{WABA}/flows?access_token={TOKEN}", timeout=5)
    assert by_query.status_code == 200


def test_any_token_is_accepted_when_none_is_configured() -> None:
    with start_emulator() as emu:
        client = GraphClient(token="anything", waba_id=WABA, base_url=emu.url)
        assert list(client.list_flows()) == []


def test_preview_link_is_kept_until_invalidated(client: GraphClient) -> None:
    flow_id = client.create_flow("p", ("OTHER",)).id
    first = client.preview(flow_id)
    assert first.preview_url.startswith(
        f"https://preview.flowops-emulator.invalid/flows/{flow_id}?token="
    )
    assert client.preview(flow_id) == first
    expires = datetime.strptime(first.expires_at or "", "%Y-%m-%dT%H:%M:%S%z")
    assert timedelta(days=29) < expires - datetime.now(timezone.utc) <= timedelta(days=30)
    assert client.preview(flow_id, invalidate=True).preview_url != first.preview_url


def test_list_pages_with_cursors_and_next_only_when_more(
    client: GraphClient, emu: EmulatorHandle
) -> None:
    ids = {client.create_flow(f"f{n:02}", ("OTHER",)).id for n in range(30)}
    assert {f.id for f in client.list_flows(page_size=7)} == ids
    url = f"{emu.url}/v23.0/{WABA}/flows"
    first = requests.get(url, headers=auth(), timeout=5).json()
    assert len(first["data"]) == 25 and "next" in first["paging"]
    rest = requests.get(first["paging"]["next"], headers=auth(), timeout=5).json()
    assert len(rest["data"]) == 5 and "next" not in rest["paging"]
    back = {"before": rest["paging"]["cursors"]["before"], "limit": "3"}
    previous = requests.get(url, params=back, headers=auth(), timeout=5).json()
    assert [f["id"] for f in previous["data"]] == [f["id"] for f in first["data"][-3:]]


def test_endpoint_flow_publishes_only_once_its_endpoint_uri_is_set(client: GraphClient) -> None:
    flow_id = client.create_flow("quote", ("OTHER",), flow_json=ENDPOINT).id
    assert client.get_flow(flow_id).data_api_version == "3.0"
    with pytest.raises(FlowStateError, match="endpoint_uri"):
        client.publish(flow_id)
    client.update_metadata(flow_id, endpoint_uri="https://example.com/quote")
    client.publish(flow_id)
    assert client.get_flow(flow_id).status == "PUBLISHED"


def test_health_status_follows_the_flow(client: GraphClient, emu: EmulatorHandle) -> None:
    bad = client.create_flow("bad", ("OTHER",), flow_json=INVALID).id
    good = published(client)
    emu.set_health(good, "THROTTLED")
    url = f"{emu.url}/v23.0/{{}}?fields=health_status"
    health = {
        flow_id: requests.get(url.format(flow_id), headers=auth(), timeout=5).json()
        for flow_id in (bad, good)
    }
    assert health[bad]["health_status"]["can_send_message"] == "BLOCKED"
    assert health[good]["health_status"]["can_send_message"] == "LIMITED"
    assert health[good]["health_status"]["entities"][0] == {
        "entity_type": "FLOW",
        "id": good,
        "can_send_message": "LIMITED",
    }


def test_unknown_field_and_unknown_flow_are_graph_errors(client: GraphClient) -> None:
    flow_id = client.create_flow("x", ("OTHER",)).id
    with pytest.raises(GraphError, match="nonexisting field"):
        client.get_flow(flow_id, fields=("id", "colour"))
    with pytest.raises(GraphError) as exc:
        client.get_flow("999999999999999")
    assert exc.value.code == 100


def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def test_an_edit_in_progress_of_a_published_flow_can_be_deprecated_not_deleted(
    client: GraphClient,
) -> None:
    flow_id = published(client)
    client.upload_flow_json(flow_id, VALID + b"\n")
    with pytest.raises(FlowStateError, match="139004"):
        client.delete(flow_id)
    client.deprecate(flow_id)
    assert client.get_flow(flow_id).status == "DEPRECATED"


def test_a_flow_name_holding_half_a_surrogate_pair_is_an_invalid_parameter(
    emu: EmulatorHandle,
) -> None:
    answer = requests.post(
        f"{emu.url}/v21.0/{WABA}/flows",
        data='{"name": "n\\ud800", "categories": ["OTHER"]}',
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        timeout=10,
    )
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["code"] == 100

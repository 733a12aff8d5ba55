"""Contract tests: pywa, a widely used WhatsApp Cloud API client written against real Meta,
drives the emulator over HTTP through a flow's whole life.

pywa is used unmodified: it builds its own ``https://graph.facebook.com/vNN.0`` URLs, and
only the transport below sends them to the emulator on loopback, as a proxy would. Every
call must succeed (or fail with the error class) in pywa exactly as it does against Meta.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pywa import WhatsApp
from pywa import errors as pywa_errors
from pywa.types.flows import FlowCategory, FlowDetails, FlowMetricGranularity, FlowMetricName
from pywa.types.flows import FlowStatus as Status
from pywa.types.others import Pagination

from flowops.emulator import EmulatorHandle
from flowops.graph.fields import FLOW
from tests.emulator_wire import TOKEN

DATA = Path(__file__).parent / "data" / "emulator"
WABA = "104000000000077"
PHONE = "106000000000011"
VALID = (DATA / "valid.json").read_text()
INVALID = (DATA / "invalid.json").read_text()


class ToEmulator(httpx.HTTPTransport):
    """Sends pywa's Graph requests to the emulator's address; nothing else changes."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.target = httpx.URL(url)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(
            scheme=self.target.scheme, host=self.target.host, port=self.target.port
        )
        return super().handle_request(request)


@pytest.fixture
def sessions() -> Iterator[list[httpx.Client]]:
    opened: list[httpx.Client] = []
    yield opened
    for session in opened:
        session.close()


def pywa_client(emu: EmulatorHandle, sessions: list[httpx.Client], token: str = TOKEN) -> WhatsApp:
    session = httpx.Client(transport=ToEmulator(emu.url))
    sessions.append(session)
    return WhatsApp(phone_id=PHONE, token=token, waba_id=WABA, session=session)


@pytest.fixture
def wa(emu: EmulatorHandle, sessions: list[httpx.Client]) -> WhatsApp:
    return pywa_client(emu, sessions)


def download(url: str) -> bytes:
    with httpx.Client() as plain:
        return plain.get(url).content


def test_pywa_asks_only_for_fields_of_the_shared_description() -> None:
    asked = FlowDetails._api_fields(invalidate_preview=False, phone_number_id=PHONE)
    assert {name.split(".")[0] for name in asked} <= set(FLOW.fields)


def test_create_plain_flow_then_read_every_detail(wa: WhatsApp) -> None:
    created = wa.create_flow("pywa plain", [FlowCategory.SIGN_UP, FlowCategory.OTHER])
    assert created.id.isdigit() and created.success and created.validation_errors is None
    flow = wa.get_flow(created.id, invalidate_preview=False)
    assert (flow.name, flow.status) == ("pywa plain", Status.DRAFT)
    assert flow.categories == (FlowCategory.SIGN_UP, FlowCategory.OTHER)
    assert flow.json_version is None and flow.validation_errors is None
    waba = flow.whatsapp_business_account
    assert waba is not None and waba.id == WABA and waba.timezone_id and waba.name
    assert waba.message_template_namespace
    assert flow.application is not None and flow.application.link.startswith("https://")
    assert flow.updated_at is not None and flow.preview is not None


def test_create_with_json_and_publish_in_one_call(wa: WhatsApp) -> None:
    created = wa.create_flow("pywa live", ["SIGN_UP"], flow_json=VALID, publish=True)
    assert created.success and created.validation_errors is None
    flow = wa.get_flow(created.id, invalidate_preview=False)
    assert flow.status == Status.PUBLISHED and flow.json_version == "7.3"


def test_create_with_invalid_json_and_publish_stays_draft_with_errors(wa: WhatsApp) -> None:
    created = wa.create_flow("pywa broken", ["OTHER"], flow_json=INVALID, publish=True)
    assert created.validation_errors is not None
    error = created.validation_errors[0]
    assert error.error == "INVALID_ENUM_VALUE" and (error.line_start, error.column_start) == (
        18,
        21,
    )
    assert wa.get_flow(created.id).status == Status.DRAFT


def test_upload_reports_validation_errors_and_a_fix_clears_them(wa: WhatsApp) -> None:
    flow_id = wa.create_flow("pywa upload", ["OTHER"]).id
    bad = wa.update_flow_json(flow_id, INVALID)
    assert bad.success and [e.error for e in bad.validation_errors] == ["INVALID_ENUM_VALUE"]
    with pytest.raises(pywa_errors.FlowPublishingError):
        wa.publish_flow(flow_id)
    good = wa.update_flow_json(flow_id, VALID.encode())
    assert good.success and good.validation_errors == ()
    assert wa.publish_flow(flow_id).success
    assert wa.get_flow(flow_id).status == Status.PUBLISHED


def test_list_pages_with_cursors_forward_and_back(wa: WhatsApp) -> None:
    ids = [wa.create_flow(f"pywa page {n}", ["OTHER"]).id for n in range(5)]
    first = wa.get_flows(pagination=Pagination(limit=2), invalidate_preview=False)
    assert [f.id for f in first] == ids[::-1][:2] and first.has_next and not first.has_previous
    seen, page = [f.id for f in first], first
    while page.has_next:
        page = page.next()
        seen += [f.id for f in page]
    assert seen == ids[::-1]
    second = first.next()
    assert [f.id for f in second.previous()] == [f.id for f in first]
    after = wa.get_flows(pagination=Pagination(limit=2, after=first.after))
    assert [f.id for f in after] == [f.id for f in second]


def test_assets_list_and_download_the_uploaded_json(wa: WhatsApp) -> None:
    flow_id = wa.create_flow("pywa assets", ["OTHER"], flow_json=VALID).id
    assets = list(wa.get_flow_assets(flow_id))
    assert [(a.name, a.type) for a in assets] == [("flow.json", "FLOW_JSON")]
    assert download(assets[0].url) == VALID.encode()
    details = wa.get_flow(flow_id)
    assert [a.name for a in details.get_assets()] == ["flow.json"]


def test_edit_of_a_published_flow_goes_back_to_draft_and_republishes(wa: WhatsApp) -> None:
    flow_id = wa.create_flow("pywa edit", ["SIGN_UP"], flow_json=VALID, publish=True).id
    edited = VALID.replace('"Join"', '"Join us"')
    assert wa.update_flow_json(flow_id, edited).validation_errors == ()
    flow = wa.get_flow(flow_id)
    assert flow.status == Status.DRAFT
    assert flow.update_metadata(name="pywa edited", categories=["SURVEY"]).success
    assert flow.publish().success
    again = wa.get_flow(flow_id)
    assert (again.name, again.status, again.categories) == (
        "pywa edited",
        Status.PUBLISHED,
        (FlowCategory.SURVEY,),
    )
    assets = list(again.get_assets())
    assert download(assets[0].url) == edited.encode()


def test_metadata_sets_endpoint_and_application(wa: WhatsApp) -> None:
    flow_id = wa.create_flow("pywa meta", ["OTHER"]).id
    result = wa.update_flow_metadata(
        flow_id, endpoint_uri="https://example.com/flows", application_id=1234567890
    )
    assert result.success
    flow = wa.get_flow(flow_id)
    assert flow.endpoint_uri == "https://example.com/flows"
    assert flow.application is not None and flow.application.id == "1234567890"


def test_clone_copies_the_json(wa: WhatsApp) -> None:
    source = wa.create_flow("pywa source", ["OTHER"], flow_json=VALID, publish=True).id
    clone = wa.create_flow("pywa clone", ["OTHER"], clone_flow_id=source).id
    assert wa.get_flow(clone).json_version == "7.3"
    assert download(next(iter(wa.get_flow_assets(clone))).url) == VALID.encode()


def test_deprecate_once_then_refused(wa: WhatsApp) -> None:
    flow_id = wa.create_flow("pywa old", ["OTHER"], flow_json=VALID, publish=True).id
    assert wa.deprecate_flow(flow_id).success
    assert wa.get_flow(flow_id).status == Status.DEPRECATED
    with pytest.raises(pywa_errors.FlowDeprecatingError):
        wa.deprecate_flow(flow_id)
    draft = wa.create_flow("pywa never live", ["OTHER"]).id
    with pytest.raises(pywa_errors.FlowDeprecatingError):
        wa.get_flow(draft).deprecate()


def test_delete_a_draft_but_not_a_published_flow(wa: WhatsApp) -> None:
    draft = wa.create_flow("pywa scratch", ["OTHER"]).id
    assert wa.delete_flow(draft).success
    with pytest.raises(pywa_errors.WhatsAppError) as gone:
        wa.get_flow(draft)
    assert gone.value.code == 100
    live = wa.create_flow("pywa keep", ["OTHER"], flow_json=VALID, publish=True).id
    with pytest.raises(pywa_errors.FlowDeletingError):
        wa.delete_flow(live)


def test_duplicate_name_is_refused_with_code_100(wa: WhatsApp) -> None:
    wa.create_flow("pywa twin", ["OTHER"])
    with pytest.raises(pywa_errors.WhatsAppError) as twin:
        wa.create_flow("pywa twin", ["OTHER"])
    assert twin.value.code == 100


def test_preview_rotates_only_when_asked(wa: WhatsApp) -> None:
    flow_id = wa.create_flow("pywa preview", ["OTHER"], flow_json=VALID).id
    kept = wa.get_flow(flow_id, invalidate_preview=False).preview
    same = wa.get_flow(flow_id, invalidate_preview=False).preview
    rotated = wa.get_flow(flow_id, invalidate_preview=True).preview
    assert kept is not None and same is not None and rotated is not None
    assert kept.url == same.url != rotated.url
    assert "interactive=true" in rotated.with_params(interactive=True)


def test_health_status_for_one_phone_number(wa: WhatsApp) -> None:
    flow_id = wa.create_flow("pywa health", ["OTHER"], flow_json=VALID, publish=True).id
    health = wa.get_flow(flow_id, phone_number_id=PHONE).health_status
    assert health is not None and health["can_send_message"] == "AVAILABLE"
    assert {e["entity_type"] for e in health["entities"]} >= {"FLOW", "WABA", "PHONE_NUMBER"}


def test_metrics_need_endpoint_traffic_first(wa: WhatsApp) -> None:
    flow_id = wa.create_flow("pywa metrics", ["OTHER"], flow_json=VALID, publish=True).id
    with pytest.raises(pywa_errors.WhatsAppError) as refused:
        wa.get_flow_metrics(
            flow_id, FlowMetricName.ENDPOINT_REQUEST_COUNT, FlowMetricGranularity.DAY
        )
    assert refused.value.code == 139006


def test_field_expansion_answers_only_what_was_asked(wa: WhatsApp) -> None:
    flow_id = wa.create_flow("pywa expand", ["OTHER"]).id
    raw = wa.api.get_flow(flow_id, fields=("id", "whatsapp_business_account{id}"))
    assert raw == {"id": flow_id, "whatsapp_business_account": {"id": WABA}}
    nested = wa.api.get_flow(flow_id, fields=("application{name}", "preview{expires_at}"))
    assert set(nested["application"]) == {"id", "name"}
    assert set(nested["preview"]) == {"expires_at"}


def test_wrong_token_is_an_auth_error(emu: EmulatorHandle, sessions: list[httpx.Client]) -> None:
    stranger = pywa_client(emu, sessions, token="EAAnot-the-emulator-token")
    with pytest.raises(pywa_errors.AuthorizationError) as denied:
        stranger.get_flows()
    assert denied.value.code == 190 and denied.value.status_code == 401


def test_migrate_flows_copies_by_name_and_reports_failures(
    emu: EmulatorHandle, sessions: list[httpx.Client]
) -> None:
    source = "104000000000078"
    other = pywa_client(emu, sessions)
    live = other.create_flow(
        "pywa migrate live", ["OTHER"], flow_json=VALID, publish=True, waba_id=source
    ).id
    other.create_flow("pywa migrate draft", ["OTHER"], waba_id=source)
    wa = pywa_client(emu, sessions)
    wa.create_flow("pywa migrate draft", ["OTHER"])  # already taken in the destination
    result = wa.migrate_flows(
        source, ["pywa migrate live", "pywa migrate draft", "pywa migrate missing"]
    )
    assert [(m.source_name, m.source_id) for m in result.migrated_flows] == [
        ("pywa migrate live", live)
    ]
    assert {f.source_name: f.error_code for f in result.failed_flows} == {
        "pywa migrate draft": "4233041",
        "pywa migrate missing": "4233041",
    }
    copy = wa.get_flow(result.migrated_flows[0].migrated_id)
    assert copy.status == Status.PUBLISHED and copy.id != live
    assert copy.whatsapp_business_account is not None
    assert copy.whatsapp_business_account.id == WABA


def test_business_public_key_is_set_for_the_phone_number(wa: WhatsApp) -> None:
    pem = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqh\n-----END PUBLIC KEY-----"
    assert wa.set_business_public_key(pem).success
    with pytest.raises(pywa_errors.WhatsAppError) as refused:
        wa.set_business_public_key("not a key")
    assert refused.value.code == 100

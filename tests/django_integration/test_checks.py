"""``manage.py check``: what a misconfigured bot is told, with flowops ids."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("django")

from django.core import checks

from tests.django_integration.commands import sync
from tests.django_integration.legacy.models import Flow


def ids(*, database: bool = False) -> dict[str, str]:
    tags = ["flowops"]
    found = checks.run_checks(tags=tags, databases=["default"] if database else None)
    return {m.id: m.msg for m in found if m.id.startswith("flowops.")}


def test_a_configured_project_after_sync_has_no_findings(project: Path) -> None:
    Flow.objects.create(name="tour_inquiry_flow")
    sync()
    assert ids(database=True) == {}


def test_lock_missing_before_the_first_sync(project: Path) -> None:
    assert "not found yet" in ids()["flowops.W001"]


def test_missing_settings(settings: Any) -> None:
    settings.FLOWOPS = None
    assert "must be a dict" in ids()["flowops.E001"]


def test_missing_required_key(settings: Any, project: Path) -> None:
    settings.FLOWOPS = {"MANIFEST": project / "flows.yaml"}
    assert "ENVIRONMENT" in ids()["flowops.E001"]


def test_unknown_key_suggests_the_right_one(settings: Any, project: Path) -> None:
    settings.FLOWOPS = {**settings.FLOWOPS, "MIROR_MODEL": "legacy.WhatsAppFlow"}
    assert "Did you mean 'MIRROR_MODEL'" in ids()["flowops.E002"]


def test_manifest_missing(settings: Any, tmp_path: Path) -> None:
    settings.FLOWOPS = {**settings.FLOWOPS, "MANIFEST": tmp_path / "flows.yaml"}
    assert "does not exist" in ids()["flowops.W004"]


def test_invalid_manifest(settings: Any, project: Path) -> None:
    (project / "flows.yaml").write_text("version: 1\nflows: [\n")
    assert "flows.yaml:" in ids()["flowops.E003"]


def test_unknown_environment(settings: Any, project: Path) -> None:
    settings.FLOWOPS = {**settings.FLOWOPS, "ENVIRONMENT": "prod"}
    assert "unknown environment 'prod'" in ids()["flowops.E004"]


def test_dotted_path_that_does_not_import(settings: Any, project: Path) -> None:
    settings.FLOWOPS = {**settings.FLOWOPS, "TRADITIONAL_FLOWS": "bot.nowhere.names"}
    assert "cannot import 'bot.nowhere.names'" in ids()["flowops.E005"]


def test_mirror_model_without_the_needed_fields(settings: Any, project: Path) -> None:
    settings.FLOWOPS = {**settings.FLOWOPS, "MIRROR_MODEL": "legacy.Flow"}
    assert (
        "lacks field(s) flow_id, sync_status, is_active, flow_definition" in ids()["flowops.E006"]
    )


def test_snapshot_missing(settings: Any, project: Path) -> None:
    settings.FLOWOPS = {**settings.FLOWOPS, "SNAPSHOT": project / "runtime.json"}
    assert "runtime.json not found" in ids()["flowops.E007"]


def test_emulator_environment_with_debug_off(settings: Any, project: Path) -> None:
    settings.DEBUG = False
    assert "'local' is the emulator" in ids()["flowops.W002"]


def test_link_to_a_traditional_flow_missing_from_the_database(project: Path) -> None:
    message = ids(database=True)["flowops.W003"]
    assert message.startswith("flows.yaml: flow 'tour_inquiry' links to traditional flow")
    assert '"tour_inquiry_flow", which is not in the database' in message


def test_plain_check_reports_the_missing_link_too(project: Path) -> None:
    assert "flowops.W003" in ids()


def unreachable() -> list[str]:
    from django.db import OperationalError

    raise OperationalError("could not connect to server")


def test_an_unreachable_database_is_reported_as_a_skipped_check(
    settings: Any, project: Path
) -> None:
    settings.FLOWOPS = {**settings.FLOWOPS, "TRADITIONAL_FLOWS": f"{__name__}.unreachable"}
    found = ids(database=True)
    assert "flowops.W003" not in found
    assert found["flowops.W005"] == (
        "links to traditional flows were not checked: the traditional-flow table could not "
        "be read (could not connect to server)"
    )


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("TRADITIONAL_FLOW_MODEL", "legacy.Flows", "FLOWOPS['TRADITIONAL_FLOW_MODEL']: App"),
        ("TRADITIONAL_FLOW_MODEL", "legacy.WhatsAppFlowResponse", "Response lacks field(s) name"),
        (
            "RESPONSE_MODEL",
            "legacy.Flow",
            "lacks field(s) whatsapp_flow, flow_token, response_data",
        ),
        ("MIRROR_MODEL", "WhatsAppFlow", "FLOWOPS['MIRROR_MODEL']"),
    ],
)
def test_model_settings_that_cannot_be_used(
    settings: Any, project: Path, key: str, value: str, message: str
) -> None:
    settings.FLOWOPS = {**settings.FLOWOPS, key: value}
    assert message in ids()["flowops.E006"]


def test_a_setting_of_the_wrong_type(settings: Any, project: Path) -> None:
    settings.FLOWOPS = {**settings.FLOWOPS, "ENVIRONMENT": ["local"]}
    assert "FLOWOPS['ENVIRONMENT'] must be a string or a path, not list" in ids()["flowops.E001"]

"""``manage.py sync_whatsapp_flows`` on a project using the local emulator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("django")

from django.core.management import CommandError, call_command

from flowops.graph.errors import GraphError
from tests.django_integration.commands import fake_meta, sync
from tests.django_integration.legacy.models import Flow, WhatsAppFlow
from tests.fakes_flows import FakeFlowsAPI

OLD_WARNING = (
    '  Warning: Traditional flow "tour_inquiry_flow" not found. '
    "WhatsApp Flow will be created without flow_definition link."
)


def test_first_sync_prints_plan_and_link_then_mirrors_every_flow(project: Path) -> None:
    Flow.objects.create(name="tour_inquiry_flow")
    run = sync("--publish")
    assert run.out.index("+ create tour_inquiry") < run.out.index("Sync complete")
    assert "  Found traditional flow: tour_inquiry_flow" in run.out
    rows = {row.name: row for row in WhatsAppFlow.objects.all()}
    assert set(rows) == {"tour_inquiry", "date_picker"}
    tour = rows["tour_inquiry"]
    assert tour.sync_status == "published" and tour.is_active and tour.flow_id
    assert tour.flow_definition.name == "tour_inquiry_flow"
    assert tour.friendly_name == "Tour inquiry"
    assert tour.flow_json["screens"][0]["id"] == "TOUR"


def test_second_sync_reports_no_changes_and_writes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meta = fake_meta(monkeypatch, FakeFlowsAPI())
    sync("--publish")
    before = list(WhatsAppFlow.objects.values())
    meta.calls.clear()
    run = sync("--publish")
    assert "No changes" in run.out
    assert meta.writes() == []
    assert "0 created, 0 updated" in run.out
    assert list(WhatsAppFlow.objects.values()) == before


def test_missing_traditional_flow_prints_the_old_warning_word_for_word(project: Path) -> None:
    run = sync()
    assert OLD_WARNING in run.out.splitlines()
    assert WhatsAppFlow.objects.get(name="tour_inquiry").flow_definition is None


def test_flow_all_and_one_flow(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    meta = fake_meta(monkeypatch, FakeFlowsAPI())
    sync("--flow", "date_picker")
    assert [f.name for f in meta.flows.values()] == ["Date picker_v1.02"]
    sync("--flow", "all")
    assert len(meta.flows) == 2


def test_unknown_flow_is_a_command_error_with_did_you_mean(project: Path) -> None:
    with pytest.raises(
        CommandError, match=r"unknown flow 'tour_inquery'.*Did you mean 'tour_inquiry'"
    ):
        sync("--flow", "tour_inquery")


def test_dry_run_plans_only(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    meta = fake_meta(monkeypatch, FakeFlowsAPI())
    run = sync("--dry-run")
    assert "+ create date_picker" in run.out
    assert meta.writes() == [] and not WhatsAppFlow.objects.exists()
    assert not (project / ".flowops" / "local" / "flows.lock").exists()


def test_without_publish_flag_publish_comes_from_flows_yaml(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meta = fake_meta(monkeypatch, FakeFlowsAPI())
    sync()
    assert {f.status for f in meta.flows.values()} == {"PUBLISHED"}


def test_from_lock_makes_no_meta_call_and_refreshes_the_mirror(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meta = fake_meta(monkeypatch, FakeFlowsAPI())
    sync()
    WhatsAppFlow.objects.all().delete()
    meta.calls.clear()
    run = sync("--from-lock")
    assert meta.calls == []
    assert "2 created" in run.out
    assert WhatsAppFlow.objects.count() == 2


def test_a_failed_flow_exits_non_zero_after_mirroring_the_rest(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_meta(monkeypatch, RefusesTours())
    with pytest.raises(
        CommandError, match=r"Sync finished with errors: 1 flow.s. changed, 1 failed"
    ):
        sync("--publish")
    assert list(WhatsAppFlow.objects.values_list("name", "sync_status")) == [
        ("date_picker", "published")
    ]


class RefusesTours(FakeFlowsAPI):
    def create_flow(self, name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("Tour"):
            raise GraphError("Flow name is not allowed", code=100)
        return super().create_flow(name, *args, **kwargs)  # type: ignore[arg-type]


def test_invalid_flow_json_stops_before_any_call(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meta = fake_meta(monkeypatch, FakeFlowsAPI())
    (project / "whatsapp_flows" / "date_picker.json").write_text('{"version": "7.3", "screens": [}')
    with pytest.raises(CommandError, match=r"date_picker\.json:1:"):
        sync()
    assert meta.calls == []


def test_prune_deprecates_a_flow_removed_from_flows_yaml(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meta = fake_meta(monkeypatch, FakeFlowsAPI())
    sync()
    manifest = project / "flows.yaml"
    text = manifest.read_text()
    manifest.write_text(text[: text.index("  date_picker:")])
    run = sync("--prune")
    assert "date_picker" in run.out
    assert {f.name: f.status for f in meta.flows.values()}["Date picker_v1.02"] == "DEPRECATED"
    assert "left untouched (not in flows.yaml): date_picker" in run.out


def test_call_command_output_is_captured(project: Path) -> None:
    import io

    out = io.StringIO()
    call_command("sync_whatsapp_flows", "--dry-run", stdout=out)
    assert "flowops plan for environment 'local'" in out.getvalue()
    assert json.loads((project / "whatsapp_flows" / "date_picker.json").read_text())


def test_from_lock_before_any_apply_is_refused(project: Path) -> None:
    with pytest.raises(CommandError, match="--from-lock: no lock file for environment 'local'"):
        sync("--from-lock")


def test_a_missing_manifest_points_at_the_migration_command(settings: Any, tmp_path: Path) -> None:
    settings.FLOWOPS = {**settings.FLOWOPS, "MANIFEST": tmp_path / "flows.yaml"}
    with pytest.raises(CommandError, match=r"manage\.py migrate_flow_definitions"):
        sync()


def test_an_edit_left_in_draft_names_the_sync_command_that_publishes_it(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_meta(monkeypatch, FakeFlowsAPI())
    sync()
    manifest = project / "flows.yaml"
    text = manifest.read_text(encoding="utf-8").replace("publish: true", "publish: false")
    manifest.write_text(text, encoding="utf-8")
    flow = project / "whatsapp_flows" / "tour_inquiry.json"
    doc = json.loads(flow.read_text(encoding="utf-8"))
    doc["screens"][0]["title"] = "Plan your visit"
    flow.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    run = sync()
    assert "`manage.py sync_whatsapp_flows --flow tour_inquiry --publish`" in run.out
    assert "flowops apply" not in run.out

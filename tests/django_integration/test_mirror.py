"""The mirror into the bot's WhatsAppFlow model: matched, updated in place, one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("django")

from flowops.lock.file import load
from tests.django_integration.commands import fake_meta, sync
from tests.django_integration.legacy.models import MetaAppConfig, WhatsAppFlow
from tests.fakes_flows import FakeFlowsAPI


def test_primary_keys_survive_a_clone_and_swap_replace(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_meta(monkeypatch, FakeFlowsAPI())
    sync()
    before = WhatsAppFlow.objects.get(name="tour_inquiry")
    manifest = project / "flows.yaml"
    manifest.write_text(
        manifest.read_text().replace(
            "    is_active: true\n", "    is_active: true\n    update_strategy: clone\n"
        )
    )
    flow = project / "whatsapp_flows" / "tour_inquiry.json"
    flow.write_text(flow.read_text().replace('"Send request"', '"Send my request"'))
    run = sync()
    assert "replace" in run.out
    after = WhatsAppFlow.objects.get(pk=before.pk)
    assert after.flow_id != before.flow_id and after.sync_status == "published"
    entry = load(project / ".flowops" / "local" / "flows.lock").get("local", "tour_inquiry")
    assert entry is not None and before.flow_id in entry.previous_flow_ids
    assert WhatsAppFlow.objects.count() == 2


def test_rows_the_old_app_created_are_adopted_in_place(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_meta(monkeypatch, FakeFlowsAPI())
    config = MetaAppConfig.objects.create(name="production")
    old = WhatsAppFlow.objects.create(name="tour_inquiry", meta_app_config=config, version=3)
    sync()
    row = WhatsAppFlow.objects.get(pk=old.pk)
    assert row.flow_id and row.sync_status == "published" and row.version == 3
    assert WhatsAppFlow.objects.count() == 2


def test_a_row_is_found_by_flow_id_even_after_a_rename(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_meta(monkeypatch, FakeFlowsAPI())
    sync()
    row = WhatsAppFlow.objects.get(name="tour_inquiry")
    WhatsAppFlow.objects.filter(pk=row.pk).update(name="tour_inquiry_old")
    sync()
    assert WhatsAppFlow.objects.get(pk=row.pk).name == "tour_inquiry"


def test_unmanaged_rows_are_left_alone_and_listed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_meta(monkeypatch, FakeFlowsAPI())
    config = MetaAppConfig.objects.create(name="production")
    legacy = WhatsAppFlow.objects.create(
        name="traveler_details", flow_id="555", sync_status="published", meta_app_config=config
    )
    run = sync()
    assert "left untouched (not in flows.yaml): traveler_details" in run.out
    kept = WhatsAppFlow.objects.get(pk=legacy.pk)
    assert (kept.flow_id, kept.sync_status) == ("555", "published")


def test_the_mirror_is_one_transaction(
    project: Path, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    fake_meta(monkeypatch, FakeFlowsAPI())
    settings.FLOWOPS = {**settings.FLOWOPS, "MIRROR_DEFAULTS": f"{__name__}.refuse_tours"}
    with pytest.raises(ValueError, match="no config for tour_inquiry"):
        sync()
    assert not WhatsAppFlow.objects.exists()


def refuse_tours(record: Any) -> dict[str, Any]:
    """date_picker (first in key order) gets a row before tour_inquiry fails."""
    if record.name == "tour_inquiry":
        raise ValueError(f"no config for {record.name}")
    return {"meta_app_config": MetaAppConfig.objects.get_or_create(name="default")[0]}


def test_a_second_mirror_writes_nothing_and_reads_in_a_few_queries(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fake_meta(monkeypatch, FakeFlowsAPI())
    sync()
    with CaptureQueriesContext(connection) as queries:
        sync("--from-lock")
    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    assert not {"INSERT", "UPDATE", "DELETE"} & set(statements)
    assert statements.count("SELECT") <= 3  # catalogue, mirror rows, traditional flow ids

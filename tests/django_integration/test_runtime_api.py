"""Bot code: ``flows()`` records shaped like the old model, and ``resolve()``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("django")

from flowops.contrib.django import flows, resolve, resolver
from flowops.contrib.django.records import FlowRecord
from flowops.runtime import Fallback, Resolution
from tests.django_integration.commands import fake_meta, sync
from tests.django_integration.legacy.models import Flow, WhatsAppFlow
from tests.fakes_flows import FakeFlowsAPI


@pytest.fixture
def synced(project: Path, monkeypatch: pytest.MonkeyPatch) -> FakeFlowsAPI:
    meta = fake_meta(monkeypatch, FakeFlowsAPI())
    Flow.objects.create(name="tour_inquiry_flow")
    sync("--publish")
    return meta


def test_old_lookups_work_on_the_records(synced: FakeFlowsAPI) -> None:
    wf = flows().get(name="tour_inquiry")
    assert wf.flow_definition.name == "tour_inquiry_flow"
    assert wf.sync_status == "published" and wf.is_active
    assert wf.flow_id == WhatsAppFlow.objects.get(name="tour_inquiry").flow_id
    live = flows().filter(is_active=True, sync_status="published", flow_id__isnull=False)
    assert [r.name for r in live] == ["date_picker", "tour_inquiry"]  # components too
    assert flows().get(name="date_picker").flow_definition is None
    with pytest.raises(FlowRecord.DoesNotExist):
        flows().get(name="tour_inquiri")


def test_resolve_answers_from_the_lock(synced: FakeFlowsAPI) -> None:
    decision = resolve("tour_inquiry_flow")
    assert isinstance(decision, Resolution)
    assert decision.flow_id == flows().get(name="tour_inquiry").flow_id
    assert isinstance(resolve("support_flow"), Fallback)


def test_published_means_the_runtime_would_send_it(synced: FakeFlowsAPI, project: Path) -> None:
    flow_id = flows().get(name="tour_inquiry").flow_id
    synced.tamper_status(str(flow_id), "BLOCKED")
    sync()
    record = flows().get(name="tour_inquiry")
    assert (record.status, record.sync_status) == ("BLOCKED", "error")
    assert isinstance(resolve("tour_inquiry_flow"), Fallback)
    assert WhatsAppFlow.objects.get(name="tour_inquiry").sync_status == "error"


def test_a_settings_change_is_picked_up(synced: FakeFlowsAPI, settings: Any) -> None:
    first = resolver()
    settings.FLOWOPS = {**settings.FLOWOPS}
    assert resolver() is not first


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_worker_builds_its_own_resolver(synced: FakeFlowsAPI) -> None:
    parent = id(resolver())
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer through the pipe, then leave without pytest's cleanup
        os.write(write, b"own" if id(resolver()) != parent else b"shared")
        os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(read, 10) == b"own"


def test_nothing_is_read_at_import_or_start_up(tmp_path: Path) -> None:
    settings = tmp_path / "bot_settings.py"
    settings.write_text(
        "SECRET_KEY = 'x'\nUSE_TZ = True\n"
        "INSTALLED_APPS = ['flowops.contrib.django']\n"
        "FLOWOPS = {'MANIFEST': 'missing/flows.yaml', 'ENVIRONMENT': 'production'}\n"
    )
    code = "import django; django.setup(); import flowops.contrib.django; print('started')"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bot_settings", "PYTHONPATH": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert run.stdout.strip() == "started", run.stderr

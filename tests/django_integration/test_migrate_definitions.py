"""``manage.py migrate_flow_definitions``: old flow modules → flows.yaml, adopted on Meta."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("django")

from django.core.management import CommandError, call_command

from tests.django_integration.commands import fake_meta, sync
from tests.django_integration.legacy.models import MetaAppConfig, WhatsAppFlow
from tests.fakes_flows import FakeFlowsAPI

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "django_bot" / "flows" / "definitions"


@pytest.fixture
def bot(tmp_path: Path, settings: Any) -> Path:
    """An old bot: its definitions folder, no flows.yaml yet."""
    shutil.copytree(EXAMPLE, tmp_path / "definitions")
    settings.FLOWOPS = {**settings.FLOWOPS, "MANIFEST": tmp_path / "flows.yaml"}
    return tmp_path


def migrate(folder: Path, *args: str) -> str:
    out = io.StringIO()
    call_command("migrate_flow_definitions", str(folder), *args, stdout=out)
    return out.getvalue()


def test_flows_already_on_meta_are_adopted_not_created(
    bot: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meta = fake_meta(monkeypatch, FakeFlowsAPI())
    old_id = meta.create_flow("Tour Inquiry WhatsApp Flow_v1.02", ("OTHER",), publish=True).id
    config = MetaAppConfig.objects.create(name="production")
    row = WhatsAppFlow.objects.create(
        name="tour_inquiry_whatsapp_flow", flow_id=old_id, meta_app_config=config
    )
    migrate(bot / "definitions")
    meta.calls.clear()
    run = sync()
    assert f"← adopt tour_inquiry_whatsapp_flow (flow {old_id}" in run.out
    assert ("create_flow", "Tour Inquiry WhatsApp Flow_v1.02") not in meta.calls
    assert WhatsAppFlow.objects.get(pk=row.pk).flow_id == old_id


def test_entries_keep_links_activity_and_the_old_publish_rule(bot: Path) -> None:
    out = migrate(bot / "definitions", "--suffix", "v2")
    assert "Skipped" in out and "main_menu_flow.py" in out
    text = (bot / "flows.yaml").read_text()
    assert 'name: "Tour Inquiry WhatsApp Flow_v2"' in text
    assert 'flow_definition_name: "tour_inquiry_flow"' in text
    assert "publish: false" in text and "is_active: true" in text
    assert "# migrated from definitions/tour_inquiry_whatsapp_flow.py" in text
    doc = json.loads((bot / "whatsapp_flows" / "tour_inquiry_whatsapp_flow.json").read_text())
    assert doc["screens"][0]["id"] == "TOUR"


def test_a_second_run_keeps_what_is_there(bot: Path) -> None:
    migrate(bot / "definitions")
    before = (bot / "flows.yaml").read_text()
    assert "Kept tour_inquiry_whatsapp_flow: already in flows.yaml" in migrate(bot / "definitions")
    assert (bot / "flows.yaml").read_text() == before


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("X_METADATA = {'name': 'x'}\nX = build()\n", r"x\.py:2:5: X is computed"),
        ("X_METADATA = {'name': 'x'}\n", r"x\.py:1:14: X_METADATA has no Flow JSON dict X"),
        (
            "X_METADATA = {'name': 'Tour Flow'}\nX = {'version': '7.3', 'screens': []}\n",
            r"x\.py:1:14: .*'Tour Flow' cannot be a flows.yaml key.*'tour_flow'",
        ),
        ("X_METADATA = {'name': 'x'}\nX = {'steps': []}\n", r"x\.py:2:5: X is not Flow JSON"),
        ("X_METADATA = {\n", r"x\.py:1:\d+: not valid Python"),
    ],
)
def test_what_cannot_be_converted_is_refused_with_its_place(
    bot: Path, source: str, message: str
) -> None:
    (bot / "definitions" / "x.py").write_text(source)
    with pytest.raises(CommandError, match=message):
        migrate(bot / "definitions")
    assert not (bot / "flows.yaml").exists()


def test_a_name_defined_twice_is_refused(bot: Path) -> None:
    original = bot / "definitions" / "date_picker_whatsapp_flow.py"
    shutil.copy(original, bot / "definitions" / "copy_of_date_picker.py")
    with pytest.raises(CommandError, match="'date_picker_whatsapp_flow' is also defined"):
        migrate(bot / "definitions")


def test_a_conflicting_json_file_leaves_nothing_half_written(bot: Path) -> None:
    clash = bot / "whatsapp_flows" / "traveler_details_whatsapp_flow.json"
    clash.parent.mkdir()
    clash.write_text("{}\n")
    with pytest.raises(CommandError, match=r"traveler_details_whatsapp_flow\.json exists"):
        migrate(bot / "definitions")
    assert sorted(p.name for p in clash.parent.iterdir()) == [clash.name]
    assert not (bot / "flows.yaml").exists()


def test_an_unparsable_flows_yaml_is_refused_with_its_place(bot: Path) -> None:
    (bot / "flows.yaml").write_text("version: 1\nflows: {a: [\n")
    with pytest.raises(CommandError, match=r"flows\.yaml:3:1: not valid YAML"):
        migrate(bot / "definitions")

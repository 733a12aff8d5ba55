"""``flowops import`` against the local emulator, as a team adopting flowops would run it."""

from __future__ import annotations

import json
from pathlib import Path

from flowops.connect import open_environment
from flowops.lock import file as lockfile
from flowops.lock.hashing import content_sha256
from flowops.manifest import load
from flowops.manifest.model import Environment
from flowops.paths import lock_path
from tests.clirun import run, run_process

DATA = Path(__file__).parent / "data" / "import"
LOCAL = Environment(name="local", emulator=True)


def seed(root: Path, flows: list[tuple[str, str, bool]]) -> dict[str, str]:
    """Create ``(name, fixture file, publish)`` flows on the emulator, behind flowops' back."""
    ids = {}
    with open_environment(root, LOCAL) as conn:
        for name, fixture, publish in flows:
            raw = (DATA / fixture).read_bytes()
            created = conn.api.create_flow(name, ("SURVEY",), flow_json=raw, publish=publish)
            ids[name] = created.id
    return ids


def test_import_all_writes_byte_exact_files_manifest_entries_and_lock(project: Path) -> None:
    ids = seed(
        project, [("Tour inquiry", "survey.json", True), ("Feedback", "compact.json", False)]
    )
    original = (project / "flows.yaml").read_text(encoding="utf-8")
    result = run(project, "import", "--all", "--env", "local")
    assert result.exit_code == 0, result.output
    assert (project / "whatsapp_flows/tour_inquiry.json").read_bytes() == (
        DATA / "survey.json"
    ).read_bytes()
    assert (project / "whatsapp_flows/feedback.json").read_bytes() == (
        DATA / "compact.json"
    ).read_bytes()
    text = (project / "flows.yaml").read_text(encoding="utf-8")
    assert text.startswith(original.split("flows: {}")[0])  # comments and layout kept
    manifest = load(project / "flows.yaml")
    assert manifest.flows["tour_inquiry"].name == "Tour inquiry"
    assert manifest.flows["feedback"].publish is False  # a draft stays a draft
    lock = lockfile.load(lock_path(project, LOCAL))
    entry = lock.get("local", "tour_inquiry")
    assert entry is not None and entry.flow_id == ids["Tour inquiry"]
    assert entry.status == "PUBLISHED" and entry.ever_published
    doc = json.loads((DATA / "survey.json").read_text(encoding="utf-8"))
    assert entry.content_sha256 == content_sha256(doc)
    assert entry.updated_at


def test_plan_right_after_import_shows_no_changes(project: Path) -> None:
    ids = seed(
        project, [("Tour inquiry", "survey.json", True), ("Feedback", "compact.json", False)]
    )
    with open_environment(project, LOCAL) as conn:
        raw = (DATA / "endpoint.json").read_bytes()
        conn.api.create_flow(
            "Booking",
            ("APPOINTMENT_BOOKING", "OTHER"),
            flow_json=raw,
            endpoint_uri="https://example.com/flows",
            publish=True,
        )
        assert conn.emulator is not None
        conn.emulator.set_health(ids["Tour inquiry"], "THROTTLED")
    result = run(project, "import", "--all")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    assert load(project / "flows.yaml").flows["booking"].endpoint_uri == "https://example.com/flows"
    result = run(project, "plan", "--env", "local", "--detailed-exitcode")
    assert result.exit_code == 0, result.output
    assert "No changes" in result.output


def test_import_warns_when_a_flow_does_not_pass_validate(project: Path) -> None:
    seed(project, [("Broken", "invalid.json", False)])
    result = run(project, "import", "--all")
    assert result.exit_code == 0, result.output
    assert "imported  broken" in result.output
    assert "warning: whatsapp_flows/broken.json does not pass `flowops validate`" in result.output


def test_second_import_skips_flows_already_managed(project: Path) -> None:
    seed(project, [("Tour inquiry", "survey.json", True)])
    assert run(project, "import", "--all").exit_code == 0
    before = (project / "flows.yaml").read_text(encoding="utf-8")
    result = run(project, "import", "--all")
    assert result.exit_code == 0
    assert "skipped   'Tour inquiry': already managed as 'tour_inquiry'" in result.output
    assert (project / "flows.yaml").read_text(encoding="utf-8") == before


def test_deprecated_flows_are_imported_only_when_named(project: Path) -> None:
    ids = seed(project, [("Old form", "survey.json", True), ("New form", "compact.json", True)])
    with open_environment(project, LOCAL) as conn:
        conn.api.deprecate(ids["Old form"])
    result = run(project, "import", "--all")
    assert "skipped   'Old form': deprecated (name it to import it anyway)" in result.output
    assert "old_form" not in load(project / "flows.yaml").flows
    result = run(project, "import", "Old form")
    assert result.exit_code == 0, result.output
    assert "old_form" in load(project / "flows.yaml").flows


def test_existing_files_are_never_overwritten(project: Path) -> None:
    seed(project, [("Tour inquiry", "survey.json", True)])
    mine = project / "whatsapp_flows/tour_inquiry.json"
    mine.write_text('{"mine": true}', encoding="utf-8")
    assert run(project, "import", "--all").exit_code == 0
    assert mine.read_text(encoding="utf-8") == '{"mine": true}'
    assert load(project / "flows.yaml").flows["tour_inquiry_2"].file == (
        "whatsapp_flows/tour_inquiry_2.json"
    )


def test_unknown_name_is_a_clear_error_and_changes_nothing(project: Path) -> None:
    seed(project, [("Tour inquiry", "survey.json", True)])
    before = (project / "flows.yaml").read_text(encoding="utf-8")
    result = run_process(project, "import", "Tour Inquiry")
    assert result.returncode == 1
    assert "Error: not on Meta: Tour Inquiry" in result.stderr
    assert "Hint:" in result.stderr and "Tour inquiry" in result.stderr  # what is there
    assert "Traceback" not in result.stderr
    assert (project / "flows.yaml").read_text(encoding="utf-8") == before


def test_import_needs_names_or_all(project: Path) -> None:
    result = run(project, "import")
    assert result.exit_code == 1
    assert "Error: say which flows to import" in result.output and "--all" in result.output


def test_names_and_all_together_are_refused_before_reading_meta(project: Path) -> None:
    result = run(project, "import", "--all", "Tour inquiry", "--env", "no_such_env")
    assert result.exit_code == 1
    assert "Error: both flow names (Tour inquiry) and --all were given" in result.output


def test_import_refuses_while_an_apply_holds_the_environment(project: Path) -> None:
    from flowops.apply.exclusive import apply_lock
    from flowops.paths import apply_lock_path

    seed(project, [("Tour inquiry", "survey.json", True)])
    with apply_lock(apply_lock_path(project, LOCAL)):
        result = run(project, "import", "--all")
    assert result.exit_code == 1
    assert "Error:" in result.output
    assert "tour_inquiry" not in load(project / "flows.yaml").flows


def test_imported_flow_serves_the_chatbot_once_linked_as_import_says(project: Path) -> None:
    seed(project, [("Tour inquiry", "survey.json", True)])
    result = run(project, "import", "--all")
    assert "set it to the traditional flow each one replaces" in result.output
    assert "fallback" in run(project, "resolve", "welcome").output  # not linked yet
    manifest = project / "flows.yaml"
    text = manifest.read_text(encoding="utf-8")
    linked = text.replace("flow_definition_name: null", "flow_definition_name: welcome", 1)
    manifest.write_text(linked, encoding="utf-8")
    assert run(project, "apply", "--env", "local", "--auto-approve").exit_code == 0
    result = run(project, "resolve", "welcome")
    assert "welcome → WhatsApp Flow 'Tour inquiry'" in result.output, result.output

"""plan / apply / status through the command line against a running emulator."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from flowops import paths
from flowops.cli import cli
from flowops.errors import ConcurrentApplyError, FlowopsError, ProblemsError, StalePlanError
from flowops.lock import file as lockfile
from tests.fakes_flows import World, edit_flow, edit_manifest, make_project


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = World(tmp_path)
    yield w
    w.stop()


def test_quickstart_plan_apply_edit_plan_apply(world: World) -> None:
    first = world.cli("plan", "--detailed-exitcode")
    assert first.exit_code == 2, first.output
    assert "+ create welcome" in first.output
    assert "Plan: 3 to create, 0 to update, 0 to deprecate." in first.output
    applied = world.cli("apply", "--auto-approve")
    assert applied.exit_code == 0, applied.output
    assert "welcome: created (flow " in applied.output
    edit_flow(world.root, "whatsapp_flows/welcome.json", "Thanks, we", "Thank you, we")
    edited = world.cli("plan")
    assert "~ edit published welcome" in edited.output
    assert "screen DONE (changed):" in edited.output
    assert '+        "text": "Thank you, we will write to you soon.",' in edited.output
    assert world.cli("apply", "--auto-approve").exit_code == 0
    last = world.cli("plan", "--detailed-exitcode")
    assert last.exit_code == 0
    assert "No changes. Meta matches git." in last.output


def test_apply_refuses_without_a_terminal_or_approval(world: World) -> None:
    result = world.cli("apply")
    assert result.exit_code == 1
    assert isinstance(result.exception, FlowopsError)
    assert "stdin is not a terminal" in str(result.exception)
    assert world.writes() == []


def test_saved_plan_applies_and_then_is_stale(world: World, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    assert world.cli("plan", "--out", str(out)).exit_code == 0
    saved = json.loads(out.read_text())
    assert saved["format_version"] == 2 and saved["lock_sha256"]
    assert world.cli("apply", str(out)).exit_code == 0
    again = world.cli("apply", str(out))
    assert again.exit_code == 1
    assert isinstance(again.exception, StalePlanError)
    assert "lock file changed" in str(again.exception)


def test_plan_is_stale_when_meta_changed(world: World, tmp_path: Path) -> None:
    world.converge()
    edit_flow(world.root, "whatsapp_flows/survey.json", "Rate us", "Rate our service")
    out = tmp_path / "plan.json"
    world.cli("plan", "--out", str(out))
    world.emu.set_health(world.lock()["welcome"].flow_id, "THROTTLED")
    world.clear()
    result = world.cli("apply", str(out))
    assert isinstance(result.exception, StalePlanError)
    assert "flows on Meta changed" in str(result.exception)
    assert world.writes() == []


def test_second_apply_at_once_is_refused(world: World) -> None:
    lock = paths.apply_lock_path(world.root, world.project().env)
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text(
        json.dumps(
            {"pid": os.getppid(), "host": os.uname().nodename, "since": "2026-01-01T00:00:00Z"}
        )
    )
    result = world.cli("apply", "--auto-approve")
    assert isinstance(result.exception, ConcurrentApplyError)
    assert f"pid {os.getppid()}" in str(result.exception)
    assert world.writes() == []


def test_stale_apply_lock_of_a_dead_process_is_taken_over(world: World) -> None:
    lock = paths.apply_lock_path(world.root, world.project().env)
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text(json.dumps({"pid": 2**22 + 12345, "host": os.uname().nodename}))
    assert world.cli("apply", "--auto-approve").exit_code == 0
    assert not lock.exists()


def test_validation_error_stops_the_plan_with_position(world: World) -> None:
    edit_flow(world.root, "whatsapp_flows/survey.json", '"type": "Footer"', '"type": "Fooder"')
    result = world.cli("plan")
    assert result.exit_code == 1
    assert isinstance(result.exception, ProblemsError)
    assert "whatsapp_flows/survey.json:" in result.output
    assert world.calls() == []


def test_refresh_false_plans_from_the_lock_with_no_calls(world: World) -> None:
    world.converge()
    edit_manifest(
        world.manifest, "flow_definition_name: survey_flow", "flow_definition_name: support_flow"
    )
    world.clear()
    result = world.cli("plan", "--refresh=false", "--detailed-exitcode")
    assert result.exit_code == 2
    assert "~ link only survey" in result.output
    assert world.calls() == []


def test_unknown_flow_key_is_an_error_with_a_suggestion(world: World) -> None:
    result = world.cli("plan", "--flow", "survy")
    assert isinstance(result.exception, FlowopsError)
    assert result.exception.hint == "did you mean 'survey'?"


def test_markdown_and_json_formats(world: World) -> None:
    md = world.cli("plan", "--format", "markdown").output
    assert "| create | 3 |" in md and "<details>" in md and "⚠️ **Irreversible:**" in md
    data = json.loads(world.cli("plan", "--format", "json").output)
    assert data["format_version"] == 2
    assert {c["action"] for c in data["changes"]} == {"create"}


def test_status_says_whether_the_runtime_would_use_each_flow(world: World) -> None:
    edit_manifest(
        world.manifest,
        "flow_definition_name: survey_flow",
        "flow_definition_name: gone_flow\n    is_active: false",
    )
    world.converge()
    world.emu.set_health(world.lock()["welcome"].flow_id, "THROTTLED")
    rows = {
        r["key"]: r
        for r in json.loads(world.cli("status", "--format", "json", "--refresh").output)["flows"]
    }
    assert rows["welcome"]["usable"] and rows["welcome"]["flagged"]
    assert not rows["survey"]["usable"] and rows["survey"]["because"] == "is_active is false"
    assert rows["survey"]["link_exists"] is False
    assert not rows["date_picker"]["usable"]
    text = world.cli("status").output
    assert "runtime would use it: yes, because published and active" in text


def test_saved_plan_is_stale_when_a_flow_file_changed(world: World, tmp_path: Path) -> None:
    world.converge()
    out = tmp_path / "plan.json"
    world.cli("plan", "--out", str(out))
    edit_flow(world.root, "whatsapp_flows/survey.json", "Rate us", "Rate our service")
    result = world.cli("apply", str(out))
    assert isinstance(result.exception, StalePlanError)
    assert "whatsapp_flows/survey.json changed since this plan was made" in str(result.exception)


def test_token_never_reaches_plan_lock_or_output(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = "EAAsecret" + "x" * 40
    monkeypatch.setenv("FLOWOPS_TEST_TOKEN", token)
    edit_manifest(
        world.manifest,
        "  emu: {emulator: true, ",
        "  emu: {emulator: true, token_env: FLOWOPS_TEST_TOKEN, ",
    )
    out = tmp_path / "plan.json"
    shown = world.cli("plan", "--format", "json", "--out", str(out)).output
    applied = world.cli("apply", str(out)).output
    status = world.cli("status", "--refresh").output
    lock = world.project().lock_path.read_text()
    for text in (shown, out.read_text(), applied, status, lock):
        assert token not in text
    assert len(world.lock()) == 3


def test_apply_prints_the_plan_on_stdout_and_progress_on_stderr(world: World) -> None:
    result = world.cli("apply", "--auto-approve")
    assert result.exit_code == 0
    assert "+ create welcome" in result.stdout and "created (flow" not in result.stdout
    assert "welcome: created (flow " in result.stderr
    assert "Apply complete: 3 flow(s) changed, 0 failed" in result.stderr


def test_apply_with_no_changes_says_so_and_writes_nothing(world: World) -> None:
    world.converge()
    lock = world.project().lock_path
    before = (lock.read_text(), lock.stat().st_mtime_ns)
    world.clear()
    result = world.cli("apply")  # no --auto-approve needed: nothing to approve
    assert result.exit_code == 0
    assert "No changes. Meta matches git." in result.stdout
    assert world.writes() == []
    assert (lock.read_text(), lock.stat().st_mtime_ns) == before


def test_confirmation_prompt_comes_after_the_plan(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("flowops.cli.apply.interactive", lambda: True)
    declined = world.cli("apply", input="n\n")
    assert declined.exit_code == 1
    out = declined.stdout
    assert out.index("Plan: 3 to create") < out.index("Apply these changes to Meta?")
    assert "nothing was changed" in str(declined.exception)
    assert world.writes() == []
    accepted = world.cli("apply", input="y\n")
    assert accepted.exit_code == 0 and len(world.lock()) == 3


def test_status_says_what_git_changed_and_whether_the_link_exists(world: World) -> None:
    world.converge()
    edit_manifest(
        world.manifest, "flow_definition_name: survey_flow", "flow_definition_name: support_flow"
    )
    edit_flow(world.root, "whatsapp_flows/welcome.json", "Thanks, we", "Thank you, we")
    text = world.cli("status").output
    assert "linked to: welcome_flow (in the traditional flow catalogue); active: yes" in text
    assert "in sync with git: no; changed in git: Flow JSON (run `flowops plan`)" in text
    assert "changed in git: flow_definition_name (run `flowops plan`)" in text
    assert "in sync with git: yes" in text  # date_picker


def test_local_environment_never_writes_the_committed_lock(tmp_path: Path) -> None:
    manifest = make_project(tmp_path / "project")
    result = CliRunner().invoke(cli, ["-m", str(manifest), "apply", "--auto-approve"])
    assert result.exit_code == 0, result.output
    assert not (manifest.parent / "flows.lock").exists()
    assert (
        len(lockfile.load(manifest.parent / ".flowops" / "local" / "flows.lock").entries("local"))
        == 3
    )


def test_a_saved_plan_cannot_be_narrowed_or_forced_at_apply(world: World, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    world.cli("plan", "--out", str(out))
    result = world.cli("apply", str(out), "--flow", "welcome")
    assert result.exit_code == 1
    assert "cannot change a saved plan" in str(result.exception)
    assert world.writes() == [] and world.lock() == {}


def test_ctrl_c_during_apply_explains_what_is_recorded(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(*_args: object, **_kw: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("flowops.pipeline.engine.apply_plan", interrupt)
    result = world.cli("apply", "--auto-approve")
    assert result.exit_code == 1
    assert "interrupted: the steps already running finished" in str(result.exception)
    assert "run `flowops apply` again" in result.exception.hint  # type: ignore[union-attr]


def test_plan_out_to_a_missing_folder_is_a_user_error(world: World, tmp_path: Path) -> None:
    result = world.cli("plan", "--out", str(tmp_path / "no" / "plan.json"))
    assert result.exit_code == 1
    assert "cannot save the plan (No such file or directory)" in str(result.exception)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ('{"changes": []}', "no format_version"),
        ('{"format_version": 9, "env": "emu"}', "format_version 9; this flowops reads 2"),
        ('{"format_version": 2}', "missing 'env'"),
    ],
)
def test_apply_of_a_file_that_is_not_a_plan(
    world: World, tmp_path: Path, text: str, why: str
) -> None:
    path = tmp_path / "plan.json"
    path.write_text(text)
    result = world.cli("apply", str(path))
    assert result.exit_code == 1
    assert f"not a flowops plan ({why})" in str(result.exception)


def test_a_stop_at_the_call_budget_says_how_many_runs_remain(world: World) -> None:
    text = world.manifest.read_text(encoding="utf-8")
    world.manifest.write_text(
        text.replace("max_deprecations: 5", "max_deprecations: 5\n  max_calls: 2")
    )
    shown = world.cli("plan")
    assert "finishes on run 3" in shown.output  # 3 creates, a write per run
    first = world.cli("apply", "--auto-approve")
    assert first.exit_code == 1
    assert "stopped at the call budget of 2 Graph API calls" in first.output
    assert (
        "Run `flowops apply` again to continue: 2 change(s) left (about 2 more run(s)"
        in first.output
    )
    for _ in range(2):
        world.clear()
        world.cli("apply", "--auto-approve")
        assert not [p for _, p in world.calls() if p.endswith("/assets")]  # nothing re-read
    assert world.cli("plan", "--detailed-exitcode").exit_code == 0

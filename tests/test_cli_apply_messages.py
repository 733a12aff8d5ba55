"""plan / apply / status messages and options as a Terraform user expects them."""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from flowops import paths
from flowops.apply import ApplyResult, exclusive
from flowops.apply.run import Failure
from flowops.cli import cli
from flowops.cli.errors import run_guarded
from flowops.cli.output import use_color
from flowops.errors import ConcurrentApplyError, StalePlanError
from flowops.plan import Plan
from flowops.problems import Problem
from flowops.report.apply import ApplyOutcome, apply_json
from tests.fakes_flows import World, edit_flow, edit_manifest


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = World(tmp_path)
    yield w
    w.stop()


def test_a_stale_saved_plan_is_refused_before_anything_is_shown(
    world: World, tmp_path: Path
) -> None:
    out = tmp_path / "plan.json"
    assert world.cli("plan", "--out", str(out)).exit_code == 0
    world.converge()  # someone else applied meanwhile
    result = world.cli("apply", str(out))
    assert isinstance(result.exception, StalePlanError)
    assert "Applying" not in result.output
    assert "Plan:" not in result.output  # the stale plan is not printed as if it would run


def test_a_fresh_saved_plan_is_shown_then_applied(world: World, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    world.cli("plan", "--out", str(out))
    result = world.cli("apply", str(out))
    assert result.exit_code == 0, result.output
    assert result.output.index("Plan: 3 to create") < result.output.index("Applying 3 change(s)")


def test_apply_progress_counts_finished_flows(world: World) -> None:
    result = world.cli("apply", "--auto-approve")
    counted = [line for line in result.output.splitlines() if line.startswith("[")]
    assert [line.split("]")[0] for line in counted] == ["[1/3", "[2/3", "[3/3"]
    assert all(line.endswith(": done") for line in counted)


def test_apply_format_json_is_the_result_for_tools(world: World) -> None:
    result = CliRunner().invoke(
        cli,
        ["-m", str(world.manifest), "apply", "--env", "emu", "--auto-approve", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)  # stdout is the JSON alone; the plan went to stderr
    assert data["format_version"] == 1 and data["env"] == "emu" and data["ok"] is True
    assert data["done"] == ["date_picker", "survey", "welcome"] and data["failed"] == []
    lock = world.lock()
    assert data["flows"]["welcome"] == {"flow_id": lock["welcome"].flow_id, "status": "PUBLISHED"}
    assert data["calls"]["writes"] == 3
    assert "Plan: 3 to create" in result.stderr


def test_apply_json_lists_each_failure_with_its_positions() -> None:
    plan = Plan(env="production", changes=(), lock_sha256="")
    problem = Problem("whatsapp_flows/a.json", 3, 5, "INVALID_PROPERTY_VALUE", "bad value")
    result = ApplyResult(done=["b"], failed=[Failure("a", "Meta refused it", (problem,))])
    result.skipped.append("c")
    data = apply_json(ApplyOutcome(plan, result))
    assert data["ok"] is False and data["not_started"] == ["c"]
    [failed] = data["failed"]
    assert (failed["key"], failed["message"]) == ("a", "Meta refused it")
    assert (
        failed["problems"][0] | {"file": "whatsapp_flows/a.json", "line": 3, "col": 5}
        == (failed["problems"][0])
    )


def test_apply_with_no_changes_still_answers_json(world: World) -> None:
    world.converge()
    result = CliRunner().invoke(
        cli, ["-m", str(world.manifest), "apply", "--env", "emu", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["ok"], data["changes"], data["done"], data["calls"]) == (True, 0, [], None)


def _hold_apply_lock(world: World) -> Path:
    lock = paths.apply_lock_path(world.root, world.project().env)
    lock.parent.mkdir(parents=True, exist_ok=True)
    holder = {"pid": os.getppid(), "host": os.uname().nodename, "since": "2026-01-01T00:00:00Z"}
    lock.write_text(json.dumps(holder))
    return lock


def test_lock_timeout_waits_for_a_concurrent_apply(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exclusive, "POLL_SECONDS", 0.05)
    lock = _hold_apply_lock(world)
    threading.Timer(0.3, lambda: lock.unlink()).start()
    result = world.cli("apply", "--auto-approve", "--lock-timeout", "30s")
    assert result.exit_code == 0, result.output
    assert f"Waiting for the apply lock (pid {os.getppid()}" in result.output
    assert "Apply complete" in result.output


def test_lock_timeout_gives_up_after_the_duration(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exclusive, "POLL_SECONDS", 0.05)
    _hold_apply_lock(world)
    result = world.cli("apply", "--auto-approve", "--lock-timeout", "200ms")
    assert isinstance(result.exception, ConcurrentApplyError)
    assert "Waiting for the apply lock" in result.output
    assert world.writes() == []


def test_without_lock_timeout_a_concurrent_apply_is_refused_at_once(world: World) -> None:
    _hold_apply_lock(world)
    result = world.cli("apply", "--auto-approve")
    assert isinstance(result.exception, ConcurrentApplyError)
    assert "Waiting" not in result.output
    assert "--lock-timeout 5m" in result.exception.hint


def test_lock_timeout_needs_a_duration(world: World) -> None:
    result = world.cli("apply", "--lock-timeout", "soon")
    assert result.exit_code != 0
    assert "'soon' is not a duration such as 30s, 5m or 1h" in result.output


def test_manifest_errors_are_printed_once_by_plan_and_apply(
    world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_manifest(world.manifest, "version: 1", "version: 2")
    for argv in (["plan"], ["apply", "--auto-approve"]):
        monkeypatch.setattr(sys, "argv", ["flowops", "-m", str(world.manifest), *argv])
        assert run_guarded(cli) == 1
        err = capsys.readouterr().err
        assert err.count("MANIFEST_VERSION") == 1, err
        assert "Error: stopped by the errors above; nothing was sent to Meta" in err


def test_plan_words_its_validation_summary_as_validate_does(world: World) -> None:
    edit_manifest(world.manifest, "flow_definition_name: survey_flow", "flow_definition_name: sv")
    plan = world.cli("plan")
    validate = world.cli("validate")
    assert "All 3 flows valid, 1 warning." in validate.output
    assert "All 3 flows valid, 1 warning." in plan.output
    assert "No errors in 0 files" not in plan.output


def test_plan_flow_given_a_traditional_flow_names_the_flow_linked_to_it(world: World) -> None:
    result = world.cli("plan", "--flow", "welcome_flow")
    assert result.exit_code == 1
    assert "'welcome_flow' is a traditional flow; the flow replacing it is: --flow welcome" in (
        result.exception.hint  # type: ignore[union-attr]
    )


@pytest.mark.parametrize(
    ("argv", "refreshed"),
    [
        ([], True),
        (["--refresh"], True),
        (["--refresh=true"], True),
        (["--refresh=false"], False),
        (["--no-refresh"], False),
    ],
)
def test_plan_refresh_spellings(world: World, argv: list[str], refreshed: bool) -> None:
    world.clear()
    assert world.cli("plan", *argv).exit_code == 0
    assert bool(world.calls()) is refreshed


@pytest.mark.parametrize(
    ("argv", "refreshed"),
    [([], False), (["--refresh"], True), (["--refresh=false"], False), (["--no-refresh"], False)],
)
def test_status_refresh_spellings(world: World, argv: list[str], refreshed: bool) -> None:
    world.converge()
    world.clear()
    result = world.cli("status", *argv)
    assert result.exit_code == 0, result.output
    assert bool(world.calls()) is refreshed


def test_status_names_the_environment_and_where_it_looked(world: World) -> None:
    world.converge()
    lock = paths.lock_path(world.root, world.project().env).relative_to(world.root)
    first = world.cli("status").output.splitlines()[0]
    assert first == f"flowops status for environment 'emu' (from {lock.as_posix()} " + (
        "(--refresh also reads Meta))"
    )
    refreshed = world.cli("status", "--refresh").output.splitlines()[0]
    assert refreshed == f"flowops status for environment 'emu' (from {lock.as_posix()} and Meta)"


def test_status_refresh_shows_whether_meta_can_send_each_flow(world: World) -> None:
    world.converge()
    world.emu.set_health(world.lock()["survey"].flow_id, "THROTTLED")
    text = world.cli("status", "--refresh").output
    survey = text[text.index("survey  [") :]
    assert "can send messages (Meta's health_status): LIMITED" in survey
    assert "FLOW LIMITED" in survey
    welcome = text[text.index("welcome  [") :]
    assert "can send messages (Meta's health_status): AVAILABLE" in welcome
    data = json.loads(world.cli("status", "--refresh", "--format", "json").output)
    rows = {row["key"]: row for row in data["flows"]}
    assert rows["survey"]["can_send_message"] == "LIMITED"
    assert "health_status" not in world.cli("status").output  # only when Meta was read


@pytest.mark.parametrize(
    ("env", "tty", "expected"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": "0"}, True, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
        ({"TERM": "dumb"}, True, False),
        ({"TERM": "dumb", "FORCE_COLOR": "1"}, False, True),
    ],
)
def test_colour_follows_no_color_force_color_and_term(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], tty: bool, expected: bool
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    class Stream:
        def isatty(self) -> bool:
            return tty

    assert use_color(Stream()) is expected


def test_force_color_colours_validate_output_in_a_pipe(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = CliRunner().invoke(cli, ["-m", str(world.manifest), "validate", "--strict"])
    assert "\x1b[32mAll 3 flows valid.\x1b[0m" in result.output  # not a terminal, yet colour
    monkeypatch.setenv("NO_COLOR", "1")
    plain = CliRunner().invoke(cli, ["-m", str(world.manifest), "validate", "--strict"])
    assert "\x1b[" not in plain.output


def test_screen_diffs_point_at_the_file_and_say_their_numbers_are_not_file_lines(
    world: World,
) -> None:
    world.converge()
    edit_flow(world.root, "whatsapp_flows/welcome.json", "Thanks, we", "Thank you, we")
    text = world.cli("plan").output
    lines = (world.root / "whatsapp_flows/welcome.json").read_text(encoding="utf-8").splitlines()
    done_at = next(n for n, line in enumerate(lines, 1) if '"id": "DONE"' in line) - 1
    assert lines[done_at - 1].strip() == "{"  # the screen's object opens on that line
    assert (
        f"+++ b/DONE  (whatsapp_flows/welcome.json:{done_at}; re-formatted with sorted keys: "
        "@@ lines are not file lines)"
    ) in text


def test_apply_json_asks_for_confirmation_on_stderr(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("flowops.cli.apply.interactive", lambda: True)
    argv = ["-m", str(world.manifest), "apply", "--env", "emu", "--format", "json"]
    result = CliRunner().invoke(cli, argv, input="y\n")
    assert result.exit_code == 0, result.output
    assert "Apply these changes to Meta?" in result.stderr
    assert json.loads(result.stdout)["ok"] is True  # stdout stays pure JSON

"""Reviewers see what the terminal sees: warnings and effects are in the plan data and in
every rendering of it (text, markdown, json, the pull-request comment)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from flowops.cli import cli
from flowops.plan.model import Plan
from flowops.report import Result, render
from tests.fakes_flows import FakeFlowsAPI, World, edit_flow, edit_manifest, make_project
from tests.inprocess import KillAfter, apply_, plan_of

MISSING = "MANIFEST_TRADITIONAL_FLOW_NOT_FOUND"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = World(tmp_path / "repo")
    edit_manifest(
        w.manifest, "flow_definition_name: survey_flow", "flow_definition_name: surway_flow"
    )
    yield w
    w.stop()


def test_plan_json_carries_the_validation_warnings(world: World) -> None:
    result = world.cli("plan", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    warning = next(w for w in data["warnings"] if w["code"] == MISSING)
    assert warning["file"] == "flows.yaml" and warning["line"] > 0
    assert "surway_flow" in warning["message"]


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_plan_renderings_show_the_warnings(world: World, fmt: str) -> None:
    result = world.cli("plan", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert MISSING in result.stdout and "surway_flow" in result.stdout


def test_the_pr_comment_of_a_plan_with_a_missing_traditional_flow_shows_the_warning(
    world: World, tmp_path: Path
) -> None:
    out = tmp_path / "plan.json"
    assert world.cli("plan", "--out", str(out)).exit_code == 0
    argv = ["-m", str(world.manifest), "pr-comment", "--plan", str(out)]
    comment = CliRunner().invoke(cli, argv)
    assert comment.exit_code == 0, comment.output
    assert MISSING in comment.stdout and "surway_flow" in comment.stdout
    assert "flows.yaml:" in comment.stdout  # where to fix it


def test_export_runtime_warns_about_a_link_missing_from_the_catalogue(world: World) -> None:
    assert world.cli("apply", "--auto-approve").exit_code == 0
    argv = ["-m", str(world.manifest), "export-runtime", "--env", "emu"]
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code == 0, result.output
    assert "surway_flow" in result.stderr and "not in" in result.stderr


# --- what a change does, said in the reason -------------------------------------------------


@pytest.fixture
def api() -> FakeFlowsAPI:
    return FakeFlowsAPI()


@pytest.fixture
def applied(tmp_path: Path, api: FakeFlowsAPI) -> Path:
    manifest = make_project(tmp_path)
    assert apply_(manifest, api).ok
    api.calls.clear()
    return manifest


def reasons(plan: Plan, key: str) -> str:
    return " ".join(next(c for c in plan.changes if c.key == key).reasons)


def test_deactivating_says_the_chatbot_falls_back(applied: Path, api: FakeFlowsAPI) -> None:
    edit_manifest(
        applied,
        "flow_definition_name: survey_flow",
        "flow_definition_name: survey_flow\n    is_active: false",
    )
    text = reasons(plan_of(applied, api), "survey")
    assert "the chatbot will now fall back to the traditional flow survey_flow" in text


def test_unlinking_says_the_chatbot_falls_back(applied: Path, api: FakeFlowsAPI) -> None:
    edit_manifest(applied, "flow_definition_name: survey_flow", "flow_definition_name: null")
    text = reasons(plan_of(applied, api), "survey")
    assert "the chatbot will now fall back to the traditional flow survey_flow" in text


def test_the_reason_of_a_publish_names_the_flag_that_asked_for_it(
    tmp_path: Path, api: FakeFlowsAPI
) -> None:
    manifest = make_project(tmp_path)
    line = "    file: whatsapp_flows/date_picker.json\n"
    edit_manifest(manifest, line, line + "    publish: false\n")
    assert apply_(manifest, api).ok
    text = reasons(plan_of(manifest, api, publish=True, flows=("date_picker",)), "date_picker")
    assert "--publish" in text and "flows.yaml says publish" not in text


def test_book_keeping_after_an_interrupted_apply_is_not_a_change(
    applied: Path, api: FakeFlowsAPI
) -> None:
    edit_flow(applied.parent, "whatsapp_flows/welcome.json", "Thanks, we", "Thank you, we")
    with pytest.raises(KeyboardInterrupt):
        apply_(applied, KillAfter(api, "publish", KeyboardInterrupt))
    plan = plan_of(applied, api)
    assert not plan.has_changes
    assert plan.counts()["update"] == 0
    text = render(Result("plan", plan.to_dict()), "text")
    assert "welcome" not in text and "No changes." in text
    api.calls.clear()
    result = apply_(applied, api, plan)
    assert result.ok and result.done == []  # nothing a person would call a change
    assert api.writes() == []
    api.calls.clear()
    assert not plan_of(applied, api).has_changes
    assert [op for op, _ in api.calls] == ["list_flows"]  # recorded: nothing to download

"""plan/apply against the in-memory fake: actions, calls per action, lock contents."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowops.errors import FlowopsError, StalePlanError
from flowops.lock import file as lockfile
from flowops.pipeline import engine
from flowops.plan.model import Action, Plan
from flowops.report import Result, render
from tests.fakes_flows import FakeFlowsAPI, edit_flow, edit_manifest, make_project


def _plan(manifest: Path, api: FakeFlowsAPI | None, **opts: object) -> Plan:
    project = engine.open_project(manifest, "local")
    lock = lockfile.load(project.lock_path)
    options = engine.options_for(project, lock, **opts)  # type: ignore[arg-type]
    return engine.plan(project, api, options, lock)


def _apply(manifest: Path, api: FakeFlowsAPI, plan: Plan, **kw: object) -> engine.ApplyResult:
    project = engine.open_project(manifest, "local")
    result, _ = engine.apply(project, plan, api, **kw)  # type: ignore[arg-type]
    return result


def _converge(manifest: Path, api: FakeFlowsAPI, **opts: object) -> Plan:
    plan = _plan(manifest, api, **opts)
    result = _apply(manifest, api, plan)
    assert result.ok, result.failed
    return plan


def _actions(plan: Plan) -> dict[str, str]:
    return {c.key: c.action.value for c in plan.changes if c.action is not Action.NOOP}


def _lock(manifest: Path) -> dict[str, lockfile.LockEntry]:
    project = engine.open_project(manifest, "local")
    return lockfile.load(project.lock_path).entries("local")


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    return make_project(tmp_path)


@pytest.fixture
def api() -> FakeFlowsAPI:
    return FakeFlowsAPI()


@pytest.fixture
def applied(manifest: Path, api: FakeFlowsAPI) -> Path:
    _converge(manifest, api)
    api.calls.clear()
    return manifest


def test_first_apply_creates_and_publishes_in_one_call_each(
    manifest: Path, api: FakeFlowsAPI
) -> None:
    plan = _plan(manifest, api)
    assert _actions(plan) == {"welcome": "create", "survey": "create", "date_picker": "create"}
    assert all(c.irreversible for c in plan.changes)
    api.calls.clear()
    assert _apply(manifest, api, plan).ok
    assert [op for op, _ in api.writes()] == ["create_flow"] * 3
    lock = _lock(manifest)
    assert {e.status for e in lock.values()} == {"PUBLISHED"}
    assert lock["welcome"].entry_screen == "WELCOME"
    assert lock["welcome"].flow_definition_name == "welcome_flow"


def test_no_change_replan_reads_one_page_and_downloads_nothing(
    applied: Path, api: FakeFlowsAPI
) -> None:
    plan = _plan(applied, api)
    assert not plan.has_changes
    assert api.calls == [("list_flows", "")]
    assert plan.read_calls == 1


def test_refresh_false_makes_zero_calls(applied: Path, api: FakeFlowsAPI) -> None:
    edit_flow(applied.parent, "whatsapp_flows/survey.json", "Rate us", "Rate our service")
    plan = _plan(applied, None)
    assert _actions(plan) == {"survey": "edit_published"}
    assert api.calls == []


def test_edit_published_flow_is_upload_plus_publish(applied: Path, api: FakeFlowsAPI) -> None:
    edit_flow(applied.parent, "whatsapp_flows/welcome.json", "Thanks, we", "Thank you, we")
    plan = _plan(applied, api)
    change = next(c for c in plan.changes if c.key == "welcome")
    assert change.action is Action.EDIT_PUBLISHED
    assert change.steps == (Action.UPDATE_JSON, Action.PUBLISH)
    assert [s.screen for s in change.screens] == ["DONE"]
    assert '+        "text": "Thank you, we will write to you soon.",' in change.screens[0].diff
    api.calls.clear()
    assert _apply(applied, api, plan).ok
    assert [op for op, _ in api.writes()] == ["upload_flow_json", "publish"]
    assert not _plan(applied, api).has_changes


def test_edit_draft_flow_uploads_once(applied: Path, api: FakeFlowsAPI) -> None:
    edit_manifest(
        applied,
        "    file: whatsapp_flows/date_picker.json\n",
        "    file: whatsapp_flows/date_picker.json\n    publish: false\n",
    )
    flow_id = _lock(applied)["date_picker"].flow_id
    api.flows[flow_id].status = "DRAFT"
    lock = lockfile.load(engine.open_project(applied, "local").lock_path)
    lock.put(
        "local",
        "date_picker",
        lock.get("local", "date_picker").evolve(  # type: ignore[union-attr]
            status="DRAFT", ever_published=False, updated_at=api.flows[flow_id].updated_at
        ),
    )
    lockfile.save(lock, engine.open_project(applied, "local").lock_path)
    edit_flow(applied.parent, "whatsapp_flows/date_picker.json", '"Done"', '"OK"')
    plan = _plan(applied, api)
    assert _actions(plan) == {"date_picker": "update_json"}
    api.calls.clear()
    assert _apply(applied, api, plan).ok
    assert [op for op, _ in api.writes()] == ["upload_flow_json"]


def test_link_only_change_makes_no_call(applied: Path, api: FakeFlowsAPI) -> None:
    edit_manifest(
        applied, "flow_definition_name: survey_flow", "flow_definition_name: support_flow"
    )
    plan = _plan(applied, api)
    assert _actions(plan) == {"survey": "link_only"}
    api.calls.clear()
    assert _apply(applied, api, plan).ok
    assert api.calls == []
    assert _lock(applied)["survey"].flow_definition_name == "support_flow"


def test_rename_keeps_the_flow_id(applied: Path, api: FakeFlowsAPI) -> None:
    before = _lock(applied)["survey"].flow_id
    edit_manifest(applied, "name: survey\n", "name: customer_survey\n")
    plan = _plan(applied, api)
    assert _actions(plan) == {"survey": "rename"}
    api.calls.clear()
    assert _apply(applied, api, plan).ok
    # the fake keeps a renamed flow PUBLISHED (the other possible Meta behaviour): the
    # publish step's 139002 "not a draft" is confirmed by one read and counts as done
    assert [op for op, _ in api.writes()] == ["update_metadata", "publish"]
    assert ("get_flow", before) in api.calls
    assert api.flows[before].name == "customer_survey"
    assert _lock(applied)["survey"].flow_id == before
    assert not _plan(applied, api).has_changes


def _remove_survey(manifest: Path) -> None:
    edit_manifest(
        manifest,
        "  survey:\n    name: survey\n    file: whatsapp_flows/survey.json\n"
        "    categories: [SURVEY]\n    flow_definition_name: survey_flow\n",
        "",
    )


def test_removed_flow_is_only_listed_without_prune(applied: Path, api: FakeFlowsAPI) -> None:
    _remove_survey(applied)
    plan = _plan(applied, api)
    change = next(c for c in plan.changes if c.key == "survey")
    assert change.action is Action.DEPRECATE and change.deferred
    assert not plan.has_changes
    assert "would be pruned with --prune" in change.reasons


def test_prune_deprecates_published_flow(applied: Path, api: FakeFlowsAPI) -> None:
    flow_id = _lock(applied)["survey"].flow_id
    _remove_survey(applied)
    plan = _converge(applied, api, prune=True)
    assert _actions(plan) == {"survey": "deprecate"}
    assert api.flows[flow_id].status == "DEPRECATED"
    assert "survey" not in _lock(applied)


def test_protect_survives_removal_from_manifest(applied: Path, api: FakeFlowsAPI) -> None:
    edit_manifest(
        applied,
        "flow_definition_name: survey_flow",
        "flow_definition_name: survey_flow\n    protect: true",
    )
    _converge(applied, api)
    assert _lock(applied)["survey"].protect
    edit_manifest(applied, "\n    protect: true", "")
    _remove_survey(applied)
    api.calls.clear()
    plan = _converge(applied, api, prune=True)
    assert _actions(plan) == {}
    assert "protected" in next(c for c in plan.changes if c.key == "survey").reasons[0]
    assert api.writes() == []


def test_max_deprecations_caps_one_run(applied: Path, api: FakeFlowsAPI) -> None:
    edit_manifest(applied, "max_deprecations: 5", "max_deprecations: 0")
    _remove_survey(applied)
    with pytest.raises(FlowopsError, match="max_deprecations"):
        _plan(applied, api, prune=True)


def test_drift_in_json_is_reported_and_reverted(applied: Path, api: FakeFlowsAPI) -> None:
    flow_id = _lock(applied)["survey"].flow_id
    api.tamper_json(flow_id, {"version": "7.3", "screens": []})
    plan = _plan(applied, api)
    change = next(c for c in plan.changes if c.key == "survey")
    assert change.drift and any("outside flowops" in r for r in change.reasons)
    assert ("download_asset", f"fake://{flow_id}") in api.calls
    _apply(applied, api, plan)
    assert not _plan(applied, api).has_changes


def test_unknown_flow_key_suggests_the_closest(applied: Path, api: FakeFlowsAPI) -> None:
    with pytest.raises(FlowopsError) as info:
        _plan(applied, api, flows=("welcom",))
    assert "did you mean 'welcome'" in info.value.hint


def test_force_reuploads_and_republishes_only_the_targeted_flow(
    applied: Path, api: FakeFlowsAPI
) -> None:
    plan = _plan(applied, api, flows=("welcome",), force=True)
    assert _actions(plan) == {"welcome": "edit_published"}
    api.calls.clear()
    assert _apply(applied, api, plan).ok
    assert [op for op, _ in api.writes()] == ["upload_flow_json", "publish"]


def test_stale_plan_is_refused(applied: Path, api: FakeFlowsAPI) -> None:
    edit_flow(applied.parent, "whatsapp_flows/survey.json", "Rate us", "Rate our service")
    plan = Plan.from_dict(_plan(applied, api).to_dict())
    api.tamper_status(_lock(applied)["welcome"].flow_id, "THROTTLED")
    with pytest.raises(StalePlanError, match="Meta changed"):
        _apply(applied, api, plan, saved=True)


def test_legacy_refusal_falls_back_to_clone(applied: Path, api: FakeFlowsAPI) -> None:
    old = _lock(applied)["survey"].flow_id
    api.legacy_immutable = True
    edit_flow(applied.parent, "whatsapp_flows/survey.json", "Rate us", "Rate our service")
    _converge(applied, api)
    entry = _lock(applied)["survey"]
    assert entry.flow_id != old and entry.previous_flow_ids == (old,)
    assert entry.name == "survey__v2" and entry.status == "PUBLISHED"
    assert api.flows[old].status == "PUBLISHED"  # live for bots on the previous lock
    assert [r.flow_id for r in entry.retiring] == [old]
    assert not _plan(applied, api).has_changes


def test_validation_errors_leave_the_flow_unpublished(applied: Path, api: FakeFlowsAPI) -> None:
    edit_flow(
        applied.parent,
        "whatsapp_flows/survey.json",
        '"version": "7.3",',
        '"version": "7.3", "invalid": true,',
    )
    plan = _plan(applied, api)
    result = _apply(applied, api, plan)
    assert [f.key for f in result.failed] == ["survey"]
    problem = result.failed[0].problems[0]
    assert problem.location() == "whatsapp_flows/survey.json:1:2"
    assert "last published version still serves" in result.failed[0].message
    assert ("publish", _lock(applied)["survey"].flow_id) not in api.calls


def test_call_budget_stops_cleanly_with_a_truthful_lock(manifest: Path, api: FakeFlowsAPI) -> None:
    edit_manifest(manifest, "max_deprecations: 5", "max_deprecations: 5\n  max_calls: 2")
    plan = _plan(manifest, api)
    assert plan.calls["runs"] == 3  # a write per run: one call is kept to read Meta back
    result = _apply(manifest, api, plan, concurrency=1)
    assert "call budget of 2" in result.stopped
    assert not result.ok
    locked = _lock(manifest)
    assert len(locked) == 1 == len(api.flows)
    assert all(e.updated_at for e in locked.values())  # Meta's state after the stop is known
    edit_manifest(manifest, "  max_calls: 2", "  max_calls: 100")
    api.calls.clear()
    _converge(manifest, api)
    assert len(api.flows) == 3
    assert not [c for c in api.calls if c[0] in ("list_assets", "download_asset")]


def test_reruns_after_budget_stops_converge_in_the_runs_the_plan_announced(
    manifest: Path, api: FakeFlowsAPI
) -> None:
    edit_manifest(manifest, "max_deprecations: 5", "max_deprecations: 5\n  max_calls: 10")
    _add_flows(manifest, 30)
    plan = _plan(manifest, api)
    assert (plan.calls["total"], plan.calls["runs"]) == (34, 4)  # 33 creates + 1 page; 9 a run
    shown = render(Result("plan", plan.to_dict()), "text")
    assert "needs 34 Graph API calls, more than settings.max_calls (10)" in shown
    assert "finishes on run 4" in shown
    runs = 0
    while plan.has_changes:
        api.calls.clear()
        _apply(manifest, api, plan)
        runs += 1
        plan = _plan(manifest, api)
        assert not [c for c in api.calls if c[0] in ("list_assets", "download_asset")]
    assert runs == 4
    assert len(api.flows) == 33


def _add_flows(manifest: Path, extra: int) -> None:
    root = manifest.parent
    survey = (root / "whatsapp_flows" / "survey.json").read_text(encoding="utf-8")
    lines = []
    for n in range(extra):
        text = survey.replace("Rate us", f"Rate us #{n}")
        (root / "whatsapp_flows" / f"extra_{n}.json").write_text(text, encoding="utf-8")
        lines.append(f"  extra_{n}:\n    file: whatsapp_flows/extra_{n}.json\n")
        lines.append("    flow_definition_name: null\n")
    manifest.write_text(manifest.read_text(encoding="utf-8") + "".join(lines), encoding="utf-8")


def test_progress_lines_name_each_step(manifest: Path, api: FakeFlowsAPI) -> None:
    lines: list[str] = []
    _apply(manifest, api, _plan(manifest, api), progress=lines.append)
    steps = [line for line in lines if not line.startswith("[")]
    assert sorted(line.split(":")[0] for line in steps) == ["date_picker", "survey", "welcome"]
    assert all(": created (flow " in line for line in steps)
    counted = [line for line in lines if line.startswith("[")]
    assert [line.split("]")[0] for line in counted] == ["[1/3", "[2/3", "[3/3"]
    assert sorted(line.split("] ")[1] for line in counted) == [
        "date_picker: done",
        "survey: done",
        "welcome: done",
    ]


def test_screen_diff_found_in_git_history_when_the_cache_is_gone(
    applied: Path, api: FakeFlowsAPI
) -> None:
    import shutil
    import subprocess

    root = applied.parent
    for args in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "flows"],
    ):
        subprocess.run(["git", *args], cwd=root, check=True)
    shutil.rmtree(root / ".flowops" / "local" / "content")
    edit_flow(root, "whatsapp_flows/welcome.json", "Thanks, we", "Thank you, we")
    change = next(c for c in _plan(applied, api).changes if c.key == "welcome")
    assert [s.screen for s in change.screens] == ["DONE"]


def test_apply_refuses_a_plan_made_before_another_apply(manifest: Path, api: FakeFlowsAPI) -> None:
    early = _plan(manifest, api)
    _converge(manifest, api)
    with pytest.raises(StalePlanError, match="another apply changed the lock"):
        _apply(manifest, api, early)
    assert len(api.flows) == 3


def _welcome_not_published(manifest: Path) -> None:
    edit_manifest(
        manifest,
        "    file: whatsapp_flows/welcome.json\n",
        "    file: whatsapp_flows/welcome.json\n    publish: false\n",
    )


def test_force_republishes_a_live_flow_whose_manifest_says_no_publish(
    applied: Path, api: FakeFlowsAPI
) -> None:
    _welcome_not_published(applied)
    plan = _plan(applied, api, flows=("welcome",), force=True)
    assert plan.changes[0].steps == (Action.UPDATE_JSON, Action.PUBLISH)
    assert _apply(applied, api, plan).ok
    assert api.flows[_lock(applied)["welcome"].flow_id].status == "PUBLISHED"


def test_force_with_a_refused_publish_says_what_serves_and_next_apply_republishes(
    applied: Path, api: FakeFlowsAPI
) -> None:
    api.refuse_publish = "Endpoint health check failed"
    result = _apply(applied, api, _plan(applied, api, flows=("welcome",), force=True))
    message = result.failed[0].message
    assert "Endpoint health check failed" in message
    assert "last published version keeps serving users" in message
    assert "run `flowops apply` to republish it" in message
    entry = _lock(applied)["welcome"]
    assert (entry.status, entry.ever_published) == ("DRAFT", True)
    api.refuse_publish = ""
    assert _actions(_plan(applied, api)) == {"welcome": "publish"}


def test_refused_publish_of_a_no_publish_flow_names_the_publish_flag(
    applied: Path, api: FakeFlowsAPI
) -> None:
    _welcome_not_published(applied)
    api.refuse_publish = "Endpoint health check failed"
    result = _apply(applied, api, _plan(applied, api, flows=("welcome",), force=True))
    assert "flowops apply --flow welcome --publish" in result.failed[0].message


def test_after_a_few_edits_apply_reads_back_only_the_flows_it_changed(
    manifest: Path, api: FakeFlowsAPI
) -> None:
    edit_manifest(manifest, "max_deprecations: 5", "max_deprecations: 5\n  max_calls: 1000")
    _add_flows(manifest, 150)
    _converge(manifest, api)
    edit_flow(manifest.parent, "whatsapp_flows/extra_7.json", "Rate us #7", "Rate us, #7")
    plan = _plan(manifest, api)
    api.calls.clear()
    result = _apply(manifest, api, plan)
    assert result.ok
    assert [op for op, _ in api.calls] == ["upload_flow_json", "publish", "get_flow"]  # not 2 pages
    assert plan.calls["total"] == 3
    assert _plan(manifest, api).has_changes is False

"""The lifecycle against the emulator over HTTP through the real client; exact API calls."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from flowops.plan.model import Action
from tests.fakes_flows import World, edit_flow, edit_manifest

WABA_FLOWS = "100000000000001/flows"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = World(tmp_path)
    yield w
    w.stop()


@pytest.fixture
def applied(world: World) -> World:
    world.converge()
    world.clear()
    return world


def _actions(plan: object) -> dict[str, str]:
    return {c.key: c.action.value for c in plan.changes if c.action is not Action.NOOP}  # type: ignore[attr-defined]


def test_first_apply_is_one_create_per_flow(world: World) -> None:
    world.converge()
    assert world.writes() == [("POST", WABA_FLOWS)] * 3
    assert {f.status for f in world.emu.model.flows.values()} == {"PUBLISHED"}
    assert set(world.lock()) == {"welcome", "survey", "date_picker"}


def test_no_change_replan_is_one_read_and_no_write(applied: World) -> None:
    plan = applied.plan()
    assert not plan.has_changes
    assert applied.calls() == [("GET", WABA_FLOWS)]


def test_edit_draft_is_one_upload(world: World) -> None:
    edit_manifest(
        world.manifest,
        "    file: whatsapp_flows/date_picker.json\n",
        "    file: whatsapp_flows/date_picker.json\n    publish: false\n",
    )
    world.converge()
    flow_id = world.lock()["date_picker"].flow_id
    assert world.emu.model.flows[flow_id].status == "DRAFT"
    edit_flow(world.root, "whatsapp_flows/date_picker.json", '"Done"', '"OK"')
    world.clear()
    plan = world.plan()
    assert _actions(plan) == {"date_picker": "update_json"}
    world.apply(plan)
    assert world.writes() == [("POST", f"{flow_id}/assets")]


def test_edit_published_is_upload_plus_publish(applied: World) -> None:
    flow_id = applied.lock()["welcome"].flow_id
    edit_flow(applied.root, "whatsapp_flows/welcome.json", "Thanks, we", "Thank you, we")
    plan = applied.plan()
    assert _actions(plan) == {"welcome": "edit_published"}
    applied.clear()
    assert applied.apply(plan).ok
    assert applied.writes() == [("POST", f"{flow_id}/assets"), ("POST", f"{flow_id}/publish")]
    applied.clear()
    assert not applied.plan().has_changes
    assert applied.calls() == [("GET", WABA_FLOWS)]  # nothing to download after apply


def test_link_only_change_makes_zero_calls(applied: World) -> None:
    edit_manifest(
        applied.manifest, "flow_definition_name: survey_flow", "flow_definition_name: support_flow"
    )
    plan = applied.plan(flows=())
    assert _actions(plan) == {"survey": "link_only"}
    applied.clear()
    assert applied.apply(plan).ok
    assert applied.calls() == []
    assert applied.lock()["survey"].flow_definition_name == "support_flow"


def test_rename_keeps_the_id_and_republishes(applied: World) -> None:
    flow_id = applied.lock()["survey"].flow_id
    edit_manifest(applied.manifest, "name: survey\n", "name: customer_survey\n")
    plan = applied.plan()
    assert _actions(plan) == {"survey": "rename"}
    applied.clear()
    assert applied.apply(plan).ok
    # the emulator (like Meta's current docs) puts an edited published flow back into DRAFT
    assert applied.writes() == [("POST", flow_id), ("POST", f"{flow_id}/publish")]
    flow = applied.emu.model.flows[flow_id]
    assert (flow.name, flow.status) == ("customer_survey", "PUBLISHED")
    assert not applied.plan().has_changes


SURVEY = (
    "  survey:\n    name: survey\n    file: whatsapp_flows/survey.json\n"
    "    categories: [SURVEY]\n    flow_definition_name: survey_flow\n"
)


def test_prune_needs_the_flag(applied: World) -> None:
    flow_id = applied.lock()["survey"].flow_id
    edit_manifest(applied.manifest, SURVEY, "")
    assert not applied.plan().has_changes
    assert applied.apply().ok
    assert applied.writes() == []
    plan = applied.plan(prune=True)
    assert _actions(plan) == {"survey": "deprecate"}
    applied.clear()
    assert applied.apply(plan).ok
    assert applied.writes() == [("POST", f"{flow_id}/deprecate")]
    assert applied.emu.model.flows[flow_id].status == "DEPRECATED"


def test_never_published_draft_is_deleted_on_prune(world: World) -> None:
    edit_manifest(
        world.manifest,
        "    categories: [SURVEY]\n",
        "    categories: [SURVEY]\n    publish: false\n",
    )
    world.converge()
    flow_id = world.lock()["survey"].flow_id
    edit_manifest(world.manifest, "    publish: false\n", "")
    edit_manifest(world.manifest, SURVEY, "")
    world.clear()
    assert world.converge(prune=True)
    assert world.writes() == [("DELETE", flow_id)]
    assert flow_id not in world.emu.model.flows


def test_protect_holds_after_the_entry_is_removed(world: World) -> None:
    edit_manifest(
        world.manifest,
        "flow_definition_name: survey_flow",
        "flow_definition_name: survey_flow\n    protect: true",
    )
    world.converge()
    edit_manifest(world.manifest, "flow_definition_name: survey_flow\n    protect: true\n", "")
    edit_manifest(
        world.manifest,
        "  survey:\n    name: survey\n    file: whatsapp_flows/survey.json\n"
        "    categories: [SURVEY]\n",
        "",
    )
    world.clear()
    plan = world.converge(prune=True)
    assert not plan.has_changes
    assert world.writes() == []
    assert "survey" in world.lock()


def test_json_drift_behind_flowops_is_reported_and_reverted(applied: World) -> None:
    flow_id = applied.lock()["survey"].flow_id
    applied.emu.model.upload(flow_id, json.dumps({"version": "7.3", "screens": []}).encode())
    plan = applied.plan()
    change = next(c for c in plan.changes if c.key == "survey")
    assert change.drift and change.action is Action.EDIT_PUBLISHED
    assert any("changed outside flowops" in r for r in change.reasons)
    assert any("status changed outside flowops: PUBLISHED → DRAFT" in r for r in change.reasons)
    assert ("GET", f"{flow_id}/assets") in applied.calls()
    applied.clear()
    assert applied.apply(plan).ok
    assert applied.writes() == [("POST", f"{flow_id}/assets"), ("POST", f"{flow_id}/publish")]
    assert not applied.plan().has_changes


def test_deprecated_behind_flowops_is_replaced(applied: World) -> None:
    old = applied.lock()["welcome"].flow_id
    applied.emu.model.deprecate(old)
    plan = applied.plan()
    assert _actions(plan) == {"welcome": "replace"}
    applied.clear()
    assert applied.apply(plan).ok
    entry = applied.lock()["welcome"]
    assert entry.flow_id != old and entry.name == "welcome__v2"
    assert applied.writes() == [("POST", WABA_FLOWS)]  # the old one is deprecated already


def test_lost_create_response_makes_no_duplicate(world: World) -> None:
    plan = world.plan()
    world.emu.faults.lose_response = 1.0
    result = world.apply(plan)
    assert not result.ok
    world.emu.faults.lose_response = 0.0
    plan = world.plan()
    assert set(_actions(plan).values()) == {"adopt"}
    assert world.apply(plan).ok
    names = sorted(f.name for f in world.emu.model.flows.values())
    assert names == ["date_picker", "survey", "welcome"]
    assert not world.plan().has_changes


class Crash(Exception):
    pass


def test_kill_between_steps_then_reapply_converges(world: World) -> None:
    steps: list[str] = []

    def hook(key: str, step: Action) -> None:
        if len(steps) == 2:
            raise Crash
        steps.append(key)

    with pytest.raises(Crash):
        world.apply(world.plan(), before_step=hook, concurrency=1)
    assert len(world.lock()) == 2  # the lock is truthful about the two finished steps
    world.converge()
    assert sorted(f.name for f in world.emu.model.flows.values()) == [
        "date_picker",
        "survey",
        "welcome",
    ]
    assert not world.plan().has_changes


def test_legacy_meta_refusal_falls_back_to_clone(tmp_path: Path) -> None:
    world = World(tmp_path, legacy=True)
    try:
        world.converge()
        old = world.lock()["survey"].flow_id
        edit_flow(world.root, "whatsapp_flows/survey.json", "Rate us", "Rate our service")
        world.clear()
        world.converge()
        new = world.lock()["survey"]
        assert new.flow_id != old and new.previous_flow_ids == (old,)
        assert world.writes() == [("POST", f"{old}/assets"), ("POST", WABA_FLOWS)]
        assert world.emu.model.flows[old].status == "PUBLISHED"  # retired by a later apply
        assert world.emu.model.flows[new.flow_id].status == "PUBLISHED"
        assert not world.plan().has_changes
    finally:
        world.stop()


def test_clone_strategy_replaces_in_one_write_and_retires_the_old_flow_later(
    applied: World,
) -> None:
    old = applied.lock()["survey"].flow_id
    edit_manifest(
        applied.manifest,
        "    categories: [SURVEY]\n",
        "    categories: [SURVEY]\n    update_strategy: clone\n",
    )
    edit_flow(applied.root, "whatsapp_flows/survey.json", "Rate us", "Rate our service")
    plan = applied.plan()
    assert _actions(plan) == {"survey": "replace"}
    applied.clear()
    assert applied.apply(plan).ok
    assert applied.writes() == [("POST", WABA_FLOWS)]
    edit_manifest(
        applied.manifest, "max_deprecations: 5", "max_deprecations: 5\n  retire_after_hours: 0"
    )
    applied.clear()
    assert applied.apply().ok
    assert applied.writes() == [("POST", f"{old}/deprecate")]
    assert applied.emu.model.flows[old].status == "DEPRECATED"


def test_publish_flag_publishes_a_draft_flow(world: World) -> None:
    edit_manifest(
        world.manifest,
        "    file: whatsapp_flows/date_picker.json\n",
        "    file: whatsapp_flows/date_picker.json\n    publish: false\n",
    )
    world.converge()
    flow_id = world.lock()["date_picker"].flow_id
    plan = world.plan(flows=("date_picker",), publish=True)
    assert _actions(plan) == {"date_picker": "publish"}
    world.clear()
    assert world.apply(plan).ok
    assert world.writes() == [("POST", f"{flow_id}/publish")]


def test_force_with_invalid_json_keeps_last_published_version(applied: World) -> None:
    flow_id = applied.lock()["survey"].flow_id
    edit_flow(applied.root, "whatsapp_flows/survey.json", '"label": "Send",', '"label": "",')
    plan = applied.plan(flows=("survey",), force=True)
    applied.clear()
    result = applied.apply(plan)
    assert [f.key for f in result.failed] == ["survey"]
    assert "last published version still serves" in result.failed[0].message
    assert all(
        p.file == "whatsapp_flows/survey.json" and p.line > 0 for p in result.failed[0].problems
    )
    assert ("POST", f"{flow_id}/publish") not in applied.writes()
    assert applied.emu.model.flows[flow_id].published_json is not None


def test_no_change_plan_of_150_flows_is_two_paged_reads(world: World) -> None:
    doc = json.loads((world.root / "whatsapp_flows" / "survey.json").read_text())
    extra = []
    for n in range(147):
        doc["screens"][0]["title"] = f"Rate us {n}"
        (world.root / "whatsapp_flows" / f"s{n}.json").write_text(json.dumps(doc))
        extra.append(
            f"  s{n}:\n    name: survey_{n}\n    file: whatsapp_flows/s{n}.json\n"
            f"    flow_definition_name: null\n"
        )
    world.manifest.write_text(world.manifest.read_text() + "".join(extra))
    world.converge()
    world.clear()
    assert not world.plan().has_changes
    assert world.calls() == [("GET", WABA_FLOWS)] * 2

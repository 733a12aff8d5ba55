"""Replacing a flow never breaks running bots, survives a kill at any step, and is capped.

Clone-and-swap publishes a new flow id. Bots still resolving from the previous lock or runtime
snapshot keep sending the old id, so the old flow stays live (recorded in the lock as
retiring) until a later apply after ``settings.retire_after_hours``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from flowops.cli import cli
from flowops.errors import FlowopsError
from flowops.lock import file as lockfile
from flowops.pipeline import engine
from flowops.plan.model import Action, Plan
from tests.fakes_flows import FakeFlowsAPI, edit_flow, edit_manifest, make_project
from tests.inprocess import Killed, apply_, plan_of

LIVE = ("PUBLISHED", "THROTTLED", "BLOCKED")


def converge(manifest: Path, api: Any) -> None:
    result = apply_(manifest, api)
    assert result.ok, result.failed


def lock_of(manifest: Path) -> dict[str, lockfile.LockEntry]:
    return lockfile.load(engine.open_project(manifest, "local").lock_path).entries("local")


def actions(plan: Plan) -> dict[str, str]:
    return {c.key: c.action.value for c in plan.pending()}


def live_names(api: FakeFlowsAPI) -> Counter[str]:
    return Counter(f.name for f in api.flows.values() if f.status in LIVE)


def use_clone(manifest: Path, *keys: str) -> None:
    for key in keys:
        line = f"    file: whatsapp_flows/{key}.json\n"
        edit_manifest(manifest, line, line + "    update_strategy: clone\n")


def retire_after(manifest: Path, hours: int) -> None:
    old = "  max_deprecations: 5\n"
    edit_manifest(manifest, old, f"{old}  retire_after_hours: {hours}\n")


def edit_all(root: Path) -> None:
    edit_flow(root, "whatsapp_flows/welcome.json", "Thanks, we", "Thank you, we")
    edit_flow(root, "whatsapp_flows/survey.json", "Rate us", "Rate our service")


@pytest.fixture
def api() -> FakeFlowsAPI:
    return FakeFlowsAPI()


@pytest.fixture
def applied(tmp_path: Path, api: FakeFlowsAPI) -> Path:
    manifest = make_project(tmp_path)
    converge(manifest, api)
    use_clone(manifest, "welcome", "survey")
    api.calls.clear()
    return manifest


def test_a_replaced_flow_stays_live_and_is_recorded_as_retiring(
    applied: Path, api: FakeFlowsAPI
) -> None:
    old = lock_of(applied)["welcome"].flow_id
    edit_flow(applied.parent, "whatsapp_flows/welcome.json", "Thanks, we", "Thank you, we")
    plan = plan_of(applied, api)
    assert actions(plan) == {"welcome": "replace"}
    converge(applied, api)
    assert [op for op, _ in api.writes()] == ["create_flow"]  # no deprecate in this apply
    assert api.flows[old].status == "PUBLISHED"
    entry = lock_of(applied)["welcome"]
    assert entry.flow_id != old and api.flows[entry.flow_id].status == "PUBLISHED"
    assert [r.flow_id for r in entry.retiring] == [old]
    assert not plan_of(applied, api).has_changes  # within the grace period: nothing to do


def test_a_later_apply_after_the_grace_period_deprecates_the_old_flow(
    applied: Path, api: FakeFlowsAPI
) -> None:
    retire_after(applied, 0)
    old = lock_of(applied)["welcome"].flow_id
    edit_flow(applied.parent, "whatsapp_flows/welcome.json", "Thanks, we", "Thank you, we")
    converge(applied, api)
    assert api.flows[old].status == "PUBLISHED"  # 0 hours still means "a later apply"
    plan = plan_of(applied, api)
    retire = next(c for c in plan.pending())
    assert (retire.key, retire.action, retire.irreversible) == ("welcome", Action.RETIRE, True)
    assert plan.counts()["deprecate"] == 1
    api.calls.clear()
    converge(applied, api)
    assert api.writes() == [("deprecate", old)]
    assert lock_of(applied)["welcome"].retiring == ()
    assert not plan_of(applied, api).has_changes
    assert live_names(api) == Counter({"welcome__v2": 1, "survey": 1, "date_picker": 1})


def test_the_plan_says_what_happens_to_bots_that_were_not_redeployed(
    applied: Path, api: FakeFlowsAPI
) -> None:
    old = lock_of(applied)["welcome"].flow_id
    edit_flow(applied.parent, "whatsapp_flows/welcome.json", "Thanks, we", "Thank you, we")
    reasons = " ".join(plan_of(applied, api).pending()[0].reasons)
    assert (
        f"bots still resolving from an older lock or runtime snapshot keep sending {old}" in reasons
    )
    assert "stays live" in reasons and "24 h" in reasons
    assert "then deprecate" not in reasons


def test_status_shows_a_pending_deprecation(applied: Path, api: FakeFlowsAPI) -> None:
    old = lock_of(applied)["welcome"].flow_id
    edit_flow(applied.parent, "whatsapp_flows/welcome.json", "Thanks, we", "Thank you, we")
    converge(applied, api)
    result = CliRunner().invoke(cli, ["-m", str(applied), "status"])
    assert result.exit_code == 0, result.output
    assert f"pending deprecation: {old} (welcome), replaced on " in result.output


def test_meta_refusing_an_in_place_edit_does_not_deprecate_in_the_same_apply(
    applied: Path, api: FakeFlowsAPI
) -> None:
    old = lock_of(applied)["date_picker"].flow_id
    api.legacy_immutable = True
    edit_flow(applied.parent, "whatsapp_flows/date_picker.json", '"Done"', '"OK"')
    converge(applied, api)
    assert api.flows[old].status == "PUBLISHED"
    assert [r.flow_id for r in lock_of(applied)["date_picker"].retiring] == [old]


class KillAt:
    """A FlowsAPI that dies right before or right after its first call of ``op``."""

    def __init__(self, api: FakeFlowsAPI, op: str, after: bool) -> None:
        self._api, self._op, self._after = api, op, after

    def __getattr__(self, name: str) -> Any:
        real = getattr(self._api, name)
        if name != self._op:
            return real

        def call(*args: Any, **kwargs: Any) -> Any:
            if not self._after:
                raise Killed
            real(*args, **kwargs)
            raise Killed

        return call


@pytest.mark.parametrize(("op", "after"), [("create_flow", False), ("create_flow", True)])
def test_a_kill_around_the_clone_is_adopted_or_redone_never_duplicated(
    applied: Path, api: FakeFlowsAPI, op: str, after: bool
) -> None:
    retire_after(applied, 0)
    edit_flow(applied.parent, "whatsapp_flows/welcome.json", "Thanks, we", "Thank you, we")
    with pytest.raises(Killed):
        apply_(applied, KillAt(api, op, after))
    converge(applied, api)  # the rerun
    names = Counter(f.name for f in api.flows.values())
    assert names == Counter({"welcome": 1, "welcome__v2": 1, "survey": 1, "date_picker": 1})
    entry = lock_of(applied)["welcome"]
    assert entry.name == "welcome__v2" and api.flows[entry.flow_id].status == "PUBLISHED"
    converge(applied, api)  # the later apply retires the old flow
    assert live_names(api) == Counter({"welcome__v2": 1, "survey": 1, "date_picker": 1})
    assert not plan_of(applied, api).has_changes


def test_retirements_count_against_max_deprecations(applied: Path, api: FakeFlowsAPI) -> None:
    retire_after(applied, 0)
    edit_manifest(applied, "max_deprecations: 5", "max_deprecations: 1")
    edit_all(applied.parent)
    converge(applied, api)
    assert len(live_names(api)) == 5  # two replacements, nothing deprecated yet
    plan = plan_of(applied, api)
    assert plan.counts()["deprecate"] == 1
    api.calls.clear()
    converge(applied, api)
    assert [op for op, _ in api.writes()] == ["deprecate"]  # one per run: the cap holds
    converge(applied, api)
    assert live_names(api) == Counter({"welcome__v2": 1, "survey__v2": 1, "date_picker": 1})


def test_a_prune_and_a_retirement_share_the_cap(applied: Path, api: FakeFlowsAPI) -> None:
    retire_after(applied, 0)
    edit_manifest(applied, "max_deprecations: 5", "max_deprecations: 1")
    edit_flow(applied.parent, "whatsapp_flows/welcome.json", "Thanks, we", "Thank you, we")
    converge(applied, api)
    text = applied.read_text(encoding="utf-8")
    start = text.index("  survey:\n")
    applied.write_text(text[:start] + text[text.index("  date_picker:\n") :], encoding="utf-8")
    plan = plan_of(applied, api, prune=True)
    assert actions(plan) == {"survey": "deprecate"}  # the prune asked for takes the cap
    waiting = next(c for c in plan.changes if c.action is Action.RETIRE)
    assert not waiting.pending and "max_deprecations" in " ".join(waiting.reasons)
    edit_manifest(applied, "max_deprecations: 1", "max_deprecations: 0")
    with pytest.raises(FlowopsError, match="max_deprecations"):
        plan_of(applied, api, prune=True)

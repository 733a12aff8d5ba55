"""A saved plan is applied only as flowops itself would plan it now: edits are refused."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fakes_flows import World, edit_flow, edit_manifest


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = World(tmp_path / "repo")
    w.converge()
    edit_flow(w.root, "whatsapp_flows/survey.json", "Rate us", "Rate our service")
    yield w
    w.stop()


def saved(world: World, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    out = tmp_path / "plan.json"
    result = world.cli("plan", "--out", str(out))
    assert result.exit_code == 0, result.output
    return out, json.loads(out.read_text(encoding="utf-8"))


def statuses(world: World) -> list[str]:
    return sorted(f.status for f in world.emu.model.flows.values())


def deprecate(change: dict[str, Any]) -> None:
    change.update(action="deprecate", steps=["deprecate"], irreversible=True, after=None)


def test_a_noop_edited_into_a_deprecate_is_refused(world: World, tmp_path: Path) -> None:
    out, data = saved(world, tmp_path)
    deprecate(next(c for c in data["changes"] if c["key"] == "welcome"))
    out.write_text(json.dumps(data), encoding="utf-8")
    world.clear()
    result = world.cli("apply", str(out))
    assert result.exit_code == 1
    assert "first difference: welcome" in str(result.exception)
    assert world.writes() == []
    assert statuses(world) == ["PUBLISHED"] * 3


def test_edits_past_max_deprecations_are_refused(world: World, tmp_path: Path) -> None:
    edit_manifest(world.manifest, "max_deprecations: 5", "max_deprecations: 1")
    out, data = saved(world, tmp_path)
    for change in data["changes"]:
        if change["key"] != "survey":
            deprecate(change)
    data["summary"]["deprecate"] = 2
    out.write_text(json.dumps(data), encoding="utf-8")
    world.clear()
    result = world.cli("apply", str(out))
    assert result.exit_code == 1
    assert world.writes() == []


def test_a_changed_reason_or_flag_is_refused_too(world: World, tmp_path: Path) -> None:
    out, data = saved(world, tmp_path)
    survey = next(c for c in data["changes"] if c["key"] == "survey")
    survey["steps"] = ["update_json"]  # drop the publish a reviewer saw
    out.write_text(json.dumps(data), encoding="utf-8")
    result = world.cli("apply", str(out))
    assert result.exit_code == 1 and "does not match" in str(result.exception)


def test_an_untouched_saved_plan_still_applies(world: World, tmp_path: Path) -> None:
    out, _ = saved(world, tmp_path)
    result = world.cli("apply", str(out))
    assert result.exit_code == 0, result.output
    assert world.cli("plan", "--detailed-exitcode").exit_code == 0

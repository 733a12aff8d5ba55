"""Renderers over the plan dict: text, markdown (PR comment with truncation), json."""

from __future__ import annotations

import json

from flowops.plan.model import Action, Change, FlowState, Plan, ScreenDiff
from flowops.report import Result, render

BIG_DIFF = "\n".join(f"+  line {n} of a long screen" for n in range(400))


def _change(key: str, action: Action, *, deferred: bool = False, diff: str = "") -> Change:
    screens = (ScreenDiff("MAIN", "changed", diff),) if diff else ()
    return Change(
        key,
        action,
        (action,),
        (f"because {key}",),
        FlowState(flow_id="1", status="PUBLISHED"),
        FlowState(flow_id="1", status="PUBLISHED"),
        irreversible=action in (Action.EDIT_PUBLISHED, Action.DEPRECATE),
        deferred=deferred,
        screens=screens,
    )


def _plan(*changes: Change) -> Plan:
    return Plan(env="local", changes=changes, lock_sha256="abc", remote_fingerprint="def")


def test_text_summary_and_symbols() -> None:
    plan = _plan(
        _change("a", Action.CREATE),
        _change("b", Action.EDIT_PUBLISHED, diff="-x\n+y"),
        _change("c", Action.DEPRECATE, deferred=True),
    )
    text = render(Result("plan", plan.to_dict()), "text")
    assert "+ create a" in text and "~ edit published b" in text and "- deprecate c" in text
    assert "⚠ irreversible: publishes to users" in text
    assert text.rstrip().endswith(
        "Plan: 1 to create, 1 to update, 0 to deprecate. 1 would be pruned with --prune."
    )
    assert "\x1b[" not in text
    assert "\x1b[32m+ create a" in render(Result("plan", plan.to_dict(), color=True), "text")


def test_text_no_changes() -> None:
    text = render(Result("plan", _plan(_change("a", Action.NOOP)).to_dict()), "text")
    assert text.rstrip().endswith("No changes. Meta matches git.")


def test_markdown_flags_irreversible_and_collapses_each_flow() -> None:
    plan = _plan(_change("a", Action.CREATE), _change("b", Action.EDIT_PUBLISHED, diff="-x\n+y"))
    md = render(Result("plan", plan.to_dict()), "markdown")
    assert "| create | 1 |" in md and "| edit published | 1 |" in md
    assert "⚠️ **Irreversible:** `b` (edit published)" in md
    assert md.count("<details>") == 2 and "```diff\n-x\n+y\n```" in md


def test_markdown_of_a_huge_plan_stays_under_the_cap_and_lists_every_flow() -> None:
    changes = [_change(f"flow_{n:03}", Action.EDIT_PUBLISHED, diff=BIG_DIFF) for n in range(300)]
    md = render(Result("plan", _plan(*changes).to_dict()), "markdown")
    assert len(md) <= 60_000
    assert all(f"flow_{n:03}" in md for n in range(300))
    assert "Plan: 0 to create, 300 to update, 0 to deprecate." in md
    assert "flowops plan --format json" in md and "✂️" in md


def test_markdown_cuts_diffs_before_details() -> None:
    changes = [_change(f"f{n}", Action.UPDATE_JSON, diff=BIG_DIFF) for n in range(8)]
    md = render(Result("plan", _plan(*changes).to_dict()), "markdown")
    assert md.count("<details>") == 8
    assert "(diff cut)" in md and "without diffs" in md


def test_json_round_trips_and_is_versioned() -> None:
    plan = _plan(_change("a", Action.REPLACE, diff="-a\n+b"), _change("b", Action.LINK_ONLY))
    data = json.loads(render(Result("plan", plan.to_dict()), "json"))
    assert data["format_version"] == 2
    assert Plan.from_dict(data) == plan

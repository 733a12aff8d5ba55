"""A saved plan is applied only if nothing moved since (lock, Meta, the flow files) and
only if it is exactly the plan flowops makes now from the same inputs.

The file is not trusted: its changes are planned again (the same one paged read a plan
makes) and compared, so an edited action, step, flag or reason is refused, whatever it is.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from flowops.errors import StalePlanError
from flowops.graph import FlowsAPI
from flowops.pipeline.planner import PlanInputs, build_plan
from flowops.plan import FORMAT_VERSION, Change, Plan

HINT = "run `flowops plan --out FILE` again and review the new plan"


def check_fresh(plan: Plan, inputs: PlanInputs, api: FlowsAPI | None) -> None:
    if plan.format_version != FORMAT_VERSION:
        raise StalePlanError(
            f"the plan has format_version {plan.format_version}; this flowops "
            f"reads {FORMAT_VERSION}",
            hint=HINT,
        )
    if plan.env != inputs.env:
        raise StalePlanError(
            f"the plan is for environment '{plan.env}', not '{inputs.env}'", hint=HINT
        )
    if plan.lock_sha256 != inputs.lock_sha256:
        raise StalePlanError("the lock file changed since this plan was made", hint=HINT)
    _check_files(plan, inputs)
    fresh = build_plan(dataclasses.replace(inputs, store=None), api if plan.refreshed else None)
    if plan.refreshed and fresh.remote_fingerprint != plan.remote_fingerprint:
        raise StalePlanError("the flows on Meta changed since this plan was made", hint=HINT)
    _check_same(plan, fresh)


REVIEWED = (
    *("key", "action", "steps", "reasons", "before", "after"),
    *("irreversible", "deferred", "drift", "bookkeeping"),
)


def _reviewed(change: Change) -> dict[str, Any]:
    data = change.to_dict()
    return {name: data[name] for name in REVIEWED}


def _check_same(saved: Plan, fresh: Plan) -> None:
    """Every change as flowops plans it now, in the same order, field for field."""
    ours = [_reviewed(c) for c in fresh.changes]
    theirs = [_reviewed(c) for c in saved.changes]
    if ours == theirs:
        return
    pairs = list(zip(theirs, ours, strict=False))
    first = next((i for i, (a, b) in enumerate(pairs) if a != b), len(pairs))
    key = (theirs[first] if first < len(theirs) else ours[first])["key"]
    raise StalePlanError(
        f"the saved plan does not match what flowops plans now from the same lock, Meta "
        f"and git (first difference: {key}): it was edited, or the plan changed meanwhile "
        "(a replaced flow's grace period ended, a newer flowops)",
        hint=HINT,
    )


def _check_files(plan: Plan, inputs: PlanInputs) -> None:
    for change in plan.changes:
        after = change.after
        if after is None or not after.content_sha256:
            continue
        d = inputs.desired.get(change.key)
        if d is None or d.content_sha256 != after.content_sha256:
            raise StalePlanError(
                f"{change.key}: flows.yaml or {after.file} changed since this plan was made",
                hint=HINT,
            )

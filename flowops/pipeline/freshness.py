"""A saved plan is applied only if nothing moved since: lock, Meta, and the flow files."""

from __future__ import annotations

from flowops.errors import StalePlanError
from flowops.graph import FlowsAPI
from flowops.pipeline.planner import PlanInputs
from flowops.plan import FORMAT_VERSION, Plan
from flowops.refresh import fingerprint, list_remote

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
    if plan.refreshed and api is not None:
        now = fingerprint(list_remote(api), inputs.managed_ids(), inputs.managed_names())
        if now != plan.remote_fingerprint:
            raise StalePlanError("the flows on Meta changed since this plan was made", hint=HINT)


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

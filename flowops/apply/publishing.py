"""Publishing a flow, and what to say when Meta refuses."""

from __future__ import annotations

from flowops.apply.context import (
    ApplyContext,
    StepFailed,
    after_of,
    as_on_meta,
    current_entry,
    with_links,
)
from flowops.graph import FlowStateError, GraphError
from flowops.lock import LockEntry
from flowops.meta import PUBLISH_FAILED, PUBLISHED
from flowops.plan import Change


def publish(ctx: ApplyContext, change: Change, entry: LockEntry | None) -> LockEntry:
    cur = as_on_meta(current_entry(entry, change), change)
    try:
        ctx.api.publish(cur.flow_id)
    except FlowStateError as exc:
        # 139002 "not a draft": a metadata edit that left the flow PUBLISHED (unverified
        # on Meta); the target state is reached, which one read confirms.
        if exc.code != PUBLISH_FAILED or ctx.api.get_flow(cur.flow_id).status != PUBLISHED:
            raise StepFailed(publish_failed(change, cur, exc)) from None
    result = with_links(cur.evolve(status=PUBLISHED, ever_published=True), after_of(change))
    ctx.save(change.key, result)
    return result


def publish_failed(change: Change, cur: LockEntry, exc: GraphError) -> str:
    """Where the flow stands after a refused publish, and the command that finishes it."""
    command = (
        "flowops apply"
        if after_of(change).publish
        else f"flowops apply --flow {change.key} --publish"
    )
    if not cur.ever_published:
        return (
            f"publishing {cur.flow_id} failed ({exc}); it stays DRAFT. Fix it, then run `{command}`"
        )
    return (
        f"publishing {cur.flow_id} failed ({exc}); it is DRAFT now and its last published "
        f"version keeps serving users. Fix the cause, then run `{command}` to republish it"
    )

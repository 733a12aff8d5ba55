"""Removing flows deleted from flows.yaml (only with --prune; protected ones never), and
retiring the flows that clone-and-swap replaced."""

from __future__ import annotations

from flowops.apply.context import ApplyContext, StepFailed, current_entry
from flowops.graph import FlowStateError
from flowops.lock import LockEntry
from flowops.meta import DELETE_FAILED
from flowops.plan import Change


def deprecate(ctx: ApplyContext, change: Change, entry: LockEntry | None) -> None:
    cur = current_entry(entry, change)
    _refuse_protected(cur, change)
    ctx.api.deprecate(cur.flow_id)
    ctx.save(change.key, None)


def delete(ctx: ApplyContext, change: Change, entry: LockEntry | None) -> None:
    cur = current_entry(entry, change)
    _refuse_protected(cur, change)
    try:
        ctx.api.delete(cur.flow_id)
    except FlowStateError as exc:
        if exc.code != DELETE_FAILED:
            raise
        ctx.api.deprecate(cur.flow_id)  # published after all: deprecate instead
    ctx.save(change.key, None)


def forget(ctx: ApplyContext, change: Change, entry: LockEntry | None) -> None:
    ctx.save(change.key, None)


def _refuse_protected(cur: LockEntry, change: Change) -> None:
    if cur.protect:
        raise StepFailed(f"{change.key} is protected in the lock; not removing it")


def retire(ctx: ApplyContext, change: Change, entry: LockEntry | None) -> LockEntry | None:
    """Deprecate a replaced flow (unless Meta has it deprecated or gone), then forget it."""
    assert change.before is not None
    if not change.bookkeeping:
        ctx.api.deprecate(change.before.flow_id)
    cur = ctx.entry(change.key)
    if cur is None:
        return None
    done = cur.without_retiring(change.before.flow_id)
    ctx.save(change.key, done)
    return done

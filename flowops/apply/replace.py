"""Clone-and-swap: create a new flow from the old one with git's JSON, publish it, repoint.

1 call: ``create_flow(clone_flow_id=old, flow_json, publish=True)``. The lock records the
clone's name before the call, so a rerun after a kill adopts a clone that landed instead of
cloning again. The old flow is not deprecated here: it is recorded as retiring and stays
live for bots still on an older lock or runtime snapshot; a later apply retires it.
"""

from __future__ import annotations

import dataclasses

from flowops.apply.context import ApplyContext, StepFailed, meta_problems, new_entry
from flowops.diff import clone_name
from flowops.graph import CreatedFlow, GraphError
from flowops.lock import LockEntry, Retiring
from flowops.lock.file import utc_stamp
from flowops.meta import DEPRECATED, NOT_FOUND_OR_INVALID, PUBLISHED
from flowops.plan import Change, FlowState

NAME_ATTEMPTS = 5


def replace_flow(ctx: ApplyContext, change: Change, cur: LockEntry, *, fallback: bool) -> LockEntry:
    assert change.after is not None
    after = change.after
    name = after.name if not fallback else _fresh_name(ctx, cur, after)
    created, name = _create_clone(ctx, change.key, cur, after, name)
    if created.validation_errors:
        ctx.save(change.key, cur)  # a draft with errors is not adopted: forget the intent
        raise StepFailed(
            f"the clone {created.id} ('{name}') has validation errors and was not published; "
            f"{cur.flow_id} keeps serving (delete the draft clone on Meta if unwanted)",
            meta_problems(after.file, created.validation_errors),
        )
    ctx.remember(change.key)
    after = dataclasses.replace(after, name=name, metadata={**after.metadata, "name": name})
    seen = change.before.status if change.before else cur.status
    entry = swapped(cur, new_entry(after, created.id, PUBLISHED), seen != DEPRECATED)
    ctx.save(change.key, entry)
    how = "fallback after 139001" if fallback else "clone-and-swap"
    ctx.progress(
        f"{change.key}: {how}: {created.id} ('{name}') is live; {cur.flow_id} stays live "
        "for bots not yet given the new lock, and is retired by a later apply"
    )
    return entry


def swapped(cur: LockEntry, new: LockEntry, live: bool) -> LockEntry:
    """``new`` replaces ``cur``; a still-live ``cur`` is recorded as retiring."""
    retiring = cur.retiring + ((Retiring(cur.flow_id, cur.name, utc_stamp()),) if live else ())
    previous = (*cur.previous_flow_ids, cur.flow_id)
    return new.evolve(previous_flow_ids=previous, retiring=retiring, clone_intent="")


def _fresh_name(ctx: ApplyContext, cur: LockEntry, after: FlowState) -> str:
    base = after.manifest_name or after.name
    return clone_name(base, ctx.clone_name_suffix, (), len(cur.previous_flow_ids) + 2)


def _create_clone(
    ctx: ApplyContext, key: str, cur: LockEntry, after: FlowState, name: str
) -> tuple[CreatedFlow, str]:
    meta = after.metadata
    taken: set[str] = set()
    for _ in range(NAME_ATTEMPTS):
        ctx.save(key, cur.evolve(clone_intent=name))  # before the write: a rerun adopts it
        ctx.progress(f"{key}: recorded the clone's name '{name}'; creating it from {cur.flow_id}")
        try:
            created = ctx.api.create_flow(
                name,
                tuple(meta["categories"]),
                flow_json=ctx.raw(key),
                publish=True,
                clone_flow_id=cur.flow_id,
                endpoint_uri=meta["endpoint_uri"],
            )
            return created, name
        except GraphError as exc:
            if exc.code != NOT_FOUND_OR_INVALID or "name" not in str(exc).lower():
                raise
            taken.add(name)
            base = after.manifest_name or after.name
            name = clone_name(base, ctx.clone_name_suffix, taken, len(cur.previous_flow_ids) + 2)
    raise StepFailed(f"no free clone name for {key} after {NAME_ATTEMPTS} attempts")

"""One handler per step. Each makes the fewest Graph calls and returns the new lock entry."""

from __future__ import annotations

from collections.abc import Callable

from flowops.apply.context import (
    ApplyContext,
    StepFailed,
    after_of,
    as_on_meta,
    current_entry,
    meta_problems,
    new_entry,
    with_links,
)
from flowops.apply.publishing import publish
from flowops.apply.removal import delete, deprecate, forget, retire
from flowops.apply.replace import replace_flow, swapped
from flowops.graph import FlowStateError
from flowops.lock import LockEntry, metadata_sha256
from flowops.meta import DRAFT, NOT_UPDATABLE, PUBLISHED
from flowops.plan import Action, Change

Handler = Callable[[ApplyContext, Change, LockEntry | None], LockEntry | None]


def create(ctx: ApplyContext, change: Change, entry: LockEntry | None) -> LockEntry | None:
    after = after_of(change)
    meta = after.metadata
    created = ctx.api.create_flow(
        after.name,
        tuple(meta["categories"]),
        flow_json=ctx.raw(change.key),
        publish=after.publish,
        endpoint_uri=meta["endpoint_uri"],
    )
    ctx.remember(change.key)
    ok = not created.validation_errors
    status = PUBLISHED if after.publish and ok else DRAFT
    ctx.save(change.key, new_entry(after, created.id, status))
    if not ok:
        raise StepFailed(
            f"created {created.id} as DRAFT: Meta reports validation errors, "
            "so it was not published",
            meta_problems(after.file, created.validation_errors),
        )
    return ctx.entry(change.key)


def adopt(ctx: ApplyContext, change: Change, entry: LockEntry | None) -> LockEntry | None:
    before, after = change.before, after_of(change)
    assert before is not None
    meta = before.metadata
    adopted = LockEntry(
        flow_id=before.flow_id,
        name=before.name,
        content_sha256=before.content_sha256,
        metadata_sha256=metadata_sha256(meta["name"], meta["categories"], meta["endpoint_uri"]),
        status=before.status,
        ever_published=before.ever_published,
        updated_at=before.updated_at,
    )
    new = with_links(adopted, after)
    if entry is not None and entry.clone_intent == before.name:
        new = swapped(entry, new, live=True)  # an interrupted clone-and-swap, finished
    ctx.save(change.key, new)
    return new


def update_metadata(ctx: ApplyContext, change: Change, entry: LockEntry | None) -> LockEntry:
    cur, after = as_on_meta(current_entry(entry, change), change), after_of(change)
    old = change.before.metadata if change.before else {}
    new = after.metadata
    changed = {k for k in ("name", "categories", "endpoint_uri") if old.get(k) != new[k]}
    ctx.api.update_metadata(
        cur.flow_id,
        name=new["name"] if "name" in changed else None,
        categories=tuple(new["categories"]) if "categories" in changed else None,
        endpoint_uri=new["endpoint_uri"] if "endpoint_uri" in changed else None,
    )
    sha = metadata_sha256(new["name"], new["categories"], new["endpoint_uri"])
    result = with_links(cur.evolve(name=new["name"], metadata_sha256=sha), after)
    ctx.save(change.key, result)
    return result


def update_json(ctx: ApplyContext, change: Change, entry: LockEntry | None) -> LockEntry | None:
    cur, after = current_entry(entry, change), after_of(change)
    try:
        errors = ctx.api.upload_flow_json(cur.flow_id, ctx.raw(change.key))
    except FlowStateError as exc:
        if exc.code != NOT_UPDATABLE or not cur.ever_published:
            raise
        ctx.progress(
            f"{change.key}: Meta refused to edit {cur.flow_id} in place (139001): "
            "falling back to clone-and-swap"
        )
        return replace_flow(ctx, change, cur, fallback=True)
    ctx.remember(change.key)
    result = with_links(cur.evolve(content_sha256=after.content_sha256, status=DRAFT), after)
    ctx.save(change.key, result)
    if errors:
        serving = " (the last published version still serves)" if cur.ever_published else ""
        raise StepFailed(
            f"uploaded to {cur.flow_id}, but Meta reports validation errors; "
            f"not published{serving}",
            meta_problems(after.file, errors),
        )
    return result


def replace(ctx: ApplyContext, change: Change, entry: LockEntry | None) -> LockEntry | None:
    return replace_flow(ctx, change, current_entry(entry, change), fallback=False)


def link_only(ctx: ApplyContext, change: Change, entry: LockEntry | None) -> LockEntry:
    cur, before, after = current_entry(entry, change), change.before, after_of(change)
    seen = (
        cur
        if before is None
        else cur.evolve(
            status=before.status,
            updated_at=before.updated_at,
            content_sha256=before.content_sha256,
            ever_published=cur.ever_published or before.ever_published,
            metadata_sha256=metadata_sha256(**after.metadata),
        )
    )
    result = with_links(seen, after)
    ctx.save(change.key, result)
    return result


HANDLERS: dict[Action, Handler] = {
    Action.CREATE: create,
    Action.ADOPT: adopt,
    Action.UPDATE_METADATA: update_metadata,
    Action.UPDATE_JSON: update_json,
    Action.PUBLISH: publish,
    Action.REPLACE: replace,
    Action.LINK_ONLY: link_only,
    Action.DEPRECATE: deprecate,
    Action.DELETE: delete,
    Action.FORGET: forget,
    Action.RETIRE: retire,
}

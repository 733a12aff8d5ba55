"""One managed flow → one Change: create, adopt, update, publish, replace or link-only."""

from __future__ import annotations

from dataclasses import replace

from flowops.diff.facts import Facts, facts, live_edit_reason
from flowops.diff.flow import (
    Context,
    after_state,
    before_state,
    create,
    remote_metadata,
    replace_change,
    uses_clone,
)
from flowops.diff.lockonly import LOCK_ONLY, link_changes, link_reason, lock_differs
from flowops.diff.naming import clone_name
from flowops.diff.screens import screen_diffs
from flowops.graph import RemoteFlow
from flowops.lock import LockEntry
from flowops.meta import DEPRECATED, DRAFT, LIVE, PUBLISHED, servable
from flowops.plan import Action, Change, FlowState
from flowops.refresh import DesiredFlow


def plan_flow(d: DesiredFlow, entry: LockEntry | None, ctx: Context) -> Change:
    if entry is None:
        found = ctx.names.get(d.spec.name)
        if found is None:
            return create(d, ctx, "new flow: not on Meta and not in the lock")
        return _adopt(d, found, ctx)
    clone = ctx.names.get(entry.clone_intent) if entry.clone_intent else None
    if clone is not None and clone.id != entry.flow_id:
        return _adopt(d, clone, ctx, _interrupted(entry, clone), manifest_name=d.spec.name)
    flow = ctx.remote.by_id.get(entry.flow_id)
    if flow is None:
        return create(
            d,
            ctx,
            f"flow {entry.flow_id} no longer exists on Meta "
            "(deleted outside flowops): creating it again",
        )
    if flow.status == DEPRECATED:
        reason = f"flow {flow.id} was deprecated outside flowops; it cannot be edited"
        return replace_change(d, entry, flow, ctx, [reason])
    return _update(d, entry, flow, ctx, [])


def _interrupted(entry: LockEntry, clone: RemoteFlow) -> str:
    return (
        f"'{clone.name}' ({clone.id}, {clone.status}), the clone of {entry.flow_id}, was "
        "created by an apply that stopped before recording it: adopting it, not cloning again"
    )


def _adopt(
    d: DesiredFlow, flow: RemoteFlow, ctx: Context, reason: str = "", manifest_name: str = ""
) -> Change:
    if flow.status == DEPRECATED:
        name = clone_name(d.spec.name, ctx.options.clone_name_suffix, ctx.names, 2)
        return create(
            d,
            ctx,
            f"the name is taken on Meta by deprecated flow {flow.id}: creating '{name}' instead",
            name=name,
        )
    pseudo = LockEntry(
        flow_id=flow.id,
        name=flow.name,
        status=flow.status,
        content_sha256=ctx.remote.content_sha256(flow.id) or "",
        ever_published=flow.status in LIVE,
        updated_at=flow.updated_at,
        manifest_name=manifest_name,  # a clone keeps its suffixed name
    )
    reason = reason or (
        f"exists on Meta as {flow.id} ({flow.status}) but not in the lock: "
        "adopting it instead of creating a duplicate"
    )
    change = _update(d, pseudo, flow, ctx, [reason])
    steps = (Action.ADOPT, *(s for s in change.steps if s is not Action.LINK_ONLY))
    return replace(
        change,
        action=Action.ADOPT,
        steps=steps,
        bookkeeping=False,
        reasons=tuple(r for r in change.reasons if not r.startswith(LOCK_ONLY)),
        before=replace(change.before or FlowState(), file="", manifest_name=""),
    )


def _update(
    d: DesiredFlow, entry: LockEntry, flow: RemoteFlow, ctx: Context, reasons: list[str]
) -> Change:
    f = facts(d, entry, flow, ctx, reasons)
    live = flow.status in LIVE
    if f.need_upload and live and uses_clone(d):
        reasons.append("update_strategy: clone")
        return replace_change(d, entry, flow, ctx, reasons)
    if (f.need_upload or f.need_meta) and flow.status == PUBLISHED:
        reasons.append(live_edit_reason(f, ctx.options.publish_command.format(key=d.key)))
    meta, _ = remote_metadata(flow, d, entry, ctx.remote.refreshed)
    before = before_state(entry, flow, f.remote_sha, meta)
    steps = _steps(f)
    action = _label(f, before.ever_published, steps)
    bookkeeping = False
    if action is Action.NOOP and lock_differs(d, entry, flow, before, ctx):
        action, steps = Action.LINK_ONLY, (Action.LINK_ONLY,)
        reasons.append(link_reason(d, entry))
        bookkeeping = not link_changes(d, entry) and _same_for_bots(entry, flow)
    after = _after(d, entry, f, before, ctx)
    old = ctx.remote.docs.get(flow.id, ctx.previous)
    screens = (
        screen_diffs(old, d.doc, d.raw, d.spec.file) if f.need_upload and old is not None else ()
    )
    return Change(
        d.key,
        action,
        steps,
        tuple(reasons),
        before,
        after,
        irreversible=Action.PUBLISH in steps,
        drift=f.drift,
        screens=screens,
        bookkeeping=bookkeeping,
    )


def _steps(f: Facts) -> tuple[Action, ...]:
    steps = []
    if f.need_meta:
        steps.append(Action.UPDATE_METADATA)
    if f.need_upload:
        steps.append(Action.UPDATE_JSON)
    if f.publish:
        steps.append(Action.PUBLISH)
    return tuple(steps)


def _label(f: Facts, ever_published: bool, steps: tuple[Action, ...]) -> Action:
    if f.need_upload and ever_published and f.publish:
        return Action.EDIT_PUBLISHED
    if f.need_upload:
        return Action.UPDATE_JSON
    if f.rename:
        return Action.RENAME
    return steps[0] if steps else Action.NOOP


def _after(
    d: DesiredFlow, entry: LockEntry, f: Facts, before: FlowState, ctx: Context
) -> FlowState:
    status = before.status
    if f.need_upload or (f.need_meta and status == PUBLISHED):
        status = DRAFT
    if f.publish:
        status = PUBLISHED
    after = after_state(d, entry, ctx.options)
    return replace(
        after,
        flow_id=before.flow_id,
        status=status,
        ever_published=before.ever_published or f.publish,
    )


def _same_for_bots(entry: LockEntry, flow: RemoteFlow) -> bool:
    """Recording Meta's status changes nothing the runtime decides (e.g. the PUBLISHED an
    interrupted apply did not record); THROTTLED, BLOCKED or DEPRECATED is a change."""
    if entry.status == flow.status:
        return True
    ever = entry.ever_published or flow.status in LIVE
    both = {entry.status, flow.status} <= {DRAFT, PUBLISHED}
    return both and servable(entry.status, entry.ever_published) == servable(flow.status, ever)

"""One managed flow → one Change: create, adopt, update, publish, replace or link-only."""

from __future__ import annotations

from dataclasses import dataclass, replace

from flowops.graph.types import RemoteFlow
from flowops.lockfile import LockEntry
from flowops.reconcile.actions import Action, Change, FlowState
from flowops.reconcile.desired import DesiredFlow
from flowops.reconcile.flowdiff import (
    LIVE,
    Context,
    after_state,
    before_state,
    create,
    remote_metadata,
    replace_change,
    uses_clone,
    want_publish,
)
from flowops.reconcile.naming import clone_name
from flowops.reconcile.screendiff import screen_diffs


def plan_flow(d: DesiredFlow, entry: LockEntry | None, ctx: Context) -> Change:
    if entry is None:
        found = ctx.names.get(d.spec.name)
        if found is None:
            return create(d, ctx, "new flow: not on Meta and not in the lock")
        return _adopt(d, found, ctx)
    flow = ctx.remote.by_id.get(entry.flow_id)
    if flow is None:
        return create(
            d,
            ctx,
            f"flow {entry.flow_id} no longer exists on Meta "
            "(deleted outside flowops): creating it again",
        )
    if flow.status == "DEPRECATED":
        reason = f"flow {flow.id} was deprecated outside flowops; it cannot be edited"
        return replace_change(d, entry, flow, ctx, [reason])
    return _update(d, entry, flow, ctx, [])


def _adopt(d: DesiredFlow, flow: RemoteFlow, ctx: Context) -> Change:
    if flow.status == "DEPRECATED":
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
    )
    reason = (
        f"exists on Meta as {flow.id} ({flow.status}) but not in the lock: "
        "adopting it instead of creating a duplicate"
    )
    change = _update(d, pseudo, flow, ctx, [reason])
    steps = (Action.ADOPT, *(s for s in change.steps if s is not Action.LINK_ONLY))
    return replace(
        change,
        action=Action.ADOPT,
        steps=steps,
        before=replace(change.before or FlowState(), file="", manifest_name=""),
    )


@dataclass(frozen=True)
class _Facts:
    remote_sha: str
    need_upload: bool
    need_meta: bool
    rename: bool
    publish: bool
    drift: bool


def _facts(
    d: DesiredFlow, entry: LockEntry, flow: RemoteFlow, ctx: Context, reasons: list[str]
) -> _Facts:
    opts, refreshed = ctx.options, ctx.remote.refreshed
    remote_sha = ctx.remote.content_sha256(flow.id) or entry.content_sha256
    force = opts.force and opts.targeted(d.key)
    drift = _drift_reasons(entry, flow, remote_sha, refreshed, reasons)
    need_upload = force or remote_sha != d.content_sha256
    if need_upload:
        reasons.append(_upload_reason(d, entry, remote_sha, force))
    _, meta_sha = remote_metadata(flow, d, entry, refreshed)
    need_meta = meta_sha != d.metadata_sha256(entry)
    rename = need_meta and d.meta_name(entry) != flow.name
    if need_meta:
        reasons.append(
            f"rename: '{flow.name}' → '{d.meta_name(entry)}' (same flow id)"
            if rename
            else "metadata (categories / endpoint_uri) differs"
        )
    # Meta documents that a metadata edit also puts a published flow back into DRAFT.
    edits_live = need_meta and flow.status == "PUBLISHED"
    publish = want_publish(d, opts) and (
        need_upload or flow.status == "DRAFT" or force or edits_live
    )
    if publish and flow.status == "DRAFT" and not need_upload:
        reasons.append("DRAFT on Meta and flows.yaml says publish")
    return _Facts(remote_sha, need_upload, need_meta, rename, publish, drift)


def _drift_reasons(
    entry: LockEntry, flow: RemoteFlow, remote_sha: str, refreshed: bool, reasons: list[str]
) -> bool:
    drift = False
    if remote_sha != entry.content_sha256 and entry.content_sha256:
        reasons.append("drift: the Flow JSON on Meta was changed outside flowops; git wins")
        drift = True
    if refreshed and flow.status != entry.status and entry.status:
        reasons.append(f"drift: status changed outside flowops: {entry.status} → {flow.status}")
        drift = True
    return drift


def _upload_reason(d: DesiredFlow, entry: LockEntry, remote_sha: str, force: bool) -> str:
    if remote_sha == d.content_sha256:
        return "--force: re-upload unchanged Flow JSON"
    if entry.content_sha256 and entry.content_sha256 != d.content_sha256:
        return f"Flow JSON changed in git ({d.spec.file})"
    return f"Flow JSON on Meta differs from {d.spec.file}"


def _update(
    d: DesiredFlow, entry: LockEntry, flow: RemoteFlow, ctx: Context, reasons: list[str]
) -> Change:
    f = _facts(d, entry, flow, ctx, reasons)
    live = flow.status in LIVE
    if f.need_upload and live and uses_clone(d):
        reasons.append("update_strategy: clone")
        return replace_change(d, entry, flow, ctx, reasons)
    meta, _ = remote_metadata(flow, d, entry, ctx.remote.refreshed)
    before = before_state(entry, flow, f.remote_sha, meta)
    steps = _steps(f)
    action = _label(f, before.ever_published, steps)
    if action is Action.NOOP and _lock_differs(d, entry, flow, before, ctx):
        action, steps = Action.LINK_ONLY, (Action.LINK_ONLY,)
        reasons.append(_link_reason(d, entry))
    after = _after(d, entry, f, before, ctx)
    old = ctx.remote.docs.get(flow.id, ctx.previous)
    screens = screen_diffs(old, d.doc) if f.need_upload and old is not None else ()
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
    )


def _steps(f: _Facts) -> tuple[Action, ...]:
    steps = []
    if f.need_meta:
        steps.append(Action.UPDATE_METADATA)
    if f.need_upload:
        steps.append(Action.UPDATE_JSON)
    if f.publish:
        steps.append(Action.PUBLISH)
    return tuple(steps)


def _label(f: _Facts, ever_published: bool, steps: tuple[Action, ...]) -> Action:
    if f.need_upload and ever_published and f.publish:
        return Action.EDIT_PUBLISHED
    if f.need_upload:
        return Action.UPDATE_JSON
    if f.rename:
        return Action.RENAME
    return steps[0] if steps else Action.NOOP


def _after(
    d: DesiredFlow, entry: LockEntry, f: _Facts, before: FlowState, ctx: Context
) -> FlowState:
    status = before.status
    if f.need_upload or (f.need_meta and status == "PUBLISHED"):
        status = "DRAFT"
    if f.publish:
        status = "PUBLISHED"
    after = after_state(d, entry, ctx.options)
    return replace(
        after,
        flow_id=before.flow_id,
        status=status,
        ever_published=before.ever_published or f.publish,
    )


def _link_fields(s: FlowState) -> tuple[object, ...]:
    return (s.flow_definition_name, s.is_active, s.protect, s.entry_screen, s.file, s.manifest_name)


def _lock_differs(
    d: DesiredFlow, entry: LockEntry, flow: RemoteFlow, before: FlowState, ctx: Context
) -> bool:
    after = after_state(d, entry, ctx.options)
    if _link_fields(after) != _link_fields(before):
        return True
    seen = (entry.updated_at, entry.status, entry.metadata_sha256)
    return ctx.remote.refreshed and seen != (flow.updated_at, flow.status, d.metadata_sha256(entry))


def _link_reason(d: DesiredFlow, entry: LockEntry) -> str:
    spec = d.spec
    now = (spec.flow_definition_name, spec.is_active, spec.protect, d.entry_screen, spec.file)
    was = (
        entry.flow_definition_name,
        entry.is_active,
        entry.protect,
        entry.entry_screen,
        entry.file,
    )
    names = ("flow_definition_name", "is_active", "protect", "entry_screen", "file")
    changed = [f"{n}: {a!r} → {b!r}" for n, a, b in zip(names, was, now, strict=True) if a != b]
    if changed:
        return "lock only (no API call): " + ", ".join(changed)
    return "lock only (no API call): record Meta's current updated_at/status"

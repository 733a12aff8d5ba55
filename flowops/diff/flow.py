"""Decide what one managed flow (in flows.yaml) needs: pure, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from flowops.diff.naming import clone_name
from flowops.diff.screens import screen_diffs, screen_list
from flowops.graph import RemoteFlow
from flowops.lock import LockEntry, metadata_sha256, metadata_summary
from flowops.manifest import UpdateStrategy
from flowops.meta import DEPRECATED, DRAFT, LIVE, PUBLISHED
from flowops.plan import Action, Change, FlowState, PlanOptions
from flowops.refresh import DesiredFlow, RemoteState


@dataclass(frozen=True)
class Context:
    remote: RemoteState
    names: dict[str, RemoteFlow]
    options: PlanOptions
    previous: Any = None  # the JSON last applied, when known (for the per-screen diff)


def want_publish(d: DesiredFlow, opts: PlanOptions) -> bool:
    return d.spec.publish or (opts.publish and opts.targeted(d.key))


def after_state(d: DesiredFlow, entry: LockEntry | None, opts: PlanOptions) -> FlowState:
    spec = d.spec
    return FlowState(
        flow_id=entry.flow_id if entry else "",
        name=d.meta_name(entry),
        content_sha256=d.content_sha256,
        metadata=d.metadata(entry),
        publish=want_publish(d, opts),
        file=spec.file,
        manifest_name=spec.name,
        flow_definition_name=spec.flow_definition_name,
        is_active=spec.is_active,
        protect=spec.protect,
        entry_screen=d.entry_screen,
    )


def before_state(
    entry: LockEntry | None, flow: RemoteFlow, content: str, meta: dict[str, Any]
) -> FlowState:
    base = FlowState() if entry is None else _from_entry(entry)
    return replace(
        base,
        flow_id=flow.id,
        name=flow.name,
        status=flow.status,
        content_sha256=content,
        metadata=meta,
        updated_at=flow.updated_at,
        ever_published=base.ever_published or flow.status in LIVE,
    )


def _from_entry(e: LockEntry) -> FlowState:
    return FlowState(
        e.flow_id,
        e.name,
        e.status,
        e.content_sha256,
        {},
        e.ever_published,
        file=e.file,
        manifest_name=e.manifest_name,
        flow_definition_name=e.flow_definition_name,
        is_active=e.is_active,
        protect=e.protect,
        entry_screen=e.entry_screen,
        updated_at=e.updated_at,
    )


def create(d: DesiredFlow, ctx: Context, reason: str, name: str | None = None) -> Change:
    publish = want_publish(d, ctx.options)
    after = after_state(d, None, ctx.options)
    if name:
        after = replace(after, name=name, metadata={**after.metadata, "name": name})
    after = replace(after, status=PUBLISHED if publish else DRAFT, ever_published=publish)
    return Change(
        d.key,
        Action.CREATE,
        (Action.CREATE,),
        (reason,),
        None,
        after,
        irreversible=publish,
        screens=screen_list(d.doc),
    )


def remote_metadata(
    flow: RemoteFlow, d: DesiredFlow, entry: LockEntry | None, refreshed: bool
) -> tuple[dict[str, Any], str]:
    if not refreshed and entry is not None:
        return {"name": entry.name}, entry.metadata_sha256
    endpoint = flow.endpoint_uri if d.spec.endpoint_uri else None
    return (
        metadata_summary(flow.name, flow.categories, endpoint),
        metadata_sha256(flow.name, flow.categories, endpoint),
    )


def replace_change(
    d: DesiredFlow, entry: LockEntry, flow: RemoteFlow, ctx: Context, reasons: list[str]
) -> Change:
    n = len(entry.previous_flow_ids) + 2
    name = clone_name(d.spec.name, ctx.options.clone_name_suffix, ctx.names, n)
    meta, _ = remote_metadata(flow, d, entry, ctx.remote.refreshed)
    before = before_state(entry, flow, entry.content_sha256, meta)
    after = after_state(d, entry, ctx.options)
    after = replace(
        after,
        flow_id="",
        name=name,
        metadata={**after.metadata, "name": name},
        status=PUBLISHED,
        ever_published=True,
        publish=True,
    )
    reasons.append(f"clone-and-swap: create '{name}' from {flow.id}, publish it, repoint the lock")
    if flow.status != DEPRECATED:
        reasons.append(bots_note(flow.id, ctx.options.retire_after_hours))
    old = ctx.remote.docs.get(flow.id, ctx.previous)
    return Change(
        d.key,
        Action.REPLACE,
        (Action.REPLACE,),
        tuple(reasons),
        before,
        after,
        irreversible=True,
        screens=screen_diffs(old, d.doc, d.raw, d.spec.file),
    )


def bots_note(old: str, hours: int) -> str:
    """What a replacement means for bots that have not been given the new lock yet."""
    until = f"for {hours} h" if hours else "until the next apply"
    return (
        f"bots still resolving from an older lock or runtime snapshot keep sending {old}: it "
        f"stays live {until} (settings.retire_after_hours), then a later apply deprecates it. "
        "Deploy the new lock or runtime snapshot to every bot before then"
    )


def uses_clone(d: DesiredFlow) -> bool:
    return d.spec.update_strategy is UpdateStrategy.CLONE

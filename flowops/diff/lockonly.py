"""Changes that touch only the lock: runtime links, protect, file, Meta's last-seen state."""

from __future__ import annotations

from flowops.diff.flow import Context, after_state
from flowops.diff.wording import changed_fields
from flowops.graph import RemoteFlow
from flowops.lock import LockEntry
from flowops.plan import FlowState
from flowops.refresh import DesiredFlow


def _link_fields(s: FlowState) -> tuple[object, ...]:
    return (s.flow_definition_name, s.is_active, s.protect, s.entry_screen, s.file, s.manifest_name)


def lock_differs(
    d: DesiredFlow, entry: LockEntry, flow: RemoteFlow, before: FlowState, ctx: Context
) -> bool:
    after = after_state(d, entry, ctx.options)
    if _link_fields(after) != _link_fields(before):
        return True
    seen = (entry.updated_at, entry.status, entry.metadata_sha256)
    return ctx.remote.refreshed and seen != (flow.updated_at, flow.status, d.metadata_sha256(entry))


LINK_FIELDS = ("flow_definition_name", "is_active", "protect", "entry_screen", "file")
LOCK_ONLY = "lock only (no API call): "


def link_changes(d: DesiredFlow, entry: LockEntry) -> list[str]:
    """``['is_active: true → false', …]``: what flows.yaml changed since the lock recorded it."""
    spec = d.spec
    now = (spec.flow_definition_name, spec.is_active, spec.protect, d.entry_screen, spec.file)
    was = (
        entry.flow_definition_name,
        entry.is_active,
        entry.protect,
        entry.entry_screen,
        entry.file,
    )
    return changed_fields(
        LINK_FIELDS,
        dict(zip(LINK_FIELDS, was, strict=True)),
        dict(zip(LINK_FIELDS, now, strict=True)),
    )


def link_reason(d: DesiredFlow, entry: LockEntry) -> str:
    changed = link_changes(d, entry)
    if changed:
        return LOCK_ONLY + ", ".join(changed) + runtime_effect(d, entry)
    return LOCK_ONLY + BOOKKEEPING


BOOKKEEPING = "record Meta's current updated_at/status"


def runtime_effect(d: DesiredFlow, entry: LockEntry) -> str:
    """What the chatbot does differently once the lock says so."""
    spec = d.spec
    was = entry.flow_definition_name if entry.is_active else None
    now = spec.flow_definition_name if spec.is_active else None
    if was == now:
        return ""
    effects = [f"fall back to the traditional flow {was}"] if was else []
    effects += [f"send this WhatsApp Flow for {now}"] if now else []
    return "; the chatbot will now " + ", and ".join(effects)

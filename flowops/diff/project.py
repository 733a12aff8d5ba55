"""desired (git) + remote (Meta) + lock → Plan. Pure: no calls, no disk."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from flowops.diff.change import plan_flow
from flowops.diff.flow import Context
from flowops.diff.retire import cap, retirements
from flowops.lock import LockEntry
from flowops.meta import DEPRECATED, DRAFT
from flowops.plan import PRUNES, Action, Change, FlowState, Plan, PlanOptions
from flowops.refresh import DesiredFlow, RemoteState

ORDER = [
    Action.CREATE,
    Action.ADOPT,
    Action.REPLACE,
    Action.EDIT_PUBLISHED,
    Action.UPDATE_JSON,
    Action.RENAME,
    Action.UPDATE_METADATA,
    Action.PUBLISH,
    Action.LINK_ONLY,
    Action.RETIRE,
    Action.DEPRECATE,
    Action.DELETE,
    Action.FORGET,
    Action.NOOP,
]


def diff(
    desired: Mapping[str, DesiredFlow],
    remote: RemoteState,
    entries: Mapping[str, LockEntry],
    options: PlanOptions,
    previous: Mapping[str, Any] | None = None,
    now: datetime | None = None,
) -> list[Change]:
    names = remote.by_name()
    previous = previous or {}
    changes = [
        plan_flow(d, entries.get(key), Context(remote, names, options, previous.get(key)))
        for key, d in desired.items()
        if options.targeted(key)
    ]
    changes += [
        removed(key, e, remote, options)
        for key, e in entries.items()
        if key not in desired and options.targeted(key)
    ]
    pruned = frozenset(c.key for c in changes if c.pending and c.action in PRUNES)
    changes += retirements(entries, remote, options, pruned, now or datetime.now(timezone.utc))
    changes = cap(changes, options.max_deprecations)
    return sorted(changes, key=lambda c: (ORDER.index(c.action), c.key))


def make_plan(
    env: str,
    changes: list[Change],
    lock_sha256: str,
    remote: RemoteState,
    fingerprint: str | None,
    options: PlanOptions,
    read_calls: int,
) -> Plan:
    return Plan(
        env=env,
        changes=tuple(changes),
        lock_sha256=lock_sha256,
        remote_fingerprint=fingerprint,
        refreshed=remote.refreshed,
        read_calls=read_calls,
        options=options.to_dict(),
    )


def removed(key: str, entry: LockEntry, remote: RemoteState, opts: PlanOptions) -> Change:
    """A flow in the lock but no longer in flows.yaml: prune it (only with --prune)."""
    flow = remote.by_id.get(entry.flow_id)
    status = flow.status if flow else "(gone)"
    before = FlowState(
        entry.flow_id,
        entry.name,
        status,
        entry.content_sha256,
        ever_published=entry.ever_published,
        file=entry.file,
        protect=entry.protect,
    )
    if entry.protect:
        return _kept(key, before)
    action, reason = _prune_action(entry, status)
    reasons = [reason] if opts.prune else [reason, "would be pruned with --prune"]
    return Change(
        key,
        action,
        (action,),
        tuple(reasons),
        before,
        None,
        irreversible=action is Action.DEPRECATE,
        deferred=not opts.prune,
    )


def _kept(key: str, before: FlowState) -> Change:
    reason = (
        "removed from flows.yaml but protected (protect is recorded in the lock): never "
        "deprecated or deleted. To retire it, restore the entry with protect: false, "
        "apply, then remove it"
    )
    return Change(key, Action.NOOP, (), (reason,), before, before)


def _prune_action(entry: LockEntry, status: str) -> tuple[Action, str]:
    if status in ("(gone)", DEPRECATED):
        return Action.FORGET, f"removed from flows.yaml; {status} on Meta: drop it from the lock"
    if status == DRAFT and not entry.ever_published:
        return Action.DELETE, "removed from flows.yaml; a never-published DRAFT: delete it"
    return Action.DEPRECATE, f"removed from flows.yaml; {status} on Meta: deprecate it"

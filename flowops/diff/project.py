"""desired (git) + remote (Meta) + lock → Plan. Pure: no calls, no disk."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flowops.diff.change import plan_flow
from flowops.diff.flow import Context
from flowops.errors import FlowopsError
from flowops.lock import LockEntry
from flowops.meta import DEPRECATED, DRAFT
from flowops.plan import Action, Change, FlowState, Plan, PlanOptions
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
    check_cap(changes, options.max_deprecations)
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


def check_cap(changes: list[Change], cap: int) -> None:
    doomed = [c.key for c in changes if c.pending and c.action in (Action.DEPRECATE, Action.DELETE)]
    if len(doomed) > cap:
        raise FlowopsError(
            f"this plan would deprecate or delete {len(doomed)} flows "
            f"({', '.join(doomed[:10])}), more than settings.max_deprecations ({cap})",
            hint="if that is intended, raise settings.max_deprecations in flows.yaml, or prune "
            "in smaller steps with --flow KEY",
        )

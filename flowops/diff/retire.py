"""Retiring the flows that clone-and-swap replaced, and the cap on deprecations per run.

A replaced flow stays live for ``settings.retire_after_hours`` so that bots still resolving
from an older lock or runtime snapshot keep sending a live flow; the first apply after that
deprecates it. Retirements share ``settings.max_deprecations`` with prunes: the prunes asked
for come first, retirements past the cap wait for a later apply.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from flowops.errors import FlowopsError
from flowops.lock import LockEntry, Retiring
from flowops.meta import DEPRECATED
from flowops.plan import Action, Change, FlowState, PlanOptions
from flowops.refresh import RemoteState

DOOMED = (Action.DEPRECATE, Action.DELETE)


def retirements(
    entries: Mapping[str, LockEntry],
    remote: RemoteState,
    options: PlanOptions,
    removed: frozenset[str],
    now: datetime,
) -> list[Change]:
    """One change per replaced flow still recorded as live; ``removed``: keys being pruned."""
    return [
        _retire(key, r, remote, options.retire_after_hours, now, key in removed)
        for key, entry in sorted(entries.items())
        if options.targeted(key)
        for r in entry.retiring
    ]


def _retire(
    key: str, r: Retiring, remote: RemoteState, hours: int, now: datetime, removed: bool
) -> Change:
    flow = remote.by_id.get(r.flow_id)
    before = FlowState(flow_id=r.flow_id, name=r.name, status=flow.status if flow else "")
    if (flow is None and remote.refreshed) or (flow and flow.status == DEPRECATED):
        state = flow.status if flow else "gone"
        why = f"{r.flow_id} ('{r.name}'), replaced by {key}, is {state} on Meta: drop it"
        return Change(key, Action.RETIRE, (Action.RETIRE,), (why,), before, bookkeeping=True)
    due = r.due(hours)
    if not removed and now < due:
        return Change(key, Action.RETIRE, (Action.RETIRE,), (_waiting(r, hours, due),), before,
                      irreversible=True, deferred=True)  # fmt: skip
    return Change(key, Action.RETIRE, (Action.RETIRE,), (_now(key, r, hours, removed),), before,
                  irreversible=True)  # fmt: skip


def _waiting(r: Retiring, hours: int, due: datetime) -> str:
    return (
        f"{r.flow_id} ('{r.name}') was replaced on {r.since} and stays live for bots still "
        f"resolving from an older lock or runtime snapshot; the first apply after "
        f"{due:%Y-%m-%d %H:%M} UTC deprecates it (settings.retire_after_hours: {hours})"
    )


def _now(key: str, r: Retiring, hours: int, removed: bool) -> str:
    why = (
        f"{key} is removed from flows.yaml (--prune)"
        if removed
        else f"replaced on {r.since}, more than {hours} h ago"
    )
    return (
        f"deprecate {r.flow_id} ('{r.name}'), the flow {key} replaced: {why}. A bot still "
        "sending it gets Meta's error from now on: every bot must run the current lock or "
        "runtime snapshot"
    )


def cap(changes: list[Change], limit: int) -> list[Change]:
    """Prunes past the cap are refused; retirements past it wait for a later apply."""
    doomed = [c.key for c in changes if c.pending and c.action in DOOMED]
    if len(doomed) > limit:
        raise FlowopsError(
            f"this plan would deprecate or delete {len(doomed)} flows "
            f"({', '.join(doomed[:10])}), more than settings.max_deprecations ({limit})",
            hint="if that is intended, raise settings.max_deprecations in flows.yaml, or prune "
            "in smaller steps with --flow KEY",
        )
    room = limit - len(doomed)
    out = []
    for change in changes:
        if change.action is Action.RETIRE and change.pending and change.irreversible:
            if room <= 0:
                change = _over_cap(change, limit)
            room -= 1
        out.append(change)
    return out


def _over_cap(change: Change, limit: int) -> Change:
    note = (
        f"waits for a later apply: this run already deprecates {limit} flow(s), "
        "settings.max_deprecations"
    )
    return replace(change, deferred=True, reasons=(*change.reasons, note))

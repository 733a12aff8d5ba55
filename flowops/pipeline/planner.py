"""Build a plan: read Meta (unless --refresh=false), then diff. The read phase of plan/apply."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

from flowops.apply import CountingAPI
from flowops.diff import diff, make_plan
from flowops.graph import FlowsAPI
from flowops.lock import ContentStore, LockEntry
from flowops.plan import CallEstimate, Plan, PlanOptions, estimate
from flowops.plan.model import CREATES
from flowops.refresh import DesiredFlow, RemoteState, fingerprint, from_lock, refresh


@dataclass(frozen=True)
class PlanInputs:
    env: str
    desired: dict[str, DesiredFlow]
    entries: dict[str, LockEntry]
    lock_sha256: str
    options: PlanOptions
    store: ContentStore | None = None
    concurrency: int = 8
    max_calls: int | None = None
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    def managed_ids(self) -> list[str]:
        return [e.flow_id for k, e in self.entries.items() if self.options.targeted(k)]

    def managed_names(self) -> list[str]:
        return [d.spec.name for k, d in self.desired.items() if self.options.targeted(k)]


def build_plan(inputs: PlanInputs, api: FlowsAPI | None) -> Plan:
    """``api=None`` plans from the lock alone (zero calls)."""
    counting = CountingAPI(api) if api is not None else None
    remote = read_remote(inputs, counting)
    changes = diff(
        inputs.desired, remote, inputs.entries, inputs.options, previous(inputs), inputs.now
    )
    print_ = remote_fingerprint(inputs, remote)
    calls = counting.total if counting else 0
    plan = make_plan(inputs.env, changes, inputs.lock_sha256, remote, print_, inputs.options, calls)
    return replace(plan, calls=apply_cost(plan, inputs, remote).to_dict())


def apply_cost(plan: Plan, inputs: PlanInputs, remote: RemoteState) -> CallEstimate:
    """Graph calls an apply of ``plan`` makes, against ``settings.max_calls``."""
    pending = plan.pending()
    added = sum(change.action in CREATES for change in pending)
    managed, on_meta = len(inputs.entries) + added, len(remote.by_id) + added
    return estimate(pending, managed, on_meta, inputs.max_calls)


def read_remote(inputs: PlanInputs, api: FlowsAPI | None) -> RemoteState:
    if api is None:
        return from_lock(inputs.entries)
    targeted = {k: d for k, d in inputs.desired.items() if inputs.options.targeted(k)}
    entries = {k: e for k, e in inputs.entries.items() if inputs.options.targeted(k)}
    return refresh(api, targeted, entries, inputs.concurrency)


def remote_fingerprint(inputs: PlanInputs, remote: RemoteState) -> str | None:
    if not remote.refreshed:
        return None
    return fingerprint(remote.by_id, inputs.managed_ids(), inputs.managed_names())


def previous(inputs: PlanInputs) -> Mapping[str, Any]:
    """Last-applied JSON of flows whose git content changed (for the per-screen diff)."""
    if inputs.store is None:
        return {}
    out = {}
    for key, d in inputs.desired.items():
        entry = inputs.entries.get(key)
        if entry and entry.content_sha256 and entry.content_sha256 != d.content_sha256:
            out[key] = inputs.store.get(entry.content_sha256, entry.file)
    return out

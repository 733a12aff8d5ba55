"""Read Meta: one paged list, plus a JSON download only for flows changed since the lock."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from flowops.graph import LIST_FIELDS, FlowsAPI, RemoteFlow
from flowops.lock import LockEntry, content_sha256, sha256_text
from flowops.refresh.desired import DesiredFlow


@dataclass(frozen=True)
class RemoteState:
    """What Meta holds for the flows flowops manages. ``docs`` holds downloaded JSON by id."""

    by_id: dict[str, RemoteFlow]
    refreshed: bool = True
    docs: dict[str, Any] = field(default_factory=dict)

    def by_name(self) -> dict[str, RemoteFlow]:
        return {f.name: f for f in self.by_id.values()}

    def content_sha256(self, flow_id: str) -> str | None:
        if flow_id not in self.docs:
            return None
        return content_sha256(self.docs[flow_id])


def list_remote(api: FlowsAPI, fields: tuple[str, ...] = LIST_FIELDS) -> dict[str, RemoteFlow]:
    return {flow.id: flow for flow in api.list_flows(fields)}


def refresh(
    api: FlowsAPI,
    desired: Mapping[str, DesiredFlow],
    entries: Mapping[str, LockEntry],
    concurrency: int = 8,
) -> RemoteState:
    flows = list_remote(api)
    ids = stale_ids(flows, desired, entries)
    return RemoteState(flows, True, download_all(api, ids, concurrency))


def from_lock(entries: Mapping[str, LockEntry]) -> RemoteState:
    """``--refresh=false``: believe the lock, make no calls."""
    flows = {e.flow_id: _from_entry(e) for e in entries.values() if e.flow_id}
    return RemoteState(flows, refreshed=False)


def _from_entry(entry: LockEntry) -> RemoteFlow:
    return RemoteFlow(
        id=entry.flow_id, name=entry.name, status=entry.status, updated_at=entry.updated_at
    )


def stale_ids(
    flows: Mapping[str, RemoteFlow],
    desired: Mapping[str, DesiredFlow],
    entries: Mapping[str, LockEntry],
) -> list[str]:
    """Flows whose JSON must be downloaded: changed on Meta since the lock, or to adopt
    (a flow under the manifest's name, or a clone an interrupted apply created)."""
    ids = [
        e.flow_id
        for e in entries.values()
        if e.flow_id in flows and flows[e.flow_id].updated_at != e.updated_at
    ]
    names = {f.name: f.id for f in flows.values()}
    ids += [names[e.clone_intent] for e in entries.values() if e.clone_intent in names]
    ids += [
        names[d.spec.name]
        for key, d in desired.items()
        if key not in entries and d.spec.name in names
    ]
    return sorted(set(ids))


def download_all(api: FlowsAPI, ids: Iterable[str], concurrency: int) -> dict[str, Any]:
    ids = list(ids)
    if not ids:
        return {}
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        docs = list(pool.map(lambda i: download_json(api, i), ids))
    return {i: d for i, d in zip(ids, docs, strict=True) if d is not None}


def download_json(api: FlowsAPI, flow_id: str) -> Any:
    """The flow's current Flow JSON, or ``None`` when Meta holds none (or not JSON)."""
    for asset in api.list_assets(flow_id):
        if asset.asset_type == "FLOW_JSON":
            try:
                return json.loads(api.download_asset(asset.download_url).decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                return {"__unreadable__": flow_id}
    return None


def fingerprint(flows: Mapping[str, RemoteFlow], ids: Iterable[str], names: Iterable[str]) -> str:
    """Digest of Meta's state for the managed flows: a saved plan is stale when it changes."""
    wanted = set(ids)
    named = set(names)
    rows = sorted(
        (
            f.id,
            f.name,
            f.status,
            f.updated_at or "",
            ",".join(sorted(f.categories)),
            f.endpoint_uri or "",
        )
        for f in flows.values()
        if f.id in wanted or f.name in named
    )
    return sha256_text(json.dumps(rows))

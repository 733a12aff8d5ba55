"""After the writes: Meta's updated_at/status of the flows touched go into the lock (a GET
each, or one paged list when that is fewer calls), so the next plan downloads nothing.
A live flow that a metadata edit put back into DRAFT is republished here (Meta's behaviour
for metadata edits on published flows is unverified).
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor

from flowops.apply.budget import BudgetExceeded
from flowops.apply.context import ApplyContext
from flowops.graph import GraphError, RemoteFlow
from flowops.lock import LockEntry
from flowops.meta import DRAFT, PUBLISHED
from flowops.plan import Action, Change
from flowops.plan.calls import change_calls, reads_one_by_one
from flowops.refresh import list_remote


def settle(ctx: ApplyContext, touched: Mapping[str, Change], concurrency: int = 8) -> None:
    try:
        flows = _read_back(ctx, touched, concurrency)
    except (GraphError, BudgetExceeded) as exc:
        ctx.progress(
            f"could not read Meta after the changes ({exc}); the lock is still "
            "truthful, the next plan re-reads the flows it changed"
        )
        return
    seen: dict[str, LockEntry] = {}
    for key, change in sorted(touched.items()):
        entry = ctx.entry(key)
        flow = flows.get(entry.flow_id) if entry else None
        if entry is None or flow is None:
            continue
        entry = entry.evolve(
            updated_at=flow.updated_at,
            status=flow.status,
            ever_published=entry.ever_published or flow.status == PUBLISHED,
        )
        if _reverted(change, flow.status, entry.ever_published):
            entry = _republish(ctx, key, entry)
        seen[key] = entry
    ctx.save_all(seen)


def _read_back(
    ctx: ApplyContext, touched: Mapping[str, Change], concurrency: int
) -> dict[str, RemoteFlow]:
    entries = (ctx.entry(key) for key, change in touched.items() if change_calls(change))
    ids = [entry.flow_id for entry in entries if entry is not None]
    if not reads_one_by_one(len(ids), len(ctx.lock.entries(ctx.env))):
        return list_remote(ctx.api)
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        return {flow.id: flow for flow in pool.map(ctx.api.get_flow, ids)}


def _reverted(change: Change, status: str, ever_published: bool) -> bool:
    after = change.after
    only_meta = not {Action.UPDATE_JSON, Action.PUBLISH} & set(change.steps)
    return bool(after and after.publish and status == DRAFT and ever_published and only_meta)


def _republish(ctx: ApplyContext, key: str, entry: LockEntry) -> LockEntry:
    try:
        ctx.api.publish(entry.flow_id)
    except (GraphError, BudgetExceeded) as exc:
        ctx.progress(f"{key}: still DRAFT after the metadata edit; publish failed: {exc}")
        return entry
    ctx.progress(f"{key}: republished (the metadata edit had put it back into DRAFT)")
    return entry.evolve(status=PUBLISHED, updated_at=None)

"""``flowops drift``: how Meta, the lock file and git disagree, explained per flow.

Three sources: Meta (what is live), ``flows.lock`` (what flowops last applied) and git (what
is wanted). Meta ≠ lock means someone changed Meta behind flowops' back; git ≠ lock means a
change is not applied yet. Both count as drift. Flows on Meta that flowops does not manage
are listed for information only (a shared WABA often holds some).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flowops.diff import link_changes
from flowops.drift.model import GIT, META, UNMANAGED, DriftItem, DriftReport
from flowops.graph import FlowsAPI, RemoteFlow
from flowops.lock import LockEntry, content_sha256, metadata_sha256
from flowops.lock import file as lockfile
from flowops.manifest import Environment, Manifest, flows_for
from flowops.meta import BLOCKED, THROTTLED
from flowops.paths import lock_path
from flowops.refresh import DesiredFlow, download_all, load_desired

HEALTH = frozenset({THROTTLED, BLOCKED})


def detect(
    manifest: Manifest, env: Environment, api: FlowsAPI, *, full: bool = False
) -> DriftReport:
    """Read Meta: one paged list, plus the JSON of flows whose ``updated_at`` moved
    (``full``: of every managed flow, in case Meta did not move ``updated_at``)."""
    entries = lockfile.load(lock_path(manifest.root, env)).entries(env.name)
    desired = load_desired(manifest, flows_for(manifest, env.name))
    remote = {flow.id: flow for flow in api.list_flows()}
    moved = [e.flow_id for e in entries.values() if _moved(remote.get(e.flow_id), e, full)]
    docs: dict[str, Any] = dict.fromkeys(moved)  # None = Meta holds no Flow JSON
    docs.update(download_all(api, moved, manifest.settings.concurrency))
    return compare(env.name, desired, entries, remote, docs)


def _moved(flow: RemoteFlow | None, entry: LockEntry, full: bool) -> bool:
    return flow is not None and (full or flow.updated_at != entry.updated_at)


def compare(
    env: str,
    desired: Mapping[str, DesiredFlow],
    entries: Mapping[str, LockEntry],
    remote: Mapping[str, RemoteFlow],
    docs: Mapping[str, Any],
) -> DriftReport:
    """Pure: every difference, Meta side first, then git side, then unmanaged flows."""
    items: list[DriftItem] = []
    for key, entry in sorted(entries.items()):
        items += _meta_side(key, entry, remote.get(entry.flow_id), desired.get(key), docs)
    by_name = {flow.name: flow.id for flow in remote.values()}
    for key in sorted(set(desired) | set(entries)):
        items += _git_side(key, desired.get(key), entries.get(key), by_name)
    items += _unmanaged(desired, entries, remote)
    order = {META: 0, GIT: 1, UNMANAGED: 2}
    return DriftReport(env, tuple(sorted(items, key=lambda i: order[i.side])))


def _meta_side(
    key: str,
    entry: LockEntry,
    flow: RemoteFlow | None,
    wanted: DesiredFlow | None,
    docs: Mapping[str, Any],
) -> list[DriftItem]:
    def item(kind: str, detail: str) -> DriftItem:
        return DriftItem(META, kind, key, entry.flow_id, entry.name, detail)

    if flow is None:
        return [item("deleted", "no longer exists on Meta (deleted outside flowops)")]
    found = []
    json_detail = _json_detail(entry, docs[flow.id]) if flow.id in docs else ""
    if json_detail:
        found.append(item("json_changed", json_detail))
    if entry.status and flow.status != entry.status:
        found.append(item("status_changed", _status_detail(entry.status, flow.status)))
    if flow.name != entry.name:
        found.append(item("renamed", f"renamed on Meta: '{entry.name}' → '{flow.name}'"))
    elif entry.metadata_sha256 and _remote_meta_sha(flow, wanted) != entry.metadata_sha256:
        shown = ", ".join(flow.categories) or "none"
        detail = f"categories or endpoint_uri changed on Meta (now: {shown}"
        found.append(item("metadata_changed", f"{detail}; {flow.endpoint_uri or 'no endpoint'})"))
    return found


def _json_detail(entry: LockEntry, doc: Any) -> str:
    if not entry.content_sha256:
        return ""
    if doc is None:
        return "Meta holds no Flow JSON for it any more"
    if content_sha256(doc) != entry.content_sha256:
        return "Flow JSON on Meta was edited outside flowops"
    return ""


def _status_detail(was: str, now: str) -> str:
    if now in HEALTH or was in HEALTH:
        return f"status {was} → {now} (Meta sets THROTTLED/BLOCKED from endpoint health)"
    return f"status changed outside flowops: {was} → {now}"


def _remote_meta_sha(flow: RemoteFlow, wanted: DesiredFlow | None) -> str:
    endpoint = flow.endpoint_uri if wanted is not None and wanted.spec.endpoint_uri else None
    return metadata_sha256(flow.name, flow.categories, endpoint)


def _git_side(
    key: str, wanted: DesiredFlow | None, entry: LockEntry | None, by_name: Mapping[str, str]
) -> list[DriftItem]:
    if wanted is None:
        assert entry is not None
        detail = "removed from flows.yaml; `flowops apply --prune` deprecates or deletes it"
        return [DriftItem(GIT, "removed_from_git", key, entry.flow_id, entry.name, detail)]
    name = wanted.spec.name
    if entry is None:
        found_id = by_name.get(name, "")
        detail = "in flows.yaml but never applied"
        if found_id:
            detail += f"; Meta has a flow of that name ({found_id}) that apply would adopt"
        return [DriftItem(GIT, "not_applied", key, found_id, name, detail)]
    return _not_applied(key, wanted, entry)


def _not_applied(key: str, wanted: DesiredFlow, entry: LockEntry) -> list[DriftItem]:
    """What flows.yaml or the Flow JSON changed since the lock recorded the last apply."""
    name = wanted.spec.name
    found = []
    if wanted.content_sha256 != entry.content_sha256:
        detail = f"{wanted.spec.file} changed in git since the last apply"
        found.append(DriftItem(GIT, "json_not_applied", key, entry.flow_id, name, detail))
    if wanted.metadata_sha256(entry) != entry.metadata_sha256:
        detail = "name, categories or endpoint_uri in flows.yaml changed since the last apply"
        found.append(DriftItem(GIT, "metadata_not_applied", key, entry.flow_id, name, detail))
    links = link_changes(wanted, entry)
    if links:
        detail = (
            f"changed in flows.yaml, not applied (the chatbot reads flows.lock): {', '.join(links)}"
        )
        found.append(DriftItem(GIT, "link_not_applied", key, entry.flow_id, name, detail))
    return found


def _unmanaged(
    desired: Mapping[str, DesiredFlow],
    entries: Mapping[str, LockEntry],
    remote: Mapping[str, RemoteFlow],
) -> list[DriftItem]:
    known = {e.flow_id for e in entries.values()}
    known |= {old for e in entries.values() for old in e.previous_flow_ids}
    names = {d.spec.name for d in desired.values()}
    strays = [f for f in remote.values() if f.id not in known and f.name not in names]
    return [
        DriftItem(UNMANAGED, "unmanaged", "", f.id, f.name, f"{f.status}; not in flows.yaml")
        for f in sorted(strays, key=lambda f: f.name)
    ]

"""The facts that decide one flow's steps: what differs between git, the lock and Meta."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flowops.diff.flow import Context, remote_metadata, want_publish
from flowops.diff.wording import changed_fields
from flowops.graph import RemoteFlow
from flowops.lock import LockEntry
from flowops.meta import DRAFT, LIVE, PUBLISHED
from flowops.plan import PlanOptions
from flowops.refresh import DesiredFlow


@dataclass(frozen=True)
class Facts:
    remote_sha: str
    need_upload: bool
    need_meta: bool
    rename: bool
    publish: bool
    drift: bool


def facts(
    d: DesiredFlow, entry: LockEntry, flow: RemoteFlow, ctx: Context, reasons: list[str]
) -> Facts:
    opts, refreshed = ctx.options, ctx.remote.refreshed
    remote_sha = ctx.remote.content_sha256(flow.id) or entry.content_sha256
    force = opts.force and opts.targeted(d.key)
    drift = _drift_reasons(entry, flow, remote_sha, refreshed, reasons)
    need_upload = force or remote_sha != d.content_sha256
    if need_upload:
        reasons.append(_upload_reason(d, entry, remote_sha, force))
    meta, meta_sha = remote_metadata(flow, d, entry, refreshed)
    need_meta = meta_sha != d.metadata_sha256(entry)
    rename = need_meta and d.meta_name(entry) != flow.name
    if need_meta:
        reasons.append(_meta_reason(meta, d.metadata(entry), rename))
    # Meta documents that a metadata edit also puts a published flow back into DRAFT.
    edits_live = need_meta and flow.status == PUBLISHED
    # --force republishes a live flow even where flows.yaml says publish: false.
    wanted = want_publish(d, opts) or (force and flow.status in LIVE)
    publish = wanted and (need_upload or flow.status == DRAFT or force or edits_live)
    if publish and flow.status == DRAFT and not need_upload:
        reasons.append(f"DRAFT on Meta and {_who_publishes(d, opts, force)}")
    return Facts(remote_sha, need_upload, need_meta, rename, publish, drift)


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


def _meta_reason(old: dict[str, Any], new: dict[str, Any], rename: bool) -> str:
    fields = changed_fields(("name", "categories", "endpoint_uri"), old, new)
    what = "rename (same flow id)" if rename else "metadata differs"
    return f"{what}: {', '.join(fields)}" if fields else what


def live_edit_reason(f: Facts, publish_command: str) -> str:
    """What an in-place edit of a live flow does to the users of the flow;
    ``publish_command`` publishes it (``flowops apply --flow KEY --publish``)."""
    if f.publish:
        return (
            "in place: the edit puts the flow back into DRAFT while its last published "
            "version keeps serving, then it is republished"
        )
    return (
        "publish: false: the edit leaves the flow in DRAFT; its last published version "
        f"keeps serving until it is published (`{publish_command}`)"
    )


def _upload_reason(d: DesiredFlow, entry: LockEntry, remote_sha: str, force: bool) -> str:
    if remote_sha == d.content_sha256:
        return "--force: re-upload unchanged Flow JSON"
    if entry.content_sha256 and entry.content_sha256 != d.content_sha256:
        return f"Flow JSON changed in git ({d.spec.file})"
    return f"Flow JSON on Meta differs from {d.spec.file}"


def _who_publishes(d: DesiredFlow, opts: PlanOptions, force: bool) -> str:
    """What asked for an irreversible publish: flows.yaml, --publish or --force."""
    if d.spec.publish:
        return "flows.yaml says publish"
    if opts.publish and opts.targeted(d.key):
        return "--publish asks to publish it (publish: false in flows.yaml)"
    return "--force republishes it (publish: false in flows.yaml)"

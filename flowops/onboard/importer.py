"""``flowops import``: adopt flows that already exist on Meta.

Each chosen flow's JSON is downloaded byte for byte into ``whatsapp_flows/<key>.json``, an entry
is appended to flows.yaml (as text, comments kept), and the lock records what Meta holds, so a
``flowops plan`` right after shows no changes. Nothing is overwritten: keys and file names that
are taken get a numbered suffix. If the manifest does not load afterwards, every file written
is removed and flows.yaml is restored.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from flowops.apply import apply_lock
from flowops.graph import FlowsAPI, RemoteFlow
from flowops.lock import LockEntry, content_sha256_of_bytes
from flowops.lock import file as lockfile
from flowops.manifest import Environment, Manifest, append_flows, flows_for, load
from flowops.meta import DEPRECATED, LIVE
from flowops.onboard.select import Candidate, choose, unique_key
from flowops.paths import apply_lock_path, lock_path
from flowops.refresh import DesiredFlow, load_one

FLOWS_DIR = "whatsapp_flows"


@dataclass(frozen=True)
class Imported:
    key: str
    name: str
    flow_id: str
    status: str
    file: str


@dataclass
class ImportResult:
    imported: list[Imported] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (flow name, why)


def import_flows(
    manifest_path: Path, env: Environment, api: FlowsAPI, names: Sequence[str], all_flows: bool
) -> ImportResult:
    manifest = load(manifest_path)
    with apply_lock(apply_lock_path(manifest.root, env)):  # an apply rewrites the same lock
        lock = lockfile.load(lock_path(manifest.root, env))
        remote = list(api.list_flows())
        picked, skipped = choose(remote, names, all_flows, _managed(manifest, env, lock))
        candidates, failed = _fetch_all(api, picked, manifest.settings.concurrency)
        result = ImportResult(skipped=skipped + failed)
        if candidates:
            _name_candidates(candidates, manifest)
            result.imported = _write_all(manifest, env, lock, candidates)
    return result


def _managed(manifest: Manifest, env: Environment, lock: lockfile.Lock) -> dict[str, str]:
    """Flow name or id → the key that already manages it."""
    owners = {spec.name: key for key, spec in flows_for(manifest, env.name).items()}
    for key, entry in lock.entries(env.name).items():
        owners[entry.flow_id] = key
        owners.update({old: key for old in entry.previous_flow_ids})
    return owners


def _fetch_all(
    api: FlowsAPI, flows: list[RemoteFlow], concurrency: int
) -> tuple[list[Candidate], list[tuple[str, str]]]:
    """Downloads in parallel (two calls per flow); keeps Meta's order."""
    if not flows:
        return [], []
    with ThreadPoolExecutor(max_workers=max(1, min(concurrency, len(flows)))) as pool:
        fetched = list(pool.map(lambda flow: _fetch(api, flow), flows))
    candidates = [c for c in fetched if isinstance(c, Candidate)]
    failed = [(f.name, why) for f, why in zip(flows, fetched, strict=True) if isinstance(why, str)]
    return candidates, failed


def _fetch(api: FlowsAPI, flow: RemoteFlow) -> Candidate | str:
    """The flow with its exact bytes, or why it cannot be imported."""
    assets = [a for a in api.list_assets(flow.id) if a.asset_type == "FLOW_JSON"]
    if not assets:
        return "Meta holds no Flow JSON for it"
    raw = api.download_asset(assets[0].download_url)
    if content_sha256_of_bytes(raw) is None:
        return "its Flow JSON on Meta is not valid JSON"
    return Candidate(flow, raw)


def _name_candidates(candidates: list[Candidate], manifest: Manifest) -> None:
    taken = set(manifest.flows)
    for c in candidates:
        c.key = unique_key(c.flow.name, taken, manifest.root / FLOWS_DIR)
        taken.add(c.key)
        c.file = f"{FLOWS_DIR}/{c.key}.json"


def _write_all(
    manifest: Manifest, env: Environment, lock: lockfile.Lock, candidates: list[Candidate]
) -> list[Imported]:
    original = manifest.path.read_text(encoding="utf-8")
    written: list[Path] = []
    try:
        for c in candidates:
            written.append(_write_new(manifest.root / c.file, c.raw))
        entries = [(c.key, c.manifest_values(), c.comment()) for c in candidates]
        manifest.path.write_text(append_flows(original, entries), encoding="utf-8")
        updated = load(manifest.path)
        specs = flows_for(updated, env.name)
        for c in candidates:
            lock.put(env.name, c.key, lock_entry(load_one(updated, specs[c.key]), c.flow))
    except BaseException:
        _undo(manifest.path, original, written)
        raise
    lockfile.save(lock, lock_path(manifest.root, env))
    return [Imported(c.key, c.flow.name, c.flow.id, c.flow.status, c.file) for c in candidates]


def _write_new(path: Path, raw: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("xb") as handle:
        handle.write(raw)
    return path


def _undo(manifest_path: Path, original: str, written: list[Path]) -> None:
    manifest_path.write_text(original, encoding="utf-8")
    for path in written:
        path.unlink(missing_ok=True)


def lock_entry(desired: DesiredFlow, flow: RemoteFlow) -> LockEntry:
    """What apply would have recorded had it created this flow itself."""
    spec = desired.spec
    return LockEntry.from_dict(
        {
            "flow_id": flow.id,
            "name": flow.name,
            "content_sha256": desired.content_sha256,
            "metadata_sha256": desired.metadata_sha256(None),
            "status": flow.status,
            "ever_published": flow.status in LIVE or flow.status == DEPRECATED,
            "updated_at": flow.updated_at,
            "protect": spec.protect,
            "flow_definition_name": spec.flow_definition_name,
            "is_active": spec.is_active,
            "entry_screen": desired.entry_screen,
            "file": spec.file,
            "manifest_name": spec.name,
        }
    )


def require_env(manifest_path: Path, env_name: str) -> Environment:
    return load(manifest_path).environment(env_name)

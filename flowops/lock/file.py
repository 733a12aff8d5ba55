"""flows.lock: what flowops last applied, per environment and flow key.

Deterministic (sorted keys, two-space indent, trailing newline) and written atomically
(temp file in the same folder, then ``os.replace``), so a crash never leaves half a file.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from flowops.errors import LockfileError
from flowops.lock import journal
from flowops.meta import DRAFT

FORMAT_VERSION = 2  # the newest format this flowops reads and writes
BASE_VERSION = 1  # written while no entry needs version 2, so older bots keep reading it
HEADER = "Maintained by flowops apply. Do not edit by hand; commit it with your flows."


@dataclass(frozen=True)
class Retiring:
    """A flow replaced by clone-and-swap, still live for bots on an older lock or snapshot.

    A later apply deprecates it once ``settings.retire_after_hours`` have passed ``since``.
    """

    flow_id: str
    name: str
    since: str  # UTC, ``2026-01-31T12:00:00Z``

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Retiring:
        return cls(str(data["flow_id"]), str(data["name"]), str(data["since"]))

    def due(self, hours: int) -> datetime:
        """When a later apply may deprecate it (an unreadable ``since``: at once)."""
        try:
            since = datetime.strptime(self.since, STAMP).replace(tzinfo=timezone.utc)
        except ValueError:
            return datetime.min.replace(tzinfo=timezone.utc)
        return since + timedelta(hours=hours)


STAMP = "%Y-%m-%dT%H:%M:%SZ"


def utc_stamp(moment: datetime | None = None) -> str:
    return (moment or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime(STAMP)


@dataclass(frozen=True)
class LockEntry:
    """What flowops knows about one flow on Meta after its last successful step."""

    flow_id: str
    name: str
    content_sha256: str = ""
    metadata_sha256: str = ""
    status: str = DRAFT
    ever_published: bool = False
    updated_at: str | None = None
    protect: bool = False
    flow_definition_name: str | None = None
    is_active: bool = True
    entry_screen: str | None = None
    file: str = ""
    previous_flow_ids: tuple[str, ...] = ()
    manifest_name: str = (
        ""  # the name in flows.yaml when applied (differs from ``name`` after a clone)
    )
    retiring: tuple[Retiring, ...] = ()  # replaced flows still live (format 2)
    clone_intent: str = ""  # a clone's name, recorded before creating it (format 2)

    @property
    def needs_v2(self) -> bool:
        return bool(self.retiring or self.clone_intent)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["previous_flow_ids"] = list(self.previous_flow_ids)
        data["retiring"] = [asdict(r) for r in self.retiring]
        if not self.needs_v2:  # a version 1 entry, byte for byte
            del data["retiring"], data["clone_intent"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LockEntry:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["previous_flow_ids"] = tuple(values.get("previous_flow_ids", ()))
        values["retiring"] = tuple(Retiring.from_dict(r) for r in values.get("retiring", ()))
        return cls(**values)

    def without_retiring(self, flow_id: str) -> LockEntry:
        return replace(self, retiring=tuple(r for r in self.retiring if r.flow_id != flow_id))

    def evolve(self, **changes: Any) -> LockEntry:
        return replace(self, **changes)


@dataclass
class Lock:
    """All environments' entries. Mutable on purpose: apply updates it step by step."""

    environments: dict[str, dict[str, LockEntry]] = field(default_factory=dict)

    def entries(self, env: str) -> dict[str, LockEntry]:
        return self.environments.setdefault(env, {})

    def get(self, env: str, key: str) -> LockEntry | None:
        return self.environments.get(env, {}).get(key)

    def put(self, env: str, key: str, entry: LockEntry) -> None:
        self.entries(env)[key] = entry

    def remove(self, env: str, key: str) -> None:
        self.environments.get(env, {}).pop(key, None)

    def digest(self, env: str) -> str:
        """sha256 of one environment's entries: a saved plan is stale when it changes."""
        flows = {key: e.to_dict() for key, e in self.environments.get(env, {}).items()}
        text = json.dumps(flows, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def version(self) -> int:
        """The lowest format that holds every entry: 2 only while one needs it."""
        needs = any(e.needs_v2 for flows in self.environments.values() for e in flows.values())
        return FORMAT_VERSION if needs else BASE_VERSION

    def to_dict(self) -> dict[str, Any]:
        envs = {
            env: {"flows": {key: e.to_dict() for key, e in sorted(flows.items())}}
            for env, flows in sorted(self.environments.items())
            if flows
        }
        return {"_comment": HEADER, "version": self.version(), "environments": envs}

    def dumps(self) -> str:
        """Same text as ``json.dumps(self.to_dict(), indent=2, sort_keys=True)``, built from
        per-entry pieces cached by value."""
        envs = [
            f'    {_text(env)}: {{\n      "flows": {{\n'
            + ",\n".join(f"        {_text(k)}: {_entry_text(e)}" for k, e in sorted(flows.items()))
            + "\n      }\n    }"
            for env, flows in sorted(self.environments.items())
            if flows
        ]
        body = "{\n" + ",\n".join(envs) + "\n  }" if envs else "{}"
        return (
            f'{{\n  "_comment": {_text(HEADER)},\n  "environments": {body},\n'
            f'  "version": {self.version()}\n}}\n'
        )


def _text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


@functools.lru_cache(maxsize=4096)
def _entry_text(entry: LockEntry) -> str:
    text = json.dumps(entry.to_dict(), indent=2, sort_keys=True, ensure_ascii=False)
    return text.replace("\n", "\n        ")


def parse(text: str, source: str = "flows.lock") -> Lock:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LockfileError(
            f"{source}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})",
            hint="restore it from git (git checkout -- flows.lock); flowops rewrites it on apply",
        ) from None
    _check_version(data, source)
    return _from_dict(data, source)


def _check_version(data: Any, source: str) -> None:
    version = data.get("version") if isinstance(data, dict) else None
    if type(version) is int and version > FORMAT_VERSION:
        raise LockfileError(
            f"{source}: written by a newer flowops (lock format {version}; this flowops reads "
            f"formats {BASE_VERSION} to {FORMAT_VERSION})",
            hint="upgrade flowops here (bots and CI alike) to the release that wrote it",
        )
    if type(version) is not int or version < BASE_VERSION:
        raise LockfileError(
            f"{source}: not a flowops lock file (no lock format version {BASE_VERSION} to "
            f"{FORMAT_VERSION})",
            hint="restore it from git (git checkout -- flows.lock); flowops rewrites it on apply",
        )


def _from_dict(data: dict[str, Any], source: str) -> Lock:
    lock = Lock()
    try:
        for env, body in data.get("environments", {}).items():
            for key, entry in body.get("flows", {}).items():
                lock.put(env, key, LockEntry.from_dict(entry))
    except (AttributeError, TypeError, KeyError) as exc:
        raise LockfileError(f"{source}: malformed entry ({exc})") from None
    return lock


def load(path: Path) -> Lock:
    """Read a lock file (a missing one is empty) and replay the apply journal beside it."""
    lock = _read(path)
    for env, key, data in journal.read(path) or ():
        _replay(lock, env, key, data, journal.journal_path(path))
    return lock


def _read(path: Path) -> Lock:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Lock()
    except OSError as exc:
        raise LockfileError(f"{path}: cannot read ({exc.strerror})") from None
    return parse(text, str(path))


def _replay(lock: Lock, env: str, key: str, data: dict[str, Any] | None, source: Path) -> None:
    if data is None:
        lock.remove(env, key)
        return
    try:
        lock.put(env, key, LockEntry.from_dict(data))
    except (AttributeError, TypeError) as exc:
        raise LockfileError(f"{source}: malformed entry for {key} ({exc})") from None


def save(lock: Lock, path: Path) -> None:
    """Write atomically: readers see the old file or the new one, never a mix. ``lock``
    came from ``load``, so it holds the apply journal's steps: the journal goes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(lock.dumps())
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    journal.discard(path)


def _read_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


_UMASK = _read_umask()  # read once at import: os.umask is process-wide, apply is threaded


def _mode(path: Path) -> int:
    """Keep an existing file's mode; a new one is ``rw-r--r--`` less the umask (not the
    temp file's private ``rw-------``: flows.lock is committed and read by CI)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o644 & ~_UMASK

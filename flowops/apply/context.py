"""Everything an apply step needs, and the one place that records steps in the lock."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from flowops.apply.budget import CountingAPI
from flowops.graph import ValidationError
from flowops.lock import ContentStore, Lock, LockEntry, metadata_sha256
from flowops.lock import file as lockfile
from flowops.lock.journal import Journal
from flowops.meta import PUBLISHED
from flowops.plan import Action, Change, FlowState
from flowops.problems import Problem
from flowops.refresh import DesiredFlow

Progress = Callable[[str], None]
StepHook = Callable[[str, Action], None]


class StepFailed(Exception):
    """One flow's step failed; other flows go on. ``problems`` point into the git file."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems


@dataclass
class ApplyContext:
    api: CountingAPI
    lock: Lock
    env: str
    lock_path: Path
    desired: Mapping[str, DesiredFlow]
    store: ContentStore | None = None
    clone_name_suffix: str = "__v{n}"
    progress: Progress = lambda line: None
    before_step: StepHook | None = None
    journal: Journal = field(init=False)
    _mutex: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.journal = Journal(self.lock_path)

    def entry(self, key: str) -> LockEntry | None:
        with self._mutex:
            return self.lock.get(self.env, key)

    def save(self, key: str, entry: LockEntry | None) -> None:
        """Record one finished step: durable in the journal when this returns."""
        self.save_all({key: entry})

    def save_all(self, entries: Mapping[str, LockEntry | None]) -> None:
        with self._mutex:
            for key, entry in entries.items():
                if entry is None:
                    self.lock.remove(self.env, key)
                else:
                    self.lock.put(self.env, key, entry)
        flows = {key: None if e is None else e.to_dict() for key, e in entries.items()}
        self.journal.record(self.env, flows)

    def fold(self) -> None:
        """Write the whole lock once (it replaces the journal), if anything was recorded."""
        self.journal.close()
        if self.journal.written or self.journal.path.exists():
            with self._mutex:
                lockfile.save(self.lock, self.lock_path)

    def raw(self, key: str) -> bytes:
        return self.desired[key].raw

    def remember(self, key: str) -> None:
        if self.store is not None and key in self.desired:
            d = self.desired[key]
            self.store.put(d.content_sha256, d.raw)


def after_of(change: Change) -> FlowState:
    assert change.after is not None
    return change.after


def current_entry(entry: LockEntry | None, change: Change) -> LockEntry:
    if entry is None:
        raise StepFailed(f"{change.key}: not in the lock any more; re-plan")
    return entry


def as_on_meta(cur: LockEntry, change: Change) -> LockEntry:
    """The lock entry with the Flow JSON hash Meta holds, as the plan read it.

    An apply killed after an upload but before recording it leaves the old hash in the lock;
    a later step that uploads nothing (publish, metadata) records what Meta really has, so
    the next plan does not upload and publish the same content again.
    """
    before = change.before
    if Action.UPDATE_JSON in change.steps or before is None or before.flow_id != cur.flow_id:
        return cur
    return cur.evolve(content_sha256=before.content_sha256 or cur.content_sha256)


def with_links(entry: LockEntry, after: FlowState) -> LockEntry:
    """flowops-side fields (runtime links, protect, file) come from git."""
    return entry.evolve(
        protect=after.protect,
        flow_definition_name=after.flow_definition_name,
        is_active=after.is_active,
        entry_screen=after.entry_screen,
        file=after.file,
        manifest_name=after.manifest_name,
    )


def new_entry(after: FlowState, flow_id: str, status: str, **extra: object) -> LockEntry:
    meta = after.metadata
    entry = LockEntry(
        flow_id=flow_id,
        name=after.name,
        content_sha256=after.content_sha256,
        metadata_sha256=metadata_sha256(meta["name"], meta["categories"], meta["endpoint_uri"]),
        status=status,
        ever_published=status == PUBLISHED,
    )
    return with_links(entry.evolve(**extra), after)


def meta_problems(file: str, errors: tuple[ValidationError, ...]) -> tuple[Problem, ...]:
    """Meta's validation_errors point into the uploaded bytes, which are the git file's."""
    return tuple(
        Problem(
            file,
            e.line_start or 0,
            e.column_start or 0,
            e.error or "META_VALIDATION",
            e.message or e.error or "invalid Flow JSON",
        )
        for e in errors
    )

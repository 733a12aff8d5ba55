"""The plan as plain, frozen data: what would change per flow, and why.

``Plan.to_dict`` is the one serialisation: ``--format json`` prints it, ``--out`` saves it,
and the text and markdown renderers read it. Nothing here talks to Meta or the disk.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field, fields
from typing import Any

FORMAT_VERSION = 2  # 2: warnings, book-keeping changes, retirements


class Action(str, enum.Enum):
    CREATE = "create"
    ADOPT = "adopt"
    UPDATE_JSON = "update_json"
    UPDATE_METADATA = "update_metadata"
    RENAME = "rename"
    PUBLISH = "publish"
    EDIT_PUBLISHED = "edit_published"
    REPLACE = "replace"
    LINK_ONLY = "link_only"
    DEPRECATE = "deprecate"
    DELETE = "delete"
    FORGET = "forget"
    RETIRE = "retire"  # deprecate a flow that clone-and-swap replaced, after the grace period
    NOOP = "noop"


CREATES = frozenset({Action.CREATE, Action.REPLACE})
REMOVALS = frozenset({Action.DEPRECATE, Action.RETIRE})
PRUNES = frozenset({Action.DEPRECATE, Action.DELETE, Action.FORGET})
LATER = PRUNES | {Action.RETIRE}  # applied after every create and update


@dataclass(frozen=True)
class FlowState:
    """One side of a change. ``metadata`` is ``{name, categories, endpoint_uri}``."""

    flow_id: str = ""
    name: str = ""
    status: str = ""
    content_sha256: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    ever_published: bool = False
    publish: bool = False
    file: str = ""
    manifest_name: str = ""
    flow_definition_name: str | None = None
    is_active: bool = True
    protect: bool = False
    entry_screen: str | None = None
    updated_at: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FlowState:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(frozen=True)
class ScreenDiff:
    screen: str
    kind: str  # "added" | "removed" | "changed"
    diff: str


@dataclass(frozen=True)
class Change:
    key: str
    action: Action
    steps: tuple[Action, ...] = ()
    reasons: tuple[str, ...] = ()
    before: FlowState | None = None
    after: FlowState | None = None
    irreversible: bool = False
    deferred: bool = False
    drift: bool = False
    screens: tuple[ScreenDiff, ...] = ()
    bookkeeping: bool = False  # only records Meta's updated_at/status: not a change to review

    @property
    def pending(self) -> bool:
        """True when apply would do something (API calls or a lock update)."""
        return self.action is not Action.NOOP and not self.deferred

    @property
    def reviewable(self) -> bool:
        """A change a person reviews: pending, and more than book-keeping."""
        return self.pending and not self.bookkeeping

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["action"] = self.action.value
        data["steps"] = [s.value for s in self.steps]
        data["reasons"] = list(self.reasons)
        data["screens"] = [asdict(s) for s in self.screens]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Change:
        return cls(
            key=data["key"],
            action=Action(data["action"]),
            steps=tuple(Action(s) for s in data.get("steps", ())),
            reasons=tuple(data.get("reasons", ())),
            before=_state(data.get("before")),
            after=_state(data.get("after")),
            irreversible=bool(data.get("irreversible", False)),
            deferred=bool(data.get("deferred", False)),
            drift=bool(data.get("drift", False)),
            screens=tuple(ScreenDiff(**s) for s in data.get("screens", ())),
            bookkeeping=bool(data.get("bookkeeping", False)),
        )


def _state(data: dict[str, Any] | None) -> FlowState | None:
    return None if data is None else FlowState.from_dict(data)


@dataclass(frozen=True)
class Plan:
    env: str
    changes: tuple[Change, ...]
    lock_sha256: str
    remote_fingerprint: str | None = None
    refreshed: bool = True
    read_calls: int = 0
    options: dict[str, Any] = field(default_factory=dict)
    format_version: int = FORMAT_VERSION
    calls: dict[str, Any] = field(default_factory=dict)  # CallEstimate.to_dict(): what apply costs
    warnings: tuple[dict[str, Any], ...] = ()  # validation warnings, as Problem dicts

    @property
    def has_changes(self) -> bool:
        """Changes a person reviews; book-keeping alone is applied without asking."""
        return any(c.reviewable for c in self.changes)

    def pending(self) -> list[Change]:
        return [c for c in self.changes if c.pending]

    def counts(self) -> dict[str, int]:
        pending = [c for c in self.changes if c.reviewable]
        retire = [c for c in self.changes if c.action is Action.RETIRE]
        return {
            "create": sum(c.action in CREATES for c in pending),
            "update": sum(c.action not in CREATES | LATER for c in pending),
            "deprecate": sum(c.action in REMOVALS and c.irreversible for c in pending),
            "delete": sum(c.action is Action.DELETE for c in pending),
            "forget": sum(c.action is Action.FORGET for c in pending),
            "deferred": sum(c.deferred and c.action is not Action.RETIRE for c in self.changes),
            "retire_later": sum(c.deferred for c in retire),
            "unchanged": sum(c.action is Action.NOOP or c.bookkeeping for c in self.changes),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "format_version": self.format_version,
            "env": self.env,
            "lock_sha256": self.lock_sha256,
            "remote_fingerprint": self.remote_fingerprint,
            "refreshed": self.refreshed,
            "read_calls": self.read_calls,
            "options": dict(self.options),
            "summary": self.counts(),
            "has_changes": self.has_changes,
            "calls": dict(self.calls),
            "warnings": [dict(w) for w in self.warnings],
            "changes": [c.to_dict() for c in self.changes],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Plan:
        return cls(
            env=data["env"],
            changes=tuple(Change.from_dict(c) for c in data["changes"]),
            lock_sha256=data["lock_sha256"],
            remote_fingerprint=data.get("remote_fingerprint"),
            refreshed=bool(data.get("refreshed", True)),
            read_calls=int(data.get("read_calls", 0)),
            options=dict(data.get("options", {})),
            format_version=int(data["format_version"]),
            calls=dict(data.get("calls") or {}),
            warnings=tuple(dict(w) for w in data.get("warnings", ())),
        )

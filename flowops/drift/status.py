"""`flowops status`: per flow, is it on Meta, in sync with git, and would the runtime use it?"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from flowops.graph import RemoteFlow
from flowops.lock import LockEntry
from flowops.meta import DRAFT, PUBLISHED, THROTTLED, THROTTLED_MESSAGES_PER_HOUR, servable
from flowops.refresh import DesiredFlow


@dataclass(frozen=True)
class StatusRow:
    key: str
    name: str
    flow_id: str
    status: str
    published: bool
    linked_to: str | None
    link_exists: bool | None  # None when no catalogue of traditional flows is configured
    active: bool
    in_manifest: bool
    in_sync: bool
    usable: bool
    because: str
    flagged: bool = False
    differs: tuple[str, ...] = ()  # what git changed since the last apply (when not in sync)
    can_send_message: str | None = None  # Meta's health_status (status --refresh only)
    health_problems: tuple[str, ...] = ()  # the entities that are not AVAILABLE, and why
    retiring: tuple[dict[str, str], ...] = ()  # replaced flows still live: flow_id, name, since

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def usable(entry: LockEntry | None, status: str) -> tuple[bool, str, bool]:
    """The runtime rule: (usable, because, flagged)."""
    if entry is None or not entry.flow_id:
        return False, "not applied yet: no Meta flow id in the lock", False
    if not entry.flow_definition_name:
        return False, "not linked to a traditional flow (a reusable component)", False
    if not entry.is_active:
        return False, "is_active is false", False
    if not servable(status, entry.ever_published):
        return False, _unservable(status), False
    if status == THROTTLED:
        capped = f"sending is capped at {THROTTLED_MESSAGES_PER_HOUR}/hour"
        return True, f"THROTTLED by Meta: still opens, but {capped}", True
    if status == DRAFT:
        return True, "an edit is pending (DRAFT); the last published version serves", False
    return True, "published and active", False


def _unservable(status: str) -> str:
    if status == DRAFT:
        return "a DRAFT that was never published"
    return f"{status} on Meta: cannot be sent"


def status_rows(
    desired: Mapping[str, DesiredFlow],
    entries: Mapping[str, LockEntry],
    catalogue: frozenset[str] | None,
    remote: Mapping[str, RemoteFlow] | None = None,
) -> list[StatusRow]:
    keys = sorted(set(desired) | set(entries))
    return [_row(k, desired.get(k), entries.get(k), catalogue, remote) for k in keys]


def _row(
    key: str,
    d: DesiredFlow | None,
    entry: LockEntry | None,
    catalogue: frozenset[str] | None,
    remote: Mapping[str, RemoteFlow] | None,
) -> StatusRow:
    status = entry.status if entry else ""
    flow = remote.get(entry.flow_id) if remote is not None and entry is not None else None
    if remote is not None and entry is not None:
        status = flow.status if flow else "(gone from Meta)"
    health = flow.health if flow else None
    ok, because, flagged = usable(entry, status)
    link = entry.flow_definition_name if entry else (d.spec.flow_definition_name if d else None)
    differs = _differs(d, entry)
    return StatusRow(
        key=key,
        name=entry.name if entry else (d.spec.name if d else ""),
        flow_id=entry.flow_id if entry else "",
        status=status or "(not applied)",
        published=status in (PUBLISHED, THROTTLED),
        linked_to=link,
        link_exists=(link in catalogue) if (link and catalogue is not None) else None,
        active=entry.is_active if entry else bool(d and d.spec.is_active),
        in_manifest=d is not None,
        in_sync=d is not None and entry is not None and not differs,
        usable=ok,
        because=because,
        flagged=flagged,
        differs=differs,
        can_send_message=health.can_send_message if health else None,
        health_problems=health.problems if health else (),
        retiring=tuple(asdict(r) for r in entry.retiring) if entry else (),
    )


def _differs(d: DesiredFlow | None, entry: LockEntry | None) -> tuple[str, ...]:
    """What git has that the last apply did not record: ``("Flow JSON", "is_active")``."""
    if d is None or entry is None:
        return ()
    spec = d.spec
    now = (spec.flow_definition_name, spec.is_active, spec.protect, d.entry_screen)
    was = (entry.flow_definition_name, entry.is_active, entry.protect, entry.entry_screen)
    names = ("flow_definition_name", "is_active", "protect", "entry_screen")
    found = ["Flow JSON"] if entry.content_sha256 != d.content_sha256 else []
    if entry.metadata_sha256 != d.metadata_sha256(entry):
        found.append("name/categories/endpoint_uri")
    found += [n for n, a, b in zip(names, was, now, strict=True) if a != b]
    return tuple(found)

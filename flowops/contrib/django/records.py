"""Read-only records of every managed flow, shaped like the old ``WhatsAppFlow`` model.

``flows.filter(is_active=True, sync_status="published")`` and ``flows.get(name=...)`` work as
before; ``sync_status == "published"`` means exactly that the runtime would send the flow
(it has a Meta id and is PUBLISHED, THROTTLED, or a published flow with a pending edit).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.exceptions import MultipleObjectsReturned, ObjectDoesNotExist

from flowops.contrib.django import bridge, conf
from flowops.meta import BLOCKED, DEPRECATED


class RecordDoesNotExist(ObjectDoesNotExist):
    pass


class MultipleRecordsReturned(MultipleObjectsReturned):
    pass


@dataclass(frozen=True)
class FlowRecord:
    name: str  # the key in flows.yaml (the old model's unique ``name``)
    meta_name: str
    friendly_name: str
    description: str
    flow_id: str | None
    status: str  # Meta's status as the lock last saw it
    sync_status: str  # draft | published | deprecated | error
    sync_error: str
    is_active: bool
    flow_definition_name: str | None
    previous_flow_ids: tuple[str, ...]
    last_synced_at: datetime | None
    file: Path | None

    DoesNotExist = RecordDoesNotExist
    MultipleObjectsReturned = MultipleRecordsReturned

    @cached_property
    def flow_definition(self) -> Any:
        """The traditional ``Flow`` row (``TRADITIONAL_FLOW_MODEL``), or None; queried once."""
        model_name = conf.get().traditional_flow_model
        if not model_name or not self.flow_definition_name:
            return None
        model = apps.get_model(model_name)
        return model._default_manager.filter(name=self.flow_definition_name).first()

    @cached_property
    def flow_json(self) -> dict[str, Any] | None:
        if self.file is None:
            return None
        data = json.loads(self.file.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else None


FIELDS = frozenset(f.name for f in fields(FlowRecord))


def sync_status(entry: bridge.LockEntry, key: str) -> tuple[str, str]:
    """(sync_status, sync_error) in the old model's words."""
    if not entry.flow_id:
        return "draft", ""
    if bridge.servable(entry):
        return "published", ""
    if entry.status == DEPRECATED:
        return "deprecated", ""
    if entry.status == BLOCKED:
        return "error", "BLOCKED by Meta: the flow cannot be sent or opened"
    return "draft", ""


def build(entries: dict[str, bridge.LockEntry], specs: dict[str, Any], root: Path) -> FlowRecords:
    return FlowRecords(
        [_record(key, entry, specs.get(key), root) for key, entry in sorted(entries.items())]
    )


def _record(key: str, entry: bridge.LockEntry, spec: Any, root: Path) -> FlowRecord:
    status, error = sync_status(entry, key)
    file = entry.file or (spec.file if spec is not None else "")
    return FlowRecord(
        name=key,
        meta_name=entry.name,
        friendly_name=getattr(spec, "friendly_name", "") or "",
        description=getattr(spec, "description", "") or "",
        flow_id=entry.flow_id or None,
        status=entry.status,
        sync_status=status,
        sync_error=error,
        is_active=entry.is_active,
        flow_definition_name=entry.flow_definition_name or None,
        previous_flow_ids=tuple(entry.previous_flow_ids),
        last_synced_at=_when(entry.updated_at),
        file=root / file if file else None,
    )


def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return None


class FlowRecords:
    """An immutable list with the few queryset methods bot code uses."""

    def __init__(self, records: Iterable[FlowRecord]) -> None:
        self._records = tuple(records)

    def all(self) -> FlowRecords:
        return self

    def filter(self, **lookups: Any) -> FlowRecords:
        tests = [_lookup(name, value) for name, value in lookups.items()]
        return FlowRecords(r for r in self._records if all(test(r) for test in tests))

    def exclude(self, **lookups: Any) -> FlowRecords:
        kept = set(self.filter(**lookups)._records)
        return FlowRecords(r for r in self._records if r not in kept)

    def get(self, **lookups: Any) -> FlowRecord:
        found = self.filter(**lookups)._records
        if len(found) == 1:
            return found[0]
        if not found:
            raise RecordDoesNotExist(f"no managed WhatsApp Flow matches {lookups}")
        raise MultipleRecordsReturned(f"{len(found)} managed WhatsApp Flows match {lookups}")

    def first(self) -> FlowRecord | None:
        return self._records[0] if self._records else None

    def exists(self) -> bool:
        return bool(self._records)

    def count(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[FlowRecord]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def __repr__(self) -> str:
        return f"<FlowRecords {[r.name for r in self._records]}>"


def _lookup(name: str, value: Any) -> Any:
    field, _, op = name.partition("__")
    if field not in FIELDS or op not in ("", "exact", "isnull", "in"):
        raise TypeError(f"cannot filter WhatsApp Flow records on {name!r}")
    if op == "isnull":
        return lambda r: (getattr(r, field) in (None, "")) is bool(value)
    if op == "in":
        return lambda r: getattr(r, field) in value
    return lambda r: getattr(r, field) == value

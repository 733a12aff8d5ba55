"""Mirror every managed flow into the bot's own ``WhatsAppFlow`` model, in one transaction.

Rows are matched by Meta flow id (the current one or an earlier id of a replaced flow), then
by name, and updated in place: primary keys never change, so rows that point at them (flow
responses, tokens) stay valid. A second run with nothing new writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timezone
from typing import Any

from django.apps import apps
from django.conf import settings as django_settings
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction

from flowops.contrib.django import bridge, conf, records

REQUIRED = ("name", "flow_id", "sync_status", "is_active", "flow_definition")
RESPONSE_FIELDS = ("whatsapp_flow", "flow_token", "response_data")
OPTIONAL = ("friendly_name", "description", "flow_json", "sync_error", "last_synced_at")

FK = {"flow_definition_id": "flow_definition"}
Write = Callable[[str, str], None]


def mirror_model() -> Any:
    """The configured model class, or None when no mirror is configured."""
    name = conf.get().mirror_model
    return apps.get_model(name) if name else None


def response_model() -> Any:
    """The model completions are stored in (``RESPONSE_MODEL``), or None."""
    name = conf.get().response_model
    return apps.get_model(name) if name else None


def missing_fields(model: Any, required: tuple[str, ...] = REQUIRED) -> list[str]:
    missing = []
    for name in required:
        try:
            model._meta.get_field(name)
        except FieldDoesNotExist:
            missing.append(name)
    return missing


def refresh(project: bridge.Project, write: Write) -> None:
    model = mirror_model()
    if model is None:
        return
    entries = bridge.lock_entries(project.lock_path, project.env.name)
    wanted = records.build(entries, project.specs, project.root)
    with transaction.atomic():
        created, updated, unmanaged = _mirror(model, wanted)
    label = model._meta.label
    write(f"Mirror {label}: {created} created, {updated} updated, {len(wanted)} managed.", "")
    if unmanaged:
        write(f"Mirror {label}: left untouched (not in flows.yaml): {', '.join(unmanaged)}", "")


def _mirror(model: Any, wanted: records.FlowRecords) -> tuple[int, int, list[str]]:
    rows = list(model._default_manager.all())
    by_id = {str(row.flow_id): row for row in rows if row.flow_id}
    by_name = {row.name: row for row in rows}
    traditional = _traditional_pks(model, wanted)
    seen: set[Any] = set()
    created = updated = 0
    for record in wanted:
        row = _match(record, by_id, by_name)
        values = _values(model, record, traditional.get(record.flow_definition_name or ""))
        if row is None:
            row = _create(model, record, values)
            created += 1
        elif _update(row, values):
            updated += 1
        seen.add(row.pk)
    unmanaged = sorted(str(row.name) for row in rows if row.pk not in seen)
    return created, updated, unmanaged


def row_for(record: records.FlowRecord) -> Any:
    """The mirror row of ``record`` (by flow id, earlier ids, then name), or None."""
    model = mirror_model()
    if model is None:
        return None
    ids = [i for i in (record.flow_id, *record.previous_flow_ids) if i]
    rows = list(model._default_manager.filter(flow_id__in=ids)) if ids else []
    by_id = {str(row.flow_id): row for row in rows}
    found = _match(record, by_id, {})
    return found or model._default_manager.filter(name=record.name).first()


def _match(record: records.FlowRecord, by_id: dict[str, Any], by_name: dict[str, Any]) -> Any:
    for flow_id in (record.flow_id, *reversed(record.previous_flow_ids)):
        if flow_id and flow_id in by_id:
            return by_id[flow_id]
    return by_name.get(record.name)


def _values(model: Any, record: records.FlowRecord, traditional_pk: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": record.name,
        "flow_id": record.flow_id,
        "sync_status": record.sync_status,
        "is_active": record.is_active,
        "flow_definition_id": traditional_pk,
    }
    for name in OPTIONAL:
        if _has(model, name):
            values[name] = _optional(record, name)
    return values


def _optional(record: records.FlowRecord, name: str) -> Any:
    if name == "last_synced_at":
        return _db_time(record.last_synced_at)
    if name == "flow_json":
        return record.flow_json or {}
    return getattr(record, name)


def _db_time(value: Any) -> Any:
    if value is None or django_settings.USE_TZ:
        return value
    return value.astimezone(timezone.utc).replace(tzinfo=None)


def _has(model: Any, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _traditional_pks(model: Any, wanted: records.FlowRecords) -> dict[str, Any]:
    """Traditional flow name → primary key, for every linked flow, in one query."""
    names = {r.flow_definition_name for r in wanted if r.flow_definition_name}
    related = model._meta.get_field("flow_definition").related_model
    return dict(related._default_manager.filter(name__in=names).values_list("name", "pk"))


def _create(model: Any, record: records.FlowRecord, values: dict[str, Any]) -> Any:
    dotted = conf.get().mirror_defaults
    extra = dict(conf.import_callable(dotted)(record)) if dotted else {}
    return model._default_manager.create(**{**extra, **values})


def _update(row: Any, values: dict[str, Any]) -> bool:
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    for name in changed:
        setattr(row, name, values[name])
    if changed:
        row.save(update_fields=[FK.get(name, name) for name in changed])
    return bool(changed)

"""Graph API wire format: answers → typed values (defensive: every key Meta documents is
optional), and the request bodies the client sends."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from flowops.graph.types import (
    Asset,
    CreatedFlow,
    ErrorPointer,
    Health,
    Preview,
    RemoteFlow,
    ValidationError,
)


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


SPAN_KEYS = ("line_start", "line_end", "column_start", "column_end")


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def parse_pointer(raw: dict[str, Any]) -> ErrorPointer:
    return ErrorPointer(path=_str(raw.get("path")), **_span(raw))


def parse_validation_error(raw: dict[str, Any]) -> ValidationError:
    return ValidationError(
        error=_str(raw.get("error")),
        error_type=_str(raw.get("error_type")),
        message=_str(raw.get("message")),
        pointers=tuple(parse_pointer(p) for p in _dicts(raw.get("pointers"))),
        **_span(raw),
    )


def _span(raw: dict[str, Any]) -> dict[str, int | None]:
    """``line_start``, ``line_end``, ``column_start``, ``column_end`` (each optional)."""
    return {key: _int(raw.get(key)) for key in SPAN_KEYS}


def parse_validation_errors(value: Any) -> tuple[ValidationError, ...]:
    return tuple(parse_validation_error(item) for item in _dicts(value))


def parse_remote_flow(raw: dict[str, Any]) -> RemoteFlow:
    categories = raw.get("categories")
    return RemoteFlow(
        id=_str(raw.get("id")),
        name=_str(raw.get("name")),
        status=_str(raw.get("status")),
        categories=tuple(_str(c) for c in categories) if isinstance(categories, list) else (),
        validation_errors=parse_validation_errors(raw.get("validation_errors")),
        json_version=_opt_str(raw.get("json_version")),
        data_api_version=_opt_str(raw.get("data_api_version")),
        endpoint_uri=_opt_str(raw.get("endpoint_uri")),
        updated_at=_opt_str(raw.get("updated_at")),
        health=parse_health(raw.get("health_status")),
    )


def parse_health(raw: Any) -> Health | None:
    """``{"can_send_message": …, "entities": [{"entity_type", "id", "can_send_message",
    "errors": [{"error_code", "error_description", "possible_solution"}]}]}``."""
    if not isinstance(raw, dict):
        return None
    problems = [
        _entity_problem(entity)
        for entity in _dicts(raw.get("entities"))
        if _str(entity.get("can_send_message")) not in ("", "AVAILABLE")
    ]
    return Health(_str(raw.get("can_send_message")), tuple(problems))


def _entity_problem(entity: dict[str, Any]) -> str:
    errors = [
        " ".join(_str(e.get(k)) for k in ("error_code", "error_description") if e.get(k))
        + (f" ({_str(e['possible_solution'])})" if e.get("possible_solution") else "")
        for e in _dicts(entity.get("errors"))
    ]
    head = f"{_str(entity.get('entity_type')) or 'entity'} {_str(entity.get('can_send_message'))}"
    return f"{head}: {'; '.join(errors)}" if errors else head


def parse_created(raw: dict[str, Any]) -> CreatedFlow:
    """``success`` defaults to true when absent (a plain create answers only ``{"id"}``)."""
    return CreatedFlow(
        id=_str(raw.get("id")),
        success=raw.get("success") is not False,
        validation_errors=parse_validation_errors(raw.get("validation_errors")),
    )


def parse_asset(raw: dict[str, Any]) -> Asset:
    return Asset(
        name=_str(raw.get("name")),
        asset_type=_str(raw.get("asset_type")),
        download_url=_str(raw.get("download_url")),
    )


def parse_preview(raw: dict[str, Any]) -> Preview:
    preview = raw.get("preview")
    body = preview if isinstance(preview, dict) else {}
    return Preview(
        preview_url=_str(body.get("preview_url")),
        expires_at=_opt_str(body.get("expires_at")),
    )


def page_items(body: dict[str, Any]) -> list[dict[str, Any]]:
    return _dicts(body.get("data"))


def next_cursor(body: dict[str, Any]) -> str | None:
    """The ``after`` cursor when Meta signals another page (``paging.next``), else None."""
    paging = body.get("paging")
    if not isinstance(paging, dict) or not paging.get("next"):
        return None
    cursors = paging.get("cursors")
    after = cursors.get("after") if isinstance(cursors, dict) else None
    return _str(after) if after else _after_from_url(_str(paging.get("next")))


def _after_from_url(url: str) -> str | None:
    values = parse_qs(urlsplit(url).query).get("after")
    return values[0] if values else None


def create_body(
    name: str,
    categories: tuple[str, ...],
    flow_json: bytes | None,
    publish: bool,
    clone_flow_id: str | None,
    endpoint_uri: str | None,
) -> dict[str, Any]:
    body: dict[str, Any] = {"name": name, "categories": list(categories)}
    if flow_json is not None:
        body["flow_json"] = flow_json.decode("utf-8")
    if publish:
        body["publish"] = True
    if clone_flow_id is not None:
        body["clone_flow_id"] = clone_flow_id
    if endpoint_uri is not None:
        body["endpoint_uri"] = endpoint_uri
    return body


def metadata_body(
    name: str | None,
    categories: tuple[str, ...] | None,
    endpoint_uri: str | None,
    application_id: str | None,
) -> dict[str, Any]:
    fields = {
        "name": name,
        "categories": list(categories) if categories is not None else None,
        "endpoint_uri": endpoint_uri,
        "application_id": application_id,
    }
    body = {key: value for key, value in fields.items() if value is not None}
    if not body:
        raise ValueError("update_metadata needs at least one field to change")
    if body.get("categories") == []:
        raise ValueError("categories, when given, needs at least one category")
    return body

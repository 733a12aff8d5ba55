"""Graph's ``fields=`` selection: parse it and render a flow node with those fields."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from flowops.emulator import errors
from flowops.emulator.flow import EmuFlow, format_time
from flowops.emulator.model import FlowsModel
from flowops.emulator.validation import read_versions

DEFAULT_FIELDS = ("id", "name", "status", "categories", "validation_errors")
PREVIEW_URL = "https://business.facebook.com/wa/manage/flows/{id}/preview/?token={token}"
_FIELD = re.compile(r"^(?P<name>[a-z_]+)(?P<mods>(?:\.[a-z_]+\([^)]*\))*)(?:\{[^}]*\})?$")


def parse_fields(text: str | None) -> dict[str, dict[str, str]]:
    """``"id,preview.invalidate(true)"`` → ``{"id": {}, "preview": {"invalidate": "true"}}``."""
    if not text:
        return {name: {} for name in DEFAULT_FIELDS}
    selected: dict[str, dict[str, str]] = {"id": {}}
    for part in _split(text):
        match = _FIELD.match(part)
        if match is None:
            raise errors.ApiError(100, f"(#100) Syntax error in fields near '{part}'")
        mods = re.findall(r"\.([a-z_]+)\(([^)]*)\)", match["mods"])
        selected[match["name"]] = dict(mods)
    return selected


def _split(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char in "({"
        depth -= char in ")}"
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    return [p for p in [*parts, current.strip()] if p]


def render_flow(
    model: FlowsModel, flow: EmuFlow, fields: dict[str, dict[str, str]]
) -> dict[str, Any]:
    node: dict[str, Any] = {}
    for name, mods in fields.items():
        render = _RENDERERS.get(name)
        if render is None:
            raise errors.ApiError(
                100,
                f"(#100) Tried accessing nonexisting field ({name}) on node type (WhatsAppFlow)",
            )
        value = render(model, flow, mods)
        if value is not None:
            node[name] = value
    return node


def _preview(model: FlowsModel, flow: EmuFlow, mods: dict[str, str]) -> dict[str, str]:
    token, expires = model.preview(flow.id, invalidate=mods.get("invalidate") == "true")
    return {
        "preview_url": PREVIEW_URL.format(id=flow.id, token=token),
        "expires_at": format_time(expires),
    }


def _health(model: FlowsModel, flow: EmuFlow, mods: dict[str, str]) -> dict[str, Any]:
    state = _flow_send_state(flow)
    entities = [
        {"entity_type": "FLOW", "id": flow.id, "can_send_message": state},
        {"entity_type": "WABA", "id": flow.waba_id, "can_send_message": "AVAILABLE"},
    ]
    return {"can_send_message": state, "entities": entities}


def _flow_send_state(flow: EmuFlow) -> str:
    if flow.status in ("PUBLISHED", "DRAFT") and flow.has_published_version:
        return "AVAILABLE"
    if flow.status == "THROTTLED":
        return "LIMITED"
    if flow.status == "DRAFT" and flow.draft_json is not None and not flow.validation_errors:
        return "AVAILABLE"
    return "BLOCKED"


Renderer = Callable[[FlowsModel, EmuFlow, dict[str, str]], Any]

_RENDERERS: dict[str, Renderer] = {
    "id": lambda m, f, _: f.id,
    "name": lambda m, f, _: f.name,
    "status": lambda m, f, _: f.status,
    "categories": lambda m, f, _: list(f.categories),
    "validation_errors": lambda m, f, _: [dict(e) for e in f.validation_errors],
    "json_version": lambda m, f, _: read_versions(f.draft_json)[0],
    "data_api_version": lambda m, f, _: read_versions(f.draft_json)[1],
    "endpoint_uri": lambda m, f, _: f.endpoint_uri,
    "data_channel_uri": lambda m, f, _: f.endpoint_uri,
    "updated_at": lambda m, f, _: format_time(f.updated_at),
    "preview": _preview,
    "health_status": _health,
    "whatsapp_business_account": lambda m, f, _: {"id": f.waba_id, "name": "Emulated WABA"},
    "application": lambda m, f, _: {"id": f.application_id or "0", "name": "flowops emulator"},
}

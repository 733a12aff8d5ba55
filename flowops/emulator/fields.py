"""The flow node as the emulator serves it: every field of ``flowops.graph.fields.FLOW``,
with nested defaults and ``field{sub,fields}`` selections, as Meta answers them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from flowops import meta
from flowops.emulator import errors
from flowops.emulator.accounts import application_node, waba_node
from flowops.emulator.flow import EmuFlow, format_time
from flowops.emulator.model import FlowsModel
from flowops.emulator.validation import read_versions
from flowops.graph import fields as graph
from flowops.graph.fields import FLOW, Node, Selection
from flowops.meta import BLOCKED, DRAFT, PUBLISHED, THROTTLED

# A made-up host (.invalid never resolves): plainly not a link to Meta or to WhatsApp.
PREVIEW_URL = "https://preview.flowops-emulator.invalid/flows/{id}?token={token}"
METRIC_NAMES = (
    "ENDPOINT_REQUEST_COUNT",
    "ENDPOINT_REQUEST_ERROR",
    "ENDPOINT_REQUEST_ERROR_RATE",
    "ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL",
    "ENDPOINT_AVAILABILITY",
)
METRIC_GRANULARITIES = ("DAY", "HOUR", "LIFETIME")


def parse_fields(text: str | None, node: Node = FLOW) -> Selection:
    """``fields=`` text checked against ``node``; Graph's ``#100`` error when it is wrong."""
    try:
        return graph.parse(text, node)
    except ValueError as exc:
        raise errors.ApiError(meta.NOT_FOUND_OR_INVALID, f"(#100) {exc}") from None


def render_flow(model: FlowsModel, flow: EmuFlow, selection: Selection) -> dict[str, Any]:
    full = {name: _RENDERERS[name](model, flow, s.modifiers) for name, s in selection.items()}
    full["id"] = flow.id
    return project(full, FLOW, selection)


def project(value: Mapping[str, Any], node: Node, selection: Selection | None) -> dict[str, Any]:
    """Only the selected fields (the node's defaults when None); a node's ``id`` always."""
    chosen = graph.defaults(node) if selection is None else selection
    out: dict[str, Any] = {}
    for name, selected in chosen.items():
        item = value.get(name)
        child = node.nested.get(name)
        if isinstance(item, Mapping) and child is not None:
            item = project(item, child, selected.sub)
        if item is not None:
            out[name] = item
    if "id" in node.fields and "id" not in out and value.get("id") is not None:
        out["id"] = value["id"]
    return out


def _preview(model: FlowsModel, flow: EmuFlow, mods: Mapping[str, str]) -> dict[str, str]:
    token, expires = model.preview(flow.id, invalidate=mods.get("invalidate") == "true")
    return {
        "preview_url": PREVIEW_URL.format(id=flow.id, token=token),
        "expires_at": format_time(expires),
    }


def _health(model: FlowsModel, flow: EmuFlow, mods: Mapping[str, str]) -> dict[str, Any]:
    state = _flow_send_state(flow)
    app = application_node(flow.application_id)["id"]
    entities = [
        {"entity_type": "FLOW", "id": flow.id, "can_send_message": state},
        {"entity_type": "WABA", "id": flow.waba_id, "can_send_message": "AVAILABLE"},
        {"entity_type": "APP", "id": app, "can_send_message": "AVAILABLE"},
    ]
    if mods.get("phone_number"):
        phone = {"entity_type": "PHONE_NUMBER", "id": mods["phone_number"]}
        entities.insert(1, {**phone, "can_send_message": "AVAILABLE"})
    return {"can_send_message": state, "entities": entities}


def _flow_send_state(flow: EmuFlow) -> str:
    if flow.status in (PUBLISHED, DRAFT) and flow.has_published_version:
        return "AVAILABLE"
    if flow.status == THROTTLED:
        return "LIMITED"
    if flow.status == DRAFT and flow.draft_json is not None and not flow.validation_errors:
        return "AVAILABLE"
    return BLOCKED


def _metric(model: FlowsModel, flow: EmuFlow, mods: Mapping[str, str]) -> None:
    """Meta serves metrics only after 250 endpoint requests; the emulator never sees any."""
    if mods.get("name") not in METRIC_NAMES:
        raise errors.invalid_parameter("Invalid metric name", f"Use one of {METRIC_NAMES}.")
    if mods.get("granularity") not in METRIC_GRANULARITIES:
        detail = f"Use one of {METRIC_GRANULARITIES}."
        raise errors.invalid_parameter("Invalid metric granularity", detail)
    raise errors.flow_state(
        meta.METRICS_THRESHOLD,
        "Metrics are available once the flow's endpoint has served 250 requests.",
    )


Renderer = Callable[[FlowsModel, EmuFlow, Mapping[str, str]], Any]

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
    "whatsapp_business_account": lambda m, f, _: waba_node(f.waba_id),
    "application": lambda m, f, _: application_node(f.application_id),
    "metric": _metric,
}


def served_fields() -> frozenset[str]:
    """The flow fields the emulator can answer (tests hold them to the shared description)."""
    return frozenset(_RENDERERS)

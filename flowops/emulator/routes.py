"""Graph API operations of the emulator: one function per endpoint, plain data in and out."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from flowops.emulator import errors, params
from flowops.emulator.accounts import waba_node
from flowops.emulator.fields import parse_fields, project, render_flow
from flowops.emulator.migrate import migrate
from flowops.emulator.model import FlowsModel
from flowops.emulator.paging import page
from flowops.graph.fields import ASSET, WABA


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # as requested, with its version prefix
    parts: tuple[str, ...]  # path segments after the version prefix
    query: dict[str, str]
    params: dict[str, Any]  # query parameters merged with the body
    base_url: str


@dataclass
class Response:
    status: int = 200
    body: dict[str, Any] | bytes = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


SUCCESS: dict[str, Any] = {"success": True}


def list_flows(model: FlowsModel, req: Request) -> Response:
    fields = parse_fields(req.query.get("fields"))
    base = f"{req.base_url}{req.path}"
    items, paging = page(model.flows_of(req.parts[0]), req.query, base)
    body: dict[str, Any] = {"data": [render_flow(model, f, fields) for f in items]}
    if paging:
        body["paging"] = paging
    return Response(body=body)


def create_flow(model: FlowsModel, req: Request) -> Response:
    p = req.params
    if p.get("clone_flow_id") and p.get("clone_template"):
        raise errors.invalid_parameter("Invalid parameter", "Only one clone source can be set.")
    flow_json = params.document(p, "flow_json")
    flow = model.create(
        req.parts[0],
        params.required_text(p, "name"),
        params.string_list(p, "categories") or [],
        flow_json=flow_json,
        publish=params.boolean(p, "publish"),
        clone_flow_id=params.text(p, "clone_flow_id") or None,
        endpoint_uri=params.text(p, "endpoint_uri") or None,
    )
    if flow_json is None:
        return Response(body={"id": flow.id})
    return Response(
        body={"id": flow.id, "success": True, "validation_errors": flow.validation_errors}
    )


def get_node(model: FlowsModel, req: Request) -> Response:
    """``GET /{id}``: a flow, or a WABA (Meta's suggested token sanity check)."""
    if req.parts[0] in model.wabas:
        selection = parse_fields(req.query.get("fields"), WABA)
        return Response(body=project(waba_node(req.parts[0]), WABA, selection))
    flow = model.get(req.parts[0])
    return Response(body=render_flow(model, flow, parse_fields(req.query.get("fields"))))


def update_flow(model: FlowsModel, req: Request) -> Response:
    changes: dict[str, Any] = {}
    for name in ("name", "endpoint_uri", "application_id"):
        if name in req.params:
            changes[name] = params.text(req.params, name)
    categories = params.string_list(req.params, "categories")
    if categories is not None:
        changes["categories"] = categories
    model.update(req.parts[0], changes)
    return Response(body=SUCCESS)


def delete_flow(model: FlowsModel, req: Request) -> Response:
    model.delete(req.parts[0])
    return Response(body=SUCCESS)


def upload_asset(model: FlowsModel, req: Request) -> Response:
    if params.text(req.params, "name") not in (None, "flow.json"):
        raise errors.invalid_parameter("Invalid asset name", "The asset name must be flow.json.")
    if params.text(req.params, "asset_type") not in (None, "FLOW_JSON"):
        raise errors.invalid_parameter("Invalid asset type", "asset_type must be FLOW_JSON.")
    data = params.document(req.params, "file")
    if data is None:
        raise errors.missing_parameter("file")
    found = model.upload(req.parts[0], data)
    return Response(body={"success": True, "validation_errors": found})


def list_assets(model: FlowsModel, req: Request) -> Response:
    flow = model.get(req.parts[0])
    selection = parse_fields(req.query.get("fields"), ASSET)
    if flow.draft_json is None:
        return Response(body={"data": []})
    url = f"{req.base_url}/_emulator/assets/{flow.id}/{digest(flow.draft_json)}/flow.json"
    asset = {"name": "flow.json", "asset_type": "FLOW_JSON", "download_url": url}
    return Response(
        body={
            "data": [project(asset, ASSET, selection)],
            "paging": {"cursors": {"before": "MAZDZD", "after": "MAZDZD"}},
        }
    )


def publish(model: FlowsModel, req: Request) -> Response:
    model.publish(req.parts[0])
    return Response(body=SUCCESS)


def deprecate(model: FlowsModel, req: Request) -> Response:
    model.deprecate(req.parts[0])
    return Response(body=SUCCESS)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def migrate_flows(model: FlowsModel, req: Request) -> Response:
    source = params.required_text(req.params, "source_waba_id")
    names = params.string_list(req.params, "source_flow_names")
    return Response(body=migrate(model, req.parts[0], source, names))


PEM_MARK = "PUBLIC KEY-----"


def set_public_key(model: FlowsModel, req: Request) -> Response:
    """``POST /{phone_number_id}/whatsapp_business_encryption`` (the endpoint flows' key)."""
    pem = params.required_text(req.params, "business_public_key")
    if PEM_MARK not in pem:
        detail = "business_public_key must be a PEM public key (-----BEGIN PUBLIC KEY-----)."
        raise errors.invalid_parameter("Invalid public key", detail)
    model.set_public_key(req.parts[0], pem)
    return Response(body=SUCCESS)


def get_public_key(model: FlowsModel, req: Request) -> Response:
    pem = model.public_keys.get(req.parts[0])
    if pem is None:
        return Response(body={"data": []})
    status = "VALID"  # the emulator signs every key it is given
    key = {"business_public_key": pem, "business_public_key_signature_status": status}
    return Response(body={"data": [key]})

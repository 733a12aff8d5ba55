"""Emulator-only endpoints under ``/_emulator/``: what Meta's monitoring and CDN would do."""

from __future__ import annotations

import hashlib
from typing import Any

from flowops.emulator import errors, params
from flowops.emulator.flow import format_time
from flowops.emulator.model import FlowsModel
from flowops.emulator.routes import Request, Response, digest


def health(model: FlowsModel, req: Request) -> Response:
    return Response(body={"ok": True, "flows": len(model.flows)})


def flow_info(model: FlowsModel, req: Request) -> Response:
    """What the public API hides: whether a published version still serves behind a draft."""
    flow = model.get(req.parts[2])
    body: dict[str, Any] = {
        "id": flow.id,
        "waba_id": flow.waba_id,
        "status": flow.status,
        "has_published_version": flow.has_published_version,
        "draft_sha256": _sha(flow.draft_json),
        "published_sha256": _sha(flow.published_json),
        "updated_at": format_time(flow.updated_at),
    }
    return Response(body=body)


def set_status(model: FlowsModel, req: Request) -> Response:
    """``POST /_emulator/flows/{id}/status`` with ``status=THROTTLED|BLOCKED|PUBLISHED``."""
    model.set_health(req.parts[2], params.required_text(req.params, "status"))
    return Response(body={"success": True})


def download(model: FlowsModel, req: Request) -> Response:
    """Asset download URLs serve the exact bytes uploaded (draft or published version)."""
    flow = model.flows.get(req.parts[2])
    wanted = req.parts[3]
    for data in (flow.draft_json, flow.published_json) if flow else ():
        if data is not None and digest(data) == wanted:
            return Response(body=data, headers={"Content-Type": "application/json"})
    raise errors.ApiError(100, "(#100) This download link is no longer valid", http_status=404)


def published_json(model: FlowsModel, req: Request) -> Response:
    """The version WhatsApp users are sent while an edit sits in DRAFT."""
    flow = model.get(req.parts[2])
    if flow.published_json is None:
        raise errors.ApiError(100, "(#100) This flow has never been published", http_status=404)
    return Response(body=flow.published_json, headers={"Content-Type": "application/json"})


def _sha(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()

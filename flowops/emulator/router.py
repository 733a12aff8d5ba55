"""Which function answers a method and path, and whether it is a Graph API call."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from flowops.emulator import admin, errors, routes
from flowops.emulator.model import FlowsModel

Handler = Callable[[FlowsModel, routes.Request], routes.Response]

API, ADMIN, DOWNLOAD = "api", "admin", "download"
_VERSION = re.compile(r"^v\d+\.\d+$")
_ID = "#"  # matches a numeric Graph id
_ANY = "*"


@dataclass(frozen=True)
class Route:
    method: str
    pattern: tuple[str, ...]
    handler: Handler
    kind: str = API


ROUTES = (
    Route("GET", (_ID, "flows"), routes.list_flows),
    Route("POST", (_ID, "flows"), routes.create_flow),
    Route("GET", (_ID,), routes.get_node),
    Route("POST", (_ID,), routes.update_flow),
    Route("DELETE", (_ID,), routes.delete_flow),
    Route("GET", (_ID, "assets"), routes.list_assets),
    Route("POST", (_ID, "assets"), routes.upload_asset),
    Route("POST", (_ID, "publish"), routes.publish),
    Route("POST", (_ID, "deprecate"), routes.deprecate),
    Route("POST", (_ID, "migrate_flows"), routes.migrate_flows),
    Route("POST", (_ID, "whatsapp_business_encryption"), routes.set_public_key),
    Route("GET", (_ID, "whatsapp_business_encryption"), routes.get_public_key),
    Route("GET", ("_emulator", "health"), admin.health, ADMIN),
    Route("GET", ("_emulator", "flows", _ID), admin.flow_info, ADMIN),
    Route("GET", ("_emulator", "flows", _ID, "published"), admin.published_json, ADMIN),
    Route("POST", ("_emulator", "flows", _ID, "status"), admin.set_status, ADMIN),
    Route("GET", ("_emulator", "assets", _ID, _ANY, "flow.json"), admin.download, DOWNLOAD),
)


def split_path(path: str) -> tuple[str, ...]:
    """Path segments without the optional ``/vNN.0`` prefix."""
    parts = tuple(p for p in path.split("/") if p)
    if parts and _VERSION.match(parts[0]):
        return parts[1:]
    return parts


def resolve(method: str, parts: tuple[str, ...]) -> Route:
    for route in ROUTES:
        if route.method == method and _matches(route.pattern, parts):
            return route
    raise errors.unknown_path("/" + "/".join(parts))


def _matches(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    if len(pattern) != len(parts):
        return False
    return all(_segment(p, s) for p, s in zip(pattern, parts, strict=True))


def _segment(pattern: str, segment: str) -> bool:
    if pattern == _ID:
        return segment.isdigit()
    return pattern in (_ANY, segment)

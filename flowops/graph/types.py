"""Typed values exchanged with Meta's Flows API, and the ``FlowsAPI`` protocol core code uses.

Only ``flowops.graph.client`` speaks HTTP; everything else depends on this protocol.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

# Fields plan reads on the paged list call. Never ``preview``: it can rotate shared links.
LIST_FIELDS = (
    "id",
    "name",
    "status",
    "categories",
    "validation_errors",
    "json_version",
    "data_api_version",
    "endpoint_uri",
    "updated_at",
)
# status --refresh also asks whether each flow can be sent (no cost: the same list call).
STATUS_FIELDS = (*LIST_FIELDS, "health_status")


@dataclass(frozen=True)
class ErrorPointer:
    path: str = ""
    line_start: int | None = None
    line_end: int | None = None
    column_start: int | None = None
    column_end: int | None = None


@dataclass(frozen=True)
class ValidationError:
    """One item of Meta's ``validation_errors`` (every key optional on the wire)."""

    error: str = ""
    error_type: str = ""
    message: str = ""
    line_start: int | None = None
    line_end: int | None = None
    column_start: int | None = None
    column_end: int | None = None
    pointers: tuple[ErrorPointer, ...] = ()


@dataclass(frozen=True)
class Health:
    """Meta's ``health_status``: ``can_send_message`` is AVAILABLE, LIMITED or BLOCKED;
    ``problems`` names each entity (FLOW, WABA, APP …) that is not AVAILABLE, and why."""

    can_send_message: str
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class RemoteFlow:
    id: str
    name: str = ""
    status: str = ""
    categories: tuple[str, ...] = ()
    validation_errors: tuple[ValidationError, ...] = ()
    json_version: str | None = None
    data_api_version: str | None = None
    endpoint_uri: str | None = None
    updated_at: str | None = None
    health: Health | None = None  # only when health_status was asked for


@dataclass(frozen=True)
class CreatedFlow:
    id: str
    success: bool = True
    validation_errors: tuple[ValidationError, ...] = ()


@dataclass(frozen=True)
class Asset:
    name: str
    asset_type: str
    download_url: str


@dataclass(frozen=True)
class Preview:
    preview_url: str
    expires_at: str | None = None


class FlowsAPI(Protocol):
    """Meta's Flows operations for one WhatsApp Business Account."""

    def list_flows(
        self, fields: tuple[str, ...] = LIST_FIELDS, page_size: int = 100
    ) -> Iterator[RemoteFlow]: ...

    def get_flow(self, flow_id: str, fields: tuple[str, ...] = LIST_FIELDS) -> RemoteFlow: ...

    def create_flow(
        self,
        name: str,
        categories: tuple[str, ...],
        *,
        flow_json: bytes | None = None,
        publish: bool = False,
        clone_flow_id: str | None = None,
        endpoint_uri: str | None = None,
    ) -> CreatedFlow: ...

    def update_metadata(
        self,
        flow_id: str,
        *,
        name: str | None = None,
        categories: tuple[str, ...] | None = None,
        endpoint_uri: str | None = None,
        application_id: str | None = None,
    ) -> None: ...

    def upload_flow_json(self, flow_id: str, data: bytes) -> tuple[ValidationError, ...]: ...

    def list_assets(self, flow_id: str) -> list[Asset]: ...

    def download_asset(self, url: str) -> bytes: ...

    def publish(self, flow_id: str) -> None: ...

    def deprecate(self, flow_id: str) -> None: ...

    def delete(self, flow_id: str) -> None: ...

    def preview(self, flow_id: str, *, invalidate: bool = False) -> Preview: ...

"""Meta's Graph API: typed values, the FlowsAPI protocol and the HTTP client."""

from __future__ import annotations

from flowops.graph.client import GraphClient
from flowops.graph.envelope import ErrorBody
from flowops.graph.errors import AuthError, FlowStateError, GraphError
from flowops.graph.types import (
    LIST_FIELDS,
    STATUS_FIELDS,
    Asset,
    CreatedFlow,
    FlowsAPI,
    Health,
    Preview,
    RemoteFlow,
    ValidationError,
)

__all__ = [
    "LIST_FIELDS",
    "STATUS_FIELDS",
    "Asset",
    "AuthError",
    "CreatedFlow",
    "ErrorBody",
    "FlowStateError",
    "FlowsAPI",
    "GraphClient",
    "GraphError",
    "Health",
    "Preview",
    "RemoteFlow",
    "ValidationError",
]

"""Errors the emulator answers with, shaped like Graph's ``{"error": {...}}`` envelope.

Codes and titles come from ``flowops.meta`` and the shape from ``flowops.graph.envelope``, shared
with the client that reads them.
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from typing import Any

from flowops import meta
from flowops.graph import ErrorBody


class ApiError(Exception):
    """A refused request. ``http_status`` is 400 for Graph errors, 401 for auth, 500 for faults."""

    def __init__(self, code: int, message: str, *, http_status: int = 400, **fields: Any) -> None:
        super().__init__(message)
        self.body = ErrorBody(code, message, **fields)
        self.http_status = http_status

    @property
    def code(self) -> int:
        return self.body.code

    def envelope(self) -> dict[str, Any]:
        """A fresh ``fbtrace_id`` on every answer, as Meta gives."""
        trace = "A" + secrets.token_urlsafe(15)
        return replace(self.body, fbtrace_id=trace).to_envelope()


def invalid_parameter(title: str, detail: str, *, subcode: int | None = None) -> ApiError:
    return ApiError(
        meta.NOT_FOUND_OR_INVALID,
        "Invalid parameter",
        subcode=subcode,
        user_title=title,
        user_msg=detail,
    )


def missing_parameter(name: str) -> ApiError:
    return ApiError(meta.NOT_FOUND_OR_INVALID, f"(#100) The parameter {name} is required")


def unknown_object(object_id: str) -> ApiError:
    return ApiError(
        meta.NOT_FOUND_OR_INVALID,
        f"Unsupported request. Object with ID '{object_id}' does not exist, cannot be loaded "
        "due to missing permissions, or does not support this operation.",
        error_type="GraphMethodException",
        subcode=33,
    )


def unknown_path(path: str) -> ApiError:
    return ApiError(meta.UNKNOWN_PATH, f"Unknown path components: {path}")


def bad_token() -> ApiError:
    return ApiError(
        meta.INVALID_TOKEN,
        "Invalid OAuth access token - Cannot parse access token",
        http_status=401,
    )


def flow_state(code: int, detail: str) -> ApiError:
    title = meta.FLOW_TITLES[code]
    return ApiError(code, title, user_title=title, user_msg=detail)


def not_updatable(detail: str) -> ApiError:
    return flow_state(meta.NOT_UPDATABLE, detail)


def publish_failed(detail: str) -> ApiError:
    return flow_state(meta.PUBLISH_FAILED, detail)


def deprecate_failed(detail: str) -> ApiError:
    return flow_state(meta.DEPRECATE_FAILED, detail)


def delete_failed(detail: str) -> ApiError:
    return flow_state(meta.DELETE_FAILED, detail)

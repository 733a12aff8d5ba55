"""Errors the emulator answers with, shaped like Graph's ``{"error": {...}}`` envelope."""

from __future__ import annotations

import secrets
from typing import Any


class ApiError(Exception):
    """A refused request. ``http_status`` is 400 for Graph errors, 401 for auth, 500 for faults."""

    def __init__(
        self,
        code: int,
        message: str,
        *,
        http_status: int = 400,
        error_type: str = "OAuthException",
        subcode: int | None = None,
        user_title: str = "",
        user_msg: str = "",
        is_transient: bool = False,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.http_status = http_status
        self.error_type = error_type
        self.subcode = subcode
        self.user_title = user_title
        self.user_msg = user_msg
        self.is_transient = is_transient

    def envelope(self) -> dict[str, Any]:
        error: dict[str, Any] = {
            "message": self.message,
            "type": self.error_type,
            "code": self.code,
        }
        if self.subcode is not None:
            error["error_subcode"] = self.subcode
        if self.user_title:
            error["error_user_title"] = self.user_title
        if self.user_msg:
            error["error_user_msg"] = self.user_msg
        error["is_transient"] = self.is_transient
        error["fbtrace_id"] = "A" + secrets.token_urlsafe(15)
        return {"error": error}


def invalid_parameter(title: str, detail: str, *, subcode: int | None = None) -> ApiError:
    return ApiError(100, "Invalid parameter", subcode=subcode, user_title=title, user_msg=detail)


def missing_parameter(name: str) -> ApiError:
    return ApiError(100, f"(#100) The parameter {name} is required")


def unknown_object(object_id: str) -> ApiError:
    return ApiError(
        100,
        f"Unsupported request. Object with ID '{object_id}' does not exist, cannot be loaded "
        "due to missing permissions, or does not support this operation.",
        error_type="GraphMethodException",
        subcode=33,
    )


def unknown_path(path: str) -> ApiError:
    return ApiError(2500, f"Unknown path components: {path}")


def bad_token() -> ApiError:
    return ApiError(190, "Invalid OAuth access token - Cannot parse access token", http_status=401)


def flow_state(code: int, title: str, detail: str) -> ApiError:
    return ApiError(code, title, user_title=title, user_msg=detail)


def not_updatable(detail: str) -> ApiError:
    return flow_state(139001, "Flow can't be updated", detail)


def publish_failed(detail: str) -> ApiError:
    return flow_state(139002, "Publishing Flow failed", detail)


def deprecate_failed(detail: str) -> ApiError:
    return flow_state(139003, "Can't deprecate Flow", detail)


def delete_failed(detail: str) -> ApiError:
    return flow_state(139004, "Can't delete Flow", detail)

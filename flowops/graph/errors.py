"""Graph API errors as typed exceptions. Built from Graph's ``{"error": {...}}`` envelope."""

from __future__ import annotations

from typing import Any

from flowops.errors import FlowopsError

RATE_LIMIT_CODES = frozenset({4, 17, 613, 80007, 80008})
TRANSIENT_CODES = frozenset({1, 2})
AUTH_CODES = frozenset({190, 102, 10, 200})


class GraphError(FlowopsError):
    """Meta answered with an error. Never carries the access token."""

    def __init__(
        self,
        message: str,
        *,
        code: int = 0,
        subcode: int | None = None,
        http_status: int = 0,
        error_type: str = "",
        user_title: str = "",
        user_msg: str = "",
        fbtrace_id: str = "",
        is_transient: bool = False,
        details: str = "",
    ) -> None:
        super().__init__(message)
        self.code = code
        self.subcode = subcode
        self.http_status = http_status
        self.error_type = error_type
        self.user_title = user_title
        self.user_msg = user_msg
        self.fbtrace_id = fbtrace_id
        self.is_transient = is_transient
        self.details = details

    def __str__(self) -> str:
        text = f"Graph API error {self.code}"
        if self.subcode:
            text += f"/{self.subcode}"
        text += f": {self.user_msg or self.message}"
        if self.details:
            text += f" ({self.details})"
        if self.fbtrace_id:
            text += f" [fbtrace_id {self.fbtrace_id}]"
        return text

    @property
    def retryable(self) -> bool:
        return (
            self.code in RATE_LIMIT_CODES
            or self.code in TRANSIENT_CODES
            or self.is_transient
            or self.http_status >= 500
        )


class AuthError(GraphError):
    """Token missing, expired or lacking permission (code 190, HTTP 401)."""


class RateLimitError(GraphError):
    """Codes 4, 17, 613, 80007, 80008."""


class FlowStateError(GraphError):
    """Meta's Flow codes 139000–139006: integrity block, not editable, refused transitions."""


class TransportError(GraphError):
    """No usable answer: timeout, connection reset, or a non-JSON body."""


def error_class(code: int, http_status: int) -> type[GraphError]:
    if code in AUTH_CODES or http_status == 401:
        return AuthError
    if code in RATE_LIMIT_CODES:
        return RateLimitError
    if 139000 <= code <= 139099:
        return FlowStateError
    return GraphError


def from_envelope(body: dict[str, Any], http_status: int) -> GraphError:
    err = body.get("error") if isinstance(body.get("error"), dict) else {}
    assert isinstance(err, dict)
    code = int(err.get("code") or 0)
    data = err.get("error_data") if isinstance(err.get("error_data"), dict) else {}
    assert isinstance(data, dict)
    return error_class(code, http_status)(
        str(err.get("message", "")),
        code=code,
        subcode=err.get("error_subcode"),
        http_status=http_status,
        error_type=str(err.get("type", "")),
        user_title=str(err.get("error_user_title", "")),
        user_msg=str(err.get("error_user_msg", "")),
        fbtrace_id=str(err.get("fbtrace_id", "")),
        is_transient=bool(err.get("is_transient", False)),
        details=str(data.get("details", "")),
    )

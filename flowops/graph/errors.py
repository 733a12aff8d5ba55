"""Graph API errors as typed exceptions. Built from Graph's ``{"error": {...}}`` envelope.

None of these ever carries the access token: the client scrubs response text before it is
parsed, and messages are built only from Meta's error fields, the HTTP method and the path.
"""

from __future__ import annotations

from typing import Any

from flowops import meta
from flowops.errors import FlowopsError
from flowops.graph.envelope import ErrorBody
from flowops.meta import (
    AUTH_CODES,
    FLOW_STATE_CODES,
    NOT_FOUND_OR_INVALID,
    RATE_LIMIT_CODES,
    TRANSIENT_CODES,
)

_NO_PERMISSION = (
    "The token lacks permission for this WhatsApp Business Account "
    "(needs whatsapp_business_management on it)."
)
HINTS = {
    meta.INVALID_TOKEN: "The access token is invalid or expired. Create a new System User token "
    "with whatsapp_business_management and whatsapp_business_messaging on this WABA.",
    10: _NO_PERMISSION,
    200: _NO_PERMISSION,
    meta.APP_RATE_LIMIT: "Meta's app-level rate limit was reached; wait and run again.",
    meta.WABA_RATE_LIMIT: "This WhatsApp Business Account reached its rate limit; "
    "wait and run again.",
    meta.WABA_TOO_MANY_CALLS: "Too many calls to this WhatsApp Business Account; "
    "wait and run again.",
    meta.INTEGRITY_BLOCKED: "Meta's integrity checks block this Flow; "
    "this needs a person in Business Manager.",
    meta.NOT_UPDATABLE: "Meta refused to update this Flow; "
    "clone it instead (update strategy 'clone').",
    meta.PUBLISH_FAILED: "Publishing failed; "
    "read Meta's message above and fix the Flow or its endpoint.",
    meta.DELETE_FAILED: "Published Flows cannot be deleted; deprecate the Flow instead.",
}
TRANSPORT_HINT = (
    "Meta gave no usable answer; check the network (or Meta's status page) and run again: "
    "apply records each finished step, so a rerun continues where this one stopped."
)


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
        retry_after: float | None = None,
        hint: str = "",
    ) -> None:
        super().__init__(message, hint=hint or HINTS.get(code, ""))
        self.code = code
        self.subcode = subcode
        self.http_status = http_status
        self.error_type = error_type
        self.user_title = user_title
        self.user_msg = user_msg
        self.fbtrace_id = fbtrace_id
        self.is_transient = is_transient
        self.details = details
        self.retry_after = retry_after

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

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code}, http_status={self.http_status}, {self})"

    @property
    def never_retry(self) -> bool:
        """Flow errors and bad requests mean the request itself is wrong: resending cannot help.

        139001 "error while processing Flow JSON" is included: Meta stored the JSON, so the
        caller decides whether one more upload is worth it.
        """
        return self.code == NOT_FOUND_OR_INVALID or self.code in FLOW_STATE_CODES

    @property
    def retryable(self) -> bool:
        if self.never_retry or isinstance(self, AuthError):
            return False
        return (
            self.code in RATE_LIMIT_CODES
            or self.code in TRANSIENT_CODES
            or self.is_transient
            or self.http_status >= 500
        )

    @property
    def maybe_applied(self) -> bool:
        """Meta may have carried out the request although the answer was an error."""
        if isinstance(self, RateLimitError):
            return False
        return self.http_status >= 500 or self.code in TRANSIENT_CODES or self.is_transient


class AuthError(GraphError):
    """Token missing, expired or lacking permission (code 190, HTTP 401)."""


class RateLimitError(GraphError):
    """Codes 4, 17, 613, 80007, 80008."""


class FlowStateError(GraphError):
    """Meta's Flow codes 139000–139006: integrity block, not editable, refused transitions."""


class TransportError(GraphError):
    """No usable answer: timeout, connection reset, or a non-JSON body.

    ``reason`` is ``timeout``, ``connection`` or ``bad_response``. ``request_sent`` is False
    only when the request certainly never reached Meta (a connect timeout).
    """

    def __init__(
        self, message: str, *, reason: str, request_sent: bool = True, http_status: int = 0
    ) -> None:
        super().__init__(message, http_status=http_status, hint=TRANSPORT_HINT)
        self.reason = reason
        self.request_sent = request_sent

    def __str__(self) -> str:
        return self.message

    @property
    def retryable(self) -> bool:
        return self.reason in ("timeout", "connection") or self.http_status >= 500

    @property
    def maybe_applied(self) -> bool:
        return self.request_sent


def error_class(code: int, http_status: int) -> type[GraphError]:
    if code in AUTH_CODES or http_status == 401:
        return AuthError
    if code in RATE_LIMIT_CODES:
        return RateLimitError
    if code in FLOW_STATE_CODES:
        return FlowStateError
    return GraphError


def from_envelope(
    body: dict[str, Any], http_status: int, retry_after: float | None = None
) -> GraphError:
    err = ErrorBody.parse(body)
    return error_class(err.code, http_status)(
        err.message or f"HTTP {http_status}",
        code=err.code,
        subcode=err.subcode,
        http_status=http_status,
        error_type=err.error_type,
        user_title=err.user_title,
        user_msg=err.user_msg,
        fbtrace_id=err.fbtrace_id,
        is_transient=err.is_transient,
        details=err.details,
        retry_after=retry_after,
    )

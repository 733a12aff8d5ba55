"""Graph's error envelope ``{"error": {...}}`` and Meta's error codes, in one place.

The client reads envelopes (``flowops.graph.errors.from_envelope``); the emulator writes
them (``flowops.emulator.errors``). Both use these codes, titles and the one ``ErrorBody``
shape, so they cannot drift apart. No HTTP and no exceptions here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

UNKNOWN_ERROR = 1
SERVICE_UNAVAILABLE = 2
APP_RATE_LIMIT = 4
NOT_FOUND_OR_INVALID = 100
INVALID_TOKEN = 190
UNKNOWN_PATH = 2500
WABA_RATE_LIMIT = 80007
WABA_TOO_MANY_CALLS = 80008
INTEGRITY_BLOCKED = 139000
NOT_UPDATABLE = 139001
PUBLISH_FAILED = 139002
DEPRECATE_FAILED = 139003
DELETE_FAILED = 139004
METRICS_THRESHOLD = 139006

RATE_LIMIT_CODES = frozenset({APP_RATE_LIMIT, 17, 613, WABA_RATE_LIMIT, WABA_TOO_MANY_CALLS})
TRANSIENT_CODES = frozenset({UNKNOWN_ERROR, SERVICE_UNAVAILABLE})
AUTH_CODES = frozenset({INVALID_TOKEN, 102, 10, 200})
FLOW_STATE_CODES = range(139000, 139100)

# Meta's ``error_user_title`` for the Flow management codes.
FLOW_TITLES = {
    NOT_UPDATABLE: "Flow can't be updated",
    PUBLISH_FAILED: "Publishing Flow failed",
    DEPRECATE_FAILED: "Can't deprecate Flow",
    DELETE_FAILED: "Can't delete Flow",
    METRICS_THRESHOLD: "Flow metrics threshold not reached",
}


@dataclass(frozen=True)
class ErrorBody:
    """The fields of one Graph error, as on the wire (every one optional when reading)."""

    code: int = 0
    message: str = ""
    error_type: str = "OAuthException"
    subcode: int | None = None
    user_title: str = ""
    user_msg: str = ""
    is_transient: bool = False
    details: str = ""
    fbtrace_id: str = ""

    def to_envelope(self) -> dict[str, Any]:
        error: dict[str, Any] = {"message": self.message, "type": self.error_type}
        error["code"] = self.code
        optional = {
            "error_subcode": self.subcode,
            "error_user_title": self.user_title,
            "error_user_msg": self.user_msg,
        }
        error.update({k: v for k, v in optional.items() if v})
        if self.details:
            error["error_data"] = {"messaging_product": "whatsapp", "details": self.details}
        error["is_transient"] = self.is_transient
        error["fbtrace_id"] = self.fbtrace_id
        return {"error": error}

    @classmethod
    def parse(cls, body: dict[str, Any]) -> ErrorBody:
        """Defensive: a missing or oddly typed field becomes its empty value."""
        err = _dict(body.get("error"))
        return cls(
            code=_int_or_none(err.get("code")) or 0,
            message=str(err.get("message", "") or ""),
            error_type=str(err.get("type", "")),
            subcode=_int_or_none(err.get("error_subcode")),
            user_title=str(err.get("error_user_title", "")),
            user_msg=str(err.get("error_user_msg", "")),
            is_transient=err.get("is_transient") is True,
            details=str(_dict(err.get("error_data")).get("details", "")),
            fbtrace_id=str(err.get("fbtrace_id", "")),
        )


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}

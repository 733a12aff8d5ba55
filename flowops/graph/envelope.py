"""Graph's error envelope ``{"error": {...}}``: the one ``ErrorBody`` shape.

The client reads envelopes (``flowops.graph.errors.from_envelope``); the emulator writes
them (``flowops.emulator.errors``). Both take the codes and titles from ``flowops.meta``,
so they cannot drift apart. No HTTP and no exceptions here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


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

"""Signed flow tokens: which managed flow a completion answers, with no database.

``build_flow_message(..., flow_token=flow_token(resolution, secret=...))`` sends a token that
Meta echoes back in the completion webhook. It carries the flow key, the traditional flow it
replaces, the Meta flow id, a caller context (e.g. a contact id) and the issue time, signed with
HMAC-SHA256 (truncated to 128 bits), so a forged or altered token is detected on the way back.
Format: ``fo1.<base64url JSON array>.<base64url MAC>``; everything in it is readable by the
contact's WhatsApp client, so put no secrets in ``context``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from dataclasses import dataclass

from flowops.runtime.outcome import Resolution

PREFIX = "fo1"
MAC_BYTES = 16
MAX_TOKEN = 2048  # checked before any decoding: a hostile webhook cannot make us work hard
CONTEXT_MAX = 256


class FlowTokenError(ValueError):
    """The flow token is missing, forged, altered or too old."""


@dataclass(frozen=True)
class TokenData:
    key: str
    traditional_flow: str | None
    flow_id: str
    context: str
    issued_at: int


def flow_token(
    resolution: Resolution, *, secret: bytes | str, context: str = "", now: float | None = None
) -> str:
    """A token for sending ``resolution``; ``context`` is echoed back (≤ 256 characters)."""
    data = TokenData(
        resolution.key,
        resolution.traditional_flow,
        resolution.flow_id,
        context,
        int(time.time() if now is None else now),
    )
    return sign(data, secret)


def sign(data: TokenData, secret: bytes | str) -> str:
    if not isinstance(data.context, str) or len(data.context) > CONTEXT_MAX:
        raise FlowTokenError(f"context must be a string of at most {CONTEXT_MAX} characters")
    fields = [data.key, data.traditional_flow, data.flow_id, data.context, data.issued_at]
    body = _b64(json.dumps(fields, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
    return f"{PREFIX}.{body}.{_b64(_mac(secret, body))}"


def read_token(
    token: object, *, secret: bytes | str, max_age: float | None = None, now: float | None = None
) -> TokenData:
    """The token's data; ``FlowTokenError`` saying why when it cannot be trusted."""
    body, mac = _split(token)
    if not hmac.compare_digest(_unb64(mac), _mac(secret, body)):
        raise FlowTokenError(
            "flow_token signature does not match: the token was forged or altered, or it was "
            "signed with another secret (FLOW_TOKEN_SECRET / SECRET_KEY changed)"
        )
    data = _fields(_unb64(body))
    if max_age is not None:
        age = (time.time() if now is None else now) - data.issued_at
        if age > max_age:
            raise FlowTokenError(
                f"flow_token is stale: issued {int(age // 3600)} hour(s) ago, "
                f"more than the {int(max_age // 3600)} hour(s) allowed"
            )
    return data


def _split(token: object) -> tuple[str, str]:
    if not isinstance(token, str) or not token:
        raise FlowTokenError("the completion has no flow_token (some WhatsApp clients omit it)")
    if token == "unused":
        raise FlowTokenError(
            "flow_token is 'unused' (Meta's default): the flow was sent without a token; "
            "pass flow_token=flow_token(resolution, secret=...) to build_flow_message"
        )
    parts = token.split(".") if len(token) <= MAX_TOKEN and token.isascii() else []
    if len(parts) != 3 or parts[0] != PREFIX:
        raise FlowTokenError(f"flow_token {token[:40]!r} was not written by flowops")
    return parts[1], parts[2]


def _fields(raw: bytes) -> TokenData:
    try:
        key, traditional, flow_id, context, issued = json.loads(raw)
    except (ValueError, TypeError) as exc:
        raise FlowTokenError(f"flow_token body is malformed ({exc})") from None
    if not all(isinstance(v, str) for v in (key, flow_id, context)) or type(issued) is not int:
        raise FlowTokenError("flow_token body has fields of the wrong type")
    link = traditional if isinstance(traditional, str) else None
    return TokenData(key, link, flow_id, context, issued)


def _mac(secret: bytes | str, body: str) -> bytes:
    key = secret.encode("utf-8") if isinstance(secret, str) else secret
    if not key:
        raise FlowTokenError("an empty secret cannot sign flow tokens")
    message = f"{PREFIX}.{body}".encode("ascii")
    return hmac.new(key, message, hashlib.sha256).digest()[:MAC_BYTES]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise FlowTokenError("flow_token is not base64url") from None

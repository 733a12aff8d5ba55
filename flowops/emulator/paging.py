"""Graph cursor paging over a newest-first list of flows."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import urlencode

from flowops.emulator import errors
from flowops.emulator.flow import EmuFlow

DEFAULT_LIMIT = 25
MAX_LIMIT = 100


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"seq:{seq}".encode()).decode("ascii")


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("ascii")
        return int(text.removeprefix("seq:"))
    except (ValueError, UnicodeError):
        raise errors.invalid_parameter("Invalid cursor", f"'{cursor}' is not a cursor.") from None


def parse_limit(text: str | None) -> int:
    if not text:
        return DEFAULT_LIMIT
    if not text.isdigit() or int(text) < 1:
        raise errors.invalid_parameter("Invalid limit", "limit must be a positive integer.")
    return min(int(text), MAX_LIMIT)


def page(
    flows: list[EmuFlow], query: dict[str, str], base: str
) -> tuple[list[EmuFlow], dict[str, Any]]:
    """One page plus Graph's ``paging`` object (``next``/``previous`` only if there is more)."""
    limit = parse_limit(query.get("limit"))
    if query.get("before"):
        newer = decode_cursor(query["before"])
        items = [f for f in flows if f.seq > newer][-limit:]
    else:
        older = decode_cursor(query["after"]) if query.get("after") else None
        items = [f for f in flows if older is None or f.seq < older][:limit]
    return items, _paging(flows, items, query, base)


def _paging(
    flows: list[EmuFlow], items: list[EmuFlow], query: dict[str, str], base: str
) -> dict[str, Any]:
    if not items:
        return {}
    first, last = encode_cursor(items[0].seq), encode_cursor(items[-1].seq)
    paging: dict[str, Any] = {"cursors": {"before": first, "after": last}}
    rest = {k: v for k, v in query.items() if k not in ("after", "before", "access_token")}
    if any(f.seq < items[-1].seq for f in flows):
        paging["next"] = f"{base}?{urlencode({**rest, 'after': last})}"
    if any(f.seq > items[0].seq for f in flows):
        paging["previous"] = f"{base}?{urlencode({**rest, 'before': first})}"
    return paging

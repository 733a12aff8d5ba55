"""Images from a Flow JSON: base64 text becomes a ``data:`` URI (never a URL: no network)."""

from __future__ import annotations

import re

BASE64 = re.compile(r"[A-Za-z0-9+/=\s]+")
DATA_URI = re.compile(r"data:image/(png|jpeg|jpg|gif|webp);base64,([A-Za-z0-9+/=\s]+)")
MAGIC = (("/9j/", "jpeg"), ("iVBOR", "png"), ("R0lGOD", "gif"), ("UklGR", "webp"))
MAX_CHARS = 4 * 1024 * 1024  # far above Meta's 300 KB image limit, so only hostile input stops


def data_uri(src: object) -> str:
    """``data:image/…;base64,…`` for base64 image text (or a data URI); ``""`` for anything else."""
    if not isinstance(src, str) or not src or len(src) > MAX_CHARS:
        return ""
    found = DATA_URI.fullmatch(src.strip())
    if found:
        return f"data:image/{found.group(1)};base64,{_compact(found.group(2))}"
    if not BASE64.fullmatch(src):
        return ""
    body = _compact(src)
    kind = next((name for prefix, name in MAGIC if body.startswith(prefix)), "png")
    return f"data:image/{kind};base64,{body}"


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)

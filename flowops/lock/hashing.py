"""Stable digests: what flowops compares to decide whether a flow changed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any


def canonical_json(doc: Any) -> str:
    """Sorted keys, no whitespace, UTF-8 kept as is: equal documents give equal text."""
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_sha256(doc: Any) -> str:
    return sha256_text(canonical_json(doc))


def content_sha256_of_bytes(data: bytes) -> str | None:
    """Digest of a downloaded Flow JSON; ``None`` when it is not JSON at all."""
    try:
        return content_sha256(json.loads(data.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None


def metadata_summary(
    name: str, categories: Iterable[str], endpoint_uri: str | None
) -> dict[str, Any]:
    return {"name": name, "categories": sorted(categories), "endpoint_uri": endpoint_uri}


def metadata_sha256(name: str, categories: Iterable[str], endpoint_uri: str | None) -> str:
    return content_sha256(metadata_summary(name, categories, endpoint_uri))

"""flows.lock (what flowops last applied), its digests, and the store of applied Flow JSON."""

from __future__ import annotations

from flowops.lock.file import Lock, LockEntry, Retiring
from flowops.lock.hashing import (
    content_sha256,
    content_sha256_of_bytes,
    metadata_sha256,
    metadata_summary,
    sha256_text,
)
from flowops.lock.history import GIT_DEPTH, ContentStore

__all__ = [
    "GIT_DEPTH",
    "ContentStore",
    "Lock",
    "LockEntry",
    "Retiring",
    "content_sha256",
    "content_sha256_of_bytes",
    "metadata_sha256",
    "metadata_summary",
    "sha256_text",
]

"""Offline Flow JSON validation against Meta's rules (per-version schema + semantic checks)."""

from __future__ import annotations

from flowops.flowjson.findings import parse_version, pointer_join
from flowops.flowjson.navigation import entry_screen, navigate_edges
from flowops.flowjson.validate import validate_document, validate_text

__all__ = [
    "entry_screen",
    "navigate_edges",
    "parse_version",
    "pointer_join",
    "validate_document",
    "validate_text",
]

"""Offline Flow JSON validation against Meta's rules (per-version schema + semantic checks)."""

from __future__ import annotations

from flowops.flowjson.validate import validate_document, validate_text

__all__ = ["validate_document", "validate_text"]

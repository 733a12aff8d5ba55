"""Coerce Graph parameters that arrive as JSON values or as form strings."""

from __future__ import annotations

import json
from typing import Any

from flowops.emulator import errors

MAX_FLOW_JSON_BYTES = 10 * 1024 * 1024


def text(params: dict[str, Any], name: str) -> str | None:
    value = params.get(name)
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def required_text(params: dict[str, Any], name: str) -> str:
    value = text(params, name)
    if value is None or value == "":
        raise errors.missing_parameter(name)
    return value


def string_list(params: dict[str, Any], name: str) -> list[str] | None:
    """A JSON array, a JSON-encoded array string (Meta's Postman), or comma-separated text."""
    value = params.get(name)
    if value is None:
        return None
    if isinstance(value, str):
        value = _decode_list(value)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise errors.invalid_parameter(f"Invalid {name}", f"{name} must be an array of strings.")
    return value


def _decode_list(value: str) -> Any:
    if value.strip().startswith("["):
        try:
            return json.loads(value)
        except ValueError:
            raise errors.invalid_parameter("Invalid array", f"'{value}' is not JSON.") from None
    return [part.strip() for part in value.split(",") if part.strip()]


def boolean(params: dict[str, Any], name: str) -> bool:
    value = params.get(name)
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("true", "1")


def document(params: dict[str, Any], name: str) -> bytes | None:
    """A Flow JSON sent as a string, an uploaded file, or (JSON bodies) an object."""
    value = params.get(name)
    if value is None:
        return None
    if isinstance(value, bytes):
        data = value
    elif isinstance(value, str):
        data = value.encode("utf-8")
    else:
        data = json.dumps(value).encode("utf-8")
    if len(data) > MAX_FLOW_JSON_BYTES:
        raise errors.invalid_parameter("File too large", "Flow JSON files are limited to 10 MB.")
    return data

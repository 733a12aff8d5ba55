"""Compiled validators per Flow JSON version, loaded once from ``schemas/flowjson``."""

from __future__ import annotations

import functools
import json
from typing import Any

import jsonschema_rs

from flowops.flowjson.findings import Version
from flowops.flowjson.schema import file_name
from flowops.schemas import schema_path


@functools.cache
def load_schema(version: Version) -> dict[str, Any]:
    path = schema_path("flowjson", file_name(version))
    with path.open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


@functools.cache
def fast(version: Version) -> Any:
    """jsonschema-rs validator: ``is_valid`` on every document."""
    return jsonschema_rs.Draft202012Validator(load_schema(version))


@functools.cache
def detailed(version: Version) -> Any:
    """Pure-Python validator, used only to explain an invalid document: imported then, since
    valid documents (the common case) never need it and it is slow to import."""
    import jsonschema  # type: ignore[import-untyped]

    return jsonschema.Draft202012Validator(load_schema(version))

"""Data model types: JSON type names, example matching and `${data…}` path resolution."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from flowops.flowjson.findings import Finding
from flowops.flowjson.rules.suggest import closest

_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "number": (int, float),
    "integer": (int,),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
}
TYPES = frozenset({*_PY_TYPES, "null"})
_SCALARS = ("string", "number", "integer", "boolean")
_ALIASES = {
    "str": "string",
    "text": "string",
    "int": "integer",
    "float": "number",
    "double": "number",
    "bool": "boolean",
    "list": "array",
    "dict": "object",
    "date": "string",
}


def unknown_type(declared: str, pointer: str, code: str) -> Finding:
    """``"type": "str"`` → did you mean 'string'?"""
    guess = _ALIASES.get(declared.lower()) or closest(declared, sorted(TYPES))
    message = f"Unknown data type '{declared}'" + (f"; did you mean '{guess}'?" if guess else "")
    return Finding(pointer, code, message, hint=f"Data types: {', '.join(sorted(TYPES))}.")


def json_type(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def matches(declared: object, value: object) -> bool:
    """True when `value` fits `declared`; unknown or non-string declarations always fit."""
    kinds = _PY_TYPES.get(declared) if isinstance(declared, str) else None
    if kinds is None:
        return True
    if isinstance(value, bool) and declared != "boolean":
        return False
    return isinstance(value, kinds)


def resolve(data: dict[str, Any], parts: Sequence[str]) -> tuple[dict[str, Any] | None, str]:
    """Schema at `parts` in a data model: (schema, "") or (None, reason); ({}, "") if unknown."""
    schema = data.get(parts[0])
    if not isinstance(schema, dict):
        return None, f"'{parts[0]}' is not declared in the data model; declare it under `data`"
    for prev, part in pairwise(parts):
        declared = schema.get("type")
        if declared in _SCALARS:
            return (
                None,
                f"'{prev}' is a {declared}, which has no '{part}'; refer to '{prev}' itself",
            )
        if declared == "array":
            return None, (
                f"'{part}' is inside an array schema, whose elements cannot be addressed "
                "by name; bind the whole array (for example as a data-source) instead"
            )
        props = schema.get("properties")
        if not isinstance(props, dict):
            return {}, ""
        sub = props.get(part)
        if not isinstance(sub, dict):
            return None, f"'{part}' is not declared in the data model; add it to `properties`"
        schema = sub
    return schema, ""

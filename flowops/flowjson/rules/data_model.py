"""Screen data models: declared types, `__example__` values and path resolution."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flowops.flowjson.findings import Finding, pointer_join
from flowops.flowjson.rules.facts import Context

_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "number": (int, float),
    "integer": (int,),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
}


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


def resolve(data: dict[str, Any], parts: list[str]) -> tuple[dict[str, Any] | None, str]:
    """Schema at `parts` in a data model: (schema, "") or (None, reason); ({}, "") if unknown."""
    schema = data.get(parts[0])
    if not isinstance(schema, dict):
        return None, f"'{parts[0]}' is not declared in the data model; declare it under `data`"
    for part in parts[1:]:
        if schema.get("type") == "array":
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


_SCALARS = frozenset({"string", "number", "integer", "boolean"})


def check(ctx: Context) -> Iterator[Finding]:
    for s in ctx.screens:
        for name, schema in s.data.items():
            if isinstance(schema, dict) and not _plain_scalar(schema):
                yield from _field(schema, pointer_join(f"{s.pointer}/data", name))


def _plain_scalar(schema: dict[str, Any]) -> bool:
    """The common `{"type": "string", "__example__": "…"}` field, already correct."""
    declared = schema.get("type")
    return (
        len(schema) == 2
        and declared in _SCALARS
        and "__example__" in schema
        and matches(declared, schema["__example__"])
    )


def _field(schema: dict[str, Any], ptr: str) -> Iterator[Finding]:
    yield from _shape(schema, ptr, top=True)
    if "__example__" not in schema:
        yield Finding(
            ptr,
            "INVALID_SCREEN_DATA",
            "This data field has no '__example__'; add an example value of its declared type.",
        )
        return
    yield from _example(schema, schema["__example__"], f"{ptr}/__example__")


def _shape(schema: dict[str, Any], ptr: str, top: bool) -> Iterator[Finding]:
    if not top and "__example__" in schema:
        yield Finding(
            f"{ptr}/__example__",
            "INVALID_SCREEN_DATA",
            "'__example__' is allowed only on top-level data fields; remove this one.",
            at_key=True,
        )
    if "type" not in schema:
        yield Finding(
            ptr, "INVALID_SCREEN_DATA", "This data field has no 'type'; declare its type."
        )
    if schema.get("type") == "array" and "items" not in schema:
        yield Finding(
            ptr,
            "INVALID_SCREEN_DATA",
            "An array data field needs an 'items' schema; describe the array's elements.",
        )
    yield from _nested(schema, ptr)


def _nested(schema: dict[str, Any], ptr: str) -> Iterator[Finding]:
    items = schema.get("items")
    if isinstance(items, dict):
        yield from _shape(items, f"{ptr}/items", top=False)
    props = schema.get("properties")
    if isinstance(props, dict):
        for key, sub in props.items():
            if key == "__example__":
                yield Finding(
                    pointer_join(ptr, "properties", key),
                    "INVALID_SCREEN_DATA",
                    "'__example__' is allowed only on top-level data fields; remove this one.",
                    at_key=True,
                )
            elif isinstance(sub, dict):
                yield from _shape(sub, pointer_join(ptr, "properties", key), top=False)


def _example(schema: dict[str, Any], value: object, ptr: str) -> Iterator[Finding]:
    declared = schema.get("type")
    if not matches(declared, value):
        yield Finding(
            ptr,
            "INVALID_SCREEN_DATA",
            f"'__example__' should be of type {declared} but is {json_type(value)}; "
            "change the example or the declared type.",
        )
        return
    items = schema.get("items")
    if isinstance(value, list) and isinstance(items, dict):
        for i, item in enumerate(value):
            yield from _example(items, item, f"{ptr}/{i}")
    props = schema.get("properties")
    if isinstance(value, dict) and isinstance(props, dict):
        for key, sub in props.items():
            if key in value and isinstance(sub, dict):
                yield from _example(sub, value[key], pointer_join(ptr, key))

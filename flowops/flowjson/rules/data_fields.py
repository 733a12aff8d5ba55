"""Screen data fields: each has a `type` and a top-level `__example__` of that type.

Written as plain loops appending to one list (no generators): every valid screen with a
data model goes through here, so this is on the hot path.
"""

from __future__ import annotations

from typing import Any

from flowops.flowjson.findings import Finding, pointer_join
from flowops.flowjson.rules.data_model import TYPES, json_type, matches, unknown_type
from flowops.flowjson.rules.facts import Context

CODE = "INVALID_SCREEN_DATA"
_SCALARS = frozenset({"string", "number", "integer", "boolean"})
_EXAMPLE_TYPES: dict[str, type] = {"string": str, "number": float, "integer": int, "boolean": bool}
_SAMPLES = {
    "string": '"text"',
    "number": "1.5",
    "integer": "1",
    "boolean": "true",
    "array": "[ ... ]",
    "object": "{ ... }",
}
_MISSING = object()
_NESTED_EXAMPLE = "'__example__' is allowed only on top-level data fields; remove this one."
Path = list[str]


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for s in ctx.screens:
        for name, schema in s.data.items():
            if isinstance(schema, dict) and not sound_field(schema):
                _field(schema, ["screens", str(s.index), "data", name], out)
    return out


def sound_field(schema: dict[str, Any]) -> bool:
    """The field has its type and a matching example: `check` reports nothing about it."""
    return _plain_scalar(schema) or _sound(schema)


def _plain_scalar(schema: dict[str, Any]) -> bool:
    """The common `{"type": "string", "__example__": "…"}` field, already correct."""
    declared = schema.get("type")
    if len(schema) != 2 or type(declared) is not str or declared not in _SCALARS:
        return False
    example = schema.get("__example__", _MISSING)
    if type(example) is _EXAMPLE_TYPES[declared]:  # what JSON gives for the declared type
        return True
    return example is not _MISSING and matches(declared, example)


def _sound(schema: dict[str, Any]) -> bool:
    """`_field` would find nothing: answered without building paths or findings."""
    return (
        _shape_ok(schema, True)
        and "__example__" in schema
        and _example_ok(schema, schema["__example__"])
    )


def _shape_ok(schema: dict[str, Any], top: bool) -> bool:
    declared = schema.get("type")
    if declared is None or (declared == "array" and "items" not in schema):
        return False
    if type(declared) is str and declared not in TYPES:
        return False
    if not top and "__example__" in schema:
        return False
    items = schema.get("items")
    if isinstance(items, dict) and not _shape_ok(items, False):
        return False
    props = schema.get("properties")
    if isinstance(props, dict):
        for key, sub in props.items():
            if key == "__example__" or (isinstance(sub, dict) and not _shape_ok(sub, False)):
                return False
    return True


def _example_ok(schema: dict[str, Any], value: object) -> bool:
    if not matches(schema.get("type"), value):
        return False
    items = schema.get("items")
    if type(value) is list and isinstance(items, dict):
        for item in value:
            if not _example_ok(items, item):
                return False
    props = schema.get("properties")
    if type(value) is dict and isinstance(props, dict):
        for key, sub in props.items():
            if key not in value or not isinstance(sub, dict) or _plain_match(sub, value[key]):
                continue
            if not _example_ok(sub, value[key]):
                return False
    return True


def _ptr(path: Path, *more: str) -> str:
    return pointer_join("", *path, *more)


def _field(schema: dict[str, Any], path: Path, out: list[Finding]) -> None:
    _shape(schema, path, True, out)
    if "__example__" not in schema:
        out.append(_no_example(schema, path))
        return
    path.append("__example__")
    _example(schema, schema["__example__"], path, out)


def _no_example(schema: dict[str, Any], path: Path) -> Finding:
    declared = schema.get("type")
    kind = f" of type {declared}" if isinstance(declared, str) and declared in TYPES else ""
    message = f"Data field '{path[-1]}' has no '__example__'; add an example value{kind}."
    sample = _SAMPLES.get(declared) if isinstance(declared, str) else None
    hint = f'For example: "__example__": {sample}' if sample else ""
    return Finding(_ptr(path), CODE, message, hint=hint)


def _shape(schema: dict[str, Any], path: Path, top: bool, out: list[Finding]) -> None:
    declared = schema.get("type")
    if not top and "__example__" in schema:
        out.append(Finding(_ptr(path, "__example__"), CODE, _NESTED_EXAMPLE, at_key=True))
    if declared is None:
        out.append(Finding(_ptr(path), CODE, "This data field has no 'type'; declare its type."))
    elif type(declared) is str and declared not in TYPES:
        out.append(unknown_type(declared, _ptr(path, "type"), CODE))
    elif declared == "array" and "items" not in schema:
        message = "An array data field needs an 'items' schema; describe the array's elements."
        out.append(Finding(_ptr(path), CODE, message))
    items = schema.get("items")
    if isinstance(items, dict):
        _shape(items, [*path, "items"], False, out)
    props = schema.get("properties")
    if isinstance(props, dict):
        for key, sub in props.items():
            if key == "__example__":
                out.append(
                    Finding(_ptr(path, "properties", key), CODE, _NESTED_EXAMPLE, at_key=True)
                )
            elif isinstance(sub, dict):
                _shape(sub, [*path, "properties", key], False, out)


def _example(schema: dict[str, Any], value: object, path: Path, out: list[Finding]) -> None:
    declared = schema.get("type")
    if not matches(declared, value):
        out.append(
            Finding(
                _ptr(path),
                CODE,
                f"'__example__' should be of type {declared} but "
                f"is {json_type(value)}; change the example or the declared type.",
            )
        )
        return
    items = schema.get("items")
    if type(value) is list and isinstance(items, dict):
        for i, item in enumerate(value):
            path.append(str(i))
            _example(items, item, path, out)
            path.pop()
    props = schema.get("properties")
    if type(value) is dict and isinstance(props, dict):
        for key, sub in props.items():
            if key in value and isinstance(sub, dict) and not _plain_match(sub, value[key]):
                path.append(key)
                _example(sub, value[key], path, out)
                path.pop()


def _plain_match(schema: dict[str, Any], value: object) -> bool:
    """A bare scalar property (`{"type": "string"}`) whose example value fits."""
    declared = schema.get("type")
    return (
        len(schema) == 1
        and type(declared) is str
        and declared in _SCALARS
        and matches(declared, value)
    )

"""Schema fragments for property kinds, actions and list items (used by ``schema.py``)."""

from __future__ import annotations

from typing import Any

from flowops.flowjson import catalog
from flowops.flowjson.catalog import Prop
from flowops.flowjson.catalog_items import ITEMS
from flowops.flowjson.findings import Version

Schema = dict[str, Any]

# A dynamic value: a ``${...}`` reference anywhere, or a backtick expression.
DYNAMIC = r"\$\{|^\s*`"
NUMERIC_OR_DYNAMIC = r"\$\{|^\s*`|^\s*-?[0-9]"
NOT_BLANK = r"\S"  # from 6.0 Meta rejects empty and blank strings
# Text whose length is unknown until run time: exactly one ``${...}`` reference (spaces
# around it allowed) or a backtick expression. Text with anything else beside a reference
# ("Hi ${data.name}") is static text and its whole length counts against the limit.
WHOLLY_DYNAMIC = r"^\s*(\$\{[^{}]*\}\s*$|`)"


def ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def text_schema(max_chars: int | None, version: Version) -> Schema:
    """A string; limits apply to static text (mixed text included), never to a string
    that is wholly one reference or expression."""
    static: Schema = {}
    if max_chars is not None:
        static["maxLength"] = max_chars
    if version >= (6, 0):
        static["pattern"] = NOT_BLANK
    if not static:
        return {"type": "string"}
    return {"type": "string", "if": {"pattern": WHOLLY_DYNAMIC}, "else": static}


def _or_dynamic(json_type: str, pattern: str = DYNAMIC) -> Schema:
    return {"type": [json_type, "string"], "pattern": pattern}


def _list(item: str, max_items: int | None = None) -> Schema:
    schema = {**_or_dynamic("array"), "minItems": 1, "items": ref(item)}
    if max_items is not None:
        schema["maxItems"] = max_items
    return schema


_FIXED: dict[str, Schema] = {
    "string": {"type": "string"},
    "name": {"type": "string"},
    "any": {},
    "bool": _or_dynamic("boolean"),
    "number": _or_dynamic("number", NUMERIC_OR_DYNAMIC),
    "array": _or_dynamic("array"),
    "object": _or_dynamic("object"),
    "rich_text": {"type": ["string", "array"], "items": {"type": "string"}},
    "condition": {"type": ["string", "boolean"]},
    "components": ref("components"),
    "components_nonempty": {**ref("components"), "minItems": 1},
    "cases": {"type": "object", "minProperties": 1, "additionalProperties": ref("components")},
    "data_source": _list("data_source_item"),
    "list_items": _list("list_item", 20),
    "images": _list("carousel_image", 3),
}


def prop_schema(prop: Prop, version: Version) -> Schema:
    if prop.kind == "text":
        return text_schema(prop.max_chars, version)
    if prop.kind == "enum":
        return {"type": "string", "if": {"pattern": DYNAMIC}, "else": {"enum": list(prop.enum)}}
    if prop.kind == "styled_text":
        schema = text_schema(prop.max_chars, version)
        if version >= (5, 1):  # with ``markdown`` the text may be a list of lines
            schema.update({"type": ["string", "array"], "items": {"type": "string"}})
        return schema
    return _FIXED[prop.kind]


_ACTION_SHAPES: dict[str, tuple[Schema, list[str]]] = {
    "navigate": (
        {
            "next": {
                "type": "object",
                "required": ["name"],
                "properties": {"type": {"enum": ["screen", "plugin"]}, "name": {"type": "string"}},
                "additionalProperties": False,
            },
            "payload": _or_dynamic("object"),
        },
        ["next"],
    ),
    "complete": ({"payload": _or_dynamic("object")}, []),
    "data_exchange": ({"payload": _or_dynamic("object")}, []),
    "update_data": ({"payload": _or_dynamic("object")}, ["payload"]),
    "open_url": ({"url": {"type": "string"}}, ["url"]),
}


def _action_shape(name: str) -> Schema:
    props, required = _ACTION_SHAPES[name]
    return {
        "type": "object",
        "required": ["name", *required],
        "properties": {"name": {"const": name}, **props},
        "additionalProperties": False,
    }


def _action_at(names: list[str]) -> Schema:
    """An action slot that accepts ``names``; the matching shape is checked by ``if``/``then``."""
    return {
        "type": "object",
        "required": ["name"],
        "properties": {"name": {"enum": names}},
        "allOf": [
            {
                "if": {"required": ["name"], "properties": {"name": {"const": name}}},
                "then": ref(f"action_{name}"),
            }
            for name in names
        ],
    }


def action_slot(owner: str, key: str) -> str:
    return f"action_{owner}_{key}"


def action_defs(version: Version) -> Schema:
    defs: Schema = {}
    for name in catalog.ACTION_NAMES:
        defs[f"action_{name}"] = _action_shape(name)
    owners = [(c.name, c.props_at(version)) for c in catalog.components_at(version)]
    owners += list(ITEMS.items())
    for owner, props in owners:
        for key, prop in props.items():
            if prop.kind == "action" and version >= prop.since:
                defs[action_slot(owner, key)] = _action_at(catalog.action_names(prop, version))
    return defs


def _object(owner: str, props: dict[str, Prop], version: Version) -> Schema:
    schema: Schema = {}
    for key, prop in props.items():
        if version < prop.since:
            continue
        if prop.kind == "action":
            schema[key] = ref(action_slot(owner, key))
        elif prop.kind == "ref":
            schema[key] = ref(prop.enum[0])
        else:
            schema[key] = prop_schema(prop, version)
    required = [k for k, p in props.items() if p.required_since and version >= p.required_since]
    return {
        "type": "object",
        "required": required,
        "properties": schema,
        "additionalProperties": False,
    }


def item_defs(version: Version) -> Schema:
    return {name: _object(name, props, version) for name, props in ITEMS.items()}

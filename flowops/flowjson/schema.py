"""Build the JSON Schema (draft 2020-12) of one Flow JSON version from ``catalog``.

Components and actions are selected with ``if``/``then`` on ``type``/``name`` (never
``oneOf``), so every schema error names one precise property.
"""

from __future__ import annotations

import json
from typing import Any

from flowops.flowjson import catalog
from flowops.flowjson.catalog import Component, Prop
from flowops.flowjson.findings import Version
from flowops.flowjson.schema_parts import action_defs, item_defs, prop_schema, ref, text_schema
from flowops.flowjson.versions import text

Schema = dict[str, Any]
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def build_schema(version: Version) -> Schema:
    return {
        "$schema": DRAFT,
        "title": f"WhatsApp Flow JSON {text(version)}",
        "type": "object",
        "required": ["version", "screens"],
        "properties": _top_properties(version),
        "additionalProperties": False,
        "$defs": _defs(version),
    }


def _top_properties(version: Version) -> Schema:
    props: Schema = {
        "version": {"type": "string", "const": text(version)},
        "screens": {"type": "array", "minItems": 1, "maxItems": 100, "items": ref("screen")},
        "routing_model": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
        "data_api_version": {"enum": ["3.0", "4.0"]},
    }
    if version < (3, 0):
        props["data_channel_uri"] = {"type": "string"}
    return props


def _defs(version: Version) -> Schema:
    defs: Schema = {
        "screen": _screen(version),
        "layout": _layout(),
        "components": {"type": "array", "items": ref("component")},
        "component": _component_switch(version),
    }
    for component in catalog.components_at(version):
        defs[component.name] = _component(component, version)
    defs.update(action_defs(version))
    defs.update(item_defs(version))
    return defs


def _screen(version: Version) -> Schema:
    props: Schema = {
        "id": {"type": "string", "pattern": "^[A-Za-z_]+$"},
        "title": text_schema(None, version),
        "terminal": {"type": "boolean"},
        "success": {"type": "boolean"},
        "data": {"type": "object"},
        "refresh_on_back": {"type": "boolean"},
        "layout": ref("layout"),
    }
    if version >= (5, 1):
        props["sensitive"] = {"type": "array", "items": {"type": "string"}}
    return {
        "type": "object",
        "required": ["id", "layout"],
        "properties": props,
        "additionalProperties": False,
    }


def _layout() -> Schema:
    return {
        "type": "object",
        "required": ["type", "children"],
        "properties": {
            "type": {"type": "string", "const": "SingleColumnLayout"},
            "children": {"type": "array", "maxItems": 50, "items": ref("component")},
        },
        "additionalProperties": False,
    }


def _component_switch(version: Version) -> Schema:
    names = [c.name for c in catalog.components_at(version)]
    return {
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"enum": names}},
        **_type_tree(names),
    }


def _type_tree(names: list[str]) -> Schema:
    """Select ``$defs/<type>`` by a binary ``if``/``then``/``else`` tree on ``type``.

    Validation then tests about log2(24) conditions per component instead of 24.
    """
    if len(names) == 1:
        only = {"required": ["type"], "properties": {"type": {"const": names[0]}}}
        return {"if": only, "then": ref(names[0])}
    half = len(names) // 2
    return {
        "if": {"properties": {"type": {"enum": names[:half]}}},
        "then": _type_tree(names[:half]),
        "else": _type_tree(names[half:]),
    }


def _component(component: Component, version: Version) -> Schema:
    props: Schema = {"type": {"const": component.name}}
    for key, prop in component.props_at(version).items():
        props[key] = _prop(component, key, prop, version)
    return {
        "type": "object",
        "required": component.required_at(version),
        "properties": props,
        "additionalProperties": False,
    }


def _prop(component: Component, key: str, prop: Prop, version: Version) -> Schema:
    if prop.kind == "action":
        return ref(f"action_{component.name}_{key}")
    return prop_schema(prop, version)


def render(version: Version) -> str:
    """The exact text committed as ``schemas/flowjson/<version>.json``."""
    return json.dumps(build_schema(version), indent=2, ensure_ascii=False) + "\n"


def file_name(version: Version) -> str:
    return f"{text(version)}.json"

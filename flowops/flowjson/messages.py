"""Schema errors → one clear finding each, with Meta's error code where one exists."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from flowops.flowjson.describe import Context, json_type
from flowops.flowjson.findings import Finding
from flowops.flowjson.schema_parts import DYNAMIC, NOT_BLANK, NUMERIC_OR_DYNAMIC
from flowops.flowjson.unknown import suggest, unknown_action, unknown_component, unknown_key

if TYPE_CHECKING:  # the module itself is imported only to explain an invalid document
    from jsonschema import ValidationError  # type: ignore[import-untyped]

_TYPE_NAMES = {
    "string": "a string",
    "boolean": "true or false",
    "number": "a number",
    "integer": "an integer",
    "array": "an array",
    "object": "an object",
    "null": "null",
}

_TYPE_HINTS = {
    "boolean": "Write true or false without quotes, or use a `${data.…}` reference.",
    "number": "Write the number without quotes, or use a `${data.…}` reference.",
    "array": "Use a JSON array [ … ].",
    "object": "Use a JSON object { … }.",
    "string": 'Put the value in double quotes: "…".',
}


def translate(error: ValidationError, ctx: Context) -> list[Finding]:
    handler = _HANDLERS.get(str(error.validator), _other)
    return handler(error, ctx)


def _additional(error: ValidationError, ctx: Context) -> list[Finding]:
    allowed = list(error.schema.get("properties", {}))
    return [unknown_key(ctx, key, allowed) for key in error.instance if key not in allowed]


def _required(error: ValidationError, ctx: Context) -> list[Finding]:
    missing = [k for k in error.validator_value if k not in error.instance]
    missing = [k for k in missing if k not in _misspelled(error)]
    return [
        Finding(
            ctx.pointer,
            "MISSING_REQUIRED_PROPERTY",
            f"{ctx.owner()} is missing the required property `{key}`",
            hint=f"Add `{key}` to {ctx.owner()}.",
        )
        for key in missing
    ]


def _misspelled(error: ValidationError) -> set[str]:
    """Required keys present under a misspelt name: the unknown-key finding covers them."""
    allowed = list(error.schema.get("properties", {}))
    extras = [k for k in error.instance if k not in allowed]
    return {guess for k in extras if (guess := suggest(k, allowed)) is not None}


def _type_finding(types: object, dynamic_ok: bool, error: ValidationError, ctx: Context) -> Finding:
    names = [str(t) for t in (types if isinstance(types, list) else [types])]
    if dynamic_ok:
        names = [n for n in names if n != "string"]
    expected = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
    if dynamic_ok:
        expected += " or a dynamic `${...}` value"
    message = f"{ctx.name()} must be {expected}, not {json_type(error.instance)}"
    return Finding(
        ctx.pointer, "INVALID_PROPERTY_TYPE", message, hint=_TYPE_HINTS.get(names[0], "")
    )


def _type(error: ValidationError, ctx: Context) -> list[Finding]:
    dynamic_ok = error.schema.get("pattern") in (DYNAMIC, NUMERIC_OR_DYNAMIC)
    return [_type_finding(error.validator_value, dynamic_ok, error, ctx)]


def _pattern(error: ValidationError, ctx: Context) -> list[Finding]:
    pattern = error.validator_value
    if pattern == NOT_BLANK:
        message = f"{ctx.name()} must not be empty or blank (Flow JSON 6.0 and later)"
        hint = "Write some text or remove the property."
        return [Finding(ctx.pointer, "MIN_CHARS_REQUIRED", message, hint=hint)]
    if pattern in (DYNAMIC, NUMERIC_OR_DYNAMIC):
        return [_type_finding(error.schema.get("type"), True, error, ctx)]
    if ctx.is_screen_id():
        message = f"screen id {json.dumps(error.instance)} may contain only letters and underscores"
        return [
            Finding(ctx.pointer, "PATTERN_MISMATCH", message, hint="For example CONFIRM_ORDER.")
        ]
    message = f"{ctx.name()} {json.dumps(error.instance)} does not match the pattern {pattern}"
    return [Finding(ctx.pointer, "PATTERN_MISMATCH", message, hint="Change the value to match.")]


def _enum(error: ValidationError, ctx: Context) -> list[Finding]:
    allowed = [str(v) for v in error.validator_value]
    value = error.instance
    if isinstance(value, str) and ctx.is_component_type():
        return [unknown_component(ctx, value, allowed)]
    if isinstance(value, str) and ctx.is_action_name():
        return [unknown_action(ctx, value, allowed)]
    shown = ", ".join(json.dumps(v) for v in error.validator_value)
    message = f"{ctx.name()} is {json_type(value)}; allowed: {shown}"
    guess = suggest(value, allowed) if isinstance(value, str) else None
    hint = f"Did you mean `{guess}`?" if guess else "Use one of the allowed values."
    return [Finding(ctx.pointer, "INVALID_ENUM_VALUE", message, hint=hint)]


def _const(error: ValidationError, ctx: Context) -> list[Finding]:
    expected = json.dumps(error.validator_value)
    message = f"{ctx.name()} must be {expected}, not {json_type(error.instance)}"
    return [Finding(ctx.pointer, "INVALID_ENUM_VALUE", message, hint=f"Use {expected}.")]


def _max_length(error: ValidationError, ctx: Context) -> list[Finding]:
    limit = error.validator_value
    message = f"{ctx.name()} is {len(error.instance)} characters long; the limit is {limit}"
    hint = f"Shorten it to {limit} characters or fewer."
    return [Finding(ctx.pointer, "INVALID_PROPERTY_VALUE", message, hint=hint)]


def _min_length(error: ValidationError, ctx: Context) -> list[Finding]:
    message = f"{ctx.name()} needs at least {_count(error.validator_value, 'character')}"
    return [Finding(ctx.pointer, "MIN_CHARS_REQUIRED", message, hint="Write some text.")]


def _min_items(error: ValidationError, ctx: Context) -> list[Finding]:
    if ctx.path and ctx.path[-1] in ("then", "else", "children"):
        message = f"{ctx.name()} must contain at least one component"
        hint = "Add a component, or remove the empty branch."
        return [Finding(ctx.pointer, "INVALID_PROPERTY_VALUE", message, hint=hint)]
    message = f"{ctx.name()} needs at least {_count(error.validator_value, 'item')}"
    return [Finding(ctx.pointer, "MIN_ITEMS_REQUIRED", message, hint="Add the missing items.")]


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _min_properties(error: ValidationError, ctx: Context) -> list[Finding]:
    message = f"{ctx.name()} needs at least {error.validator_value} entry"
    return [Finding(ctx.pointer, "MIN_ITEMS_REQUIRED", message, hint="Add an entry.")]


def _max_items(error: ValidationError, ctx: Context) -> list[Finding]:
    limit, count = error.validator_value, len(error.instance)
    if ctx.path == ("screens",):
        message = f"the Flow JSON has {count} screens; the limit is {limit}"
        hint = "Split the flow into several flows."
        return [Finding(ctx.pointer, "MAX_SCREENS_NUMBER", message, hint=hint)]
    message = f"{ctx.name()} has {count} items; the limit is {limit}"
    hint = f"Keep at most {limit}; move the rest to another screen or list."
    return [Finding(ctx.pointer, "INVALID_PROPERTY_VALUE", message, hint=hint)]


def _other(error: ValidationError, ctx: Context) -> list[Finding]:
    return [Finding(ctx.pointer, "INVALID_PROPERTY_VALUE", f"{ctx.name()}: {error.message}")]


_HANDLERS: dict[str, Callable[[ValidationError, Context], list[Finding]]] = {
    "additionalProperties": _additional,
    "required": _required,
    "type": _type,
    "pattern": _pattern,
    "enum": _enum,
    "const": _const,
    "maxLength": _max_length,
    "minLength": _min_length,
    "minItems": _min_items,
    "minProperties": _min_properties,
    "maxItems": _max_items,
}

"""One clear message per kind of schema error in flows.yaml, with how to fix it."""

from __future__ import annotations

from typing import Any

from flowops.flowjson import pointer_join
from flowops.manifest.source import Source, did_you_mean, dotted
from flowops.meta import MAX_FLOW_NAME
from flowops.problems import Problem

_ENV_NAME = "an environment name: lowercase letters, digits, _ and - starting with a letter"
_FORMATS = {
    "waba_id": 'digits written as a string, like "102290129340398"',
    "app_id": 'digits written as a string, like "1234567890"',
    "phone_number_id": 'digits written as a string, like "1099999999"',
    "graph_api_version": "a Graph API version like v23.0",
    "graph_url": "an http:// or https:// URL",
    "endpoint_uri": "an https:// URL (Meta only calls HTTPS endpoints)",
    "entry_screen": "a screen id (letters and underscores)",
    "clone_name_suffix": "a suffix containing {n}, like __v{n}",
    "flows": "a flow key: lowercase letters, digits and _ starting with a letter",
    "environments": _ENV_NAME,
    "overrides": _ENV_NAME,
}
_TYPE_NAMES = {"string": "text", "array": "a list", "object": "a mapping", "null": "null"}
_TYPE_NAMES.update({"integer": "a whole number", "boolean": "true or false", "number": "a number"})


def _wrong_type(src: Source, pointer: str, error: Any) -> Problem:
    wanted = " or ".join(_TYPE_NAMES.get(t, f"a {t}") for t in error.kind.types)
    return src.problem(
        pointer,
        "MANIFEST_WRONG_TYPE",
        f"{dotted(pointer)} must be {wanted}, not {_type_of(error.instance)}.",
        hint=_type_hint(pointer.rpartition("/")[2], error.kind.types, error.instance),
    )


def _type_hint(field: str, types: Any, value: object) -> str:
    """The usual YAML slip behind a wrong type, and how to write the value instead."""
    if "boolean" in types:
        return "Write true or false" + (", without quotes." if isinstance(value, str) else ".")
    if {"integer", "number"} & set(types) and isinstance(value, str):
        return "Write the number without quotes."
    if "array" in types and isinstance(value, str):
        return f"Write a list, like [{value}]."
    if "string" not in types or isinstance(value, (dict, list)):
        return ""
    if "digits" in _FORMATS.get(field, ""):
        return "Put the digits in quotes."
    if field in _FORMATS:
        return f"Write {_FORMATS[field]}."
    return "Put the value in quotes so YAML reads it as text."


def _type_of(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list"}
    names.update({dict: "a mapping", type(None): "null"})
    return names.get(type(value), type(value).__name__)


def _enum(src: Source, pointer: str, error: Any) -> Problem:
    options = [str(o) for o in error.kind.options]
    value = str(error.instance)
    if "/categories/" in pointer:
        return src.problem(
            pointer,
            "MANIFEST_UNKNOWN_CATEGORY",
            f"Unknown category '{value}'.{did_you_mean(value.upper(), options)}",
            hint="Valid categories: " + ", ".join(options),
        )
    message = f"{dotted(pointer)} must be one of: {', '.join(options)}."
    return src.problem(pointer, "MANIFEST_INVALID_VALUE", message + did_you_mean(value, options))


def _const(src: Source, pointer: str, error: Any) -> Problem:
    return src.problem(
        pointer,
        "MANIFEST_VERSION",
        f"Unsupported manifest version; this flowops reads version {error.kind.expected_value}.",
        hint="Set 'version: 1', or upgrade flowops if the file was written by a newer one.",
    )


def _required(src: Source, pointer: str, error: Any) -> Problem:
    key = error.kind.property
    if pointer.startswith("/environments/"):
        message = f"Environment '{pointer.rpartition('/')[2]}' needs '{key}' (or emulator: true)."
    elif pointer.startswith("/flows/"):
        message = f"Flow '{pointer.split('/')[2]}' needs '{key}'."
    else:
        message = f"Missing required key '{key}'" + (f" in {dotted(pointer)}." if pointer else ".")
    return src.problem(pointer, "MANIFEST_MISSING_KEY", message, at_key=bool(pointer))


def _pattern(src: Source, pointer: str, error: Any) -> Problem:
    field = pointer.rpartition("/")[2]
    expected = _FORMATS.get(field, "a different value")
    return src.problem(pointer, "MANIFEST_INVALID_VALUE", f"{dotted(pointer)} must be {expected}.")


def _property_name(src: Source, pointer: str, error: Any) -> Problem:
    name = str(error.kind.error.instance)
    expected = _FORMATS.get(pointer.rpartition("/")[2], "a different name")
    return src.problem(
        pointer_join(pointer, name),
        "MANIFEST_INVALID_NAME",
        f"'{name}' in {dotted(pointer)} must be {expected}.",
        at_key=True,
    )


def invalid_value(src: Source, pointer: str, error: Any) -> Problem:
    kind = type(error.kind).__name__
    rules = {
        "MinItems": "must list at least one item",
        "UniqueItems": "must not list an item twice",
        "MinLength": "must not be empty",
        "MaxLength": f"is too long (at most {MAX_FLOW_NAME} characters)",  # only names have one
        "Minimum": "is too small",
        "Maximum": "is too large",
    }
    rule = rules.get(kind, "is not valid")
    return src.problem(pointer, "MANIFEST_INVALID_VALUE", f"{dotted(pointer)} {rule}.")


HANDLERS = {
    "Type": _wrong_type,
    "Enum": _enum,
    "Constant": _const,
    "Required": _required,
    "Pattern": _pattern,
    "PropertyNames": _property_name,
}

"""Type checks of flows.yaml against ``schemas/flows.schema.json``, as one clear message each.

The schema is the single description of the format (editors use it too); its raw messages
are never shown because they echo values, which could be a pasted token.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema_rs

from flowops.flowjson.findings import pointer_join
from flowops.manifest.source import Source, did_you_mean, dotted
from flowops.problems import Problem

SCHEMA_NAME = "flows.schema.json"

_TOKEN_HINT = (
    "Never put a token in this file: set token_env to the NAME of the environment variable"
    " that holds it (e.g. token_env: WHATSAPP_TOKEN)."
)
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


def schema_file() -> Path:
    """The shipped schema: inside the wheel (``flowops/_schemas``) or the source checkout."""
    package = Path(__file__).resolve().parent.parent
    for folder in (package / "_schemas", package.parent / "schemas"):
        if (folder / SCHEMA_NAME).is_file():
            return folder / SCHEMA_NAME
    raise FileNotFoundError(f"{SCHEMA_NAME} is missing from the flowops installation")


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_file().read_text(encoding="utf-8"))
    return loaded


@lru_cache(maxsize=1)
def _validator() -> Any:
    return jsonschema_rs.validator_for(_schema())


def schema_problems(src: Source) -> list[Problem]:
    validator = _validator()
    if validator.is_valid(src.doc.data):
        return []
    problems: list[Problem] = []
    for error in validator.iter_errors(src.doc.data):
        problems.extend(_translate(src, error))
    return problems


def _pointer(parts: Any) -> str:
    return pointer_join("", *parts)


def _translate(src: Source, error: Any) -> list[Problem]:
    kind = type(error.kind).__name__
    pointer = _pointer(error.instance_path)
    if kind == "AdditionalProperties":
        return [_unknown_key(src, pointer, key, error.schema_path) for key in error.kind.unexpected]
    handler = _HANDLERS.get(kind, _invalid_value)
    return [handler(src, pointer, error)]


def _unknown_key(src: Source, pointer: str, key: str, schema_path: Any) -> Problem:
    subschema: Any = _schema()
    for part in list(schema_path)[:-1]:
        subschema = subschema[part]
    valid = sorted(subschema.get("properties", {}))
    where = f"in {dotted(pointer)}" if pointer else "at the top level"
    return src.problem(
        pointer_join(pointer, key),
        "MANIFEST_UNKNOWN_KEY",
        f"Unknown key '{key}' {where}.{did_you_mean(key, valid)}",
        at_key=True,
        hint=_TOKEN_HINT if "token" in key.lower() else "Valid keys: " + ", ".join(valid),
    )


def _wrong_type(src: Source, pointer: str, error: Any) -> Problem:
    wanted = " or ".join(_TYPE_NAMES.get(t, f"a {t}") for t in error.kind.types)
    field = pointer.rpartition("/")[2]
    hint = "Put the digits in quotes." if field in _FORMATS and "digits" in _FORMATS[field] else ""
    return src.problem(
        pointer,
        "MANIFEST_WRONG_TYPE",
        f"{dotted(pointer)} must be {wanted}, not {_type_of(error.instance)}.",
        hint=hint,
    )


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


def _invalid_value(src: Source, pointer: str, error: Any) -> Problem:
    kind = type(error.kind).__name__
    rules = {
        "MinItems": "must list at least one item",
        "UniqueItems": "must not list an item twice",
        "MinLength": "must not be empty",
        "MaxLength": "is too long (at most 200 characters)",
        "Minimum": "is too small",
        "Maximum": "is too large",
    }
    rule = rules.get(kind, "is not valid")
    return src.problem(pointer, "MANIFEST_INVALID_VALUE", f"{dotted(pointer)} {rule}.")


_HANDLERS = {
    "Type": _wrong_type,
    "Enum": _enum,
    "Constant": _const,
    "Required": _required,
    "Pattern": _pattern,
    "PropertyNames": _property_name,
}

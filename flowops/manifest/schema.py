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

from flowops.flowjson import pointer_join
from flowops.manifest.schema_messages import HANDLERS, invalid_value
from flowops.manifest.source import Source, closest, did_you_mean, dotted
from flowops.problems import Problem
from flowops.schemas import FLOWS_SCHEMA, schema_path

SCHEMA_NAME = FLOWS_SCHEMA

_TOKEN_HINT = (
    "Never put a token in this file: set token_env to the NAME of the environment variable"
    " that holds it (e.g. token_env: WHATSAPP_TOKEN)."
)


def schema_file() -> Path:
    """The shipped schema: inside the wheel (``flowops/_schemas``) or the source checkout."""
    path = schema_path(SCHEMA_NAME)
    if not path.is_file():
        raise FileNotFoundError(f"{SCHEMA_NAME} is missing from the flowops installation")
    return path


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
    errors = list(validator.iter_errors(src.doc.data))
    typos = {typo for error in errors for typo in _typos(error)}
    problems: list[Problem] = []
    for error in errors:
        if not _misspelt_required(error, typos):
            problems.extend(_translate(src, error))
    return problems


def _typos(error: Any) -> set[tuple[str, str]]:
    """(object pointer, the valid key an unknown key most likely misspells)."""
    if type(error.kind).__name__ != "AdditionalProperties":
        return set()
    valid, pointer = _valid_keys(error.schema_path), _pointer(error.instance_path)
    guesses = (closest(key, valid) for key in error.kind.unexpected)
    return {(pointer, guess) for guess in guesses if guess is not None}


def _misspelt_required(error: Any, typos: set[tuple[str, str]]) -> bool:
    """A missing key whose misspelling is already reported: one message for one mistake."""
    if type(error.kind).__name__ != "Required":
        return False
    return (_pointer(error.instance_path), error.kind.property) in typos


def _pointer(parts: Any) -> str:
    return pointer_join("", *parts)


def _translate(src: Source, error: Any) -> list[Problem]:
    kind = type(error.kind).__name__
    pointer = _pointer(error.instance_path)
    if kind == "AdditionalProperties":
        return [_unknown_key(src, pointer, key, error.schema_path) for key in error.kind.unexpected]
    handler = HANDLERS.get(kind, invalid_value)
    return [handler(src, pointer, error)]


def _valid_keys(schema_path: Any) -> list[str]:
    subschema: Any = _schema()
    for part in list(schema_path)[:-1]:
        subschema = subschema[part]
    return sorted(subschema.get("properties", {}))


def _unknown_key(src: Source, pointer: str, key: str, schema_path: Any) -> Problem:
    valid = _valid_keys(schema_path)
    where = f"in {dotted(pointer)}" if pointer else "at the top level"
    return src.problem(
        pointer_join(pointer, key),
        "MANIFEST_UNKNOWN_KEY",
        f"Unknown key '{key}' {where}.{did_you_mean(key, valid)}",
        at_key=True,
        hint=_TOKEN_HINT if "token" in key.lower() else "Valid keys: " + ", ".join(valid),
    )

"""Meta-style ``validation_errors`` for an uploaded Flow JSON, from flowops' own validator."""

from __future__ import annotations

import json
from typing import Any

from flowops.flowjson import validate_text, versions
from flowops.flowjson.findings import parse_version
from flowops.problems import Problem


def validation_errors(data: bytes) -> list[dict[str, Any]]:
    """Only errors count: warnings (e.g. a frozen version) don't appear in Meta's list."""
    problems = validate_text(data, "flow.json")
    return [to_meta_error(p) for p in problems if p.is_error]


def to_meta_error(problem: Problem) -> dict[str, Any]:
    item: dict[str, Any] = {
        "error": problem.code,
        "error_type": "FLOW_JSON_ERROR",
        "message": problem.message,
    }
    position = _position(problem)
    item.update(position)
    item["pointers"] = [{**position, "path": pointer_to_path(problem.pointer)}]
    return item


def _position(problem: Problem) -> dict[str, int]:
    if problem.line <= 0:
        return {}
    col = max(problem.col, 1)
    return {
        "line_start": problem.line,
        "line_end": problem.line,
        "column_start": col,
        "column_end": col,
    }


def pointer_to_path(pointer: str) -> str:
    """``/screens/0/layout`` → ``screens[0].layout`` (Meta's path notation)."""
    path = ""
    for raw in pointer.split("/")[1:]:
        part = raw.replace("~1", "/").replace("~0", "~")
        if part.isdigit():
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
    return path


def read_versions(data: bytes | None) -> tuple[str | None, str | None]:
    """``(version, data_api_version)`` as written in the JSON, or None where unreadable."""
    if data is None:
        return None, None
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return None, None
    if not isinstance(doc, dict):
        return None, None
    return _text(doc.get("version")), _text(doc.get("data_api_version"))


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def is_frozen(version: str | None) -> bool:
    """True for Flow JSON versions Meta no longer publishes (2.1 … 5.0)."""
    parsed = parse_version(version) if version else None
    return parsed is not None and versions.is_frozen(parsed)

"""Meta-style ``validation_errors`` for an uploaded Flow JSON, from flowops' own validator."""

from __future__ import annotations

import json
from typing import Any

from flowops.emulator.spans import LineIndex, span_end
from flowops.flowjson import parse, parse_version, validate_text, versions
from flowops.problems import Problem


def validation_errors(data: bytes) -> list[dict[str, Any]]:
    """Only errors count: warnings (e.g. a frozen version) don't appear in Meta's list."""
    problems = [p for p in validate_text(data, "flow.json") if p.is_error]
    if not problems:
        return []
    decoded = parse.decode(data)
    text = decoded if isinstance(decoded, str) else ""
    index = LineIndex(text)
    return [to_meta_error(p, text, index) for p in problems]


def to_meta_error(problem: Problem, text: str, index: LineIndex) -> dict[str, Any]:
    item: dict[str, Any] = {
        "error": problem.code,
        "error_type": "FLOW_JSON_ERROR",
        "message": problem.message,
    }
    position = _position(problem, text, index)
    item.update(position)
    item["pointers"] = [{**position, "path": pointer_to_path(problem.pointer)}]
    return item


def _position(problem: Problem, text: str, index: LineIndex) -> dict[str, int]:
    """The range of the offending token in the uploaded text (``column_end`` exclusive)."""
    if problem.line <= 0:
        return {}
    col = max(problem.col, 1)
    line_end, column_end = span_end(text, index, problem.line, col)
    return {
        "line_start": problem.line,
        "line_end": line_end,
        "column_start": col,
        "column_end": column_end,
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

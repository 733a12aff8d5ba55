"""Read the old app's ``flows/definitions/*.py`` without running them.

Each WhatsApp Flow there is a module-level ``X_METADATA`` dict (name, friendly_name,
description, flow_definition_name, is_active) beside ``X``, the Flow JSON dict. The files are
parsed with ``ast`` and the two values read with ``ast.literal_eval``: nothing is imported, and
anything computed is refused with its file, line and column.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KEY = re.compile(r"^[a-z][a-z0-9_]*$")
SUFFIX = "_METADATA"


class ConversionError(Exception):
    """Definitions that cannot be converted; ``problems`` are ``file:line:col: message``."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Definition:
    key: str
    metadata: dict[str, Any]
    flow_json: dict[str, Any]
    source: Path


def read_definitions(folder: Path) -> tuple[list[Definition], list[Path]]:
    """The definitions found, and the files that hold none (traditional flows, shared code)."""
    if not folder.is_dir():
        raise ConversionError([f"{folder}: no such folder of flow definitions"])
    found: list[Definition] = []
    skipped: list[Path] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.py")):
        if path.name != "__init__.py":
            definitions = _read_file(path, problems)
            found.extend(definitions)
            if not definitions:
                skipped.append(path)
    problems += _duplicates(found)
    if problems:
        raise ConversionError(problems)
    return found, skipped


def _read_file(path: Path, problems: list[str]) -> list[Definition]:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError as exc:
        problems.append(f"{path}:{exc.lineno}:{exc.offset}: not valid Python ({exc.msg})")
        return []
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{path}: cannot read it ({exc})")
        return []
    values = _assignments(tree)
    metas = [name for name in values if name.endswith(SUFFIX) and len(name) > len(SUFFIX)]
    found = [_definition(path, name, values, problems) for name in metas]
    return [d for d in found if d is not None]


def _assignments(tree: ast.Module) -> dict[str, ast.expr]:
    values: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                values[target.id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            values[node.target.id] = node.value
    return values


def _definition(
    path: Path, meta_name: str, values: dict[str, ast.expr], problems: list[str]
) -> Definition | None:
    flow_name = meta_name.removesuffix(SUFFIX)
    meta_node = values[meta_name]
    if flow_name not in values:
        problems.append(
            f"{_at(path, meta_node)}: {meta_name} has no Flow JSON dict {flow_name} beside it"
        )
        return None
    metadata = _literal(path, meta_name, meta_node, problems)
    flow_json = _literal(path, flow_name, values[flow_name], problems)
    if metadata is None or flow_json is None:
        return None
    key = _key(path, meta_name, meta_node, metadata, problems)
    if key is None or not _is_flow_json(path, flow_name, values[flow_name], flow_json, problems):
        return None
    return Definition(key, metadata, flow_json, path)


def _literal(path: Path, name: str, node: ast.expr, problems: list[str]) -> Any:
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        problems.append(
            f"{_at(path, node)}: {name} is computed, not a plain dict literal; "
            "flowops reads definitions without running them: write the value out"
        )
        return None
    if not isinstance(value, dict):
        problems.append(f"{_at(path, node)}: {name} must be a dict")
        return None
    return value


def _key(
    path: Path, name: str, node: ast.expr, metadata: dict[str, Any], problems: list[str]
) -> str | None:
    key = metadata.get("name")
    if isinstance(key, str) and KEY.match(key):
        return key
    suggestion = re.sub(r"[^a-z0-9_]+", "_", str(key or "").lower()).strip("_")
    problems.append(
        f"{_at(path, node)}: {name}['name'] = {key!r} cannot be a flows.yaml key "
        f"(lower-case letters, digits, _); rename it, e.g. {suggestion or 'my_flow'!r}"
    )
    return None


def _is_flow_json(
    path: Path, name: str, node: ast.expr, value: dict[str, Any], problems: list[str]
) -> bool:
    if isinstance(value.get("screens"), list) and isinstance(value.get("version"), str):
        return True
    problems.append(f"{_at(path, node)}: {name} is not Flow JSON (no version and screens)")
    return False


def _duplicates(found: list[Definition]) -> list[str]:
    first: dict[str, Path] = {}
    problems = []
    for definition in found:
        if definition.key in first:
            problems.append(
                f"{definition.source}: flow name {definition.key!r} is also defined in "
                f"{first[definition.key]}; names must be unique"
            )
        first.setdefault(definition.key, definition.source)
    return problems


def _at(path: Path, node: ast.expr) -> str:
    return f"{path}:{node.lineno}:{node.col_offset + 1}"

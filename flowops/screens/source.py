"""The Flow JSON to draw: a flows.yaml key, or a path to a .json file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flowops import manifest
from flowops.errors import FlowopsError, ProblemsError
from flowops.flowjson import validate_text
from flowops.flowjson.parse import ParseFailure, decode, loads

MAX_BYTES = 10 * 1024 * 1024  # Meta's limit for one Flow JSON


def flow_file(manifest_path: Path, key: str) -> tuple[str, Path]:
    """``(name, path)``: a .json path as given, else the file flows.yaml names for ``key``."""
    if key.endswith(".json"):
        return Path(key).stem, Path(key)
    flows = manifest.load(manifest_path).flows
    if key not in flows:
        known = ", ".join(sorted(flows)) or "none"
        raise FlowopsError(
            f"no flow '{key}' in {manifest_path}", hint=f"use one of: {known}, or a .json path"
        )
    return key, manifest_path.parent / flows[key].file


def read_flow(path: Path) -> Any:
    """The parsed document; errors name the file (and line:col) and say what to do."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise FlowopsError(f"{path}: cannot read it ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise FlowopsError(f"{path}: larger than Meta's 10 MB limit for a Flow JSON")
    text = decode(data)
    if isinstance(text, ParseFailure):
        raise FlowopsError(f"{path}:{text.line}:{text.col}: {text.message}", hint=text.hint)
    try:
        return loads(text)
    except ValueError:
        raise FlowopsError(
            f"{path}: not valid JSON", hint=f"`flowops validate {path}` shows where"
        ) from None


def read_drawable(path: Path) -> Any:
    """The parsed document, refused (``ProblemsError``) when validation finds errors in it."""
    doc = read_flow(path)
    problems = [p for p in validate_text(path.read_bytes(), str(path)) if p.is_error]
    if problems:
        raise ProblemsError(f"{path}: not drawn: it has {len(problems)} error(s)", problems)
    return doc

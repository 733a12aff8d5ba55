"""Checks that each flow's ``file`` is a readable file inside the repository."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath, PureWindowsPath

from flowops.limits import LimitError
from flowops.manifest.paths import resolve, shown
from flowops.manifest.source import Source, did_you_mean
from flowops.manifest.yamlsource import YamlSyntaxError, read
from flowops.problems import Problem


def file_problems(src: Source, root: Path) -> list[Problem]:
    data = src.doc.data
    flows = data.get("flows") if isinstance(data, dict) else None
    if not isinstance(flows, dict):
        return []
    real_root = root.resolve()
    problems = []
    for key, flow in flows.items():
        file = flow.get("file") if isinstance(flow, dict) else None
        if isinstance(file, str) and file:
            problem = _check(src, f"/flows/{key}/file", file, root, real_root)
            if problem is not None:
                problems.append(problem)
    return problems


def usable_flow_files(path: Path) -> list[str]:
    """Flow files a manifest names that exist inside the repository, even if it has errors."""
    try:
        src = Source(path.name, read(path))
    except (OSError, UnicodeDecodeError, YamlSyntaxError, LimitError):
        return []
    flows = src.doc.data.get("flows") if isinstance(src.doc.data, dict) else None
    files = [f.get("file") for f in flows.values() if isinstance(f, dict)] if flows else []
    root, real_root = path.parent, path.parent.resolve()
    usable = (f for f in files if isinstance(f, str) and f)
    return sorted({f for f in usable if _check(src, "", f, root, real_root) is None})


def _check(src: Source, pointer: str, file: str, root: Path, real_root: Path) -> Problem | None:
    if PurePosixPath(file).is_absolute() or PureWindowsPath(file).is_absolute():
        return _outside(src, pointer, file, "is an absolute path")
    path = root / file
    resolved = resolve(path)
    if isinstance(resolved, str):
        return src.problem(
            pointer,
            "MANIFEST_INVALID_VALUE",
            f"Flow file '{shown(file)}' {resolved}.",
            hint="Give the path of a Flow JSON file inside the repository, relative to flows.yaml.",
        )
    if not resolved.is_relative_to(real_root):
        why = "points outside the repository through a symlink" if path.is_symlink() else ""
        return _outside(src, pointer, file, why or "resolves outside the repository")
    if not path.is_file():
        return _missing(src, pointer, file, path)
    if not os.access(path, os.R_OK):
        return src.problem(
            pointer, "MANIFEST_FILE_UNREADABLE", f"Cannot read '{file}' (permission denied)."
        )
    return None


def _outside(src: Source, pointer: str, file: str, why: str) -> Problem:
    return src.problem(
        pointer,
        "MANIFEST_FILE_OUTSIDE_REPO",
        f"Flow file '{file}' {why}; flowops only reads files inside the repository.",
        hint="Move the file under the folder of flows.yaml and give its path relative to it.",
    )


def _missing(src: Source, pointer: str, file: str, path: Path) -> Problem:
    if path.is_dir():
        return src.problem(pointer, "MANIFEST_FILE_NOT_FOUND", f"'{file}' is a folder, not a file.")
    siblings = [p.name for p in path.parent.glob("*.json")] if path.parent.is_dir() else []
    return src.problem(
        pointer,
        "MANIFEST_FILE_NOT_FOUND",
        f"Flow file '{file}' does not exist.{did_you_mean(path.name, siblings)}",
        hint="Paths are relative to the folder of flows.yaml.",
    )

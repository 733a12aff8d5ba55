"""Check the manifest and the Flow JSON files it names; never raises on bad input."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from pathlib import Path

from flowops.flowjson import validate_text
from flowops.limits import FLOW_JSON_MAX_BYTES, LimitError, read_regular
from flowops.manifest import FlowSpec, Manifest, flows_for, load_with_problems, usable_flow_files
from flowops.problems import Problem, Severity
from flowops.report import Report
from flowops.validate.endpoints import endpoint_warnings

YAML_SUFFIXES = (".yaml", ".yml")


def validate_project(
    manifest_path: Path, *, env: str | None = None, strict: bool = False
) -> Report:
    """The manifest and every flow file it names (``will_publish`` from the manifest)."""
    manifest, problems = load_with_problems(manifest_path, strict=strict)
    if manifest is None:
        return _without_manifest(manifest_path, problems, strict)
    per_env = {name: flows_for(manifest, name) for name in _environments(manifest, env)}
    by_file = _specs_by_file(per_env.values())
    for file, specs in by_file.items():
        will_publish = any(spec.publish for spec in specs)
        problems += validate_flow_file(manifest.root / file, file, will_publish=will_publish)
    problems += endpoint_warnings(manifest, per_env)
    return finish(problems, strict, flows=len(by_file), files=1 + len(by_file))


def _without_manifest(manifest_path: Path, problems: list[Problem], strict: bool) -> Report:
    """Still check the flow files the broken manifest names, so one run shows everything."""
    files = usable_flow_files(manifest_path)
    for file in files:
        problems += validate_flow_file(manifest_path.parent / file, file, will_publish=None)
    return finish(problems, strict, flows=len(files), files=1 + len(files))


def validate_flow_file(path: Path, shown: str, *, will_publish: bool | None) -> list[Problem]:
    try:
        data = read_regular(path, FLOW_JSON_MAX_BYTES)
    except FileNotFoundError:
        return [Problem(shown, 0, 0, "FILE_NOT_FOUND", f"{shown} does not exist.")]
    except OSError as exc:
        return [Problem(shown, 0, 0, "FILE_UNREADABLE", f"Cannot read {shown}: {exc.strerror}.")]
    except LimitError as exc:
        return [
            Problem(
                shown,
                0,
                0,
                "FILE_UNREADABLE",
                f"Cannot read {shown}: {exc.message}.",
                hint=exc.hint,
            )
        ]
    return list(validate_text(data, shown, will_publish=will_publish))


def display_path(path: Path, root: Path) -> str:
    """Relative to the repository root with ``/`` when inside it; else as given."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def finish(problems: list[Problem], strict: bool, *, flows: int, files: int) -> Report:
    if strict:
        problems = [dataclasses.replace(p, severity=Severity.ERROR) for p in problems]
    return Report(problems, flows=flows, files=files)


def _environments(manifest: Manifest, env: str | None) -> list[str]:
    if env is None:
        return sorted(manifest.environments)
    manifest.environment(env)  # an unknown one is a ConfigError with did-you-mean
    return [env]


def _specs_by_file(per_env: Iterable[Mapping[str, FlowSpec]]) -> dict[str, list[FlowSpec]]:
    by_file: dict[str, list[FlowSpec]] = {}
    for specs in per_env:
        for spec in specs.values():
            by_file.setdefault(spec.file, []).append(spec)
    return by_file

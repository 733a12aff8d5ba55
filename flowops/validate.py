"""Check the manifest and the Flow JSON files it names; never raises on bad input."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path

from flowops.errors import ConfigError
from flowops.manifest import flows_for, load_with_problems
from flowops.manifest.files import usable_flow_files
from flowops.manifest.model import FlowSpec, Manifest
from flowops.problems import Problem, Severity
from flowops.report import Report
from flowops.validate_endpoints import endpoint_warnings

YAML_SUFFIXES = (".yaml", ".yml")


def validate_project(
    manifest_path: Path, *, env: str | None = None, strict: bool = False
) -> Report:
    """The manifest and every flow file it names (``will_publish`` from the manifest)."""
    manifest, problems = load_with_problems(manifest_path, strict=strict)
    if manifest is None:
        return _without_manifest(manifest_path, problems, strict)
    envs = _environments(manifest, env)
    by_file = _specs_by_file(manifest, envs)
    for file, specs in by_file.items():
        will_publish = any(spec.publish for spec in specs)
        problems += validate_flow_file(manifest.root / file, file, will_publish=will_publish)
        problems += endpoint_warnings(manifest, file, envs)
    return _finish(problems, strict, flows=len(by_file), files=1 + len(by_file))


def _without_manifest(manifest_path: Path, problems: list[Problem], strict: bool) -> Report:
    """Still check the flow files the broken manifest names, so one run shows everything."""
    files = usable_flow_files(manifest_path)
    for file in files:
        problems += validate_flow_file(manifest_path.parent / file, file, will_publish=None)
    return _finish(problems, strict, flows=len(files), files=1 + len(files))


def validate_paths(
    paths: Sequence[Path], manifest_path: Path, *, env: str | None = None, strict: bool = False
) -> Report:
    """Each path alone: a YAML path is a manifest, a folder its ``*.json`` files, anything
    else a Flow JSON file."""
    expanded = {path: _files_in(path) for path in paths}
    files = [file for found in expanded.values() for file in found]
    reports = [_validate_path(path, manifest_path, env, strict) for path in _unique(files)]
    reports += [_empty_folder(path, manifest_path.parent) for path, f in expanded.items() if not f]
    problems = list(dict.fromkeys(p for report in reports for p in report.problems))
    flows = sum(r.flows for r in reports)
    return Report(problems, flows=flows, files=sum(r.files for r in reports))


def _files_in(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    return sorted(file for file in path.rglob("*.json") if file.is_file())


def _empty_folder(path: Path, root: Path) -> Report:
    shown = display_path(path, root)
    message = f"The folder {shown} holds no Flow JSON (*.json) files."
    hint = "Pass Flow JSON files, or a folder that holds them."
    return Report([Problem(shown, 0, 0, "NO_FLOW_FILES", message, hint=hint)], files=0)


def _unique(paths: Sequence[Path]) -> list[Path]:
    """A file named twice (or a manifest and its catalogue) is checked once."""
    seen: dict[Path, Path] = {}
    for path in paths:
        seen.setdefault(path.resolve(), path)
    return list(seen.values())


def _validate_path(path: Path, manifest_path: Path, env: str | None, strict: bool) -> Report:
    if path.suffix.lower() in YAML_SUFFIXES:
        catalogue = _catalogue_of(manifest_path)
        target = manifest_path if catalogue and _same(path, catalogue) else path
        return validate_project(target, env=env, strict=strict)
    shown = display_path(path, manifest_path.parent)
    problems = validate_flow_file(path, shown, will_publish=_will_publish(path, manifest_path))
    return _finish(problems, strict, flows=1, files=1)


def validate_flow_file(path: Path, shown: str, *, will_publish: bool | None) -> list[Problem]:
    from flowops.flowjson import validate_text

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return [Problem(shown, 0, 0, "FILE_NOT_FOUND", f"{shown} does not exist.")]
    except OSError as exc:
        return [Problem(shown, 0, 0, "FILE_UNREADABLE", f"Cannot read {shown}: {exc.strerror}.")]
    return list(validate_text(data, shown, will_publish=will_publish))


def display_path(path: Path, root: Path) -> str:
    """Relative to the repository root with ``/`` when inside it; else as given."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _finish(problems: list[Problem], strict: bool, *, flows: int, files: int) -> Report:
    if strict:
        problems = [dataclasses.replace(p, severity=Severity.ERROR) for p in problems]
    return Report(problems, flows=flows, files=files)


def _environments(manifest: Manifest, env: str | None) -> list[str]:
    if env is None:
        return sorted(manifest.environments)
    if env not in manifest.environments:
        known = ", ".join(sorted(manifest.environments))
        raise ConfigError(f"Unknown environment '{env}'.", hint=f"Defined environments: {known}")
    return [env]


def _specs_by_file(manifest: Manifest, envs: Iterable[str]) -> dict[str, list[FlowSpec]]:
    by_file: dict[str, list[FlowSpec]] = {}
    for env in envs:
        for spec in flows_for(manifest, env).values():
            by_file.setdefault(spec.file, []).append(spec)
    return by_file


def _load_quietly(manifest_path: Path) -> Manifest | None:
    if not manifest_path.is_file():
        return None
    return load_with_problems(manifest_path)[0]


def _catalogue_of(manifest_path: Path) -> Path | None:
    manifest = _load_quietly(manifest_path)
    source = manifest.traditional_flows_source if manifest else ""
    return manifest.root / source if manifest and source.endswith(YAML_SUFFIXES) else None


def _will_publish(path: Path, manifest_path: Path) -> bool | None:
    manifest = _load_quietly(manifest_path)
    if manifest is None:
        return None
    specs = [s for env in manifest.environments for s in flows_for(manifest, env).values()]
    mine = [s.publish for s in specs if _same(manifest.flow_path(s), path)]
    return any(mine) if mine else None


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()

"""``flowops validate PATH…``: each path alone, with what the manifest says about it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from flowops.limits import LimitError
from flowops.manifest import Manifest, YamlSyntaxError, flows_for, load_with_problems, read_yaml
from flowops.manifest.paths import resolve
from flowops.manifest.paths import shown as shown_path
from flowops.problems import Problem
from flowops.report import Report
from flowops.validate.project import (
    YAML_SUFFIXES,
    display_path,
    finish,
    validate_flow_file,
    validate_project,
)


def validate_paths(
    paths: Sequence[Path], manifest_path: Path, *, env: str | None = None, strict: bool = False
) -> Report:
    """Each path alone: a YAML path is a manifest, a folder its ``*.json`` files, anything
    else a Flow JSON file."""
    odd = {path: why for path in paths if isinstance(why := resolve(path), str)}
    expanded = {path: _files_in(path) for path in paths if path not in odd}
    files = [file for found in expanded.values() for file in found]
    known = _known(manifest_path)
    reports = [_validate_path(path, manifest_path, known, env, strict) for path in _unique(files)]
    reports += [_unusable(path, why) for path, why in odd.items()]
    reports += [_empty_folder(path, manifest_path.parent) for path, f in expanded.items() if not f]
    problems = list(dict.fromkeys(p for report in reports for p in report.problems))
    flows = sum(r.flows for r in reports)
    return Report(problems, flows=flows, files=sum(r.files for r in reports))


def _unusable(path: Path, why: str) -> Report:
    """A symlink loop or a name too long for the file system, named on the command line."""
    shown = shown_path(path.as_posix())
    problem = Problem(shown, 0, 0, "FILE_UNREADABLE", f"Cannot read {shown}: it {why}.")
    return Report([problem], files=1)


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


def _validate_path(
    path: Path, manifest_path: Path, known: _Known, env: str | None, strict: bool
) -> Report:
    is_catalogue = known.catalogue is not None and _same(path, known.catalogue)
    if is_catalogue or path.suffix.lower() in YAML_SUFFIXES:
        return validate_project(manifest_path if is_catalogue else path, env=env, strict=strict)
    shown = display_path(path, manifest_path.parent)
    problems = validate_flow_file(path, shown, will_publish=known.publish.get(path.resolve()))
    return finish(problems, strict, flows=1, files=1)


@dataclass(frozen=True)
class _Known:
    """What the manifest says about paths named on the command line (read once per run)."""

    catalogue: Path | None
    publish: dict[Path, bool]


def _known(manifest_path: Path) -> _Known:
    manifest = load_with_problems(manifest_path)[0] if manifest_path.is_file() else None
    publish = _publish_by_path(manifest) if manifest is not None else {}
    return _Known(_catalogue_of(manifest_path), publish)


def _publish_by_path(manifest: Manifest) -> dict[Path, bool]:
    """Whether some environment publishes the flow in each file."""
    publish: dict[Path, bool] = {}
    for env in manifest.environments:
        for spec in flows_for(manifest, env).values():
            path = manifest.flow_path(spec).resolve()
            publish[path] = publish.get(path, False) or spec.publish
    return publish


def _catalogue_of(manifest_path: Path) -> Path | None:
    """The ``traditional_flows`` file, even when the manifest has errors."""
    try:
        data = read_yaml(manifest_path).data
    except (OSError, UnicodeDecodeError, YamlSyntaxError, LimitError):
        return None
    source = data.get("traditional_flows") if isinstance(data, dict) else None
    return manifest_path.parent / source if isinstance(source, str) and source else None


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()

"""``flowops validate PATH…``: each path alone, with what the manifest says about it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
    files = _unique(file for found in expanded.values() for file in found)
    known = _known(manifest_path)
    reports = [
        _validate_path(path, real, manifest_path, known, env, strict) for real, path in files
    ]
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


def _unique(paths: Iterable[Path]) -> list[tuple[Path, Path]]:
    """Each file once (named twice, or a manifest and its catalogue), with its real path:
    every path is resolved here and only here."""
    seen: dict[Path, Path] = {}
    for path in paths:
        seen.setdefault(path.resolve(), path)
    return list(seen.items())


def _validate_path(
    path: Path, real: Path, manifest_path: Path, known: _Known, env: str | None, strict: bool
) -> Report:
    is_catalogue = real == known.catalogue
    if is_catalogue or path.suffix.lower() in YAML_SUFFIXES:
        return validate_project(manifest_path if is_catalogue else path, env=env, strict=strict)
    problems = validate_flow_file(
        path, known.shown(real, path), will_publish=known.publish.get(real)
    )
    return finish(problems, strict, flows=1, files=1)


@dataclass(frozen=True)
class _Known:
    """What the manifest says about paths named on the command line (read once per run)."""

    root: Path  # the repository root, resolved
    catalogue: Path | None  # resolved
    publish: dict[Path, bool]

    def shown(self, real: Path, path: Path) -> str:
        """As ``display_path``, from paths already resolved."""
        return (
            real.relative_to(self.root).as_posix()
            if real.is_relative_to(self.root)
            else path.as_posix()
        )


def _known(manifest_path: Path) -> _Known:
    manifest = load_with_problems(manifest_path)[0] if manifest_path.is_file() else None
    publish = _publish_by_path(manifest) if manifest is not None else {}
    catalogue = _catalogue_of(manifest_path)
    real = catalogue.resolve() if catalogue is not None else None
    return _Known(manifest_path.parent.resolve(), real, publish)


def _publish_by_path(manifest: Manifest) -> dict[Path, bool]:
    """Whether some environment publishes the flow in each file (each path resolved once)."""
    by_file: dict[str, bool] = {}
    for env in manifest.environments:
        for spec in flows_for(manifest, env).values():
            by_file[spec.file] = by_file.get(spec.file, False) or spec.publish
    return {(manifest.root / file).resolve(): publish for file, publish in by_file.items()}


def _catalogue_of(manifest_path: Path) -> Path | None:
    """The ``traditional_flows`` file, even when the manifest has errors."""
    try:
        data = read_yaml(manifest_path).data
    except (OSError, UnicodeDecodeError, YamlSyntaxError, LimitError):
        return None
    source = data.get("traditional_flows") if isinstance(data, dict) else None
    return manifest_path.parent / source if isinstance(source, str) and source else None

"""Read flows.yaml, run every check, and build the ``Manifest``."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

from flowops.errors import ManifestError
from flowops.limits import LimitError
from flowops.manifest.build import build
from flowops.manifest.catalogue import load_catalogue
from flowops.manifest.environments import environment_problems, token_key_problems
from flowops.manifest.files import file_problems
from flowops.manifest.links import link_problems
from flowops.manifest.model import Manifest
from flowops.manifest.schema import schema_problems
from flowops.manifest.source import Source, unreadable
from flowops.manifest.yamlsource import YamlDocument, YamlLimitError, YamlSyntaxError, read
from flowops.problems import Problem, Severity, has_errors


def load_with_problems(
    path: Path, *, strict: bool = False
) -> tuple[Manifest | None, list[Problem]]:
    """All problems of the manifest; the ``Manifest`` only when there are no errors.

    ``strict`` turns warnings into errors. Warnings also ride on ``Manifest.problems``.
    """
    doc, problems = _read(path)
    manifest = None
    if doc is not None:
        manifest, problems = _check(path, Source(path.name, doc))
    if strict:
        problems = [dataclasses.replace(p, severity=Severity.ERROR) for p in problems]
    problems.sort(key=Problem.sort_key)
    if has_errors(problems) or manifest is None:
        return None, problems
    return dataclasses.replace(manifest, problems=tuple(problems)), problems


def _read(path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    try:
        return read(path), []
    except FileNotFoundError:
        return None, [_not_found(path)]
    except (OSError, UnicodeDecodeError, LimitError) as exc:
        return None, [unreadable(path.name, "MANIFEST_UNREADABLE", exc)]
    except YamlSyntaxError as exc:
        code = "MANIFEST_TOO_LARGE" if isinstance(exc, YamlLimitError) else "MANIFEST_YAML_SYNTAX"
        return None, [Problem(path.name, exc.line, exc.col, code, exc.message, hint=_hint(exc))]


def _hint(exc: YamlSyntaxError) -> str:
    if isinstance(exc, YamlLimitError):
        return "See the README's Limits: the file must stay within them (aliases included)."
    return exc.hint


def load(path: Path, *, strict: bool = False) -> Manifest:
    """The manifest, or ``ManifestError`` listing every error."""
    manifest, problems = load_with_problems(path, strict=strict)
    if manifest is None:
        raise ManifestError(_summary(path, problems), problems)
    return manifest


def _check(path: Path, src: Source) -> tuple[Manifest | None, list[Problem]]:
    if not isinstance(src.doc.data, dict):
        return None, [_not_a_mapping(src)]
    secrets = token_key_problems(src)
    if secrets:  # any other problem could echo the key
        return None, secrets
    root = path.parent
    problems = [_duplicate(src, d.pointer, d.key, d.first_line) for d in src.doc.duplicates]
    problems += schema_problems(src) + environment_problems(src, root) + file_problems(src, root)
    catalogue = load_catalogue(src, root)
    problems += catalogue.problems
    kept = _flows_without_errors(src, problems)
    if kept is None:
        return None, problems
    names = catalogue.names or frozenset()
    doc = dataclasses.replace(src.doc, data={**src.doc.data, "flows": kept})
    manifest = build(path, doc, names, catalogue.source if catalogue.names else "")
    return manifest, problems + link_problems(src, manifest)


def _flows_without_errors(src: Source, problems: list[Problem]) -> dict[str, Any] | None:
    """The flows to check across (names, links) despite errors confined to other flows.

    None when an error lies outside ``flows.<key>`` (top level, defaults, environments,
    catalogue): then nothing can be built safely.
    """
    data: dict[str, Any] = src.doc.data  # type: ignore[assignment]
    flows = data.get("flows") or {}
    if not isinstance(flows, dict):
        return None
    broken = {_flow_key(p, src.file, flows) for p in problems if p.is_error}
    if None in broken:
        return None
    return {key: raw for key, raw in flows.items() if key not in broken}


def _flow_key(problem: Problem, file: str, flows: dict[str, Any]) -> str | None:
    parts = problem.pointer.split("/")
    inside = problem.file == file and len(parts) > 2 and parts[1] == "flows"
    return parts[2] if inside and parts[2] in flows else None


def _duplicate(src: Source, pointer: str, key: str, first_line: int) -> Problem:
    return src.problem(
        pointer,
        "MANIFEST_DUPLICATE_KEY",
        f"Duplicate key '{key}' (first defined on line {first_line}); YAML would keep only"
        " the last one.",
        at_key=True,
        hint="Remove or rename one of them.",
    )


def _not_a_mapping(src: Source) -> Problem:
    empty = src.doc.data is None
    message = f"{src.file} is empty." if empty else f"{src.file} must be a YAML mapping."
    return src.problem("", "MANIFEST_INVALID", message, hint="Start with 'version: 1'.")


def _not_found(path: Path) -> Problem:
    above = _manifest_above(path)
    hint = "Run `flowops init` to create one, or pass --manifest PATH."
    if above is not None:
        shown = os.path.relpath(above)
        where = os.path.dirname(shown)
        hint = f"Found {shown}: run flowops from {where}, or `flowops --manifest {shown} …`."
    return Problem(path.name, 0, 0, "MANIFEST_NOT_FOUND", f"No manifest at {path}.", hint=hint)


def _manifest_above(path: Path) -> Path | None:
    """The same file name in a parent folder: flowops was run from inside the repository."""
    for folder in path.resolve().parent.parents:
        if (folder / path.name).is_file():
            return folder / path.name
    return None


def _summary(path: Path, problems: list[Problem]) -> str:
    errors = [p for p in problems if p.is_error]
    lines = [f"{path.name} has {len(errors)} error{'s' if len(errors) != 1 else ''}:"]
    lines += [f"  {p.location()}: {p.code}: {p.message}" for p in errors[:20]]
    if len(errors) > 20:
        lines.append(f"  … and {len(errors) - 20} more (run `flowops validate`).")
    return "\n".join(lines)

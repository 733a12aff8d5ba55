"""The catalogue of traditional chatbot flows that WhatsApp Flows may replace.

``traditional_flows:`` is either the list itself or the path of a YAML file holding a list of
names (or a mapping of name → description). Without it, links are not checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flowops.limits import LimitError
from flowops.manifest.paths import resolve, shown
from flowops.manifest.source import Source, unreadable
from flowops.manifest.yamlsource import YamlSyntaxError, read
from flowops.problems import Problem


@dataclass(frozen=True)
class Catalogue:
    names: frozenset[str] | None
    source: str = ""
    problems: list[Problem] = field(default_factory=list)


def load_catalogue(src: Source, root: Path) -> Catalogue:
    data = src.doc.data
    value = data.get("traditional_flows") if isinstance(data, dict) else None
    if isinstance(value, list):
        return Catalogue(frozenset(str(v) for v in value), "flows.yaml")
    if not isinstance(value, str) or not value:
        return Catalogue(None)
    path = root / value
    resolved = resolve(path)
    if isinstance(resolved, str) or not resolved.is_relative_to(root.resolve()):
        return Catalogue(None, value, [_not_found(src, value)])
    if not path.is_file():
        return Catalogue(None, value, [_not_found(src, value)])
    return _read(path, value)


def _not_found(src: Source, value: str) -> Problem:
    return src.problem(
        "/traditional_flows",
        "MANIFEST_CATALOGUE_NOT_FOUND",
        f"Traditional flow catalogue '{shown(value)}' does not exist inside the repository.",
        hint="Give a path relative to flows.yaml, or list the names inline.",
    )


def _read(path: Path, shown: str) -> Catalogue:
    try:
        doc = read(path)
    except (OSError, UnicodeDecodeError, LimitError) as exc:
        return Catalogue(None, shown, [unreadable(shown, "MANIFEST_CATALOGUE_UNREADABLE", exc)])
    except YamlSyntaxError as exc:
        code = "MANIFEST_CATALOGUE_INVALID"
        problem = Problem(shown, exc.line, exc.col, code, exc.message, hint=exc.hint)
        return Catalogue(None, shown, [problem])
    names = _names(doc.data)
    if names is None:
        message = "The catalogue must be a YAML list of traditional flow names."
        line, col = doc.value_at("")
        problem = Problem(shown, line, col, "MANIFEST_CATALOGUE_INVALID", message)
        return Catalogue(None, shown, [problem])
    return Catalogue(names, shown)


def _names(data: object) -> frozenset[str] | None:
    if isinstance(data, dict):
        data = list(data)
    if not isinstance(data, list) or not all(isinstance(v, str) and v for v in data):
        return None
    return frozenset(data)

"""Render problems for people (text), programs (json) and GitHub Actions (github)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby

from flowops.problems import Problem, Severity
from flowops.report.result import Reporter

_RED, _YELLOW, _BOLD, _DIM, _GREEN, _RESET = (f"\x1b[{n}m" for n in (31, 33, 1, 2, 32, 0))


@dataclass(frozen=True)
class Report:
    """What was checked: ``flows`` Flow JSON files, ``files`` files in all (manifest included)."""

    problems: list[Problem]
    flows: int = 0
    files: int = 0

    @property
    def errors(self) -> int:
        return sum(p.is_error for p in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems), key=Problem.sort_key)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(report: Report) -> str:
    if report.errors:
        files = len({p.file for p in report.problems})
        parts = [_plural(report.errors, "error")]
        parts += [_plural(report.warnings, "warning")] if report.warnings else []
        return f"{', '.join(parts)} in {_plural(files, 'file')}"
    valid = f"All {report.flows} flows valid" if report.flows != 1 else "1 flow valid"
    if report.flows == 0:
        valid = f"No errors in {_plural(report.files, 'file')}"
    return valid + (f", {_plural(report.warnings, 'warning')}." if report.warnings else ".")


def render_text(report: Report, color: bool = False) -> str:
    paint = _painter(color)
    lines: list[str] = []
    for _, group in groupby(report.sorted(), key=lambda p: p.file):
        lines.extend(_text_line(problem, paint) for problem in group)
        lines.append("")
    done = summary(report)
    lines.append(paint(done, _RED if report.errors else _GREEN))
    return "\n".join(lines) + "\n"


def _text_line(problem: Problem, paint: Callable[[str, str], str]) -> str:
    tone = _RED if problem.is_error else _YELLOW
    head = f"{paint(problem.location(), _BOLD)}: {paint(problem.severity.value, tone)}"
    line = f"{head} {problem.code}: {problem.message}"
    if problem.hint:
        line += "\n" + paint(f"  hint: {problem.hint}", _DIM)
    return line


def _painter(color: bool) -> Callable[[str, str], str]:
    if not color:
        return lambda text, _code: text
    return lambda text, code: f"{code}{text}{_RESET}"


def render_json(report: Report, color: bool = False) -> str:
    body = {
        "version": 1,
        "problems": [problem_dict(p) for p in report.sorted()],
        "summary": {
            "errors": report.errors,
            "warnings": report.warnings,
            "flows": report.flows,
            "files": report.files,
            "valid": report.errors == 0,
        },
    }
    return json.dumps(body, indent=2) + "\n"


def problem_dict(problem: Problem) -> dict[str, object]:
    keys = ("file", "line", "col", "code", "message", "hint", "pointer")
    out: dict[str, object] = {key: getattr(problem, key) for key in keys}
    out["severity"] = problem.severity.value
    return out


def render_github(report: Report, color: bool = False) -> str:
    """GitHub workflow commands; they annotate the pull request at each position."""
    lines = [_github_line(p) for p in report.sorted()]
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def _github_line(problem: Problem) -> str:
    command = "error" if problem.severity is Severity.ERROR else "warning"
    props = [f"file={_escape_property(problem.file)}"]
    if problem.line > 0:
        props += [f"line={problem.line}", f"col={max(problem.col, 1)}"]
    props.append(f"title={_escape_property(problem.code)}")
    message = problem.message + (f"\nHint: {problem.hint}" if problem.hint else "")
    return f"::{command} {','.join(props)}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


REPORTERS: dict[str, Reporter] = {
    "text": lambda result: render_text(result.value, result.color),
    "json": lambda result: render_json(result.value),
    "github": lambda result: render_github(result.value),
}

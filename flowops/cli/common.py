"""What several commands share: colour, showing a result, opening and validating the project."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from flowops.cli.context import CliContext
from flowops.errors import ProblemsError
from flowops.graph import FlowsAPI
from flowops.lock import file as lockfile
from flowops.pipeline import engine
from flowops.plan import Plan
from flowops.report import Report, Result, render


def use_color(stream: object = None) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream or sys.stdout, "isatty", lambda: False)())


def show(result: Result, fmt: str, *, err: bool = False) -> None:
    """Print a command's result through the one reporter registry."""
    click.echo(render(result, fmt), err=err, nl=False)


def show_problems(report: Report) -> None:
    show(Result("validation", report, use_color(sys.stderr)), "text", err=True)


@contextmanager
def problems_shown() -> Iterator[None]:
    """Print validation problems with file:line:col before the one-line error."""
    try:
        yield
    except ProblemsError as exc:
        show_problems(Report(list(exc.problems)))
        raise


def prepare(obj: CliContext, env: str) -> engine.Project:
    """Open the project for ``env`` and validate it: errors stop, warnings are printed."""
    with problems_shown():
        project = engine.open_project(obj.manifest_path, env)
        warnings = engine.validate_project(project)
    if warnings:
        show_problems(Report(warnings))
    return project


def make_plan(
    project: engine.Project,
    api: FlowsAPI | None,
    flows: tuple[str, ...],
    publish: bool,
    force: bool,
    prune: bool,
) -> Plan:
    lock = lockfile.load(project.lock_path)
    options = engine.options_for(
        project, lock, prune=prune, publish=publish, force=force, flows=flows
    )
    return engine.plan(project, api, options, lock)

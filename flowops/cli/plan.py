"""``flowops plan``: validate, read Meta (one paged list), and show what apply would do."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import click

from flowops.cli.context import CliContext
from flowops.cli.group import cli
from flowops.cli.options import env_option, format_option
from flowops.connect import open_environment
from flowops.errors import ProblemsError
from flowops.graph import FlowsAPI
from flowops.lock import file as lockfile
from flowops.pipeline import engine
from flowops.plan import Plan, save_plan
from flowops.report import RENDERERS
from flowops.report.comment import diagrams
from flowops.report.markdown import render_markdown
from flowops.report.validation import Report, render_text

F = TypeVar("F", bound=Callable[..., object])
EXIT_CHANGES = 2


def selection_options(func: F) -> F:
    """Seed parity: --flow, --publish, --force; and --prune for removed flows."""
    for option in reversed(
        [
            click.option(
                "--flow", "flows", multiple=True, metavar="KEY", help="Only this flow (repeatable)."
            ),
            click.option(
                "--publish",
                is_flag=True,
                help="Publish the targeted flows even where flows.yaml says publish: false.",
            ),
            click.option(
                "--force",
                is_flag=True,
                help="Re-upload and republish the targeted flows even when unchanged.",
            ),
            click.option(
                "--prune",
                is_flag=True,
                help="Deprecate/delete flows removed from flows.yaml (never protected ones).",
            ),
        ]
    ):
        func = option(func)
    return func


def finish(code: int) -> int:
    """The exit code, also under click's standalone mode (which ignores return values)."""
    if code:
        raise click.exceptions.Exit(code)
    return code


def use_color(stream: object = None) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream or sys.stdout, "isatty", lambda: False)())


@contextmanager
def problems_shown() -> Iterator[None]:
    """Print validation problems with file:line:col before the one-line error."""
    try:
        yield
    except ProblemsError as exc:
        report = Report(list(exc.problems))
        click.echo(render_text(report, use_color(sys.stderr)), err=True, nl=False)
        raise


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


def prepare(obj: CliContext, env: str) -> engine.Project:
    with problems_shown():
        project = engine.open_project(obj.manifest_path, env)
        warnings = engine.validate_project(project)
    if warnings:
        click.echo(render_text(Report(warnings), use_color(sys.stderr)), err=True, nl=False)
    return project


@cli.command()
@env_option
@format_option(sorted(RENDERERS), "text for people, markdown for a PR comment, json for tools.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also save the plan (JSON) for `flowops apply FILE`.",
)
@click.option(
    "--refresh",
    type=click.BOOL,
    default=True,
    show_default=True,
    help="Read Meta; --refresh=false plans from the lock alone (zero API calls).",
)
@click.option(
    "--detailed-exitcode",
    is_flag=True,
    help="Exit 0 when there are no changes, 2 when there are, 1 on error.",
)
@selection_options
@click.pass_obj
def plan(
    obj: CliContext,
    env: str,
    fmt: str,
    out: Path | None,
    refresh: bool,
    detailed_exitcode: bool,
    flows: tuple[str, ...],
    publish: bool,
    force: bool,
    prune: bool,
) -> int:
    """Show what apply would change on Meta, and why."""
    project = prepare(obj, env)
    if refresh:
        with open_environment(project.root, project.env) as conn:
            result = make_plan(project, conn.api, flows, publish, force, prune)
    else:
        result = make_plan(project, None, flows, publish, force, prune)
    data = result.to_dict()
    if fmt == "markdown":  # with a Mermaid diagram of each changed flow, as in pull requests
        click.echo(render_markdown(data, extras=diagrams(data, project.root)), nl=False)
    else:
        click.echo(RENDERERS[fmt](data, color=fmt == "text" and use_color()), nl=False)
    if out is not None:
        save_plan(out, data)
        click.echo(f"Saved the plan to {out}; apply it with `flowops apply {out}`.", err=True)
    return finish(EXIT_CHANGES if detailed_exitcode and result.has_changes else 0)

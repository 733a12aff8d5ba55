"""``flowops apply [PLAN]``: show the plan, confirm, then make only those changes on Meta."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from flowops.apply import ApplyResult, CountingAPI
from flowops.cli.common import make_plan, prepare, show, use_color
from flowops.cli.context import CliContext
from flowops.cli.group import cli
from flowops.cli.options import env_option, selection_options
from flowops.connect import open_environment
from flowops.errors import FlowopsError, Interrupted
from flowops.pipeline import engine
from flowops.plan import saved_plan
from flowops.report import Report, Result


@cli.command()
@click.argument("plan_file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@env_option
@click.option("--auto-approve", is_flag=True, help="Apply without asking for confirmation.")
@selection_options
@click.pass_obj
def apply(
    obj: CliContext,
    plan_file: Path | None,
    env: str,
    auto_approve: bool,
    flows: tuple[str, ...],
    publish: bool,
    force: bool,
    prune: bool,
) -> int:
    """Apply the changes `flowops plan` shows (or exactly those saved in PLAN_FILE)."""
    saved = saved_plan(plan_file, env, any((flows, publish, force, prune)))
    project = prepare(obj, saved.env if saved else env)
    with open_environment(project.root, project.env) as conn:
        current = saved or make_plan(project, conn.api, flows, publish, force, prune)
        show(Result("plan", current.to_dict(), use_color()), "text")
        if saved is None:
            if not current.has_changes:
                return 0
            confirm(auto_approve)
        click.echo(f"Applying {len(current.pending())} change(s) to '{current.env}'…", err=True)
        with interrupt_explained():
            result, calls = engine.apply(
                project,
                current,
                conn.api,
                saved=saved is not None,
                progress=lambda line: click.echo(line, err=True),
            )
    return report(result, calls)


@contextmanager
def interrupt_explained() -> Iterator[None]:
    """Ctrl-C: the running steps finish and are recorded; say so instead of 'Aborted!'."""
    try:
        yield
    except KeyboardInterrupt:
        raise Interrupted(
            "interrupted: the steps already running finished and are recorded in the lock; "
            "nothing else was started",
            hint="run `flowops apply` again to finish the rest (it adopts, never duplicates)",
        ) from None


def confirm(auto_approve: bool) -> None:
    if auto_approve:
        return
    if not interactive():
        raise FlowopsError(
            "apply needs confirmation, but stdin is not a terminal",
            hint="review the plan above and rerun with --auto-approve",
        )
    if not click.confirm("Apply these changes to Meta?", default=False):
        raise FlowopsError("apply cancelled; nothing was changed")


def interactive() -> bool:
    return sys.stdin.isatty()


def report(result: ApplyResult, calls: CountingAPI) -> int:
    for failure in result.failed:
        click.echo(f"Error: {failure.key}: {failure.message}", err=True)
        if failure.problems:
            show(Result("validation", Report(list(failure.problems))), "text", err=True)
    if result.skipped:
        click.echo(
            f"Not started: {', '.join(sorted(result.skipped))} (run apply again to continue).",
            err=True,
        )
    if result.stopped:
        click.echo(f"Stopped: {result.stopped}", err=True)
    click.echo(
        f"Apply {'complete' if result.ok else 'finished with errors'}: "
        f"{len(result.done)} flow(s) changed, {len(result.failed)} failed; "
        f"{calls.total} Graph API call(s), {calls.writes} write(s).",
        err=True,
    )
    return 0 if result.ok else 1

"""``flowops apply [PLAN]``: show the plan, confirm, then make only those changes on Meta."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from flowops.cli.common import make_plan, prepare
from flowops.cli.context import CliContext
from flowops.cli.group import cli
from flowops.cli.options import Duration, env_option, format_option, selection_options
from flowops.cli.output import show, use_color
from flowops.connect import open_environment
from flowops.errors import FlowopsError, Interrupted
from flowops.lock import file as lockfile
from flowops.pipeline import engine
from flowops.plan import Plan, saved_plan
from flowops.report import Result, formats
from flowops.report.apply import ApplyOutcome


@cli.command()
@click.argument("plan_file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@env_option
@format_option(formats("apply"), "text for people; json: the result on stdout for tools.")
@click.option("--auto-approve", is_flag=True, help="Apply without asking for confirmation.")
@click.option(
    "--lock-timeout",
    type=Duration(),
    default="0s",
    show_default=True,
    metavar="DURATION",
    help="Wait this long (30s, 5m, 1h) for another apply on the environment to finish.",
)
@selection_options
@click.pass_obj
def apply(
    obj: CliContext,
    plan_file: Path | None,
    env: str,
    fmt: str,
    auto_approve: bool,
    lock_timeout: float,
    flows: tuple[str, ...],
    publish: bool,
    force: bool,
    prune: bool,
) -> int:
    """Apply the changes `flowops plan` shows (or exactly those saved in PLAN_FILE)."""
    saved = saved_plan(plan_file, env, any((flows, publish, force, prune)))
    project, warnings = prepare(obj, saved.env if saved else env)
    with open_environment(project.root, project.env) as conn:
        current = saved or make_plan(project, conn.api, flows, publish, force, prune, warnings)
        if saved is None:
            show_plan(current, fmt)
            if not current.pending():
                return report(ApplyOutcome(current), fmt)
            if current.has_changes:  # book-keeping alone (lock only, no API call) needs no yes
                confirm(auto_approve, err=fmt == "json")
        with interrupt_explained():
            result, calls = engine.apply(
                project,
                current,
                conn.api,
                saved=saved is not None,
                progress=lambda line: click.echo(line, err=True),
                lock_timeout=lock_timeout,
                waiting=lambda who: click.echo(f"Waiting for the apply lock ({who})…", err=True),
                on_start=lambda: starting(current, fmt, saved is not None),
            )
    entries = lockfile.load(project.lock_path).entries(current.env)
    return report(ApplyOutcome(current, result, calls, entries), fmt)


def show_plan(plan_: Plan, fmt: str) -> None:
    """The plan for people: on stdout, or on stderr when stdout carries JSON."""
    err = fmt == "json"
    show(Result("plan", plan_.to_dict(), use_color(sys.stderr if err else None)), "text", err=err)


def starting(plan_: Plan, fmt: str, saved: bool) -> None:
    """Runs once the apply lock is held and a saved plan is known to be fresh."""
    if saved:
        show_plan(plan_, fmt)
    click.echo(_applying(plan_), err=True)


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


def _applying(plan: Plan) -> str:
    changes = sum(c.reviewable for c in plan.pending())
    if changes:
        return f"Applying {changes} change(s) to '{plan.env}'…"
    return f"Recording Meta's current state in the lock for '{plan.env}' (no API call)…"


def confirm(auto_approve: bool, *, err: bool = False) -> None:
    """Ask on the terminal; ``err``: on stderr, when stdout carries JSON."""
    if auto_approve:
        return
    if not interactive():
        raise FlowopsError(
            "apply needs confirmation, but stdin is not a terminal",
            hint="review the plan above and rerun with --auto-approve",
        )
    if not click.confirm("Apply these changes to Meta?", default=False, err=err):
        raise FlowopsError("apply cancelled; nothing was changed")


def interactive() -> bool:
    return sys.stdin.isatty()


def report(outcome: ApplyOutcome, fmt: str) -> int:
    """What happened: text for people on stderr (with the progress), json on stdout."""
    text = fmt == "text"
    show(Result("apply", outcome, text and use_color(sys.stderr)), fmt, err=text)
    return 0 if outcome.result.ok else 1

"""Showing a command's result: colour, the reporter registry, validation problems.

Kept apart from ``common`` (which opens projects and reaches Meta) so that ``validate``,
``status`` and ``resolve`` start without importing the Graph client.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from flowops.errors import FlowopsError, ProblemsError
from flowops.report import Report, Result, render


def use_color(stream: object = None) -> bool:
    """CPython's order: NO_COLOR (any value) turns colour off; else FORCE_COLOR forces it
    (not '0' or 'false'); else a terminal gets colour unless TERM=dumb. Default: stdout."""
    if os.environ.get("NO_COLOR"):
        return False
    forced = os.environ.get("FORCE_COLOR", "")
    if forced:
        return forced.lower() not in ("0", "false")
    if os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream or sys.stdout, "isatty", lambda: False)())


def show(result: Result, fmt: str, *, err: bool = False) -> None:
    """Print a command's result through the one reporter registry (colour kept in a pipe
    when the result asks for it: click.echo would strip it)."""
    click.echo(render(result, fmt), err=err, nl=False, color=result.color or None)


def show_problems(report: Report) -> None:
    show(Result("validation", report, use_color(sys.stderr)), "text", err=True)


@contextmanager
def problems_shown() -> Iterator[None]:
    """Print validation problems with file:line:col, then a one-line error that does not
    repeat them."""
    try:
        yield
    except ProblemsError as exc:
        show_problems(Report(list(exc.problems)))
        short = ProblemsError("stopped by the errors above; nothing was sent to Meta", [])
        short.problems, short.hint = exc.problems, "fix them, then run the command again"
        raise short from None


@contextmanager
def drawing_refused(path: object) -> Iterator[None]:
    """A flow with validation errors is not drawn: its problems, then what to run."""
    try:
        yield
    except ProblemsError as exc:
        show_problems(Report(list(exc.problems)))
        raise FlowopsError(exc.message, hint=f"fix them (`flowops validate {path}`)") from None

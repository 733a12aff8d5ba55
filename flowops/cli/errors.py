"""One place that turns exceptions into messages and exit codes (pre-commit's split)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from flowops.errors import FlowopsError

EXIT_USER_ERROR = 1
EXIT_USAGE = EXIT_USER_ERROR  # never 2: that is "changes present" / "drift" to a pipeline
EXIT_BUG = 3
EXIT_INTERRUPTED = 130


class Group(click.Group):
    """click's group, except that usage errors (a mistyped option, a bad value) exit 1.

    click gives them 2, the code ``plan --detailed-exitcode`` and ``drift`` use for
    "changes present": a typo in a pipeline must fail it, not look like a finding.
    """

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        with usage_exit():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        with usage_exit():
            return super().invoke(ctx)


@contextmanager
def usage_exit() -> Iterator[None]:
    try:
        yield
    except click.UsageError as exc:
        exc.exit_code = EXIT_USAGE  # type: ignore[misc]  # this instance only
        raise


def run_guarded(group: click.Group) -> int:
    try:
        result = group.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort as exc:
        if isinstance(exc.__context__, KeyboardInterrupt):  # click turns Ctrl-C into Abort
            click.echo("Interrupted.", err=True)
            return EXIT_INTERRUPTED
        click.echo("Aborted.", err=True)
        return EXIT_USER_ERROR
    except FlowopsError as exc:
        report_user_error(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        return EXIT_INTERRUPTED
    except Exception:
        report_bug("--traceback" in sys.argv)
        return EXIT_BUG
    return result if isinstance(result, int) else 0


def report_user_error(exc: FlowopsError) -> None:
    click.echo(f"Error: {exc}", err=True)
    if exc.hint:
        click.echo(f"Hint: {exc.hint}", err=True)


def report_bug(show_traceback: bool) -> None:
    kind, value, _ = sys.exc_info()
    name = kind.__name__ if kind else "Exception"
    click.echo(f"Internal error ({name}): {value}", err=True)
    if show_traceback:
        import traceback  # only here: importing it costs more than the rest of start-up

        click.echo(traceback.format_exc(), err=True)
    else:
        click.echo(
            "This is a bug in flowops. Rerun with --traceback and report the output.", err=True
        )

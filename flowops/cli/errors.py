"""One place that turns exceptions into messages and exit codes (pre-commit's split)."""

from __future__ import annotations

import sys
import traceback as tb

import click

from flowops.errors import FlowopsError

EXIT_USER_ERROR = 1
EXIT_BUG = 3
EXIT_INTERRUPTED = 130


def run_guarded(group: click.Group) -> int:
    try:
        result = group.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
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
        click.echo(tb.format_exc(), err=True)
    else:
        click.echo(
            "This is a bug in flowops. Rerun with --traceback and report the output.", err=True
        )

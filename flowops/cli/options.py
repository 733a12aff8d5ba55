"""Options several commands share, declared once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import click

F = TypeVar("F", bound=Callable[..., object])


def env_option(func: F) -> F:
    return click.option(
        "--env",
        "env",
        default="local",
        show_default=True,
        metavar="NAME",
        help="Environment from flows.yaml (local = the built-in emulator).",
    )(func)


def format_option(choices: Sequence[str], help: str) -> Callable[[F], F]:
    """``--format`` stored as ``fmt``, defaulting to text."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default="text",
        show_default=True,
        help=help,
    )


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

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

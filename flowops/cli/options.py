"""Options several commands share, declared once."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, TypeVar, cast

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


def optional_env_option(help: str) -> Callable[[F], F]:
    """``--env NAME`` for a command that also works without an environment (no default)."""
    return click.option("--env", "env", metavar="NAME", help=help)


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


class Duration(click.ParamType):
    """``30s``, ``5m``, ``1h`` or plain seconds (Terraform's -lock-timeout values)."""

    name = "duration"
    _UNITS: ClassVar[dict[str, float]] = {"ms": 0.001, "s": 1, "": 1, "m": 60, "h": 3600}

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        if isinstance(value, (int, float)):
            return float(value)
        match = re.fullmatch(r"(\d+(?:\.\d+)?)(ms|s|m|h|)", str(value).strip())
        if match is None:
            self.fail(f"'{value}' is not a duration such as 30s, 5m or 1h", param, ctx)
        return float(match[1]) * self._UNITS[match[2]]


def refresh_option(default: bool, help: str) -> Callable[[F], F]:
    """``--refresh`` / ``--no-refresh``; ``--refresh=false`` (Terraform's spelling) works too.

    Passes one ``refresh: bool`` to the command."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def command(*args: Any, refresh: bool, no_refresh: bool, **kwargs: Any) -> object:
            return func(*args, refresh=refresh and not no_refresh, **kwargs)

        command = click.option(
            "--no-refresh", "no_refresh", is_flag=True, help="Do not read Meta."
        )(command)
        flag = click.option(
            "--refresh",
            "refresh",
            type=click.BOOL,
            default=default,
            is_flag=False,
            flag_value=True,
            show_default=True,
            metavar="[BOOLEAN]",
            help=help,
        )
        return cast(F, flag(command))

    return decorate

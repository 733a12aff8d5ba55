"""The ``flowops`` click group; each command module adds itself to it when first used."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from flowops import __version__
from flowops.cli.context import CliContext
from flowops.cli.lazy import LazyGroup

_PATH_HELP = "The manifest; the repository root is its folder."


def _manifest_after_command(ctx: click.Context, _: click.Parameter, value: Path | None) -> None:
    """``flowops validate --manifest x.yaml`` means the same as ``flowops -m x.yaml validate``."""
    if value is not None:
        ctx.obj = replace(ctx.find_object(CliContext) or CliContext(value), manifest_path=value)


def _with_manifest_option(command: click.Command) -> None:
    """Every command (not the groups) also takes ``-m/--manifest`` after its name."""
    if not isinstance(command, click.Group):
        command.params.append(
            click.Option(
                ["-m", "--manifest"],
                type=click.Path(dir_okay=False, path_type=Path),
                expose_value=False,
                callback=_manifest_after_command,
                help=f"{_PATH_HELP}  [default: flows.yaml]",
            )
        )


@click.group(
    cls=LazyGroup,
    registered=_with_manifest_option,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="flowops")
@click.option(
    "-m",
    "--manifest",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("flows.yaml"),
    show_default=True,
    envvar="FLOWOPS_MANIFEST",
    help=_PATH_HELP,
)
@click.option("--traceback", is_flag=True, help="Show the full traceback of unexpected errors.")
@click.pass_context
def cli(ctx: click.Context, manifest: Path, traceback: bool) -> None:
    """Declarative, reviewable WhatsApp Flows: validate, plan and apply from git."""
    ctx.obj = CliContext(manifest_path=manifest, traceback=traceback)


@cli.result_callback()
@click.pass_context
def _exit_with_result(ctx: click.Context, result: object, **_: object) -> None:
    """Commands return their exit code; make it the process's (and CliRunner's) exit code."""
    if isinstance(result, int) and result:
        ctx.exit(result)

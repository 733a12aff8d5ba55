"""``flowops validate``: offline checks of flows.yaml and the Flow JSON files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from flowops.cli.context import CliContext
from flowops.cli.group import cli
from flowops.cli.options import format_option
from flowops.report.validation import FORMATS, RENDERERS
from flowops.validate import validate_paths, validate_project


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@format_option(FORMATS, "text for people, json for programs, github for workflow annotations.")
@click.option("--env", "env", metavar="NAME", help="Check as applied to this environment only.")
@click.pass_context
def validate(
    ctx: click.Context, paths: tuple[Path, ...], strict: bool, fmt: str, env: str | None
) -> int:
    """Check the manifest and every flow file it names, or only PATHS.

    A .yaml path is checked as a manifest, a folder as every .json file below it, any
    other path as a Flow JSON file.
    Exits 1 when there are errors (warnings alone exit 0).
    """
    obj: CliContext = ctx.obj
    manifest_path = obj.manifest_path
    if paths:
        report = validate_paths(paths, manifest_path, env=env, strict=strict)
    else:
        report = validate_project(manifest_path, env=env, strict=strict)
    click.echo(RENDERERS[fmt](report, _use_color(fmt)), nl=False)
    if report.errors:
        ctx.exit(1)  # an exception, so the code survives click's standalone mode too
    return 0


def _use_color(fmt: str) -> bool:
    if fmt != "text" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()

"""``flowops validate``: offline checks of flows.yaml and the Flow JSON files."""

from __future__ import annotations

from pathlib import Path

import click

from flowops.cli.context import CliContext
from flowops.cli.group import cli
from flowops.cli.options import format_option, optional_env_option
from flowops.cli.output import show, use_color
from flowops.report import Result, formats
from flowops.validate import validate_paths, validate_project


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@format_option(
    formats("validation"), "text for people, json for programs, github for workflow annotations."
)
@optional_env_option("Check as applied to this environment only.")
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
    show(Result("validation", report, fmt == "text" and use_color()), fmt)
    return 1 if report.errors else 0

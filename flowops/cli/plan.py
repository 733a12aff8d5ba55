"""``flowops plan``: validate, read Meta (one paged list), and show what apply would do."""

from __future__ import annotations

from pathlib import Path

import click

from flowops.cli.common import make_plan, prepare
from flowops.cli.context import CliContext
from flowops.cli.group import cli
from flowops.cli.options import env_option, format_option, refresh_option, selection_options
from flowops.cli.output import show, use_color
from flowops.connect import open_environment
from flowops.plan import save_plan
from flowops.report import Result, formats
from flowops.report.comment import diagrams

EXIT_CHANGES = 2


@cli.command()
@env_option
@format_option(formats("plan"), "text for people, markdown for a PR comment, json for tools.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also save the plan (JSON) for `flowops apply FILE`.",
)
@refresh_option(True, "Read Meta; --no-refresh (or --refresh=false) plans from the lock alone.")
@click.option(
    "--detailed-exitcode",
    is_flag=True,
    help="Exit 0 when there are no changes, 2 when there are, 1 on error.",
)
@selection_options
@click.pass_obj
def plan(
    obj: CliContext,
    env: str,
    fmt: str,
    out: Path | None,
    refresh: bool,
    detailed_exitcode: bool,
    flows: tuple[str, ...],
    publish: bool,
    force: bool,
    prune: bool,
) -> int:
    """Show what apply would change on Meta, and why."""
    project, warnings = prepare(obj, env)
    if refresh:
        with open_environment(project.root, project.env) as conn:
            result = make_plan(project, conn.api, flows, publish, force, prune, warnings)
    else:
        result = make_plan(project, None, flows, publish, force, prune, warnings)
    data = result.to_dict()
    # markdown carries a Mermaid diagram of each changed flow, as in pull requests
    extras = {"diagrams": diagrams(data, project.root)} if fmt == "markdown" else {}
    show(Result("plan", data, fmt == "text" and use_color(), extras), fmt)
    if out is not None:
        save_plan(out, data)
        click.echo(f"Saved the plan to {out}; apply it with `flowops apply {out}`.", err=True)
    return EXIT_CHANGES if detailed_exitcode and result.has_changes else 0

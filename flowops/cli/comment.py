"""``flowops pr-comment``: the sticky pull-request comment body and the job summary."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from flowops.cli.context import CliContext
from flowops.cli.group import cli
from flowops.cli.options import optional_env_option
from flowops.connect import open_environment
from flowops.errors import FlowopsError
from flowops.onboard import require_env
from flowops.report.comment import (
    Extras,
    add_previews,
    add_review,
    comment_body,
    diagrams,
    job_summary,
    load_plan,
    run_footer,
)


@cli.command("pr-comment")
@click.option(
    "--plan",
    "plan_path",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="A plan saved by `flowops plan --out`.",
)
@optional_env_option("Environment of the plan (checked against the file).")
@click.option("--preview", is_flag=True, help="Add preview links of changed flows (reads Meta).")
@click.option(
    "--summary-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Append the plan to this file too (in Actions: $GITHUB_STEP_SUMMARY).",
)
@click.option(
    "--review",
    "review_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Name the before/after screens `flowops render --plan` wrote to this folder.",
)
@click.option("--review-url", default="", help="Where reviewers open that folder (artifact URL).")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the comment body here instead of standard output.",
)
@click.pass_obj
def pr_comment(
    obj: CliContext,
    plan_path: Path,
    env: str | None,
    preview: bool,
    summary_file: Path | None,
    output: Path | None,
    review_dir: Path | None,
    review_url: str,
) -> int:
    """Print the comment body: a hidden marker, the plan, a diagram per changed flow."""
    plan = load_plan(plan_path)
    if env and env != plan["env"]:
        raise FlowopsError(
            f"{plan_path} is a plan for '{plan['env']}', not '{env}'",
            hint="pass the plan made for that environment",
        )
    extras = diagrams(plan, obj.root)
    if preview:
        _previews(obj, plan, extras)
    for warning in add_review(review_dir, review_url, extras) if review_dir else ():
        click.echo(f"warning: {warning}", err=True)
    if summary_file is not None:
        with summary_file.open("a", encoding="utf-8") as handle:
            handle.write(job_summary(plan, extras))
    _emit(comment_body(plan, extras, run_footer(os.environ)), output)
    return 0


def _previews(obj: CliContext, plan: dict[str, Any], extras: Extras) -> None:
    env = require_env(obj.manifest_path, plan["env"])
    with open_environment(obj.root, env) as connection:
        for failure in add_previews(plan, connection.api, extras):
            click.echo(f"warning: {failure}", err=True)


def _emit(body: str, output: Path | None) -> None:
    if output is None:
        click.echo(body, nl=False)
    else:
        output.write_text(body, encoding="utf-8")

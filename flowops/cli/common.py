"""What plan and apply share: opening and validating the project, making the plan."""

from __future__ import annotations

from collections.abc import Sequence

import click

from flowops.cli.context import CliContext
from flowops.cli.output import problems_shown
from flowops.graph import FlowsAPI
from flowops.lock import file as lockfile
from flowops.pipeline import engine
from flowops.plan import Plan
from flowops.problems import Problem
from flowops.report.validation import summary


def prepare(obj: CliContext, env: str) -> tuple[engine.Project, list[Problem]]:
    """Open the project for ``env`` and validate it: errors stop here; the warnings go into
    the plan, so every rendering of it (and the PR comment) shows them."""
    with problems_shown():
        project = engine.open_project(obj.manifest_path, env)
        report = engine.validation_report(project)
    if report.problems:  # listed with the plan; the count here, worded as validate does
        click.echo(summary(report), err=True)
    return project, report.sorted()


def make_plan(
    project: engine.Project,
    api: FlowsAPI | None,
    flows: tuple[str, ...],
    publish: bool,
    force: bool,
    prune: bool,
    warnings: Sequence[Problem] = (),
) -> Plan:
    lock = lockfile.load(project.lock_path)
    options = engine.options_for(
        project, lock, prune=prune, publish=publish, force=force, flows=flows
    )
    return engine.plan(project, api, options, lock, warnings)

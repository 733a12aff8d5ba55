"""What plan and apply share: opening and validating the project, making the plan."""

from __future__ import annotations

from flowops.cli.context import CliContext
from flowops.cli.output import problems_shown, show_problems
from flowops.graph import FlowsAPI
from flowops.lock import file as lockfile
from flowops.pipeline import engine
from flowops.plan import Plan


def prepare(obj: CliContext, env: str) -> engine.Project:
    """Open the project for ``env`` and validate it: errors stop, warnings are printed
    with the summary `flowops validate` gives."""
    with problems_shown():
        project = engine.open_project(obj.manifest_path, env)
        report = engine.validation_report(project)
    if report.problems:
        show_problems(report)
    return project


def make_plan(
    project: engine.Project,
    api: FlowsAPI | None,
    flows: tuple[str, ...],
    publish: bool,
    force: bool,
    prune: bool,
) -> Plan:
    lock = lockfile.load(project.lock_path)
    options = engine.options_for(
        project, lock, prune=prune, publish=publish, force=force, flows=flows
    )
    return engine.plan(project, api, options, lock)

"""``flowops status``: per flow, synced? published? linked? would the runtime use it?"""

from __future__ import annotations

import click

from flowops.cli.context import CliContext
from flowops.cli.group import cli
from flowops.cli.options import env_option, format_option, refresh_option
from flowops.cli.output import problems_shown, show
from flowops.connect import open_environment
from flowops.drift import status_rows
from flowops.graph import STATUS_FIELDS
from flowops.lock import file as lockfile
from flowops.pipeline import engine
from flowops.refresh import list_remote, load_desired
from flowops.report import Result, formats


@cli.command()
@env_option
@format_option(formats("status"), "text for people, json for programs.")
@refresh_option(False, "Also read Meta: each flow's status and health_status (one paged list).")
@click.pass_obj
def status(obj: CliContext, env: str, fmt: str, refresh: bool) -> int:
    """What the lock says about each flow, and whether the chatbot would use it."""
    with problems_shown():
        project = engine.open_project(obj.manifest_path, env)
    entries = lockfile.load(project.lock_path).entries(env)
    desired = load_desired(project.manifest, project.specs)
    catalogue = project.manifest.traditional_flows or None
    remote = None
    if refresh:
        with open_environment(project.root, project.env) as conn:
            remote = list_remote(conn.api, STATUS_FIELDS)
    rows = status_rows(desired, entries, catalogue, remote)
    source = {"lock": _shown(project), "refreshed": refresh}
    show(Result("status", rows, extras={"env": env, **source}), fmt)
    return 0


def _shown(project: engine.Project) -> str:
    """The lock file as people know it: relative to the repository root."""
    try:
        return project.lock_path.relative_to(project.root).as_posix()
    except ValueError:
        return str(project.lock_path)

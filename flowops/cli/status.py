"""``flowops status``: per flow, synced? published? linked? would the runtime use it?"""

from __future__ import annotations

import json

import click

from flowops.cli.context import CliContext
from flowops.cli.group import cli
from flowops.cli.options import env_option, format_option
from flowops.cli.plan import problems_shown
from flowops.connect import open_environment
from flowops.drift import StatusRow, status_rows
from flowops.lock import file as lockfile
from flowops.pipeline import engine
from flowops.refresh import list_remote, load_desired


@cli.command()
@env_option
@format_option(["text", "json"], "text for people, json for programs.")
@click.option("--refresh", is_flag=True, help="Also read Meta's current status (one paged list).")
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
            remote = list_remote(conn.api)
    rows = status_rows(desired, entries, catalogue, remote)
    if fmt == "json":
        click.echo(
            json.dumps(
                {"format_version": 1, "env": env, "flows": [r.to_dict() for r in rows]}, indent=2
            )
        )
    else:
        click.echo("\n".join(_text(r) for r in rows) or "No flows.")
    return 0


def _text(row: StatusRow) -> str:
    yes = {True: "yes", False: "no", None: "unknown"}
    lines = [
        f"{row.key}  [{row.status}]  flow id {row.flow_id or '-'}  name {row.name}",
        f"    linked to: {_link(row)}; active: {yes[row.active]}",
        f"    in sync with git: {_sync(row)}",
        f"    runtime would use it: {yes[row.usable]}, because {row.because}"
        + ("  ⚠" if row.flagged else ""),
    ]
    return "\n".join(lines)


def _link(row: StatusRow) -> str:
    if not row.linked_to:
        return "(none)"
    if row.link_exists is None:
        return row.linked_to
    where = "in" if row.link_exists else "NOT in"
    return f"{row.linked_to} ({where} the traditional flow catalogue)"


def _sync(row: StatusRow) -> str:
    if not row.in_manifest:
        return "no; not in flows.yaml any more (`flowops plan --prune` shows its removal)"
    if not row.flow_id:
        return "no; not applied yet (run `flowops apply`)"
    if row.differs:
        return f"no; changed in git: {', '.join(row.differs)} (run `flowops plan`)"
    return "yes"

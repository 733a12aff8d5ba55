"""``flowops preview KEY``: the flow's public preview link (kept stable unless asked)."""

from __future__ import annotations

import click

from flowops import lockfile
from flowops.cli import cli
from flowops.cli.context import CliContext
from flowops.cli.preview_local import local_options, serve_local
from flowops.connect import open_environment
from flowops.errors import FlowopsError
from flowops.importer import require_env


@cli.command("preview")
@click.argument("key")
@click.option("--env", "env_name", default="local", show_default=True, help="Environment.")
@click.option(
    "--invalidate",
    is_flag=True,
    help="Make a new link; every link shared before stops working.",
)
@local_options
@click.pass_obj
def preview(
    obj: CliContext, key: str, env_name: str, invalidate: bool, local: bool, port: int
) -> int:
    """Print the preview URL of flow KEY (a key of flows.yaml) and when it expires.

    With --local: serve a clickable preview on 127.0.0.1 instead (offline, nothing on Meta).
    """
    if local:
        return serve_local(obj, key, port)
    env = require_env(obj.manifest_path, env_name)
    with open_environment(obj.root, env) as connection:
        entry = lockfile.load(connection.lock_path).get(env_name, key)
        if entry is None:
            raise FlowopsError(
                f"flow '{key}' is not on Meta in {env_name} yet (not in the lock file)",
                hint=f"apply it first (`flowops apply --env {env_name}`), or check the key;"
                f" `flowops preview --local {key}` previews it offline",
            )
        link = connection.api.preview(entry.flow_id, invalidate=invalidate)
    click.echo(link.preview_url)
    if link.expires_at:
        click.echo(f"expires {link.expires_at}", err=True)
    if invalidate:
        click.echo("note: previously shared preview links no longer work", err=True)
    return 0

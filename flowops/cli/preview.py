"""``flowops preview KEY``: the flow's public preview link (kept stable unless asked)."""

from __future__ import annotations

import click

from flowops import paths
from flowops.cli.context import CliContext
from flowops.cli.group import cli
from flowops.cli.options import env_option
from flowops.cli.preview_local import local_options, serve_local
from flowops.connect import open_environment
from flowops.errors import FlowopsError
from flowops.lock import file as lockfile
from flowops.manifest import Manifest, did_you_mean, load


@cli.command("preview")
@click.argument("key")
@env_option
@click.option(
    "--invalidate",
    is_flag=True,
    help="Make a new link; every link shared before stops working.",
)
@local_options
@click.pass_obj
def preview(obj: CliContext, key: str, env: str, invalidate: bool, local: bool, port: int) -> int:
    """Print the preview URL of flow KEY (a key of flows.yaml) and when it expires.

    With --local: serve a clickable preview on 127.0.0.1 instead (offline, nothing on Meta).
    """
    if local:
        return serve_local(obj, key, port)
    manifest = load(obj.manifest_path)
    environment = manifest.environment(env)
    flow_id = _flow_id(manifest, lockfile.load(paths.lock_path(obj.root, environment)), env, key)
    with open_environment(obj.root, environment) as connection:
        link = connection.api.preview(flow_id, invalidate=invalidate)
    click.echo(link.preview_url)
    if environment.emulator:
        click.echo("note: made up by the local emulator; it opens nothing on WhatsApp", err=True)
    if link.expires_at:
        click.echo(f"expires {link.expires_at}", err=True)
    if invalidate:
        click.echo("note: previously shared preview links no longer work", err=True)
    return 0


def _flow_id(manifest: Manifest, lock: lockfile.Lock, env: str, key: str) -> str:
    """The flow id the lock records for ``key``; before any call, a clear error when none."""
    entry = lock.get(env, key)
    if entry is not None:
        return entry.flow_id
    if key in manifest.flows:
        raise FlowopsError(
            f"flow '{key}' is not on Meta in {env} yet (not in the lock file)",
            hint=f"apply it first: `flowops apply --env {env}`; "
            f"`flowops preview --local {key}` previews it offline",
        )
    known = sorted({*manifest.flows, *lock.entries(env)})
    raise FlowopsError(
        f"no flow '{key}' in {manifest.path.name}.{did_you_mean(key, known)}",
        hint=f"KEY is a key under flows: in {manifest.path.name} ({len(known)} defined)",
    )

"""``flowops export-runtime``: a compact snapshot of one environment for the chatbot."""

from __future__ import annotations

from pathlib import Path

import click

from flowops.cli.context import CliContext
from flowops.cli.group import cli
from flowops.cli.options import env_option
from flowops.errors import FlowopsError
from flowops.runtime import Resolution, Snapshot, load_lock, write
from flowops.runtime.notes import catalogue_warnings
from flowops.runtime.project import locate

DEFAULT_OUTPUT = "flows.runtime.json"


@cli.command("export-runtime")
@env_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"Where to write it. [default: {DEFAULT_OUTPUT} next to the manifest]",
)
@click.pass_obj
def export_runtime(obj: CliContext, env: str, output: Path | None) -> int:
    """Write what the runtime needs from the lock file (load it with Resolver.from_snapshot).

    Only flows linked to a traditional flow are kept, sorted, in versioned JSON, written
    atomically so a running bot reloading it never reads half a file.
    """
    source = locate(obj.manifest_path, env)
    snapshot = load_lock(source.lock_file, env)
    target = output if output is not None else obj.root / DEFAULT_OUTPUT
    try:
        write(snapshot, target)
    except OSError as exc:
        raise FlowopsError(
            f"{target}: cannot write ({exc.strerror})",
            hint="check the folder exists and is writable",
        ) from None
    for warning in (*snapshot.warnings, *catalogue_warnings(source.manifest, snapshot)):
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"Wrote {target}: {_summary(snapshot)} (environment {env}, from {source.shown()})")
    return 0


def _summary(snapshot: Snapshot) -> str:
    names = list(snapshot.traditional_flows())
    usable = sum(isinstance(snapshot.resolve(name), Resolution) for name in names)
    return f"{len(names)} traditional flows, {usable} served by a WhatsApp Flow"

"""``flowops render``: screens as WhatsApp shows them, as HTML (and PNG) files."""

from __future__ import annotations

from pathlib import Path

import click

from flowops.cli import cli
from flowops.cli.context import CliContext
from flowops.errors import FlowopsError
from flowops.screens import THEMES, screen_ids
from flowops.screens.export import Written, write_flow
from flowops.screens.source import flow_file, read_flow


@cli.command("render")
@click.argument("key", required=False)
@click.option("--screen", metavar="ID", help="Only this screen.")
@click.option("--png", is_flag=True, help="Also a PNG per page (needs Chromium on PATH).")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for the files (made if missing).",
)
@click.option("--theme", type=click.Choice(THEMES), default="auto", show_default=True)
@click.pass_obj
def render(
    obj: CliContext, key: str | None, screen: str | None, png: bool, out: Path, theme: str
) -> int:
    """Draw flow KEY (a key of flows.yaml, or a .json file): one HTML page per screen."""
    if key is None:
        raise FlowopsError("name a flow: `flowops render KEY --out DIR`")
    name, path = flow_file(obj.manifest_path, key)
    doc = read_flow(path)
    if screen is not None and screen not in screen_ids(doc):
        known = ", ".join(screen_ids(doc)) or "none"
        raise FlowopsError(f"{path} has no screen '{screen}'", hint=f"its screens: {known}")
    report(write_flow(doc, out, title=name, theme=theme, screen=screen, png=png))
    return 0


def report(done: Written) -> None:
    for path in done.files:
        click.echo(str(path))
    for note in done.notes:
        click.echo(f"note: {note}", err=True)

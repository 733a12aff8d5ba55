"""``flowops render``: screens as WhatsApp shows them, as HTML (and PNG) files."""

from __future__ import annotations

from pathlib import Path

import click

from flowops import manifest
from flowops.cli.context import CliContext
from flowops.cli.group import cli
from flowops.cli.output import drawing_refused
from flowops.errors import FlowopsError
from flowops.report.comment import load_plan
from flowops.screens import THEMES, screen_ids
from flowops.screens.export import Written, write_flow
from flowops.screens.planreview import write_review
from flowops.screens.source import flow_file, read_drawable


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
@click.option(
    "--plan",
    "plan_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Instead: the before/after review of every screen a saved plan changes.",
)
@click.pass_obj
def render(
    obj: CliContext,
    key: str | None,
    screen: str | None,
    png: bool,
    out: Path,
    theme: str,
    plan_path: Path | None,
) -> int:
    """Draw flow KEY (a key of flows.yaml, or a .json file): one HTML page per screen.

    With --plan FILE: index.html shows each changed screen before and after, side by side,
    with the changes outlined; FLOW/SCREEN.html (and .png with --png) one screen each.
    """
    if plan_path is not None:
        if key is not None or screen is not None:
            raise FlowopsError("--plan draws the plan's screens: drop KEY and --screen")
        plan = load_plan(plan_path)
        files = {k: s.file for k, s in manifest.load(obj.manifest_path).flows.items()}
        report(write_review(plan, obj.root, out, png=png, theme=_light(theme), files=files))
        return 0
    if key is None:
        raise FlowopsError("name a flow: `flowops render KEY --out DIR`, or pass --plan FILE")
    name, path = flow_file(obj.manifest_path, key)
    with drawing_refused(path):
        doc = read_drawable(path)
    if screen is not None and screen not in screen_ids(doc):
        known = ", ".join(screen_ids(doc)) or "none"
        raise FlowopsError(f"{path} has no screen '{screen}'", hint=f"its screens: {known}")
    report(write_flow(doc, out, title=name, theme=theme, screen=screen, png=png))
    return 0


def _light(theme: str) -> str:
    """Review pages are compared by eye and by PNG: the system theme would vary."""
    return "light" if theme == "auto" else theme


def report(done: Written) -> None:
    for path in done.files:
        click.echo(str(path))
    for note in done.notes:
        click.echo(f"note: {note}", err=True)

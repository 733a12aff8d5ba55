"""``flowops preview --local KEY``: the clickable preview served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from flowops.cli.context import CliContext
from flowops.cli.output import drawing_refused
from flowops.errors import FlowopsError
from flowops.preview import serve
from flowops.screens import screen_ids
from flowops.screens.source import flow_file, read_drawable

F = TypeVar("F", bound=Callable[..., object])


def local_options(func: F) -> F:
    func = click.option(
        "--port",
        type=click.IntRange(0, 65535),
        default=8765,
        show_default=True,
        help="Port for --local (0 picks a free one).",
    )(func)
    return click.option(
        "--local", is_flag=True, help="Serve a clickable preview on 127.0.0.1 (offline)."
    )(func)


def serve_local(obj: CliContext, key: str, port: int) -> int:
    name, path = flow_file(obj.manifest_path, key)
    with drawing_refused(path):
        doc = read_drawable(path)
    if not isinstance(doc, dict) or not screen_ids(doc):
        raise FlowopsError(f"{path}: no screens to preview", hint=f"run `flowops validate {path}`")
    try:
        serve(doc, name, theme="auto", port=port, ready=_announce)
    except OSError as exc:
        raise FlowopsError(
            f"cannot listen on 127.0.0.1:{port} ({exc.strerror})",
            hint="pick another port with --port, or --port 0 for any free one",
        ) from None
    return 0


def _announce(url: str) -> None:
    click.echo(f"Previewing on {url} (only this computer can open it). Ctrl-C stops it.")

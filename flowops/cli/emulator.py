"""``flowops emulator serve``: Meta's Flows API on localhost, for curl, scripts and CI."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import TypeVar

import click

from flowops.cli.group import cli
from flowops.emulator import EmulatorHandle, FaultConfig, start_emulator
from flowops.errors import ConfigError

EXAMPLE_WABA = "100000000000001"
F = TypeVar("F", bound=Callable[..., object])


def _share_option(flag: str, help: str) -> Callable[[F], F]:
    """A fault injected into this share (0 to 1) of API calls."""
    return click.option(flag, type=click.FloatRange(0, 1), default=0.0, help=help)


@cli.group()
def emulator() -> None:
    """A local emulator of Meta's WhatsApp Flows Graph API."""


@emulator.command()
@click.option("--port", type=click.IntRange(0, 65535), default=8089, show_default=True)
@click.option(
    "--state",
    type=click.Path(dir_okay=False, resolve_path=True, path_type=Path),
    default=None,
    help="JSON file keeping the flows between runs (default: memory only).",
)
@click.option(
    "--token",
    envvar="FLOWOPS_EMULATOR_TOKEN",
    default=None,
    help="Accept only this bearer token (default: any non-empty token). "
    "FLOWOPS_EMULATOR_TOKEN keeps it out of the process list.",
)
@click.option(
    "--legacy-immutable",
    is_flag=True,
    help="Old Meta rule: editing a PUBLISHED flow fails with 139001.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of injected faults.")
@_share_option("--rate-limit", "Share of API calls answered with a rate-limit error.")
@_share_option("--server-errors", "Share of API calls answered with HTTP 500.")
@click.option("--latency-ms", type=click.IntRange(0), default=0, help="Delay of every API call.")
@_share_option(
    "--drop-connections", "Share of API calls whose connection is closed without an answer."
)
@_share_option("--lose-responses", "Share of API calls carried out whose answer is then lost.")
def serve(
    port: int,
    state: Path | None,
    token: str | None,
    legacy_immutable: bool,
    seed: int,
    rate_limit: float,
    server_errors: float,
    latency_ms: int,
    drop_connections: float,
    lose_responses: float,
) -> int:
    """Serve until Ctrl-C (or SIGTERM). Any numeric WABA id works; it is created on first use."""
    faults = FaultConfig(
        seed, rate_limit, server_errors, latency_ms, drop_connections, lose_responses
    )
    handle = _start(port, state, token, faults, legacy_immutable)
    _print_banner(handle, state, token is not None)
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` (CI, containers) stops it like Ctrl-C
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        handle.stop()
        click.echo("Emulator stopped.")
    return 0


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _start(
    port: int, state: Path | None, token: str | None, faults: FaultConfig, legacy: bool
) -> EmulatorHandle:
    try:
        return start_emulator(
            state_path=state,
            token=token,
            port=port,
            faults=faults,
            legacy_immutable_published=legacy,
        )
    except OSError as exc:
        raise ConfigError(
            f"cannot listen on 127.0.0.1:{port} ({exc.strerror})",
            hint="Choose another --port, or --port 0 for any free port.",
        ) from exc


def _print_banner(handle: EmulatorHandle, state: Path | None, has_token: bool) -> None:
    base = f"{handle.url}/v23.0"
    auth = "Authorization: Bearer <TOKEN>" if has_token else "Authorization: Bearer local"
    click.echo(f"flowops emulator: Meta's Flows API at {base}")
    click.echo(f"State: {state if state else 'in memory (lost on exit)'}")
    click.echo("Token: " + ("the one given with --token" if has_token else "any non-empty token"))
    click.echo("Try:")
    click.echo(f"  curl -X POST '{base}/{EXAMPLE_WABA}/flows' -H '{auth}' \\")
    click.echo("       -F 'name=My first flow' -F 'categories=[\"OTHER\"]'")
    click.echo(f"  curl -X POST '{base}/<FLOW_ID>/assets' -H '{auth}' \\")
    click.echo("       -F file=@flow.json -F name=flow.json -F asset_type=FLOW_JSON")
    click.echo(f"  curl -X POST '{base}/<FLOW_ID>/publish' -H '{auth}'")
    click.echo(f"  curl '{base}/{EXAMPLE_WABA}/flows' -H '{auth}'")
    click.echo("Press Ctrl-C to stop.", nl=True)

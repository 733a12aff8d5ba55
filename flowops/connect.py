"""How commands reach an environment: Meta's Graph API, or a local emulator.

An ``emulator: true`` environment without its own ``graph_url`` gets an embedded emulator
on an ephemeral loopback port, persisting to ``.flowops/<env>/emulator.json`` so successive
commands see the same "Meta". Real environments read their token from the variable named
by ``token_env``; the value is never printed.

Retries use ``RetryPolicy()``'s defaults for every environment: up to 6 attempts per call
within 60 seconds, exponential backoff with full jitter (0.5 s doubling, at most 20 s), and
Meta's ``Retry-After`` honoured. They are deliberately not configurable in ``flows.yaml``:
Meta's WABA limits are hourly, so waiting longer inside one run does not help; apply records
each finished step and a rerun continues where a rate-limited run stopped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from flowops import paths
from flowops.emulator import EmulatorHandle, FaultConfig, start_emulator
from flowops.errors import ConfigError
from flowops.graph import FlowsAPI, GraphClient
from flowops.manifest import Environment

LOCAL_WABA_ID = "100000000000001"
LOCAL_TOKEN = "local"
META_GRAPH_URL = Environment.graph_url  # the dataclass default: Meta's real endpoint


@dataclass
class Connection:
    env: Environment
    api: FlowsAPI
    lock_path: Path
    emulator: EmulatorHandle | None = None


@contextmanager
def open_environment(
    root: Path, env: Environment, *, faults: FaultConfig | None = None
) -> Iterator[Connection]:
    """Yield a connection to ``env``; an embedded emulator is stopped on exit."""
    if env.emulator and env.graph_url == META_GRAPH_URL:
        with _embedded(root, env, faults) as connection:
            yield connection
        return
    if not env.emulator and not env.waba_id:
        raise ConfigError(
            f"environment '{env.name}' has no waba_id",
            hint=f"Set environments.{env.name}.waba_id in flows.yaml to the WhatsApp Business "
            "Account id (a number from Meta's Business Manager).",
        )
    client = GraphClient(
        token=_token(env),
        waba_id=env.waba_id or LOCAL_WABA_ID,
        api_version=env.graph_api_version,
        base_url=env.graph_url,
    )
    yield Connection(env, client, paths.lock_path(root, env))


@contextmanager
def _embedded(root: Path, env: Environment, faults: FaultConfig | None) -> Iterator[Connection]:
    state = paths.emulator_state_path(root, env)
    with start_emulator(state_path=state, token=LOCAL_TOKEN, faults=faults) as handle:
        client = GraphClient(
            token=LOCAL_TOKEN,
            waba_id=env.waba_id or LOCAL_WABA_ID,
            api_version=env.graph_api_version,
            base_url=handle.url,
        )
        yield Connection(env, client, paths.lock_path(root, env), handle)


def _token(env: Environment) -> str:
    """An emulator reached over ``graph_url`` accepts any token; Meta needs the real one."""
    if env.emulator and not env.token_env:
        return LOCAL_TOKEN
    value = os.environ.get(env.token_env, "").strip() if env.token_env else ""
    if value:
        return value
    if not env.token_env:
        raise ConfigError(
            f"environment '{env.name}' has no token_env",
            hint=f"Add `token_env: WHATSAPP_TOKEN` to environments.{env.name} in flows.yaml "
            "and export the token in that variable.",
        )
    raise ConfigError(
        f"environment '{env.name}' needs a token: set {env.token_env}",
        hint=f"export {env.token_env}=<a System User access token with "
        "whatsapp_business_management> (it is read from the environment only, never from files).",
    )

"""The manifest (flows.yaml) as frozen data. ``flowops.manifest.load`` builds it."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from flowops.errors import ConfigError
from flowops.manifest.source import closest
from flowops.problems import Problem

LOCAL_ENV = "local"


class UpdateStrategy(str, enum.Enum):
    """How a change to a published flow is applied.

    IN_PLACE: upload to the same flow id (Meta puts it back to DRAFT while the last published
    version keeps serving), then republish. CLONE: create a new flow from ``clone_flow_id``,
    publish it, repoint the lock, deprecate the old one.
    """

    IN_PLACE = "in_place"
    CLONE = "clone"


@dataclass(frozen=True)
class Environment:
    """Where flows are applied. ``emulator`` environments need no token.

    ``token_env`` is the *name* of the variable holding the token, never the token.
    ``graph_url`` overrides Meta's Graph API base URL (a proxy, or a running emulator).
    """

    name: str
    emulator: bool = False
    waba_id: str = ""
    token_env: str = ""
    graph_api_version: str = "v23.0"
    graph_url: str = "https://graph.facebook.com"
    app_id: str | None = None
    phone_number_id: str | None = None
    lock_file: str = "flows.lock"
    line: int = 0


@dataclass(frozen=True)
class Settings:
    """Run limits; per-environment values are not supported on purpose (one policy per repo)."""

    concurrency: int = 8
    max_calls: int = 1000
    max_deprecations: int = 5
    clone_name_suffix: str = "__v{n}"
    retire_after_hours: int = 24  # a replaced flow stays live this long, for bots not redeployed


@dataclass(frozen=True)
class FlowSpec:
    """One managed WhatsApp Flow, with per-environment overrides already applied."""

    key: str
    name: str
    file: str
    categories: tuple[str, ...] = ("OTHER",)
    friendly_name: str = ""
    description: str = ""
    flow_definition_name: str | None = None
    is_active: bool = True
    publish: bool = True
    endpoint_uri: str | None = None
    protect: bool = False
    update_strategy: UpdateStrategy = UpdateStrategy.IN_PLACE
    entry_screen: str | None = None
    line: int = 0
    col: int = 0


@dataclass(frozen=True)
class Manifest:
    """``overrides[flow_key][env_name]`` holds the raw values that replace the flow's own in
    that environment (``flowops.manifest.flows_for`` applies them). ``problems`` are the
    warnings found while loading (a manifest with errors is never built).
    """

    path: Path
    root: Path
    version: int
    environments: dict[str, Environment]
    flows: dict[str, FlowSpec]
    traditional_flows: frozenset[str]
    traditional_flows_source: str = ""
    settings: Settings = field(default_factory=Settings)
    overrides: dict[str, dict[str, dict[str, object]]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def flow_path(self, spec: FlowSpec) -> Path:
        return self.root / spec.file

    def environment(self, name: str) -> Environment:
        """The environment ``name``; a ConfigError naming the defined ones (and the closest)."""
        if name not in self.environments:
            raise unknown_environment(name, self.environments, self.path.name)
        return self.environments[name]


def unknown_environment(name: str, defined: Iterable[str], manifest_name: str) -> ConfigError:
    """``--env prod`` → "unknown environment 'prod'", with did-you-mean and the defined ones."""
    known = sorted(defined)
    guess = closest(name, known)
    maybe = f"did you mean '{guess}'? " if guess else ""
    return ConfigError(
        f"unknown environment '{name}'",
        hint=f"{maybe}environments defined in {manifest_name}: {', '.join(known)}",
    )

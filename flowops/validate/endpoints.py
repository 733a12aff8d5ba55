"""Manifest against Flow JSON: an endpoint-powered flow needs ``endpoint_uri`` to publish."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from pathlib import Path

from flowops.limits import FLOW_JSON_MAX_BYTES, read_regular
from flowops.manifest import FlowSpec, Manifest
from flowops.problems import Problem, Severity


def endpoint_warnings(
    manifest: Manifest, per_env: Mapping[str, Mapping[str, FlowSpec]]
) -> list[Problem]:
    """Meta refuses to publish an endpoint-powered flow without ``endpoint_uri``.

    The manifest says which flows would publish without one; only their files are read.
    """
    uses_endpoint = functools.cache(lambda file: _uses_endpoint(manifest.root / file))
    problems = []
    for spec in manifest.flows.values():
        missing = [env for env, specs in per_env.items() if _cannot_publish(specs[spec.key])]
        if missing and uses_endpoint(spec.file):
            problems.append(_endpoint_warning(manifest, spec, missing))
    return problems


def _cannot_publish(spec: FlowSpec) -> bool:
    return spec.publish and spec.endpoint_uri is None


def _endpoint_warning(manifest: Manifest, spec: FlowSpec, envs: list[str]) -> Problem:
    return Problem(
        manifest.path.name,
        spec.line,
        spec.col,
        "MANIFEST_ENDPOINT_MISSING",
        f"Flow '{spec.key}' uses a data endpoint (its JSON sets data_api_version) but has no"
        f" endpoint_uri in environment {', '.join(envs)}; Meta will refuse to publish it.",
        Severity.WARNING,
        f"/flows/{spec.key}",
        f"Set endpoint_uri (or overrides.{envs[0]}.endpoint_uri) to the https URL of the endpoint.",
    )


def _uses_endpoint(path: Path) -> bool:
    try:
        data = json.loads(read_regular(path, FLOW_JSON_MAX_BYTES))
    except (OSError, ValueError):  # LimitError is a ValueError; so is a file over the cap
        return False
    return isinstance(data, dict) and "data_api_version" in data

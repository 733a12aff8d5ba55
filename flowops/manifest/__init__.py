"""flows.yaml: load, check and resolve per environment."""

from __future__ import annotations

from flowops.manifest.build import flows_for
from flowops.manifest.files import usable_flow_files
from flowops.manifest.loader import load, load_with_problems
from flowops.manifest.model import (
    LOCAL_ENV,
    Environment,
    FlowSpec,
    Manifest,
    UpdateStrategy,
)
from flowops.manifest.source import closest, did_you_mean
from flowops.manifest.text import append_flows
from flowops.manifest.yamlsource import YamlSyntaxError
from flowops.manifest.yamlsource import read as read_yaml

__all__ = [
    "LOCAL_ENV",
    "Environment",
    "FlowSpec",
    "Manifest",
    "UpdateStrategy",
    "YamlSyntaxError",
    "append_flows",
    "closest",
    "did_you_mean",
    "flows_for",
    "load",
    "load_with_problems",
    "read_yaml",
    "usable_flow_files",
]

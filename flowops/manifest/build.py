"""Turn schema-checked manifest data into the frozen model; apply defaults and overrides."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from flowops.manifest.model import (
    LOCAL_ENV,
    Environment,
    FlowSpec,
    Manifest,
    Settings,
    UpdateStrategy,
)
from flowops.manifest.yamlsource import YamlDocument


def build(path: Path, doc: YamlDocument, traditional: frozenset[str], source: str) -> Manifest:
    data: dict[str, Any] = doc.data  # type: ignore[assignment]
    defaults = data.get("defaults") or {}
    flows = data.get("flows") or {}
    return Manifest(
        path=path,
        root=path.parent,
        version=data["version"],
        environments=environments(data.get("environments") or {}, doc),
        flows={key: flow_spec(key, {**defaults, **raw}, doc) for key, raw in flows.items()},
        traditional_flows=traditional,
        traditional_flows_source=source,
        settings=Settings(**(data.get("settings") or {})),
        overrides={key: dict(raw.get("overrides") or {}) for key, raw in flows.items()},
    )


def environments(raw: dict[str, Any], doc: YamlDocument) -> dict[str, Environment]:
    envs = {LOCAL_ENV: Environment(name=LOCAL_ENV, emulator=True)}
    for name, values in raw.items():
        line = doc.key_at(f"/environments/{name}")[0]
        envs[name] = Environment(name=name, line=line, **(values or {}))
    return envs


def flow_spec(key: str, raw: dict[str, Any], doc: YamlDocument) -> FlowSpec:
    line, col = doc.key_at(f"/flows/{key}")
    fields = {k: v for k, v in raw.items() if k != "overrides"}
    fields.setdefault("name", key)
    return FlowSpec(key=key, line=line, col=col, **_typed(fields))


def _typed(fields: dict[str, Any]) -> dict[str, Any]:
    out = dict(fields)
    if "categories" in out:
        out["categories"] = tuple(out["categories"])
    if "update_strategy" in out:
        out["update_strategy"] = UpdateStrategy(out["update_strategy"])
    return out


def flows_for(manifest: Manifest, env_name: str) -> dict[str, FlowSpec]:
    """Every flow as it applies to ``env_name`` (``overrides.<env>`` values replace the flow's)."""
    return {
        key: dataclasses.replace(spec, **_typed(manifest.overrides.get(key, {}).get(env_name, {})))
        for key, spec in manifest.flows.items()
    }

"""Hints from flows.yaml for ``flowops resolve``: where the manifest and the lock disagree.

The runtime answers from the lock (what was applied). When someone edited flows.yaml but has
not applied it yet, or mistyped a traditional flow name, the answer alone is puzzling; these
notes say why.
"""

from __future__ import annotations

from flowops.manifest import Manifest, flows_for
from flowops.runtime.outcome import Decision, Facts
from flowops.runtime.snapshot import Snapshot


def manifest_notes(
    manifest: Manifest, env: str, snapshot: Snapshot, decision: Decision
) -> list[str]:
    name = decision.traditional_flow
    notes = [] if snapshot.facts else list(snapshot.warnings)  # e.g. nothing applied to env
    notes += _unknown_name(manifest, name)
    applied = {facts.key: facts for facts in snapshot.facts if facts.traditional_flow == name}
    for key, spec in sorted(flows_for(manifest, env).items()):
        if spec.flow_definition_name != name:
            continue
        facts = applied.get(key)
        if facts is None:
            notes.append(
                f"flows.yaml links flow {key!r} to {name}, but flows.lock has no such link "
                f"for environment {env}: run flowops apply --env {env}"
            )
        else:
            notes.extend(_differences(key, spec.is_active, facts, env))
    return notes


def _unknown_name(manifest: Manifest, name: str) -> list[str]:
    if not manifest.traditional_flows or name in manifest.traditional_flows:
        return []
    source = manifest.traditional_flows_source or "the traditional flows list"
    return [f"{name!r} is not in {source}; check the spelling"]


def _differences(key: str, is_active: bool, facts: Facts, env: str) -> list[str]:
    if is_active == facts.is_active:
        return []
    wanted = "true" if is_active else "false"
    return [
        f"flows.yaml sets is_active: {wanted} for {key!r}, not applied to environment {env} "
        f"yet: run flowops apply --env {env}"
    ]

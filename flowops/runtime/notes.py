"""Hints from flows.yaml for ``flowops resolve``: where the manifest and the lock disagree.

The runtime answers from the lock (what was applied). When someone edited flows.yaml but has
not applied it yet, or mistyped a traditional flow name, the answer alone is puzzling; these
notes say why.
"""

from __future__ import annotations

from flowops.errors import FlowopsError
from flowops.manifest import Manifest, closest, flows_for
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
    guess = closest(name, manifest.traditional_flows)
    spelling = f"did you mean '{guess}'?" if guess else "check the spelling"
    return [f"{name!r} is not in {source}; {spelling}"]


def _differences(key: str, is_active: bool, facts: Facts, env: str) -> list[str]:
    if is_active == facts.is_active:
        return []
    wanted = "true" if is_active else "false"
    return [
        f"flows.yaml sets is_active: {wanted} for {key!r}, not applied to environment {env} "
        f"yet: run flowops apply --env {env}"
    ]


def flow_key_given(manifest: Manifest, env: str, name: str) -> FlowopsError | None:
    """``resolve`` takes a traditional flow's name; given a flows.yaml key instead, say so.

    None when ``name`` is (also) a traditional flow: in the catalogue, or linked by a flow.
    """
    specs = flows_for(manifest, env)
    spec = specs.get(name)
    linked = {s.flow_definition_name for s in specs.values()}
    if spec is None or name in manifest.traditional_flows or name in linked:
        return None
    where = manifest.path.name
    if spec.flow_definition_name is None:
        return FlowopsError(
            f"'{name}' is a reusable component in {where} (flow_definition_name: null), not a "
            "traditional flow: the chatbot never resolves it by name",
            hint="other flows open it (navigate or data_exchange); resolve takes the name of a "
            "traditional flow that a WhatsApp Flow replaces",
        )
    return FlowopsError(
        f"'{name}' is a flow key in {where}, not a traditional flow",
        hint=f"it replaces '{spec.flow_definition_name}': "
        f"flowops resolve {spec.flow_definition_name} --env {env}",
    )


def catalogue_warnings(manifest: Manifest, snapshot: Snapshot) -> list[str]:
    """Links to a traditional flow the catalogue does not list: likely a typo, never asked for."""
    catalogue = manifest.traditional_flows
    if not catalogue:
        return []
    source = manifest.traditional_flows_source or "the traditional flows list"
    return [
        f"flow {facts.key!r} is linked to {facts.traditional_flow!r}, which is not in {source}: "
        "a chatbot asking for the catalogue's names never uses it (check flow_definition_name)"
        for facts in snapshot.facts
        if facts.traditional_flow not in catalogue
    ]

"""Checks across flows, per environment: unique Meta names, links to traditional flows."""

from __future__ import annotations

from collections import defaultdict

from flowops.manifest.build import flows_for
from flowops.manifest.model import FlowSpec, Manifest
from flowops.manifest.source import Source, did_you_mean
from flowops.problems import Problem, Severity


def link_problems(src: Source, manifest: Manifest) -> list[Problem]:
    problems = _unknown_override_envs(src, manifest)
    per_pointer: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for env in manifest.environments:
        for found in _env_findings(src, manifest, env):
            per_pointer[found].append(env)
    for (pointer, code, message), envs in per_pointer.items():
        problems.append(_finding(src, pointer, code, message, envs, manifest))
    return problems


def _finding(
    src: Source, pointer: str, code: str, message: str, envs: list[str], manifest: Manifest
) -> Problem:
    if code == "MANIFEST_TRADITIONAL_FLOW_NOT_FOUND":
        hint = f"Add it to {manifest.traditional_flows_source}, or set the link to null."
        return src.problem(pointer, code, message, severity=Severity.WARNING, hint=hint)
    if len(envs) < len(manifest.environments):
        message += f" (environment {', '.join(sorted(envs))})"
    hint = _HINTS.get(code, "")
    return src.problem(pointer, code, message + ".", at_key=pointer.count("/") == 2, hint=hint)


def _unknown_override_envs(src: Source, manifest: Manifest) -> list[Problem]:
    problems = []
    for key, overrides in manifest.overrides.items():
        for env in overrides:
            if env not in manifest.environments:
                known = sorted(manifest.environments)
                problems.append(
                    src.problem(
                        f"/flows/{key}/overrides/{env}",
                        "MANIFEST_UNKNOWN_ENVIRONMENT",
                        f"Overrides name environment '{env}', which is not defined."
                        + did_you_mean(env, known),
                        at_key=True,
                        hint="Defined environments: " + ", ".join(known),
                    )
                )
    return problems


def _env_findings(src: Source, manifest: Manifest, env: str) -> list[tuple[str, str, str]]:
    specs = flows_for(manifest, env)
    where = _Where(src, env)
    found = _duplicate_names(specs, where)
    found += _shared_links(specs, where)
    if manifest.traditional_flows_source:
        found += _unknown_links(specs, where, manifest.traditional_flows)
    return found


class _Where:
    """Points at the value a flow has in one environment: its override, its own, or its key."""

    def __init__(self, src: Source, env: str) -> None:
        self.values = src.doc.values
        self.env = env

    def __call__(self, key: str, field: str) -> str:
        override = f"/flows/{key}/overrides/{self.env}/{field}"
        if override in self.values:
            return override
        own = f"/flows/{key}/{field}"
        return own if own in self.values else f"/flows/{key}"


def _duplicate_names(specs: dict[str, FlowSpec], where: _Where) -> list[tuple[str, str, str]]:
    first: dict[str, str] = {}
    found = []
    for key, spec in specs.items():
        if spec.name in first:
            message = f"Flow name '{spec.name}' is already used by flow '{first[spec.name]}'"
            found.append((where(key, "name"), "MANIFEST_DUPLICATE_NAME", message))
        first.setdefault(spec.name, key)
    return found


def _shared_links(specs: dict[str, FlowSpec], where: _Where) -> list[tuple[str, str, str]]:
    first: dict[str, str] = {}
    found = []
    for key, spec in specs.items():
        link = spec.flow_definition_name
        if link is None or not spec.is_active:
            continue
        if link in first:
            message = (
                f"Flows '{first[link]}' and '{key}' are both active and linked to traditional"
                f" flow '{link}'; the chatbot could not choose. Set is_active: false on one"
            )
            found.append((where(key, "flow_definition_name"), "MANIFEST_AMBIGUOUS_LINK", message))
        first.setdefault(link, key)
    return found


def _unknown_links(
    specs: dict[str, FlowSpec], where: _Where, catalogue: frozenset[str]
) -> list[tuple[str, str, str]]:
    found = []
    for key, spec in specs.items():
        link = spec.flow_definition_name
        if link is not None and link not in catalogue:
            message = f"Traditional flow '{link}' not found (flow '{key}' links to it)."
            message += did_you_mean(link, catalogue)
            found.append((where(key, "flow_definition_name"), _NOT_FOUND, message))
    return found


_NOT_FOUND = "MANIFEST_TRADITIONAL_FLOW_NOT_FOUND"
_HINTS = {
    "MANIFEST_DUPLICATE_NAME": "Meta needs a unique flow name per WhatsApp Business Account;"
    " give one of them another `name`.",
}

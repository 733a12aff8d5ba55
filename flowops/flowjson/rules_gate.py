"""Runs the semantic rules only when the document's skeleton can carry them."""

from __future__ import annotations

from flowops.flowjson.findings import Finding, Version
from flowops.flowjson.rules import run_rules
from flowops.problems import Severity


def _screen_is_sound(screen: object) -> bool:
    if not isinstance(screen, dict) or not isinstance(screen.get("id"), str):
        return False
    layout = screen.get("layout")
    return isinstance(layout, dict) and isinstance(layout.get("children"), list)


def is_sound(doc: dict[str, object]) -> bool:
    """Screens are a list of objects with an ``id`` and a ``layout`` holding ``children``."""
    screens = doc.get("screens")
    return isinstance(screens, list) and bool(screens) and all(map(_screen_is_sound, screens))


def run_rules_if_sound(
    doc: dict[str, object], version: Version, structure: list[Finding]
) -> list[Finding]:
    """Rule findings; on a broken skeleton none, and with schema errors only rule errors
    (warnings there are mostly consequences of the structural mistake)."""
    if structure and not is_sound(doc):
        return []
    findings = run_rules(doc, version)
    if structure:
        return [f for f in findings if f.severity is Severity.ERROR]
    return list(findings)

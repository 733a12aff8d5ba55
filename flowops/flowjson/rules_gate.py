"""Runs the semantic rules only when the document's structure can carry them."""

from __future__ import annotations

import re

from flowops.flowjson.findings import Finding, Version
from flowops.flowjson.rules import run_rules
from flowops.problems import Severity

# Structure the rules walk: if any of it is broken, rule findings would be noise.
_SKELETON = re.compile(r"^(|/screens|/screens/\d+|/screens/\d+/(id|layout|layout/children))$")


def run_rules_if_sound(
    doc: dict[str, object], version: Version, structure: list[Finding]
) -> list[Finding]:
    if any(_SKELETON.match(f.pointer) for f in structure):
        return []
    findings = run_rules(doc, version)
    if structure:  # warnings on a broken structure are mostly its consequences
        return [f for f in findings if f.severity is Severity.ERROR]
    return list(findings)

"""Semantic Flow JSON rules: what Meta enforces beyond what a JSON Schema can express.

Two layers, like the schema's fast and detailed validators: ``verdict.clean`` answers in
one pass whether a flow plainly breaks nothing (the common case, and the only work done
for it); otherwise ``walk.collect`` gathers per-screen facts and every rule in ``RULES``
explains what is wrong, with pointers and messages. Any rule added to ``RULES`` must also
make ``verdict`` answer False whenever the new rule could report something
(``tests/test_rules_verdict.py`` checks that the two never disagree).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from flowops.flowjson.findings import Finding, Version
from flowops.flowjson.rules import (
    actions,
    components,
    data_fields,
    dates,
    limits,
    lists,
    properties,
    ranges,
    references,
    rich_text,
    routing,
    screens,
)
from flowops.flowjson.rules.facts import Context
from flowops.flowjson.rules.pickers import PICKERS
from flowops.flowjson.rules.verdict import clean
from flowops.flowjson.rules.walk import collect

Rule = Callable[[Context], Iterable[Finding]]
RULES: tuple[Rule, ...] = (
    screens.check,
    data_fields.check,
    components.check,
    rich_text.check,
    properties.check,
    lists.check,
    ranges.check,
    dates.check,
    limits.check,
    references.check,
    actions.check,
    routing.check,
)


def run_rules(doc: dict[str, Any], version: Version) -> list[Finding]:
    """All semantic findings for a parsed Flow JSON document (never raises on odd shapes)."""
    try:
        if clean(doc, version):  # the common case: nothing to report, answered in one pass
            return []
        return _run(doc, version)
    except RecursionError:
        return [Finding("", "INVALID_FLOW_JSON", TOO_DEEP)]


TOO_DEEP = (
    "The components are nested too deeply to check; flatten the If/Switch/Form nesting "
    "(Meta allows at most 3 levels)."
)


def _run(doc: dict[str, Any], version: Version) -> list[Finding]:
    facts = collect(doc)
    by_id: dict[str, Any] = {}
    pickers = False
    out: list[Finding] = []
    for s in facts:
        if s.sid is not None and s.sid not in by_id:
            by_id[s.sid] = s
        pickers = pickers or not PICKERS.isdisjoint(s.counts)
        out.extend(s.findings)
    ctx = Context(doc, version, facts, by_id, "data_api_version" in doc, pickers)
    for rule in RULES:
        out.extend(rule(ctx))
    return out

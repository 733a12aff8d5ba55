"""Where a flow can go: navigate edges and the entry screen (used by plan, runtime, diagrams)."""

from __future__ import annotations

from typing import Any

from flowops.flowjson.rules.facts import navigate_target
from flowops.flowjson.rules.graph import entries
from flowops.flowjson.rules.walk import collect


def navigate_edges(doc: dict[str, Any]) -> dict[str, list[str]]:
    """Screen id -> targets of its navigate actions, in document order, without repeats.

    A document nested too deeply to walk (validation reports it) has no edges.
    """
    try:
        facts = collect(doc)
    except RecursionError:
        return {}
    edges: dict[str, list[str]] = {}
    for s in facts:
        if s.sid is None:
            continue
        targets = edges.setdefault(s.sid, [])
        for act in s.actions:
            target = navigate_target(act.action)
            if target is not None and target not in targets:
                targets.append(target)
    return edges


def entry_screen(doc: dict[str, Any]) -> str | None:
    """Meta's default entry: the first screen nothing leads to, else the first screen."""
    order = _screen_ids(doc)
    if not order:
        return None
    routing = doc.get("routing_model")
    if isinstance(routing, dict) and routing:
        edges = {
            k: [t for t in v if isinstance(t, str)]
            for k, v in routing.items()
            if isinstance(v, list)
        }
    else:
        edges = navigate_edges(doc)
    found = entries(order, edges)
    return found[0] if found else order[0]


def _screen_ids(doc: dict[str, Any]) -> list[str]:
    screens = doc.get("screens")
    if not isinstance(screens, list):
        return []
    ids = (s.get("id") for s in screens if isinstance(s, dict))
    return [sid for sid in ids if isinstance(sid, str)]

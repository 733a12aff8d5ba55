"""Routing-model-only rules: every screen listed, forward-only edges, navigate edges present."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flowops.flowjson.findings import Finding, pointer_join
from flowops.flowjson.rules.facts import Act, Context
from flowops.problems import Severity

CODE = "INVALID_ROUTING_MODEL"


def shape(
    ctx: Context,
    model: dict[str, Any],
    edges: dict[str, list[str]],
    navigate: dict[str, list[tuple[str, Act]]],
    strict: Severity,
) -> Iterator[Finding]:
    listed = set(model).union(*edges.values())
    missing = [s.sid for s in ctx.screens if s.sid is not None and s.sid not in listed]
    if missing and len(ctx.screens) > 1:
        yield Finding(
            "/routing_model",
            CODE,
            "Screens missing in the routing model: "
            f"{', '.join(missing)}; add each as a key or as a next screen.",
            severity=strict,
            at_key=True,
        )
    yield from _backward(edges)
    for sid, targets in navigate.items():
        for target, act in targets:
            if target not in edges.get(sid, []):
                yield Finding(
                    f"{act.pointer}/next/name",
                    CODE,
                    f"Screen '{sid}' navigates to '{target}' but the "
                    f"routing model has no route {sid} -> {target}; add it.",
                    severity=strict,
                )


def _backward(edges: dict[str, list[str]]) -> Iterator[Finding]:
    for source, targets in edges.items():
        for j, target in enumerate(targets):
            if source in edges.get(target, []) and source < target:
                yield Finding(
                    pointer_join("/routing_model", source, j),
                    CODE,
                    f"Routes {source} -> {target} and {target} -> {source} both "
                    "exist; only forward routes are allowed, remove one.",
                )

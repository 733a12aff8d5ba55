"""Routing-model graph rules (§4.7), and the same connectivity rules on navigate edges.

Reading of "at most 10 branches": Meta's error text is "Number of branches exceeds the max
limit of 10 for screen: X", so the limit is on outgoing edges per screen, not the total.
Shape rules (missing keys, cycles, unreachable screens, missing edges) are
errors for endpoint flows (data_api_version set) and warnings otherwise, because for
endpoint-less flows Meta derives the routing model itself from the navigate actions.
"Every route ends at a terminal screen" is not checked: Meta's own examples end side
routes (terms and conditions pages reached by EmbeddedLink) on non-terminal screens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from flowops.flowjson.findings import Finding, pointer_join
from flowops.flowjson.rules.facts import Context, navigate_target
from flowops.flowjson.rules.graph import connected, entries, find_cycle
from flowops.flowjson.rules.routing_shape import CODE, shape
from flowops.problems import Severity

MAX_BRANCHES = 10
Edges = dict[str, list[str]]


def check(ctx: Context) -> Iterator[Finding]:
    model = ctx.doc.get("routing_model")
    navigate = navigate_pointers(ctx)
    if isinstance(model, dict) and (model or ctx.endpoint):
        edges, found = _model_edges(ctx, model)
        yield from found
        strict = Severity.ERROR if ctx.endpoint else Severity.WARNING
        listed = set(model).union(*edges.values())
        order = [sid for sid in ctx.by_id if sid in listed]

        def where(sid: str) -> str:
            if sid in model:
                return pointer_join("/routing_model", sid)
            return f"{ctx.by_id[sid].pointer}/id"

        yield from _graph(edges, order, where, strict, connectivity=not found, model_mode=True)
        yield from shape(ctx, model, edges, navigate, strict)
    else:
        edges = {sid: [t for t, _ in targets] for sid, targets in navigate.items()}
        order = list(ctx.by_id)
        sound = not _unknown_targets(ctx)  # else a typo would also "disconnect" its target
        yield from _graph(
            edges, order, lambda sid: f"{ctx.by_id[sid].pointer}/id", Severity.WARNING, sound
        )


def _unknown_targets(ctx: Context) -> bool:
    targets = (navigate_target(a.action) for s in ctx.screens for a in s.actions)
    return any(t is not None and t not in ctx.by_id for t in targets)


def navigate_pointers(ctx: Context) -> dict[str, list[tuple[str, str]]]:
    """Screen id -> (target id, pointer of next.name) for navigate actions to other screens."""
    out: dict[str, list[tuple[str, str]]] = {}
    for s in ctx.screens:
        if s.sid is None:
            continue
        found = out.setdefault(s.sid, [])
        for act in s.actions:
            target = navigate_target(act.action)
            if target is not None and target in ctx.by_id and target != s.sid:
                found.append((target, f"{act.pointer}/next/name"))
    return out


def _model_edges(ctx: Context, model: dict[str, Any]) -> tuple[Edges, list[Finding]]:
    edges: Edges = {}
    found: list[Finding] = []
    for key, targets in model.items():
        ptr = pointer_join("/routing_model", key)
        if key not in ctx.by_id:
            found.append(
                Finding(
                    ptr,
                    CODE,
                    f"Invalid screen '{key}' in the routing model; "
                    "use the id of a screen in this flow.",
                    at_key=True,
                )
            )
            continue
        good = edges.setdefault(key, [])
        for j, target in enumerate(targets if isinstance(targets, list) else []):
            if not isinstance(target, str) or target not in ctx.by_id or target == key:
                why = "routes to itself" if target == key else "is not a screen of this flow"
                found.append(
                    Finding(
                        f"{ptr}/{j}",
                        CODE,
                        f"Routing model entry '{target}' {why}; fix or remove it.",
                    )
                )
            elif target not in good:
                good.append(target)
    return edges, found


def _graph(
    edges: Edges,
    order: list[str],
    where: Callable[[str], str],
    strict: Severity,
    connectivity: bool,
    model_mode: bool = False,
) -> Iterator[Finding]:
    for sid, targets in edges.items():
        if len(targets) > MAX_BRANCHES:
            yield Finding(
                where(sid),
                CODE,
                f"Screen '{sid}' has {len(targets)} next screens "
                f"but at most {MAX_BRANCHES} are allowed; reduce its branches.",
            )
    if not order:
        return
    starts = entries(order, edges)
    if not starts:
        yield Finding(
            where(order[0]),
            CODE,
            "No entry screen: every screen is the target of "
            "another; make sure one screen is not navigated to.",
        )
        return
    cycle = find_cycle(edges)
    if cycle and not (len(cycle) == 3 and model_mode):  # A -> B -> A: see routing_shape
        yield Finding(
            where(cycle[0]),
            CODE,
            f"Loop detected between screens {' -> '.join(cycle)}; routes may only go forward.",
            severity=strict,
        )
    if connectivity:
        yield from _unreachable(order, edges, starts[0], where, strict)


def _unreachable(
    order: list[str], edges: Edges, entry: str, where: Callable[[str], str], strict: Severity
) -> Iterator[Finding]:
    seen = connected(entry, edges)
    for sid in order:
        if sid not in seen:
            yield Finding(
                where(sid),
                CODE,
                f"Screen '{sid}' is not connected to the entry screen '{entry}'; "
                "connect it or remove it.",
                severity=strict,
            )

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

from collections.abc import Callable
from typing import Any

from flowops.flowjson.findings import Finding, pointer_join
from flowops.flowjson.rules.facts import Act, Context, navigate_target
from flowops.flowjson.rules.graph import connected, entries, find_cycle
from flowops.flowjson.rules.routing_shape import CODE, shape
from flowops.problems import Severity

MAX_BRANCHES = 10
Edges = dict[str, list[str]]
Navigate = dict[str, list[tuple[str, Act]]]


def check(ctx: Context) -> list[Finding]:
    model = ctx.doc.get("routing_model")
    if isinstance(model, dict) and (model or ctx.endpoint):
        return _model_rules(ctx, model, navigate_targets(ctx))
    by_id = ctx.by_id
    edges, unknown = _navigate_edges(ctx)
    return _graph(  # with an unknown target, a typo would also "disconnect" its target
        edges, list(by_id), lambda sid: f"{by_id[sid].pointer}/id", Severity.WARNING, not unknown
    )


def _navigate_edges(ctx: Context) -> tuple[Edges, bool]:
    """Screen id -> navigate targets among the other screens; and whether any is unknown."""
    edges: Edges = {}
    unknown = False
    by_id = ctx.by_id
    for s in ctx.screens:
        targets = edges.setdefault(s.sid, []) if s.sid is not None else []
        for act in s.actions:
            target = navigate_target(act.action)
            if target is None:
                continue
            if target not in by_id:
                unknown = True
            elif target != s.sid:
                targets.append(target)
    return edges, unknown


def _model_rules(ctx: Context, model: dict[str, Any], navigate: Navigate) -> list[Finding]:
    edges, found = _model_edges(ctx, model)
    strict = Severity.ERROR if ctx.endpoint else Severity.WARNING
    listed = set(model).union(*edges.values())
    order = [sid for sid in ctx.by_id if sid in listed]

    def where(sid: str) -> str:
        if sid in model:
            return pointer_join("/routing_model", sid)
        return f"{ctx.by_id[sid].pointer}/id"

    found.extend(_graph(edges, order, where, strict, connectivity=not found, model_mode=True))
    found.extend(shape(ctx, model, edges, navigate, strict))
    return found


def navigate_targets(ctx: Context) -> Navigate:
    """Screen id -> (target id, action) for navigate actions to other screens."""
    out: Navigate = {}
    by_id = ctx.by_id
    for s in ctx.screens:
        if s.sid is None:
            continue
        found = out.setdefault(s.sid, [])
        for act in s.actions:
            target = navigate_target(act.action)
            if target is not None and target in by_id and target != s.sid:
                found.append((target, act))
    return out


def _model_edges(ctx: Context, model: dict[str, Any]) -> tuple[Edges, list[Finding]]:
    edges: Edges = {}
    found: list[Finding] = []
    by_id = ctx.by_id
    for key, targets in model.items():
        if key not in by_id:
            message = (
                f"Invalid screen '{key}' in the routing model; use the id of a screen in this flow."
            )
            found.append(Finding(_model_ptr(key), CODE, message, at_key=True))
            continue
        good = edges.setdefault(key, [])
        for j, target in enumerate(targets if isinstance(targets, list) else []):
            if not isinstance(target, str) or target not in by_id or target == key:
                why = "routes to itself" if target == key else "is not a screen of this flow"
                message = f"Routing model entry '{target}' {why}; fix or remove it."
                found.append(Finding(f"{_model_ptr(key)}/{j}", CODE, message))
            elif target not in good:
                good.append(target)
    return edges, found


def _model_ptr(key: str) -> str:
    return pointer_join("/routing_model", key)


def _graph(
    edges: Edges,
    order: list[str],
    where: Callable[[str], str],
    strict: Severity,
    connectivity: bool,
    model_mode: bool = False,
) -> list[Finding]:
    found = [
        _too_many(where(sid), sid, len(t)) for sid, t in edges.items() if len(t) > MAX_BRANCHES
    ]
    if not order:
        return found
    starts = entries(order, edges)
    if not starts:
        message = (
            "No entry screen: every screen is the target of another; "
            "make sure one screen is not navigated to."
        )
        found.append(Finding(where(order[0]), CODE, message))
        return found
    if _forward_only(order, edges):  # acyclic; one entry then reaches every screen
        if connectivity and len(starts) > 1:
            found.extend(_unreachable(order, edges, starts[0], where, strict))
        return found
    cycle = find_cycle(edges)
    if cycle and not (len(cycle) == 3 and model_mode):  # A -> B -> A: see routing_shape
        message = f"Loop detected between screens {' -> '.join(cycle)}; routes may only go forward."
        found.append(Finding(where(cycle[0]), CODE, message, severity=strict))
    if connectivity:
        found.extend(_unreachable(order, edges, starts[0], where, strict))
    return found


def _forward_only(order: list[str], edges: Edges) -> bool:
    """Every edge goes to a later screen in ``order`` (so the graph has no cycle)."""
    position = {sid: i for i, sid in enumerate(order)}
    for source, targets in edges.items():
        here = position[source]
        for target in targets:
            if position[target] <= here:
                return False
    return True


def _too_many(ptr: str, sid: str, count: int) -> Finding:
    message = (
        f"Screen '{sid}' has {count} next screens "
        f"but at most {MAX_BRANCHES} are allowed; reduce its branches."
    )
    return Finding(ptr, CODE, message)


def _unreachable(
    order: list[str], edges: Edges, entry: str, where: Callable[[str], str], strict: Severity
) -> list[Finding]:
    seen = connected(entry, edges)
    return [
        Finding(
            where(sid),
            CODE,
            f"Screen '{sid}' is not connected to the entry screen '{entry}'; "
            "connect it or remove it.",
            severity=strict,
        )
        for sid in order
        if sid not in seen
    ]

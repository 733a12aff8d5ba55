"""The flow-level half of the quick verdict: actions, navigate payloads and the screen graph.

Each check answers "the full rules would report nothing here"; False means "let the full
rules look" (see ``verdict``). The graph is accepted only when every route goes forward in
document order and exactly one screen is an entry, which is what plain flows look like.
"""

from __future__ import annotations

from typing import Any

from flowops.flowjson.findings import Version
from flowops.flowjson.rules.data_model import matches
from flowops.flowjson.rules.payloads import GLOBAL_REFS
from flowops.flowjson.rules.routing import MAX_BRANCHES

Edges = dict[str, list[str]]


class Flow:
    """Screens seen so far, in document order, and the navigate actions to check at the end."""

    __slots__ = ("by_id", "doc", "endpoint", "navigates", "terminals", "version")

    def __init__(self, doc: dict[str, Any], version: Version, endpoint: bool) -> None:
        self.doc = doc
        self.version = version
        self.endpoint = endpoint
        self.by_id: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
        self.terminals: list[dict[str, Any]] = []
        self.navigates: list[tuple[str, bool, str, dict[str, Any]]] = []

    def add_screen(
        self,
        sid: str,
        screen: dict[str, Any],
        data: dict[str, Any],
        terminal: bool,
        actions: list[tuple[dict[str, Any], str]],
    ) -> bool:
        """Record a screen; False when one of its actions breaks a rule on its own."""
        self.by_id[sid] = (screen, data)
        if terminal:
            self.terminals.append(screen)
        for action, ctype in actions:
            name = action.get("name")
            if name == "navigate":
                self.navigates.append((sid, terminal, ctype, action))
            elif name == "update_data":
                payload = action.get("payload")
                if isinstance(payload, dict) and not payload.keys() <= data.keys():
                    return False
            elif (name == "complete" and not terminal) or (
                name == "data_exchange" and not self.endpoint
            ):
                return False
        return True


def flow_is_clean(flow: Flow) -> bool:
    if not flow.terminals:
        return False
    if all(screen.get("success") is False for screen in flow.terminals):
        return False
    edges = _navigate_edges(flow)
    if edges is None:
        return False
    model = flow.doc.get("routing_model")
    if isinstance(model, dict) and (model or flow.endpoint):
        return _model_is_clean(flow, model, edges)
    if flow.endpoint:
        return False  # data_api_version without a routing_model
    return _graph_is_clean(list(flow.by_id), edges)


def _navigate_edges(flow: Flow) -> Edges | None:
    """Screen id -> navigate targets; None when a navigate action breaks a rule."""
    edges: Edges = {sid: [] for sid in flow.by_id}
    for sid, terminal, ctype, action in flow.navigates:
        nxt = action.get("next")
        target_id = nxt.get("name") if isinstance(nxt, dict) else None
        if not isinstance(target_id, str):
            continue
        target = flow.by_id.get(target_id)
        if target is None or target_id == sid or (terminal and ctype == "Footer"):
            return None
        if not _payload_is_clean(flow, action.get("payload"), *target):
            return None
        edges[sid].append(target_id)
    return edges


def _payload_is_clean(
    flow: Flow, raw: object, screen: dict[str, Any], data: dict[str, Any]
) -> bool:
    payload: dict[str, Any] = raw if isinstance(raw, dict) else {}
    if payload and "data" not in screen:
        return False
    for key, value in payload.items():
        field = data.get(key)
        if not isinstance(field, dict):
            return False
        if not (isinstance(value, str) and "${" in value) and not matches(field.get("type"), value):
            return False
    if len(payload) == len(data) and payload.keys() <= data.keys():
        return True
    missing = [k for k in data if k not in payload]
    return not missing or (not payload and flow.version >= GLOBAL_REFS)


def _model_is_clean(flow: Flow, model: dict[str, Any], navigate: Edges) -> bool:
    edges: Edges = {}
    for key, targets in model.items():
        if key not in flow.by_id:
            return False
        good = edges.setdefault(key, [])
        for target in targets if isinstance(targets, list) else []:
            if not isinstance(target, str) or target not in flow.by_id or target == key:
                return False
            if target not in good:
                good.append(target)
    listed = set(model).union(*edges.values())
    if len(flow.by_id) > 1 and any(sid not in listed for sid in flow.by_id):
        return False
    for sid, targets in navigate.items():
        if any(target not in edges.get(sid, []) for target in targets):
            return False
    return _graph_is_clean([sid for sid in flow.by_id if sid in listed], edges)


def _graph_is_clean(order: list[str], edges: Edges) -> bool:
    """No screen over the branch limit, every route forward, exactly one entry screen."""
    position = {sid: i for i, sid in enumerate(order)}
    inbound: set[str] = set()
    for source, targets in edges.items():
        if len(targets) > MAX_BRANCHES:
            return False
        here = position[source]
        for target in targets:
            if position[target] <= here:
                return False
            inbound.add(target)
    return not order or sum(1 for sid in order if sid not in inbound) == 1

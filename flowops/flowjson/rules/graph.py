"""Graph functions over a screen graph given as ``{screen id: [target ids]}``."""

from __future__ import annotations

from collections.abc import Iterable


def entries(order: Iterable[str], edges: dict[str, list[str]]) -> list[str]:
    """Screens (in document order) that no edge points at."""
    inbound = {t for targets in edges.values() for t in targets}
    return [sid for sid in order if sid not in inbound]


def reachable(starts: Iterable[str], edges: dict[str, list[str]]) -> set[str]:
    seen: set[str] = set()
    stack = list(starts)
    while stack:
        sid = stack.pop()
        if sid not in seen:
            seen.add(sid)
            stack.extend(edges.get(sid, ()))
    return seen


def connected(start: str, edges: dict[str, list[str]]) -> set[str]:
    """Screens linked to `start` by edges in either direction (Meta's "connected")."""
    both: dict[str, list[str]] = {}
    for source, targets in edges.items():
        for target in targets:
            both.setdefault(source, []).append(target)
            both.setdefault(target, []).append(source)
    return reachable([start], both)


def find_cycle(edges: dict[str, list[str]]) -> list[str] | None:
    """One cycle as a path ``[a, b, …, a]``, or None when the graph is acyclic."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for root in edges:
        path = _dfs(root, edges, state, [])
        if path:
            return path
    return None


def _dfs(
    node: str, edges: dict[str, list[str]], state: dict[str, int], path: list[str]
) -> list[str] | None:
    mark = state.get(node)
    if mark == 1:
        return [*path[path.index(node) :], node]
    if mark == 2:
        return None
    state[node] = 1
    path.append(node)
    for nxt in edges.get(node, ()):
        found = _dfs(nxt, edges, state, path)
        if found:
            return found
    path.pop()
    state[node] = 2
    return None

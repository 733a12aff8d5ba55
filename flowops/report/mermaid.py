"""Flow JSON → a Mermaid ``flowchart`` of its screens and how users move between them.

Reviewers see the shape of a flow in the pull request without opening Meta's builder.
Solid edges are ``navigate`` actions; dotted edges are ``routing_model`` routes the data
endpoint decides at run time. Changed screens are highlighted with a ``classDef``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

from flowops.flowjson import navigate_edges as flowjson_navigate_edges

CHANGED_STYLE = "fill:#fff4c2,stroke:#b58900,stroke-width:3px"
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_]")
_ESCAPES = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "`": "#96;", "#": "#35;"}
# Line breaks of any kind (CR, tab, U+2028 …) would end the label mid-line: make them spaces.
_BREAKS = {chr(n): " " for n in (*range(0x20), 0x7F, 0x85, 0x2028, 0x2029)}
_LABEL_TABLE = str.maketrans({**_BREAKS, **_ESCAPES})


def flow_diagram(doc: Mapping[str, Any], changed: Collection[str] = ()) -> str:
    """Render ``doc`` (a parsed Flow JSON document) as Mermaid source, without the code fence."""
    screens = _screens(doc)
    ids = node_ids([screen_id for screen_id, _ in screens])
    lines = ["flowchart TD"]
    lines += [_node(ids[sid], sid, screen) for sid, screen in screens]
    lines += _edge_lines(doc, ids)
    marked = [ids[sid] for sid, _ in screens if sid in changed]
    if marked:
        lines.append(f"  classDef changed {CHANGED_STYLE}")
        lines.append(f"  class {','.join(marked)} changed")
    return "\n".join(lines) + "\n"


def node_ids(screen_ids: list[str]) -> dict[str, str]:
    """Mermaid-safe, unique node ids; the ``s_`` prefix keeps words like ``end`` legal."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for sid in screen_ids:
        base = "s_" + _UNSAFE_ID.sub("_", sid)
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}_{n}", n + 1
        taken.add(candidate)
        out[sid] = candidate
    return out


def escape_label(text: str) -> str:
    return text.translate(_LABEL_TABLE)


def navigate_edges(doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(from screen, to screen)`` for every ``navigate`` action, in document order."""
    by_screen = flowjson_navigate_edges(dict(doc))
    return [(src, dst) for src, targets in by_screen.items() for dst in targets]


def routing_edges(doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    model = doc.get("routing_model")
    if not isinstance(model, Mapping):
        return []
    return [
        (str(src), str(dst))
        for src, targets in model.items()
        if isinstance(targets, list)
        for dst in targets
        if isinstance(dst, str)
    ]


def _screens(doc: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    screens = doc.get("screens")
    if not isinstance(screens, list):
        return []
    return [
        (s["id"], s) for s in screens if isinstance(s, Mapping) and isinstance(s.get("id"), str)
    ]


def _node(node: str, sid: str, screen: Mapping[str, Any]) -> str:
    title = screen.get("title")
    label = escape_label(sid if not isinstance(title, str) else f"{sid}: {title}")
    if screen.get("terminal") is True:
        return f'  {node}(["{label}"])'
    return f'  {node}["{label}"]'


def _edge_lines(doc: Mapping[str, Any], ids: dict[str, str]) -> list[str]:
    navigations = navigate_edges(doc)
    lines = [_edge(ids, src, dst, "-->") for src, dst in navigations]
    lines += [_edge(ids, s, d, "-.->") for s, d in routing_edges(doc) if (s, d) not in navigations]
    return [line for line in lines if line]


def _edge(ids: dict[str, str], src: str, dst: str, arrow: str) -> str:
    if src not in ids or dst not in ids:
        return ""  # a dangling reference is the validator's job to report, not the diagram's
    return f"  {ids[src]} {arrow} {ids[dst]}"

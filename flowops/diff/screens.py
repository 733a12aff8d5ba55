"""Per-screen unified diff of two Flow JSON documents (pretty-printed, sorted keys)."""

from __future__ import annotations

import difflib
import json
from typing import Any

from flowops.plan import ScreenDiff

TOP = "(flow)"  # pseudo screen for top-level keys: version, routing_model, data_api_version …


def screen_diffs(before: Any, after: Any) -> tuple[ScreenDiff, ...]:
    old, new = _parts(before), _parts(after)
    out = []
    for name in _order(old, new):
        if name not in old:
            out.append(ScreenDiff(name, "added", _udiff(None, new[name], name)))
        elif name not in new:
            out.append(ScreenDiff(name, "removed", _udiff(old[name], None, name)))
        elif old[name] != new[name]:
            out.append(ScreenDiff(name, "changed", _udiff(old[name], new[name], name)))
    return tuple(out)


def screen_list(doc: Any) -> tuple[ScreenDiff, ...]:
    """For a new flow: the screens it adds, without a diff of every line."""
    return tuple(ScreenDiff(name, "added", "") for name in _parts(doc) if name != TOP)


def _parts(doc: Any) -> dict[str, Any]:
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        return {TOP: doc}
    top = {k: v for k, v in doc.items() if k != "screens"}
    parts: dict[str, Any] = {TOP: top} if top else {}
    screens = doc.get("screens")
    for n, screen in enumerate(screens if isinstance(screens, list) else []):
        sid = screen.get("id") if isinstance(screen, dict) else None
        parts[str(sid) if sid else f"screens[{n}]"] = screen
    return parts


def _order(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    names = list(new)
    return names + [n for n in old if n not in new]


def _pretty(value: Any) -> list[str]:
    if value is None:
        return []
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False).splitlines()


def _udiff(old: Any, new: Any, name: str) -> str:
    lines = difflib.unified_diff(
        _pretty(old), _pretty(new), f"a/{name}", f"b/{name}", n=2, lineterm=""
    )
    return "\n".join(lines)

"""Per-screen unified diff of two Flow JSON documents (pretty-printed, sorted keys).

The diff compares values, not text, so its ``@@`` numbers count lines of the re-formatted
screen; the ``+++`` line says so and gives where the screen starts in the file as written.
"""

from __future__ import annotations

import difflib
import json
from typing import Any

from flowops.flowjson.positions import scan
from flowops.plan import ScreenDiff

TOP = "(flow)"  # pseudo screen for top-level keys: version, routing_model, data_api_version …


def screen_diffs(
    before: Any, after: Any, written: bytes = b"", file: str = ""
) -> tuple[ScreenDiff, ...]:
    """``written``/``file``: the new document's bytes and path, to point at each screen."""
    old, new = _parts(before), _parts(after)
    lines = _screen_lines(after, written)
    out = []
    for name in _order(old, new):
        label = _label(name, file, lines.get(name))
        if name not in old:
            out.append(ScreenDiff(name, "added", _udiff(None, new[name], name, label)))
        elif name not in new:
            out.append(ScreenDiff(name, "removed", _udiff(old[name], None, name, label)))
        elif old[name] != new[name]:
            out.append(ScreenDiff(name, "changed", _udiff(old[name], new[name], name, label)))
    return tuple(out)


def _screen_lines(doc: Any, written: bytes) -> dict[str, int]:
    """Screen name → the line where it starts in the file as written (changed flows only)."""
    names = {f"/screens/{n}": name for n, name in _screen_names(doc)}
    if not written or not names:
        return {}
    source = scan(written.decode("utf-8", "replace"), set(names))
    return {name: source.locate(pointer)[0] for pointer, name in names.items()}


def _label(name: str, file: str, line: int | None) -> str:
    where = f"{file}:{line}; " if file and line else ""
    return f"b/{name}  ({where}re-formatted with sorted keys: @@ lines are not file lines)"


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
    screens = doc["screens"] if isinstance(doc.get("screens"), list) else []
    for n, name in _screen_names(doc):
        parts[name] = screens[n]
    return parts


def _screen_names(doc: Any) -> list[tuple[int, str]]:
    """(index, name) of each screen: its id, else ``screens[n]``."""
    screens = doc.get("screens") if isinstance(doc, dict) else None
    named = []
    for n, screen in enumerate(screens if isinstance(screens, list) else []):
        sid = screen.get("id") if isinstance(screen, dict) else None
        named.append((n, str(sid) if sid else f"screens[{n}]"))
    return named


def _order(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    names = list(new)
    return names + [n for n in old if n not in new]


def _pretty(value: Any) -> list[str]:
    if value is None:
        return []
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False).splitlines()


def _udiff(old: Any, new: Any, name: str, label: str) -> str:
    lines = difflib.unified_diff(_pretty(old), _pretty(new), f"a/{name}", label, n=2, lineterm="")
    return "\n".join(lines)

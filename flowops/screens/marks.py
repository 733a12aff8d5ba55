"""What changed on a screen, as highlights: the title, and components added, changed or gone.

Components are compared in order (a Form counts as its children), so inserting one
highlights that one, not everything after it.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from typing import Any

Marks = dict[int, str]  # id(component or screen) → "add" (after) | "del" (before)


def flat(screen: Mapping[str, Any] | None) -> list[Mapping[str, Any]]:
    layout = screen.get("layout") if screen else None
    items = layout.get("children") if isinstance(layout, Mapping) else None
    out: list[Mapping[str, Any]] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, Mapping) and item.get("type") == "Form":
            kids = item.get("children")
            out += [k for k in kids if isinstance(k, Mapping)] if isinstance(kids, list) else []
        elif isinstance(item, Mapping):
            out.append(item)
    return out


def _key(component: Mapping[str, Any]) -> str:
    return json.dumps(component, sort_keys=True, ensure_ascii=False)


def screen_marks(
    before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
) -> tuple[Marks, Marks]:
    """``(before marks, after marks)`` for one screen's two versions."""
    old, new = flat(before), flat(after)
    gone: Marks = {}
    came: Marks = {}
    matcher = difflib.SequenceMatcher(None, [_key(c) for c in old], [_key(c) for c in new])
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            gone.update((id(c), "del") for c in old[i1:i2])
            came.update((id(c), "add") for c in new[j1:j2])
    if before and after and before.get("title") != after.get("title"):
        gone[id(before)], came[id(after)] = "del", "add"
    return gone, came


def other_changes(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> list[str]:
    """Screen keys that changed but draw nothing themselves (data model, terminal …)."""
    if not before or not after:
        return []
    keys = sorted((set(before) | set(after)) - {"layout", "title", "id"})
    return [k for k in keys if before.get(k) != after.get(k)]

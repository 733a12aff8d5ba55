"""A misspelt key or component type explains the errors that follow from the real one
being absent: ``"terminl": true`` leaves no terminal screen, ``"dat"`` leaves every
``${data.x}`` undeclared, ``"nmae"`` leaves ``${form.name}`` unresolved, ``"footer"``
leaves the terminal screen without a Footer. ``find`` spots such typos among the schema's
findings; the caller validates the document again with them corrected (``corrected``) and
maps pointers back (``map_back``), so the user sees each typo once, not its echoes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from flowops.flowjson import catalog
from flowops.flowjson.findings import Finding, Version, pointer_join
from flowops.flowjson.rules.suggest import closest
from flowops.flowjson.unknown import suggest_component

SCREEN_KEYS = ("id", "terminal", "success", "data", "layout", "title", "refresh_on_back")
_ALSO_KNOWN = ("sensitive",)


@dataclass
class Typos:
    keys: dict[str, str] = field(default_factory=dict)  # misspelt key's pointer → meant key's
    types: dict[str, str] = field(default_factory=dict)  # a `type` value's pointer → meant

    def pointers(self) -> set[str]:
        return {*self.keys, *self.types}


def find(doc: dict[str, Any], version: Version, structure: list[Finding]) -> Typos:
    typos = Typos()
    for f in structure:
        if f.code == "INVALID_PROPERTY_KEY":
            meant = _meant_key(doc, f.pointer)
            if meant is not None:
                typos.keys[f.pointer] = meant
        elif f.code == "INVALID_ENUM_VALUE" and f.pointer.endswith("/type"):
            kind = _meant_type(doc, f.pointer, version)
            if kind is not None:
                typos.types[f.pointer] = kind
    return typos


def _meant_key(doc: dict[str, Any], pointer: str) -> str | None:
    parts = _parts(pointer)
    owner, key = _at(doc, parts[:-1]), parts[-1]
    if not isinstance(owner, dict):
        return None
    allowed = _keys_of(owner, parts[:-1])
    if not allowed or key in allowed or key in _ALSO_KNOWN:
        return None
    meant = closest(key, allowed)
    return None if meant is None or meant in owner else pointer_join("", *parts[:-1], meant)


def _keys_of(owner: dict[str, Any], path: list[str]) -> list[str]:
    if len(path) == 2 and path[0] == "screens":
        return list(SCREEN_KEYS)
    kind = owner.get("type")
    component = catalog.BY_NAME.get(kind) if isinstance(kind, str) else None
    return ["type", *component.props] if component is not None and "layout" in path else []


def _meant_type(doc: dict[str, Any], pointer: str, version: Version) -> str | None:
    """The component type meant, when every key the component has is one of its props."""
    parts = _parts(pointer)
    owner, value = _at(doc, parts[:-1]), _at(doc, parts)
    if "layout" not in parts or not isinstance(value, str) or value in catalog.BY_NAME:
        return None
    names = [c.name for c in catalog.COMPONENTS if c.since <= version]
    meant = suggest_component(value, names)
    if meant is None or not isinstance(owner, dict):
        return None
    return meant if owner.keys() <= {"type", *catalog.BY_NAME[meant].props} else None


def corrected(doc: dict[str, Any], typos: Typos) -> dict[str, Any]:
    """A copy of ``doc`` with the typos corrected (only the containers on their paths are
    copied; key order kept)."""
    out = doc
    for old, new in typos.keys.items():
        parts = _parts(old)
        rename = partial(_renamed, old=parts[-1], new=_parts(new)[-1])
        out = _change(out, parts[:-1], rename)
    for at, kind in typos.types.items():
        parts = _parts(at)
        out = _change(out, parts[:-1], partial(_with, key=parts[-1], value=kind))
    return out


def map_back(finding: Finding, typos: Typos) -> Finding:
    """Point a finding on the corrected document at the text the user wrote."""
    for old, new in typos.keys.items():
        if finding.pointer == new or finding.pointer.startswith(new + "/"):
            return replace(finding, pointer=old + finding.pointer[len(new) :])
    return finding


def _renamed(obj: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    return {(new if k == old else k): v for k, v in obj.items()}


def _with(obj: dict[str, Any], key: str, value: str) -> dict[str, Any]:
    return {**obj, key: value}


def _change(node: Any, path: list[str], fn: Callable[[Any], Any]) -> Any:
    if not path:
        return fn(node)
    head, rest = path[0], path[1:]
    if isinstance(node, list) and head.isdigit() and int(head) < len(node):
        copy = list(node)
        copy[int(head)] = _change(node[int(head)], rest, fn)
        return copy
    if isinstance(node, dict) and head in node:
        return {**node, head: _change(node[head], rest, fn)}
    return node  # (not reached: typos are found on this same document)


def _at(doc: Any, parts: list[str]) -> Any:
    node = doc
    for part in parts:
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None
    return node


def _parts(pointer: str) -> list[str]:
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]

"""A misspelt screen key (``"terminl": true``) explains the errors that follow from the
real key being absent (no terminal screen, ``complete`` on a non-terminal screen, fields
"not declared" for ``"dat"``). ``find`` spots such typos among the schema's unknown-key
findings; the caller validates the document again with them corrected (``corrected``) and
maps the pointers back (``map_back``), so the user sees the typo once, not its echoes."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from flowops.flowjson.findings import Finding
from flowops.flowjson.rules.suggest import closest

SCREEN_KEYS = (
    "id",
    "terminal",
    "success",
    "data",
    "layout",
    "title",
    "refresh_on_back",
    "sensitive",
)
_SCREEN_KEY = re.compile(r"/screens/(\d+)/([^/]+)")

Renames = dict[str, str]  # pointer of the misspelt key → pointer of the key it stands for


def find(doc: dict[str, Any], structure: list[Finding]) -> Renames:
    """Unknown keys on a screen that closely match a screen key the screen lacks."""
    screens = doc.get("screens")
    if not isinstance(screens, list):
        return {}
    renames: Renames = {}
    for f in structure:
        meant = _meant(screens, f) if f.code == "INVALID_PROPERTY_KEY" else None
        if meant is not None:
            renames[f.pointer] = meant
    return renames


def _meant(screens: list[Any], f: Finding) -> str | None:
    match = _SCREEN_KEY.fullmatch(f.pointer)
    if match is None:
        return None
    index, key = int(match.group(1)), _unescape(match.group(2))
    screen = screens[index] if index < len(screens) else None
    if not isinstance(screen, dict) or key in SCREEN_KEYS:
        return None
    meant = closest(key, SCREEN_KEYS)
    return None if meant is None or meant in screen else f"/screens/{index}/{meant}"


def corrected(doc: dict[str, Any], renames: Renames) -> dict[str, Any]:
    """A shallow copy of ``doc`` with each misspelt screen key renamed (order kept)."""
    screens = list(doc["screens"])
    for old, new in renames.items():
        index, old_key = _split(old)
        new_key = _split(new)[1]
        screens[index] = {(new_key if k == old_key else k): v for k, v in screens[index].items()}
    return {**doc, "screens": screens}


def map_back(finding: Finding, renames: Renames) -> Finding:
    """Point a finding on the corrected document at the text the user wrote."""
    for old, new in renames.items():
        if finding.pointer == new or finding.pointer.startswith(new + "/"):
            return replace(finding, pointer=old + finding.pointer[len(new) :])
    return finding


def _split(pointer: str) -> tuple[int, str]:
    match = _SCREEN_KEY.fullmatch(pointer)
    assert match is not None
    return int(match.group(1)), _unescape(match.group(2))


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")

"""Dynamic references: ``${data.x}``, ``${form.x}``, ``${screen.X.data.y}``, ``${screen.X.form.y}``.

A ``Scope`` holds what a screen can see; ``lookup`` finds one reference in it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

REF = re.compile(r"\$\{(?:screen\.([A-Za-z_][A-Za-z0-9_]*)\.)?(data|form)\.([A-Za-z0-9_.\-]+)\}")
MISSING = object()


@dataclass(frozen=True)
class Scope:
    """``data`` of this screen, its ``form`` values, and other screens' data and forms."""

    data: Mapping[str, Any] = field(default_factory=dict)
    form: Mapping[str, Any] = field(default_factory=dict)
    screens: Mapping[str, Mapping[str, Mapping[str, Any]]] = field(default_factory=dict)

    def lookup(self, screen: str | None, kind: str, path: str) -> Any:
        base = (self.screens.get(screen) or {}).get(kind, {}) if screen else getattr(self, kind)
        value: Any = base
        for part in path.split("."):
            if not isinstance(value, Mapping) or part not in value:
                return MISSING
            value = value[part]
        return value


def as_text(value: Any) -> str:
    """How a value shows inside text (Meta prints booleans and numbers as JSON does)."""
    if value is MISSING or value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)

"""What rendering one screen needs: the scope, the version, highlights, and what it collects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flowops.screens.refs import Scope
from flowops.screens.values import resolve, text_of

Version = tuple[int, int]


@dataclass
class Ctx:
    scope: Scope
    version: Version = (7, 3)
    marks: Mapping[int, str] = field(default_factory=dict)  # id(component) → "add" | "del"
    footers: list[Mapping[str, Any]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # required fields still empty
    init: dict[str, Any] = field(default_factory=dict)  # Form init-values
    errors: dict[str, Any] = field(default_factory=dict)  # Form error-messages
    drawn: int = 0  # components drawn so far (hostile nesting is bounded)

    def value(self, comp: Mapping[str, Any], key: str, default: Any = None) -> Any:
        found = resolve(comp.get(key, default), self.scope)
        return default if found is None else found

    def text(self, comp: Mapping[str, Any], key: str) -> str:
        return text_of(comp.get(key), self.scope)

    def current(self, comp: Mapping[str, Any]) -> Any:
        """A field's value: typed in (form), else its init-value (component or Form)."""
        name = str(comp.get("name", ""))
        if name in self.scope.form:
            return self.scope.form[name]
        init = self.value(comp, "init-value")
        return self.init.get(name) if init is None else init


def parse_version(doc: Any) -> Version:
    text = doc.get("version") if isinstance(doc, dict) else None
    try:
        major, minor = str(text).split(".", 1)
        return int(major), int(minor)
    except ValueError:
        return (7, 3)

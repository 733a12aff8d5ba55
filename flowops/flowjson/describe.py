"""Where a schema error happened, in words a Flow author recognises."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flowops.flowjson.catalog import BY_NAME
from flowops.flowjson.findings import Version, pointer_join


def json_type(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return f'the string "{value[:40]}"'
    names = {dict: "an object", list: "an array", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


@dataclass(frozen=True)
class Context:
    """The failing value's path in ``doc``; ``version`` is the file's Flow JSON version."""

    doc: Any
    path: tuple[str | int, ...]
    version: Version

    @property
    def pointer(self) -> str:
        return pointer_join("", *self.path)

    def value_at(self, path: tuple[str | int, ...]) -> Any:
        node = self.doc
        for part in path:
            node = node[part]
        return node

    def component_type(self, path: tuple[str | int, ...] | None = None) -> str | None:
        node = self.value_at(self.path if path is None else path)
        kind = node.get("type") if isinstance(node, dict) else None
        return kind if isinstance(kind, str) and kind in BY_NAME else None

    def owner(self) -> str:
        """``TextInput `email```, ``screen `WELCOME```, ``the Flow JSON`` …"""
        kind = self.component_type()
        node = self.value_at(self.path)
        if kind is not None:
            name = node.get("name")
            return f"{kind} `{name}`" if isinstance(name, str) else kind
        if not self.path:
            return "the Flow JSON"
        if len(self.path) == 2 and self.path[0] == "screens":
            screen_id = node.get("id") if isinstance(node, dict) else None
            return f"screen `{screen_id}`" if isinstance(screen_id, str) else "the screen"
        return f"`{self.path[-1]}`" if isinstance(self.path[-1], str) else self.parent_name()

    def parent_name(self) -> str:
        named = [p for p in self.path if isinstance(p, str)]
        return f"an item of `{named[-1]}`" if named else "the value"

    def name(self) -> str:
        """The failing property's name, with its component: ``TextInput `label```."""
        if not self.path or not isinstance(self.path[-1], str):
            return self.parent_name()
        parent = self.component_type(self.path[:-1])
        return f"{parent} `{self.path[-1]}`" if parent else f"`{self.path[-1]}`"

    def is_screen_id(self) -> bool:
        return len(self.path) == 3 and self.path[0] == "screens" and self.path[2] == "id"

    def is_action_name(self) -> bool:
        return (
            len(self.path) >= 2
            and self.path[-1] == "name"
            and str(self.path[-2]).endswith("action")
        )

    def is_component_type(self) -> bool:
        return (
            len(self.path) >= 2
            and self.path[-1] == "type"
            and isinstance(self.path[-2], int)
            and "layout" in self.path
        )

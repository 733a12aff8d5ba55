"""The Flows API's nodes and fields as Meta documents them, and Graph's ``fields=`` syntax.

One description for both sides: the Graph client asks only for fields listed here, and
the emulator serves exactly these, with the same defaults and nested defaults.

Syntax: ``fields=id,preview.invalidate(false),whatsapp_business_account{id,name}``: a
comma-separated list of names, each with optional ``.modifier(argument)`` calls (before or
after the braces) and an optional ``{…}`` sub-selection, nested to any depth. A field named
without braces answers with its node's default fields.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Node:
    """A Graph node type: the fields it has, those answered by default, its object fields."""

    type_name: str
    fields: tuple[str, ...]
    defaults: tuple[str, ...]
    nested: Mapping[str, Node] = field(default_factory=lambda: MappingProxyType({}))


WABA = Node(
    "WhatsAppBusinessAccount",
    fields=("id", "name", "timezone_id", "message_template_namespace"),
    defaults=("id", "name", "timezone_id", "message_template_namespace"),
)
APPLICATION = Node("Application", fields=("id", "name", "link"), defaults=("id", "name", "link"))
PREVIEW = Node("FlowPreview", ("preview_url", "expires_at"), ("preview_url", "expires_at"))
HEALTH_STATUS = Node(
    "FlowHealthStatus", ("can_send_message", "entities"), ("can_send_message", "entities")
)
METRIC = Node(
    "FlowMetric",
    ("name", "granularity", "data_points"),
    ("name", "granularity", "data_points"),
)
FLOW = Node(
    "WhatsAppFlow",
    fields=(
        "id",
        "name",
        "status",
        "categories",
        "validation_errors",
        "json_version",
        "data_api_version",
        "endpoint_uri",
        "data_channel_uri",
        "preview",
        "whatsapp_business_account",
        "application",
        "health_status",
        "updated_at",
        "metric",
    ),
    defaults=("id", "name", "status", "categories", "validation_errors"),
    nested=MappingProxyType(
        {
            "preview": PREVIEW,
            "whatsapp_business_account": WABA,
            "application": APPLICATION,
            "health_status": HEALTH_STATUS,
            "metric": METRIC,
        }
    ),
)
ASSET = Node(
    "WhatsAppFlowAsset",
    ("name", "asset_type", "download_url"),
    ("name", "asset_type", "download_url"),
)

# The modifiers a field accepts: ``preview.invalidate(false)``, ``metric.name(X).since(d)``.
MODIFIERS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "preview": ("invalidate",),
        "health_status": ("phone_number",),
        "metric": ("name", "granularity", "since", "until"),
    }
)


@dataclass(frozen=True)
class Selected:
    """One selected field: its modifiers and its sub-selection (None: the node's defaults)."""

    modifiers: Mapping[str, str]
    sub: Selection | None = None


Selection = dict[str, Selected]


class FieldSyntaxError(ValueError):
    """A ``fields=`` text Graph cannot parse; ``position`` is 0-based."""

    def __init__(self, text: str, position: int) -> None:
        near = text[position : position + 20] or "the end"
        super().__init__(f"Syntax error at character {position} near '{near}'")
        self.position = position


class UnknownField(ValueError):
    def __init__(self, name: str, node: Node) -> None:
        super().__init__(
            f"Tried accessing nonexisting field ({name}) on node type ({node.type_name})"
        )
        self.name = name


class UnknownModifier(ValueError):
    def __init__(self, modifier: str, name: str) -> None:
        super().__init__(f"Unknown modifier ({modifier}) on field ({name})")


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MODIFIER = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)\(([^()]*)\)")


def parse(text: str | None, node: Node) -> Selection:
    """``fields=`` text → selection checked against ``node``; None or empty → the defaults."""
    if not text:
        return defaults(node)
    selection, end = _parse_list(text, 0)
    if end != len(text):
        raise FieldSyntaxError(text, end)
    check(selection, node)
    return selection


def defaults(node: Node) -> Selection:
    return {name: Selected(MappingProxyType({})) for name in node.defaults}


def check(selection: Selection, node: Node) -> None:
    """Every selected name (at every depth) exists; only object fields take braces."""
    for name, selected in selection.items():
        if name not in node.fields:
            raise UnknownField(name, node)
        for modifier in selected.modifiers:
            if modifier not in MODIFIERS.get(name, ()):
                raise UnknownModifier(modifier, name)
        child = node.nested.get(name)
        if selected.sub is not None:
            if child is None:
                raise UnknownField(f"{name}{{…}}", node)
            check(selected.sub, child)


def _parse_list(text: str, pos: int) -> tuple[Selection, int]:
    selection: Selection = {}
    while True:
        pos = _skip_spaces(text, pos)
        name, selected, pos = _parse_field(text, pos)
        selection[name] = selected
        pos = _skip_spaces(text, pos)
        if pos >= len(text) or text[pos] != ",":
            return selection, pos
        pos += 1


def _parse_field(text: str, pos: int) -> tuple[str, Selected, int]:
    match = _NAME.match(text, pos)
    if match is None:
        raise FieldSyntaxError(text, pos)
    modifiers, pos = _parse_modifiers(text, match.end(), {})
    sub: Selection | None = None
    if pos < len(text) and text[pos] == "{":
        sub, pos = _parse_list(text, pos + 1)
        if pos >= len(text) or text[pos] != "}":
            raise FieldSyntaxError(text, pos)
        modifiers, pos = _parse_modifiers(text, pos + 1, modifiers)
    return match[0], Selected(MappingProxyType(modifiers), sub), pos


def _parse_modifiers(text: str, pos: int, found: dict[str, str]) -> tuple[dict[str, str], int]:
    while (match := _MODIFIER.match(text, pos)) is not None:
        found[match[1]] = match[2].strip()
        pos = match.end()
    if pos < len(text) and text[pos] == ".":
        raise FieldSyntaxError(text, pos)
    return found, pos


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos

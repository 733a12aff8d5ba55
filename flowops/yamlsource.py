"""YAML with source positions: plain Python data plus where each key and value was written.

PyYAML silently keeps the last of two equal keys; here every repeat is reported. The node
graph comes from ``yaml.compose`` (libyaml when installed), then one walk builds the data,
records 1-based ``(line, col)`` by JSON pointer and collects duplicate keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from flowops.flowjson.findings import pointer_join

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it

Position = tuple[int, int]
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"
_JSON_SCALARS = (str, int, float, bool, type(None))


class YamlSyntaxError(Exception):
    """The text is not YAML. ``line``/``col`` are 1-based (0 = unknown)."""

    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


@dataclass(frozen=True)
class DuplicateKey:
    pointer: str
    key: str
    line: int
    col: int
    first_line: int


@dataclass
class YamlDocument:
    """``values``: pointer → position of the value; ``keys``: pointer → position of its key."""

    data: object
    values: dict[str, Position] = field(default_factory=dict)
    keys: dict[str, Position] = field(default_factory=dict)
    duplicates: list[DuplicateKey] = field(default_factory=list)

    def value_at(self, pointer: str) -> Position:
        """Position of the value at ``pointer``, or of its nearest ancestor that was written."""
        while pointer not in self.values and pointer:
            pointer = pointer.rpartition("/")[0]
        return self.values.get(pointer, (1, 1))

    def key_at(self, pointer: str) -> Position:
        return self.keys.get(pointer) or self.value_at(pointer)


def parse(text: str) -> YamlDocument:
    """Parse one YAML document; raise ``YamlSyntaxError`` with the position of the fault."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"Invalid YAML: {type(exc).__name__}", 0, 0) from None
    doc = YamlDocument(data=None)
    if node is not None:
        doc.data = _Builder(doc).build(node, "")
    return doc


def _syntax_error(exc: yaml.MarkedYAMLError, source: str = "") -> YamlSyntaxError:
    """Message from PyYAML's problem/context only: its snippet could echo a secret."""
    mark = exc.problem_mark or exc.context_mark
    if mark is not None and _char_at(source, mark.line, mark.column) == "\t":
        message = "Invalid YAML: a tab character; YAML indents with spaces only"
        return YamlSyntaxError(message, mark.line + 1, mark.column + 1)
    text = f"Invalid YAML: {exc.problem or exc.context or 'cannot parse'}"
    start = exc.context_mark
    if exc.problem and exc.context and start is not None and start is not mark:
        text += f" ({exc.context} started on line {start.line + 1}, column {start.column + 1})"
    if mark is None:
        return YamlSyntaxError(text, 0, 0)
    return YamlSyntaxError(text, mark.line + 1, mark.column + 1)


def _char_at(source: str, line: int, col: int) -> str:
    lines = source.splitlines()
    return lines[line][col : col + 1] if line < len(lines) else ""


def _pos(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.constructor = yaml.constructor.SafeConstructor()
        self.active: set[int] = set()

    def build(self, node: yaml.Node, pointer: str) -> object:
        self.doc.values.setdefault(pointer, _pos(node))
        if id(node) in self.active:
            raise YamlSyntaxError("Invalid YAML: an alias refers to itself", *_pos(node))
        self.active.add(id(node))
        try:
            return self._build(node, pointer)
        finally:
            self.active.discard(id(node))

    def _build(self, node: yaml.Node, pointer: str) -> object:
        if isinstance(node, yaml.MappingNode):
            out: dict[str, object] = {}
            self._fill_mapping(node, pointer, out, {})
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, pointer_join(pointer, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> object:
        if node.tag == _STR_TAG:
            return node.value
        try:
            value = self.constructor.construct_object(node, deep=True)
        except yaml.MarkedYAMLError as exc:
            raise _syntax_error(exc) from None
        # JSON's scalars only: timestamps and !!binary stay the text as written (YAML 1.2 reading).
        return value if isinstance(value, _JSON_SCALARS) else str(node.value)

    def _fill_mapping(
        self, node: yaml.MappingNode, pointer: str, out: dict[str, object], seen: dict[str, int]
    ) -> None:
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                self._merge(value_node, pointer, out)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlSyntaxError("Invalid YAML: a key must be plain text", *_pos(key_node))
            key = str(self._scalar(key_node))
            child = pointer_join(pointer, key)
            if key in seen:
                line, col = _pos(key_node)
                self.doc.duplicates.append(DuplicateKey(child, key, line, col, seen[key]))
            seen[key] = key_node.start_mark.line + 1
            self.doc.keys[child] = _pos(key_node)
            self.doc.values[child] = _pos(value_node)
            out[key] = self.build(value_node, child)

    def _merge(self, value_node: yaml.Node, pointer: str, out: dict[str, object]) -> None:
        """``<<: *base`` — keys written next to the merge win, so fill only missing ones."""
        sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        for source in sources:
            if not isinstance(source, yaml.MappingNode):
                raise YamlSyntaxError("Invalid YAML: '<<' must merge a mapping", *_pos(source))
            merged: dict[str, object] = {}
            self._fill_mapping(source, pointer, merged, {})
            for key, value in merged.items():
                out.setdefault(key, value)

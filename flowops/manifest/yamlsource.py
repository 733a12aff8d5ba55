"""YAML with source positions: plain Python data plus where each key and value was written.

PyYAML silently keeps the last of two equal keys; here every repeat is reported. The node
graph comes from ``yaml.compose`` (libyaml when installed), then one walk builds the data,
records 1-based ``(line, col)`` by JSON pointer and collects duplicate keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from flowops.flowjson import pointer_join
from flowops.limits import (
    MAX_NESTING,
    MAX_STRING_CHARS,
    YAML_MAX_BYTES,
    YAML_MAX_VALUES,
    megabytes,
    position_of,
    read_regular,
)

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it

Position = tuple[int, int]
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"
_JSON_SCALARS = (str, int, float, bool, type(None))


class YamlSyntaxError(Exception):
    """The text is not YAML. ``line``/``col`` are 1-based (0 = unknown)."""

    def __init__(self, message: str, line: int, col: int, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col
        self.hint = hint or syntax_hint(message)


# What to do about PyYAML's most common complaints (matched in its message), else the default.
_HINTS = (
    (
        "mapping values are not allowed",
        "A value containing ': ' needs quotes, e.g. "
        "description: \"Note: …\"; or the line before it lacks its ':'.",
    ),
    ("expected key", "Indent every key of one mapping to the same column, with spaces."),
    ("expected '-' indicator", "Indent every item of one list to the same column, with spaces."),
    ("expected ',' or", "Close the one-line [list] or {mapping}: a ']' or '}' is missing."),
    (
        "undefined alias",
        "'*name' repeats an anchor '&name' written before it; quote a value that starts with '*'.",
    ),
    ("end of stream", "Close the quoted value: its closing quote is missing."),
    ("tab character", "Replace the tab with spaces."),
)
_DEFAULT_HINT = "Check the quotes and the indentation (spaces only) at this position."


def syntax_hint(message: str) -> str:
    return next((hint for part, hint in _HINTS if part in message), _DEFAULT_HINT)


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


class YamlLimitError(YamlSyntaxError):
    """The text is YAML, but past one of ``flowops.limits``."""


def read(path: Path) -> YamlDocument:
    """Parse a YAML file of at most ``YAML_MAX_BYTES``; besides ``YamlSyntaxError``,
    raises ``OSError``, ``UnicodeDecodeError`` and ``LimitError`` (not a regular file)."""
    data = read_regular(path, YAML_MAX_BYTES)
    if len(data) > YAML_MAX_BYTES:
        line, col = position_of(data, YAML_MAX_BYTES)
        message = f"{path.name} is larger than {megabytes(YAML_MAX_BYTES)}, the most flowops reads"
        raise YamlLimitError(message, line, col)
    return parse(data.decode("utf-8"))


def parse(text: str) -> YamlDocument:
    """Parse one YAML document; raise ``YamlSyntaxError`` with the position of the fault."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text) from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise YamlSyntaxError(f"Invalid YAML: {type(exc).__name__}", 0, 0) from None
    doc = YamlDocument(data=None)
    if node is not None:
        _Size().of(node, MAX_NESTING)
        doc.data = _Builder(doc).build(node, "")
    return doc


class _Size:
    """Values in a node once aliases and merges are expanded, counted once per node: the
    node graph shares aliased nodes, so this is linear in the text even for a bomb."""

    def __init__(self) -> None:
        self.sizes: dict[int, int] = {}

    def of(self, node: yaml.Node, left: int) -> int:
        size = self.sizes.get(id(node))
        if size is None:
            self.sizes[id(node)] = 0  # an alias to a node still being counted: a cycle
            size = self._count(node, left)
            self.sizes[id(node)] = size
        elif size == 0:
            raise YamlSyntaxError("Invalid YAML: an alias refers to itself", *_pos(node))
        return size

    def _count(self, node: yaml.Node, left: int) -> int:
        if isinstance(node, yaml.ScalarNode):
            if len(node.value) > MAX_STRING_CHARS:
                raise YamlLimitError(
                    f"a value longer than {MAX_STRING_CHARS:,} characters", *_pos(node)
                )
            return 1
        if not left:
            raise YamlLimitError(f"nested more than {MAX_NESTING} levels deep", *_pos(node))
        children = (
            [c for pair in node.value for c in pair]
            if isinstance(node, yaml.MappingNode)
            else node.value
        )
        size = 1
        for child in children:
            size += self.of(child, left - 1)
            if size > YAML_MAX_VALUES:
                raise YamlLimitError(_EXPANDS.format(YAML_MAX_VALUES), *_pos(node))
        return size


_EXPANDS = (
    "this value holds more than {:,} values once its aliases (*name) and merges (<<) are"
    " expanded; flowops refuses documents that large"
)


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


_KINDS = {"int": "an integer", "float": "a number", "bool": "true or false"}


def _bad_scalar(node: yaml.Node) -> str:
    """The value is never echoed: it may be a secret pasted in the wrong place."""
    tag = node.tag.rpartition(":")[2]
    digits = sum(c.isdigit() for c in node.value)
    if tag == "int" and digits > 4300:
        return (
            f"Invalid YAML: a number of {digits:,} digits, more than flowops reads;"
            " quote it if it is text"
        )
    kind = _KINDS.get(tag, "a date (YYYY-MM-DD)" if tag == "timestamp" else "valid")
    return (
        f"Invalid YAML: a value tagged !!{tag} that is not {kind};"
        f" fix the value, or remove the tag (quote it to keep it as text)"
    )


def _reader_error(exc: yaml.reader.ReaderError, source: str) -> YamlSyntaxError:
    """A character YAML never allows (binary data, a control code), by code and position."""
    code, at = int(exc.character), int(exc.position)
    byte = f"byte 0x{code:02x}" if code < 0x80 else f"character U+{code:04X}"
    line, col = source.count("\n", 0, at) + 1, at - source.rfind("\n", 0, at)
    return YamlSyntaxError(
        f"Invalid YAML: {byte} is not allowed in YAML ({exc.reason})",
        line,
        col,
        "The file holds binary data or a control character: remove it, or restore the file "
        "from git if it is not text any more.",
    )


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
        except (ValueError, TypeError, KeyError, AttributeError):  # `!!int x`, 5,000 digits
            raise YamlSyntaxError(_bad_scalar(node), *_pos(node)) from None
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

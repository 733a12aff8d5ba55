"""Source positions of JSON values, found by a small scanner over the text as written.

Only used when there is something to report, so the valid path never pays for it.
Columns count characters (not bytes), 1-based; CRLF and escapes are handled.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import re
from dataclasses import dataclass, field

from flowops.flowjson.findings import pointer_join

_WS = re.compile(r"[ \t\r\n]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"[^\s,\]\}]+")
_COUNTED_LOOKUPS = 8


@dataclass
class SourceMap:
    """Offsets of every value (and of the key naming it) by JSON pointer."""

    text: str
    values: dict[str, int] = field(default_factory=dict)
    keys: dict[str, int] = field(default_factory=dict)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (pointer, key offset)
    _line_starts: list[int] = field(default_factory=list)
    _lookups: int = 0

    def line_col(self, offset: int) -> tuple[int, int]:
        if not self._line_starts and self._lookups < _COUNTED_LOOKUPS:
            self._lookups += 1  # a few lookups: counting beats building the line table
            start = self.text.rfind("\n", 0, offset) + 1
            return self.text.count("\n", 0, start) + 1, offset - start + 1
        if not self._line_starts:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def locate(self, pointer: str, at_key: bool = False) -> tuple[int, int]:
        """Nearest known position: the pointer itself, else its closest ancestor."""
        table = self.keys if at_key and pointer in self.keys else self.values
        while pointer not in table and pointer:
            pointer = pointer.rsplit("/", 1)[0]
            table = self.values
        return self.line_col(table.get(pointer, 0))


class _Found(Exception):
    """Every wanted pointer has been seen: the rest of the text need not be scanned."""


def scan(text: str, wanted: set[str] | None = None) -> SourceMap:
    """Map pointers to offsets (all of them, or until ``wanted`` are all seen).

    Stops quietly at the first syntax error, keeping what was found so far.
    """
    source = SourceMap(text)
    with contextlib.suppress(IndexError, ValueError, RecursionError, _Found):
        _Scanner(text, source, set(wanted) if wanted is not None else None).value(
            _skip(text, 0), ""
        )
    return source


def _skip(text: str, pos: int) -> int:
    match = _WS.match(text, pos)
    return match.end() if match else pos


class _Scanner:
    def __init__(self, text: str, source: SourceMap, wanted: set[str] | None) -> None:
        self.text = text
        self.source = source
        self.wanted = wanted

    def value(self, pos: int, pointer: str) -> int:
        self.source.values[pointer] = pos
        if self.wanted is not None:
            self.wanted.discard(pointer)
            if not self.wanted:
                raise _Found
        char = self.text[pos]
        if char == "{":
            return self.obj(pos + 1, pointer)
        if char == "[":
            return self.array(pos + 1, pointer)
        match = (_STRING if char == '"' else _SCALAR).match(self.text, pos)
        if match is None:
            raise ValueError(pos)
        return match.end()

    def obj(self, pos: int, pointer: str) -> int:
        seen: set[str] = set()
        pos = _skip(self.text, pos)
        while self.text[pos] != "}":
            match = _STRING.match(self.text, pos)
            if match is None:
                raise ValueError(pos)
            key = json.loads(match.group())
            child = pointer_join(pointer, key)
            if key in seen:
                self.source.duplicates.append((child, pos))
            seen.add(key)
            self.source.keys[child] = pos  # the last one wins, as in json.loads
            pos = _skip(self.text, match.end())
            pos = _skip(self.text, pos + 1)  # the colon
            pos = _skip(self.text, self.value(pos, child))
            pos = _skip(self.text, pos + 1) if self.text[pos] == "," else pos
        return pos + 1

    def array(self, pos: int, pointer: str) -> int:
        pos = _skip(self.text, pos)
        index = 0
        while self.text[pos] != "]":
            pos = _skip(self.text, self.value(pos, pointer_join(pointer, index)))
            pos = _skip(self.text, pos + 1) if self.text[pos] == "," else pos
            index += 1
        return pos + 1

"""Where the JSON token that starts at a position ends: ``line_end``/``column_end`` for Meta's
``validation_errors``.

Positions are 1-based and count characters, like flowops' own problems. ``column_end`` is
exclusive (the column just after the last character), so a one-character token still has
``column_end > column_start``. A string, number or literal ends after its last character; an
object or array after its closing bracket. Unbalanced text ends the span at the end of the
text, never raises.
"""

from __future__ import annotations

import bisect
import re

_SCALAR_END = re.compile(r"[\s,:\]\}\[\{\"]")
_OPENERS = {"{": "}", "[": "]"}


class LineIndex:
    """Converts between 1-based ``(line, column)`` and offsets into one text."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def offset(self, line: int, col: int) -> int:
        return self.starts[min(line, len(self.starts)) - 1] + col - 1

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def token_end(text: str, start: int) -> int:
    """Offset just after the JSON token (string, scalar, object or array) at ``start``."""
    if start >= len(text):
        return len(text)
    char = text[start]
    if char == '"':
        return _string_end(text, start)
    if char in _OPENERS:
        return _bracket_end(text, start)
    match = _SCALAR_END.search(text, start + 1)
    return match.start() if match else len(text)


def span_end(text: str, index: LineIndex, line: int, col: int) -> tuple[int, int]:
    """``(line_end, column_end)`` of the token starting at ``line``:``col``."""
    start = index.offset(line, col)
    if start >= len(text) or text[start].isspace():
        return line, col + 1
    return index.position(token_end(text, start))


def _string_end(text: str, start: int) -> int:
    pos = start + 1
    while pos < len(text):
        if text[pos] == "\\":
            pos += 2
            continue
        if text[pos] == '"':
            return pos + 1
        if text[pos] == "\n":  # unterminated: the span stops at the end of the line
            return pos
        pos += 1
    return len(text)


def _bracket_end(text: str, start: int) -> int:
    closers: list[str] = []
    pos = start
    while pos < len(text):
        char = text[pos]
        if char == '"':
            pos = _string_end(text, pos)
            continue
        if char in _OPENERS:
            closers.append(_OPENERS[char])
        elif closers and char == closers[-1]:
            closers.pop()
            if not closers:
                return pos + 1
        pos += 1
    return len(text)

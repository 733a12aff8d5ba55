"""Limits of a Flow JSON document (``flowops.limits``), checked before the schema and rules.

Size is checked on the bytes, before parsing; nesting, value count, string length and lone
surrogates on the parsed document, in one pass. A document shorter than
``2 * FLOW_JSON_MAX_VALUES`` characters cannot break the count or string limits, so only
its nesting is walked, and not even that when it has too few brackets to nest too deep: the
common, valid case stays cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flowops.flowjson.findings import Finding, pointer_join
from flowops.limits import (
    FLOW_JSON_MAX_BYTES,
    FLOW_JSON_MAX_VALUES,
    MAX_NESTING,
    MAX_STRING_CHARS,
    megabytes,
    position_of,
)
from flowops.problems import Problem

INVALID = "INVALID_FLOW_JSON"
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_BIG = 2 * FLOW_JSON_MAX_VALUES


def too_big(data: str | bytes) -> Problem | None:
    """A file over Meta's 10 MB, refused at the byte where it crosses the limit."""
    size = len(data) if isinstance(data, bytes) or len(data) * 4 <= FLOW_JSON_MAX_BYTES else 0
    if isinstance(data, str) and not size:
        size = len(data.encode("utf-8", "surrogatepass"))
    if size <= FLOW_JSON_MAX_BYTES:
        return None
    line, col = position_of(data, min(len(data), FLOW_JSON_MAX_BYTES))
    message = (
        f"the file is larger than {megabytes(FLOW_JSON_MAX_BYTES)}, Meta's limit for Flow JSON"
    )
    hint = "Meta refuses larger uploads; shrink the flow (large images are the usual cause)."
    return Problem("", line, col, INVALID, message, hint=hint)


def bounds_finding(doc: object, text: str) -> Finding | None:
    """The first value past a limit, or None."""
    walk = _Walk(full=len(text) >= _BIG)
    few = not walk.full and text.count("{") + text.count("[") <= MAX_NESTING  # cannot nest deeper
    if isinstance(doc, (dict, list)) and not few:
        path = walk.container(doc, MAX_NESTING - 1)
        if path is not None:
            return walk.finding(path)
    if _SURROGATE_ESCAPE.search(text):
        path = _lone_surrogate(doc)
        if path is not None:
            return _surrogate_finding(path)
    return None


@dataclass
class _Walk:
    full: bool
    values: int = 0
    why: str = ""

    def container(self, value: dict[str, object] | list[object], left: int) -> list[object] | None:
        """The path (innermost first) to the first value past a limit."""
        items = value.items() if type(value) is dict else enumerate(value)
        for key, child in items:
            if self.full and self._breaks(key, child):
                return [] if self.why == "key" else [key]  # a huge key: point at its object
            if type(child) is dict or type(child) is list:
                if not left:
                    self.why = "nesting"
                    return [key]
                path = self.container(child, left - 1)
                if path is not None:
                    path.append(key)
                    return path
        return None

    def _breaks(self, key: object, child: object) -> bool:
        self.values += 1
        if self.values > FLOW_JSON_MAX_VALUES:
            self.why = "values"
        elif len(key) > MAX_STRING_CHARS if type(key) is str else False:
            self.why = "key"
        elif type(child) is str and len(child) > MAX_STRING_CHARS:
            self.why = "string"
        return bool(self.why)

    def finding(self, path: list[object]) -> Finding:
        pointer = _pointer(path)
        messages = {
            "nesting": f"the JSON is nested more than {MAX_NESTING} levels deep",
            "values": f"the document holds more than {FLOW_JSON_MAX_VALUES:,} values",
            "key": f"this object has a key longer than {MAX_STRING_CHARS:,} characters",
            "string": f"a string longer than {MAX_STRING_CHARS:,} characters",
        }
        hints = {
            "nesting": "Meta allows If/Switch nesting of at most 3 levels; flatten the structure.",
            "values": "No real flow comes close; check that this is the file you meant.",
        }
        hint = hints.get(self.why, "Shorten it: Meta keeps Flow JSON under 10 MB.")
        return Finding(pointer, INVALID, messages[self.why], hint=hint)


def _pointer(path: list[object]) -> str:
    pointer = ""
    for part in reversed(path):
        pointer = pointer_join(pointer, part)  # type: ignore[arg-type]
    return pointer


def _lone_surrogate(value: object) -> list[object] | None:
    """Python keeps ``"\\ud800"`` as half a character; no UTF-8 encoder accepts it."""
    if type(value) is str:
        return [] if _SURROGATE.search(value) else None
    items = (
        value.items() if type(value) is dict else enumerate(value) if type(value) is list else ()
    )
    for key, child in items:
        if type(key) is str and _SURROGATE.search(key):
            return []  # the object holding it: the key cannot be part of a printable pointer
        path = _lone_surrogate(child)
        if path is not None:
            path.append(key)
            return path
    return None


def _surrogate_finding(path: list[object]) -> Finding:
    message = "a lone surrogate escape (\\ud800–\\udfff without its pair) is not valid Unicode"
    hint = "Write the character itself, or both halves of its surrogate pair (\\ud83d\\ude00)."
    return Finding(_pointer(path), INVALID, message, hint=hint)

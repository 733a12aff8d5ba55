"""Add flow entries to flows.yaml as text, so every existing line and comment stays as written.

A YAML round-trip would drop comments and reorder keys; instead the new entries are inserted
after the last line of the top-level ``flows:`` block, indented like the entries already there.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

from flowops.errors import FlowopsError

_FLOWS_KEY = re.compile(r"^flows:\s*(?P<rest>.*?)\s*$")
_EMPTY_VALUE = re.compile(r"^(\{\s*\}|null|~)?\s*(#.*)?$")
_INDENT = re.compile(r"^(?P<indent> +)[^\s#]")


def entry_text(key: str, values: Mapping[str, object], comment: str, indent: int) -> str:
    """One ``key:`` mapping entry; strings are JSON-quoted (valid YAML, no surprises)."""
    pad = " " * indent
    lines = [f"{pad}# {comment}", f"{pad}{key}:"]
    lines += [f"{pad}{pad}{name}: {_scalar(value)}" for name, value in values.items()]
    return "\n".join(lines) + "\n"


def _scalar(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def append_flows(text: str, entries: Sequence[tuple[str, Mapping[str, object], str]]) -> str:
    """``text`` with each ``(key, values, comment)`` added under the top-level ``flows:``."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    start = _flows_line(lines)
    if start is None:
        return "".join(lines) + "\nflows:\n" + _block(entries, 2)
    lines[start] = _open_block(lines[start])
    end = _block_end(lines, start)
    indent = _entry_indent(lines[start + 1 : end]) or 2
    return "".join(lines[:end]) + _block(entries, indent) + "".join(lines[end:])


def _block(entries: Sequence[tuple[str, Mapping[str, object], str]], indent: int) -> str:
    return "".join(entry_text(key, values, comment, indent) for key, values, comment in entries)


def _flows_line(lines: list[str]) -> int | None:
    for number, line in enumerate(lines):
        if _FLOWS_KEY.match(line):
            return number
    return None


def _open_block(line: str) -> str:
    """``flows: {}`` or ``flows:`` (null) become an open block; anything inline is refused."""
    rest = _FLOWS_KEY.match(line)
    assert rest is not None
    if not _EMPTY_VALUE.match(rest.group("rest")):
        raise FlowopsError(
            "flows.yaml: `flows:` is written inline; flowops can only add entries to a block",
            hint="write each flow on its own lines under `flows:` and run the command again",
        )
    return "flows:\n"


def _block_end(lines: list[str], start: int) -> int:
    """Index after the last indented content line of the block that starts at ``start``."""
    end = start + 1
    for number in range(start + 1, len(lines)):
        line = lines[number]
        if line.strip() and not line[0].isspace() and not line.startswith("#"):
            break
        if _INDENT.match(line):
            end = number + 1
    return end


def _entry_indent(block: list[str]) -> int:
    for line in block:
        found = _INDENT.match(line)
        if found:
            return len(found.group("indent"))
    return 0

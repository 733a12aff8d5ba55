"""Limits on what flowops reads, checked before the expensive work (README: "Limits").

Pull requests from forks are validated in CI, so an outsider chooses these files: every
limit is enforced in time linear in the input, and refused as a user error with a position.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FLOW_JSON_MAX_BYTES = 10_000_000  # Meta refuses a Flow JSON upload over 10 MB
YAML_MAX_BYTES = 10_000_000  # flows.yaml and the traditional_flows file, each
YAML_MAX_VALUES = 1_000_000  # YAML values after expanding aliases and `<<` merges
FLOW_JSON_MAX_VALUES = 50_000  # JSON values in one Flow JSON document
FLOW_JSON_MAX_PROBLEMS = 100  # problems reported per Flow JSON file; the rest are counted
MAX_NESTING = 64  # levels of objects/arrays (mappings/lists) inside one another
MAX_STRING_CHARS = 1_000_000  # characters in one string (a base64 image fits)
EMULATOR_MAX_BODY_BYTES = 16_000_000  # a 10 MB Flow JSON upload and its multipart framing


class LimitError(ValueError):
    """A file flowops refuses to read: not a regular file."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def read_regular(path: Path, cap: int) -> bytes:
    """The first ``cap + 1`` bytes of a regular file at most: enough to tell it is too big.

    Opens without blocking (a FIFO would wait for a writer) and never reads past the cap
    (``/dev/zero`` never ends). ``LimitError`` when it is not a regular file.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise LimitError(
                f"not a regular file ({_kind(mode)})",
                "Pass a file: flowops does not read pipes, devices or sockets.",
            )
        return handle.read(cap + 1)


def position_of(data: str | bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` (columns in bytes for ``bytes``)."""
    newline = "\n" if isinstance(data, str) else b"\n"
    start = data.rfind(newline, 0, offset) + 1  # type: ignore[arg-type]
    return data.count(newline, 0, start) + 1, offset - start + 1  # type: ignore[arg-type]


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file"

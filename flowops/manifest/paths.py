"""Resolving a path the manifest names, without letting odd paths raise.

A NUL byte, a name too long for the file system or a symlink loop would otherwise escape
as ``ValueError``/``OSError``/``RuntimeError`` (exit 3); here each is a reason to report.
"""

from __future__ import annotations

import errno
from pathlib import Path


def resolve(path: Path) -> Path | str:
    """The real path, or why it has none (to follow "Flow file 'x' …")."""
    if "\0" in str(path):
        return "holds a NUL character"
    try:
        path.resolve().is_file()  # is_file() reports a name too long as an OSError
        return path.resolve()
    except RuntimeError:  # Python < 3.13: "Symlink loop from …"
        return "is a symlink loop"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symlink loop"
        if exc.errno == errno.ENAMETOOLONG:
            return "has a name too long for the file system (at most 255 bytes per name)"
        return f"cannot be read ({exc.strerror or exc})"


def shown(value: str) -> str:
    """The path as written, with a NUL made visible."""
    return value.replace("\0", "\\0")

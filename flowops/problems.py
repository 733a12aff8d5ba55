"""Diagnostics: a problem found in an input file, with its position.

Problems are collected and returned, never raised, so one run reports all of them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding. ``line``/``col`` are 1-based positions in the file as written (0 = unknown).

    ``code`` is Meta's error code name where one exists (``INVALID_PROPERTY_KEY``,
    ``MAX_FOOTER_PER_SCREEN`` …) or a flowops code (``MANIFEST_UNKNOWN_KEY`` …).
    ``pointer`` is an RFC 6901 JSON pointer to the offending value ("" = whole document).
    """

    file: str
    line: int
    col: int
    code: str
    message: str
    severity: Severity = Severity.ERROR
    pointer: str = ""
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.col}"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.col, self.code)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)

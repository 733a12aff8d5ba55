"""What a Flow JSON check reports before source positions are attached.

Checks work on the parsed document and name the offending value by JSON pointer;
``flowops.flowjson`` turns pointers into ``file:line:col`` only when there is something
to report, so the valid path stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass

from flowops.problems import Severity

Version = tuple[int, int]


@dataclass(frozen=True)
class Finding:
    pointer: str
    code: str
    message: str
    severity: Severity = Severity.ERROR
    hint: str = ""
    at_key: bool = False  # point at the property name instead of its value


def parse_version(text: object) -> Version | None:
    """``"7.3"`` → ``(7, 3)``; minors are not decimals (``"3.11"`` is 3.11, not 3.1)."""
    if not isinstance(text, str):
        return None
    major, dot, minor = text.partition(".")
    if not (dot and major.isdigit() and minor.isdigit()):
        return None
    return int(major), int(minor)


def pointer_join(base: str, *parts: str | int) -> str:
    out = base
    for part in parts:
        out += "/" + str(part).replace("~", "~0").replace("/", "~1")
    return out

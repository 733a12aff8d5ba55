"""Date strings of DatePicker and CalendarPicker, in the format their version reads.

Before 5.0 a DatePicker takes millisecond timestamps ("1693569600000"); from 5.0, and in
every CalendarPicker, dates are "YYYY-MM-DD". Meta does not document whether an upload
with the other format is refused, so this is a warning: the picker would misread it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from flowops.flowjson.findings import Finding, Version
from flowops.flowjson.rules.facts import Comp, Context
from flowops.problems import Severity

ISO_DATES = (5, 0)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_MILLIS = re.compile(r"\d{10,14}")
_KEYS = ("min-date", "max-date")
PICKERS = ("DatePicker", "CalendarPicker")
DATE_KEYS = frozenset({*_KEYS, "unavailable-dates"})  # the quick verdict leaves these to check


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for s in ctx.screens:
        if "DatePicker" in s.counts or "CalendarPicker" in s.counts:
            for comp in s.comps:
                if comp.ctype in PICKERS:
                    wrong = _wrong(comp.ctype, comp.node, ctx.version)
                    out.extend(_finding(ctx.version, comp, key, value) for key, value in wrong)
    return out


def _wrong(ctype: str, node: dict[str, Any], version: Version) -> Iterator[tuple[str, str]]:
    """(property path, value) of each static date in the wrong format."""
    iso = ctype == "CalendarPicker" or version >= ISO_DATES
    expected = _ISO if iso else _MILLIS
    for key in _KEYS:
        value = node.get(key)
        if type(value) is str and "${" not in value and not expected.fullmatch(value):
            yield key, value
    dates = node.get("unavailable-dates")
    for i, value in enumerate(dates if type(dates) is list else ()):
        if type(value) is str and "${" not in value and not expected.fullmatch(value):
            yield f"unavailable-dates/{i}", value


def _finding(version: Version, comp: Comp, key: str, value: str) -> Finding:
    iso = comp.ctype == "CalendarPicker" or version >= ISO_DATES
    if iso:
        want = 'a "YYYY-MM-DD" date (e.g. "2025-01-31")'
        why = "CalendarPicker dates" if comp.ctype == "CalendarPicker" else "DatePicker from 5.0"
    else:
        want = 'a timestamp in milliseconds (e.g. "1735603200000")'
        why = "DatePicker before 5.0"
    return Finding(
        f"{comp.pointer}/{key}",
        "INVALID_PROPERTY_VALUE",
        f'{comp.ctype} {key.split("/")[0]} "{value}" is not {want}, the format of {why}; '
        "the picker would misread it.",
        severity=Severity.WARNING,
    )

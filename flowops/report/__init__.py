"""Every command's output, from one registry over one result shape (as check-jsonschema does).

A command builds a ``Result`` (its kind, the value, colour, extras) and asks for a format:
``render(Result("drift", report), "markdown")``. ``formats(kind)`` lists a kind's formats for
``--format``. Each reporter returns whole lines, ending in a newline. The PR comment's pieces
are in ``flowops.report.comment``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from flowops.report.result import Reporter, Result
from flowops.report.validation import Report

# Each kind's reporters live in their own module, imported the first time that kind is shown:
# `flowops validate` then never loads what apply, drift, status or the PR comment need.
_MODULES = {
    "plan": "flowops.report.plan",
    "apply": "flowops.report.apply",
    "validation": "flowops.report.validation",
    "drift": "flowops.report.drift",
    "status": "flowops.report.status",
    "resolve": "flowops.report.decision",
}


class _Registry(Mapping[str, dict[str, Reporter]]):
    def __getitem__(self, kind: str) -> dict[str, Reporter]:
        reporters: dict[str, Reporter] = importlib.import_module(_MODULES[kind]).REPORTERS
        return reporters

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


REPORTERS: Mapping[str, dict[str, Reporter]] = _Registry()


def formats(kind: str) -> list[str]:
    return list(REPORTERS[kind])


def render(result: Result, fmt: str) -> str:
    return REPORTERS[result.kind][fmt](result)


__all__ = [
    "REPORTERS",
    "Report",
    "Reporter",
    "Result",
    "formats",
    "render",
]

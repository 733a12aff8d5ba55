"""Every command's output, from one registry over one result shape (as check-jsonschema does).

A command builds a ``Result`` (its kind, the value, colour, extras) and asks for a format:
``render(Result("drift", report), "markdown")``. ``formats(kind)`` lists a kind's formats for
``--format``. Each reporter returns whole lines, ending in a newline.
"""

from __future__ import annotations

from flowops.report import apply, decision, drift, plan, status, validation
from flowops.report.comment import (
    Extras,
    add_previews,
    add_review,
    comment_body,
    diagrams,
    job_summary,
    load_plan,
    run_footer,
)
from flowops.report.result import Reporter, Result
from flowops.report.validation import Report

REPORTERS: dict[str, dict[str, Reporter]] = {
    "plan": plan.REPORTERS,
    "apply": apply.REPORTERS,
    "validation": validation.REPORTERS,
    "drift": drift.REPORTERS,
    "status": status.REPORTERS,
    "resolve": decision.REPORTERS,
}


def formats(kind: str) -> list[str]:
    return list(REPORTERS[kind])


def render(result: Result, fmt: str) -> str:
    return REPORTERS[result.kind][fmt](result)


__all__ = [
    "REPORTERS",
    "Extras",
    "Report",
    "Reporter",
    "Result",
    "add_previews",
    "add_review",
    "comment_body",
    "diagrams",
    "formats",
    "job_summary",
    "load_plan",
    "render",
    "run_footer",
]

"""At most ``FLOW_JSON_MAX_PROBLEMS`` problems per Flow JSON file.

A damaged or hostile document can hold tens of thousands of mistakes (20,000 components
each missing two properties). Explaining every one costs seconds and buries the first
ones, so the schema check stops after the cap (``schema_errors``) and the report keeps the
first problems in file order and says how many more there are (``capped``).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import TypeVar

from flowops.flowjson.findings import Finding
from flowops.limits import FLOW_JSON_MAX_PROBLEMS
from flowops.problems import Problem, Severity

TOO_MANY = "TOO_MANY_PROBLEMS"
_HINT = "Fix the problems shown and validate again to see the rest."
T = TypeVar("T")


def schema_errors(errors: Iterator[T]) -> tuple[list[T], Finding | None]:
    """The first errors, and a finding saying the check stopped when there were more."""
    kept = list(islice(errors, FLOW_JSON_MAX_PROBLEMS + 1))
    if len(kept) <= FLOW_JSON_MAX_PROBLEMS:
        return kept, None
    message = f"the schema check stopped after {FLOW_JSON_MAX_PROBLEMS} problems"
    return kept[:FLOW_JSON_MAX_PROBLEMS], Finding("", TOO_MANY, message, hint=_HINT)


def capped(problems: list[Problem]) -> list[Problem]:
    """``problems`` (sorted) cut to the cap, with one closing problem counting the rest."""
    stopped = any(p.code == TOO_MANY for p in problems)
    real = [p for p in problems if p.code != TOO_MANY]
    if len(real) <= FLOW_JSON_MAX_PROBLEMS and not stopped:
        return problems
    shown, hidden = real[:FLOW_JSON_MAX_PROBLEMS], real[FLOW_JSON_MAX_PROBLEMS:]
    return [*shown, _more(problems[0].file, hidden, stopped)]


def _more(file: str, hidden: list[Problem], stopped: bool) -> Problem:
    count = "more problems" if stopped else f"{len(hidden)} more problems"
    why = "; the schema check stopped there" if stopped else ""
    message = f"… and {count} not shown (at most {FLOW_JSON_MAX_PROBLEMS} per file{why})"
    worst = Severity.ERROR if stopped or any(p.is_error for p in hidden) else Severity.WARNING
    return Problem(file, 1, 1, TOO_MANY, message, worst, "", _HINT)

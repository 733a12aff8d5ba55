"""``flowops apply`` output: what the run did, for people (stderr) and for tools (json)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flowops.apply import ApplyResult, CountingAPI
from flowops.lock import LockEntry
from flowops.plan import CallEstimate, Plan
from flowops.plan.calls import change_calls
from flowops.report.result import Reporter, Result
from flowops.report.validation import Report, problem_dict
from flowops.report.validation import render_text as problems_text

FORMAT_VERSION = 1


@dataclass(frozen=True)
class ApplyOutcome:
    """A finished apply: ``calls`` is None when nothing ran (no changes); ``entries`` is
    the lock after the run."""

    plan: Plan
    result: ApplyResult = field(default_factory=ApplyResult)
    calls: CountingAPI | None = None
    entries: Mapping[str, LockEntry] = field(default_factory=dict)


def render_text(report: Result) -> str:
    outcome: ApplyOutcome = report.value
    result, lines = outcome.result, []
    for failure in result.failed:
        lines.append(f"Error: {failure.key}: {failure.message}\n")
        if failure.problems:
            lines.append(problems_text(Report(list(failure.problems)), report.color))
    if result.skipped:
        lines.append(f"Not started: {_some(result.skipped)} (run apply again to continue).\n")
    if result.stopped:
        lines.append(f"Stopped: {result.stopped}\n")
    if result.out_of_budget:
        lines.append(budget_hint(result, outcome.plan))
    if outcome.calls is not None:
        lines.append(_summary(result, outcome.calls))
    return "".join(lines)


def _some(keys: list[str], shown: int = 10) -> str:
    first = ", ".join(sorted(keys)[:shown])
    return first if len(keys) <= shown else f"{first} and {len(keys) - shown} more"


def budget_hint(result: ApplyResult, plan: Plan) -> str:
    """How to go on after a stop at ``settings.max_calls``, with the runs it will take."""
    left = [change for change in plan.pending() if change.key not in result.done]
    runs = ""
    if plan.calls.get("max_calls"):
        cost = CallEstimate.from_dict(plan.calls)
        more = cost.runs_for(sum(change_calls(change) for change in left))
        runs = f" (about {more} more run(s) at settings.max_calls {cost.max_calls})"
    return (
        f"Run `flowops apply` again to continue: {len(left)} change(s) left{runs}. The lock "
        "records every finished step and Meta's state after it, so a rerun repeats nothing; "
        "or raise settings.max_calls in flows.yaml.\n"
    )


def _summary(result: ApplyResult, calls: CountingAPI) -> str:
    return (
        f"Apply {'complete' if result.ok else 'finished with errors'}: "
        f"{len(result.done)} flow(s) changed, {len(result.failed)} failed; "
        f"{calls.total} Graph API call(s), {calls.writes} write(s).\n"
    )


def render_json(report: Result) -> str:
    return json.dumps(apply_json(report.value), indent=2) + "\n"


def apply_json(outcome: ApplyOutcome) -> dict[str, Any]:
    """``flows`` gives the lock's flow id and status of every flow the run touched."""
    result, entries, calls = outcome.result, outcome.entries, outcome.calls
    touched = sorted({*result.done, *(failure.key for failure in result.failed)})
    return {
        "format_version": FORMAT_VERSION,
        "env": outcome.plan.env,
        "ok": result.ok,
        "changes": len(outcome.plan.pending()),
        "done": sorted(result.done),
        "failed": [
            {
                "key": failure.key,
                "message": failure.message,
                "problems": [problem_dict(p) for p in failure.problems],
            }
            for failure in sorted(result.failed, key=lambda f: f.key)
        ],
        "not_started": sorted(result.skipped),
        "stopped": result.stopped or None,
        "calls": {"total": calls.total, "writes": calls.writes} if calls else None,
        "flows": {
            key: {"flow_id": entries[key].flow_id, "status": entries[key].status}
            for key in touched
            if key in entries
        },
    }


REPORTERS: dict[str, Reporter] = {"text": render_text, "json": render_json}

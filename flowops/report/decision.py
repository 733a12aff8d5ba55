"""``flowops resolve`` output: a runtime decision, text for people, JSON for programs."""

from __future__ import annotations

import json
from collections.abc import Sequence

from flowops.report.result import Reporter, Result
from flowops.runtime import Check, Decision, Resolution


def render_text(decision: Decision, source: str, notes: Sequence[str] = ()) -> str:
    lines = [_headline(decision)]
    for check in decision.checks:
        lines.extend(_check_lines(check))
    lines.extend(f"  warning: {warning}" for warning in decision.warnings)
    lines.extend(f"  note: {note}" for note in notes)
    lines.append(f"  (from {source})")
    return "\n".join(lines) + "\n"


def render_json(decision: Decision, source: str, env: str, notes: Sequence[str] = ()) -> str:
    data = {**decision.to_dict(), "environment": env, "source": source, "notes": list(notes)}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _headline(decision: Decision) -> str:
    name = decision.traditional_flow
    if not isinstance(decision, Resolution):
        return f"{name} → fallback to the traditional flow: {decision.reason}"
    screen = (
        f"entry screen {decision.entry_screen}"
        if decision.entry_screen
        else "entry screen not recorded (Meta opens the first screen)"
    )
    line = f"{name} → WhatsApp Flow {decision.name!r} (id {decision.flow_id}), {screen}"
    return f"{line}\n  ! {decision.reason}" if decision.throttled else line


def _check_lines(check: Check) -> list[str]:
    mark = "✓" if check.ok else "✗"
    head = f"  {mark} {check.name}: {check.detail}" if check.detail else f"  {mark} {check.name}"
    if check.ok or not check.fix:
        return [head]
    return [head, f"      fix: {check.fix}"]


def _text(result: Result) -> str:
    where = f"{result.extras['source']}, environment {result.extras['env']}"
    return render_text(result.value, where, result.extras["notes"])


def _json(result: Result) -> str:
    extras = result.extras
    return render_json(result.value, extras["source"], extras["env"], extras["notes"])


REPORTERS: dict[str, Reporter] = {"text": _text, "json": _json}

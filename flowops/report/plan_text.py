"""Terraform-like text: one block per changed flow, reasons, per-screen diff, summary."""

from __future__ import annotations

from typing import Any

from flowops.report.common import (
    COLOURS,
    budget_note,
    deferred,
    headline,
    irreversible_note,
    noted,
    pending,
    summary_line,
    warning_lines,
)


def render_text(plan: dict[str, Any], *, color: bool = False) -> str:
    lines = [_title(plan), ""]
    warnings = warning_lines(plan)
    if warnings:
        lines += [f"Warnings ({len(plan['warnings'])}):"] + [f"  ! {w}" for w in warnings] + [""]
    for change in pending(plan) + noted(plan):
        lines += _block(change, color)
    for change in deferred(plan):
        lines += _block(change, color, diff=False)
    lines.append(summary_line(plan))
    lines += [note for note in [budget_note(plan)] if note]
    return "\n".join(lines) + "\n"


def _title(plan: dict[str, Any]) -> str:
    how = (
        f"refreshed from Meta with {plan['read_calls']} read call(s)"
        if plan["refreshed"]
        else "from the lock only: --no-refresh"
    )
    return f"flowops plan for environment '{plan['env']}' ({how})"


def _block(change: dict[str, Any], color: bool, diff: bool = True) -> list[str]:
    head = headline(change)
    note = irreversible_note(change)
    if note:
        head += f"  ⚠ {note}"
    lines = [_paint(head, color)]
    lines += [f"    {reason}" for reason in change["reasons"]]
    if diff:
        bare = [s["screen"] for s in change["screens"] if not s["diff"]]
        if bare:
            lines.append(f"    screens: {', '.join(bare)}")
        for screen in (s for s in change["screens"] if s["diff"]):
            lines.append(f"    screen {screen['screen']} ({screen['kind']}):")
            lines += [
                _paint_diff(f"      {line}", line, color) for line in screen["diff"].splitlines()
            ]
    lines.append("")
    return lines


def _paint(text: str, color: bool) -> str:
    code = COLOURS.get(text[:1], "0")
    return f"\x1b[{code}m{text}\x1b[0m" if color and code != "0" else text


def _paint_diff(text: str, line: str, color: bool) -> str:
    if not color or line.startswith(("+++", "---")):
        return text
    code = {"+": "32", "-": "31", "@": "36"}.get(line[:1])
    return f"\x1b[{code}m{text}\x1b[0m" if code else text

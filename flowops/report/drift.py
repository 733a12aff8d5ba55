"""``flowops drift`` output: text for people, markdown for the drift issue, json for tools."""

from __future__ import annotations

import json

from flowops.drift import GIT, META, UNMANAGED, DriftItem, DriftReport
from flowops.report.result import Reporter

TITLES = {
    META: "Changed on Meta outside flowops",
    GIT: "Not applied yet (git is ahead of flows.lock)",
    UNMANAGED: "On Meta but not managed by flowops (for information)",
}
ADVICE = {
    META: "The next `flowops apply` puts git's version back (git wins). To keep Meta's "
    "change instead, copy it into git first.",
    GIT: "Run `flowops plan` to review and `flowops apply` to apply.",
    UNMANAGED: "To manage one, run `flowops import NAME`; otherwise ignore it.",
}


def headline(report: DriftReport) -> str:
    meta, git, stray = (len(report.on(side)) for side in (META, GIT, UNMANAGED))
    if not report.drifted:
        line = f"No drift in {report.env}: Meta, flows.lock and git agree."
    else:
        line = (
            f"Drift in {report.env}: {meta} change(s) on Meta outside flowops, "
            f"{git} change(s) in git not applied yet."
        )
    return line + (f" {stray} unmanaged flow(s) on Meta." if stray else "")


def _label(item: DriftItem) -> str:
    who = item.key or f"'{item.name}'"
    return f"{who} (flow {item.flow_id})" if item.flow_id else who


def render_text(report: DriftReport) -> str:
    lines = [headline(report)]
    for side in (META, GIT, UNMANAGED):
        items = report.on(side)
        if items:
            lines += ["", f"{TITLES[side]}:"]
            lines += [f"  {_label(i)}: {i.detail}" for i in items]
            lines.append(f"  → {ADVICE[side]}")
    return "\n".join(lines) + "\n"


def render_markdown(report: DriftReport) -> str:
    lines = [f"### flowops drift · `{report.env}`", "", f"**{headline(report)}**"]
    for side in (META, GIT, UNMANAGED):
        items = report.on(side)
        if items:
            lines += ["", f"#### {TITLES[side]}", "", "| flow | what | details |", "|---|---|---|"]
            lines += [f"| {_md(_label(i))} | {i.kind} | {_md(i.detail)} |" for i in items]
            lines += ["", ADVICE[side]]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def render_json(report: DriftReport) -> str:
    return json.dumps(report.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


REPORTERS: dict[str, Reporter] = {
    "json": lambda result: render_json(result.value),
    "markdown": lambda result: render_markdown(result.value),
    "text": lambda result: render_text(result.value),
}

"""One PR comment: counts table, a <details> per flow, ⚠️ on irreversible actions.

Huge plans stay useful: the summary and the list of every changed flow are always kept;
diffs are cut first (then per-flow details) to stay under ``LIMIT`` characters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from flowops.report.common import (
    budget_note,
    deferred,
    deferred_note,
    headline,
    irreversible_note,
    label,
    noted,
    pending,
    summary_line,
    warning_lines,
)

LIMIT = 60_000
CUT_NOTE = (
    "✂️ {n} flow(s) shown without {what} to keep this comment under {limit:,} characters. "
    "The full plan: `flowops plan --format json --out plan.json` (the CI artifact)."
)


def render_markdown(
    plan: dict[str, Any],
    *,
    color: bool = False,
    limit: int = LIMIT,
    extras: Mapping[str, Mapping[str, str]] | None = None,
) -> str:
    """``extras[key]`` may add ``preview_url``/``preview_expires`` (always kept) and ``mermaid``
    (a diagram, cut like diffs when the comment is too long)."""
    head = _head(plan)
    changes = pending(plan) + deferred(plan) + noted(plan)
    budget = limit - len(head) - 400
    more = extras or {}
    full = [_details(c, diff=True, extra=more.get(c["key"], {})) for c in changes]
    short = [_details(c, diff=False, extra=more.get(c["key"], {})) for c in changes]
    body, cut = _fit(full, short, budget)
    note = CUT_NOTE.format(n=cut[1], what=cut[0], limit=limit) if cut[1] else ""
    return "\n".join(p for p in (head, body, note) if p) + "\n"


def _fit(full: list[str], short: list[str], budget: int) -> tuple[str, tuple[str, int]]:
    """Keep every flow's details with diffs if possible; else cut diffs, then details."""
    if sum(map(len, full)) <= budget:
        return "\n".join(full), ("", 0)
    spare = budget - sum(map(len, short))
    if spare < 0:
        kept = _prefix(short, budget)
        return "\n".join(kept), ("details", len(short) - len(kept))
    out, cut = [], 0
    for long, brief in zip(full, short, strict=True):
        grow = len(long) - len(brief)
        if grow <= spare:
            out.append(long)
            spare -= grow
        else:
            out.append(brief)
            cut += 1
    return "\n".join(out), ("diffs", cut)


def _prefix(parts: list[str], budget: int) -> list[str]:
    kept: list[str] = []
    size = 0
    for part in parts:
        if size + len(part) > budget:
            break
        kept.append(part)
        size += len(part)
    return kept


def _head(plan: dict[str, Any]) -> str:
    lines = [f"### flowops plan · `{plan['env']}`", "", f"**{summary_line(plan)}**", ""]
    warnings = warning_lines(plan)
    if warnings:
        lines += [f"⚠️ **Warnings ({len(plan['warnings'])}):**", ""]
        lines += [f"- {_esc(w)}" for w in warnings] + [""]
    note = budget_note(plan)
    if note:
        lines += [f"⏳ {note}", ""]
    counts = Counter(c["action"] for c in pending(plan))
    if counts:
        lines += ["| action | flows |", "|---|---:|"]
        lines += [f"| {a.replace('_', ' ')} | {n} |" for a, n in sorted(counts.items())]
        lines.append("")
    irreversible = [c for c in pending(plan) if c["irreversible"]]
    if irreversible:
        names = ", ".join(f"`{c['key']}` ({label(c)})" for c in irreversible)
        lines += [f"⚠️ **Irreversible:** {names}", ""]
    listed = pending(plan) + deferred(plan) + noted(plan)
    if listed:
        lines += ["Flows:", ""]
        lines += [
            f"- `{headline(c)}`"
            + (" ⚠️" if c["irreversible"] else "")
            + (f" _({deferred_note(c)})_" if c["deferred"] else "")
            for c in listed
        ]
        lines.append("")
    return "\n".join(lines)


def _details(change: dict[str, Any], *, diff: bool, extra: Mapping[str, str]) -> str:
    warn = " ⚠️" if change["irreversible"] else ""
    lines = [f"<details><summary><code>{_esc(headline(change))}</code>{warn}</summary>", ""]
    note = irreversible_note(change)
    if note:
        lines += [f"⚠️ {note}", ""]
    lines += [f"- {_esc(r)}" for r in change["reasons"]]
    lines += _extra_lines(extra, diff)
    bare = [s["screen"] for s in change["screens"] if not s["diff"]]
    if bare:
        lines += ["", f"Screens: {_esc(', '.join(bare))}"]
    if diff:
        for screen in (s for s in change["screens"] if s["diff"]):
            lines += [
                "",
                f"Screen `{screen['screen']}` ({screen['kind']}):",
                "",
                "```diff",
                screen["diff"].replace("```", "`\u200b``"),
                "```",
            ]
    elif any(s["diff"] for s in change["screens"]):
        names = ", ".join(s["screen"] for s in change["screens"] if s["diff"])
        lines += ["", f"Screens changed: {_esc(names)} (diff cut)"]
    lines += ["", "</details>"]
    return "\n".join(lines)


def _extra_lines(extra: Mapping[str, str], diff: bool) -> list[str]:
    lines = []
    if extra.get("preview_url"):
        expires = (
            f" (link expires {extra['preview_expires']})" if extra.get("preview_expires") else ""
        )
        lines += ["", f"[Preview on WhatsApp]({extra['preview_url']}){expires}"]
    if extra.get("review"):
        lines += ["", _esc(extra["review"])]
    if diff and extra.get("mermaid"):
        lines += ["", "```mermaid", extra["mermaid"].rstrip("\n"), "```"]
    return lines


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""What every renderer shares: symbols, verbs, the summary line. Reads only the plan dict."""

from __future__ import annotations

from typing import Any

SYMBOLS = {
    "create": "+",
    "adopt": "←",
    "replace": "±",
    "edit_published": "~",
    "update_json": "~",
    "update_metadata": "~",
    "rename": "~",
    "publish": "↻",
    "link_only": "~",
    "deprecate": "-",
    "delete": "-",
    "forget": "-",
    "retire": "-",
    "noop": "=",
}

ColourName = str
COLOURS: dict[str, ColourName] = {
    "+": "32",
    "←": "36",
    "±": "35",
    "~": "33",
    "↻": "36",
    "-": "31",
    "=": "0",
}


def pending(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """The changes a person reviews (book-keeping of Meta's updated_at/status is not one)."""
    return [
        c
        for c in plan["changes"]
        if c["action"] != "noop" and not c["deferred"] and not c.get("bookkeeping")
    ]


def deferred(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in plan["changes"] if c["deferred"]]


def noted(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """Unchanged flows worth a line (e.g. protected flows removed from flows.yaml)."""
    return [c for c in plan["changes"] if c["action"] == "noop" and c["reasons"]]


def summary_line(plan: dict[str, Any]) -> str:
    counts = plan["summary"]
    if not plan["has_changes"]:
        line = "No changes. Meta matches git."
    else:
        line = (
            f"Plan: {counts['create']} to create, {counts['update']} to update, "
            f"{counts['deprecate']} to deprecate"
        )
        line += "".join(_extra_counts(counts)) + "."
    if counts["deferred"]:
        line += f" {counts['deferred']} would be pruned with --prune."
    if counts.get("retire_later"):
        line += f" {counts['retire_later']} replaced flow(s) stay live until a later apply."
    return line


def budget_note(plan: dict[str, Any]) -> str:
    """When apply needs more Graph calls than ``settings.max_calls`` allows one run."""
    calls = plan.get("calls") or {}
    if calls.get("runs", 1) <= 1:
        return ""
    return (
        f"Applying this needs {calls['total']} Graph API calls, more than settings.max_calls"
        f" ({calls['max_calls']}): `flowops apply` stops at the budget {calls['runs'] - 1}"
        f" time(s) and finishes on run {calls['runs']} (each run continues where the last"
        f" stopped), or set settings.max_calls: {calls['total']} in flows.yaml for one run."
    )


def deferred_note(change: dict[str, Any]) -> str:
    """Why a listed change is not applied now."""
    return "retired by a later apply" if change["action"] == "retire" else "needs --prune"


def warning_lines(plan: dict[str, Any], limit: int = 50) -> list[str]:
    """``flows.yaml:12:5: MANIFEST_… message (hint)`` per validation warning, at most ``limit``."""
    warnings = plan.get("warnings") or []
    lines = [_warning(w) for w in warnings[:limit]]
    if len(warnings) > limit:
        lines.append(f"… and {len(warnings) - limit} more (flowops validate lists them all)")
    return lines


def _warning(w: dict[str, Any]) -> str:
    where = f"{w['file']}:{w['line']}:{w['col']}" if w.get("line") else w["file"]
    hint = f" ({w['hint']})" if w.get("hint") else ""
    return f"{where}: {w['code']} {w['message']}{hint}"


def _extra_counts(counts: dict[str, int]) -> list[str]:
    """Deletes and lock-only drops, named only when the plan has some."""
    extra = []
    if counts.get("delete"):
        extra.append(f", {counts['delete']} to delete")
    if counts.get("forget"):
        extra.append(f", {counts['forget']} to drop from the lock")
    return extra


def label(change: dict[str, Any]) -> str:
    """``edit published``; an unchanged flow worth a line reads ``keep``."""
    return "keep" if change["action"] == "noop" else change["action"].replace("_", " ")


def headline(change: dict[str, Any]) -> str:
    """``+ create welcome (flow 123) ⚠ irreversible``"""
    symbol = SYMBOLS.get(change["action"], "?")
    text = f"{symbol} {label(change)} {change['key']}"
    ids = _ids(change)
    if ids:
        text += f" ({ids})"
    return text


def _ids(change: dict[str, Any]) -> str:
    before, after = change.get("before") or {}, change.get("after") or {}
    old, new = before.get("flow_id", ""), after.get("flow_id", "")
    parts = []
    if old and new and old != new:
        parts.append(f"flow {old} → {new}")
    elif old or new:
        parts.append(f"flow {old or new}")
    status = _status(before.get("status", ""), after.get("status", ""))
    if status:
        parts.append(status)
    return ", ".join(parts)


def _status(old: str, new: str) -> str:
    if old and new and old != new:
        return f"{old} → {new}"
    return new or old


def irreversible_note(change: dict[str, Any]) -> str:
    if not change["irreversible"]:
        return ""
    if change["action"] in ("deprecate", "retire"):
        return "irreversible: deprecation cannot be undone"
    if change["action"] == "replace":
        return "irreversible: publishes a new flow id; the old one is retired later"
    return "irreversible: publishes to users"

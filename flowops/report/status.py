"""``flowops status`` output: per flow, synced? published? linked? would the runtime use it?"""

from __future__ import annotations

import json

from flowops.drift import StatusRow
from flowops.report.result import Reporter, Result

_YES = {True: "yes", False: "no", None: "unknown"}


def render_text(result: Result) -> str:
    rows = "\n".join(_text(row) for row in result.value) or "No flows."
    return f"{_header(result)}\n\n{rows}\n"


def _header(result: Result) -> str:
    """Which environment, and where the answers come from (as plan's first line says)."""
    lock, refreshed = result.extras.get("lock", "the lock file"), result.extras.get("refreshed")
    source = f"{lock} and Meta" if refreshed else f"{lock} (--refresh also reads Meta)"
    return f"flowops status for environment '{result.extras['env']}' (from {source})"


def render_json(result: Result) -> str:
    flows = [row.to_dict() for row in result.value]
    body = {"format_version": 1, "env": result.extras["env"], "flows": flows}
    body["refreshed"] = bool(result.extras.get("refreshed"))
    return json.dumps(body, indent=2) + "\n"


def _text(row: StatusRow) -> str:
    lines = [
        f"{row.key}  [{row.status}]  flow id {row.flow_id or '-'}  name {row.name}",
        f"    linked to: {_link(row)}; active: {_YES[row.active]}",
        f"    in sync with git: {_sync(row)}",
        f"    runtime would use it: {_YES[row.usable]}, because {row.because}"
        + ("  ⚠" if row.flagged else ""),
    ]
    if row.can_send_message is not None:
        lines.append(f"    can send messages (Meta's health_status): {row.can_send_message}")
        lines += [f"      {problem}" for problem in row.health_problems]
    lines += [
        f"    pending deprecation: {r['flow_id']} ({r['name']}), replaced on {r['since']}; "
        "live for bots not yet given the new lock, retired by a later apply "
        "(settings.retire_after_hours)"
        for r in row.retiring
    ]
    return "\n".join(lines)


def _link(row: StatusRow) -> str:
    if not row.linked_to:
        return "(none)"
    if row.link_exists is None:
        return row.linked_to
    where = "in" if row.link_exists else "NOT in"
    return f"{row.linked_to} ({where} the traditional flow catalogue)"


def _sync(row: StatusRow) -> str:
    if not row.in_manifest:
        return "no; not in flows.yaml any more (`flowops plan --prune` shows its removal)"
    if not row.flow_id:
        return "no; not applied yet (run `flowops apply`)"
    if row.differs:
        return f"no; changed in git: {', '.join(row.differs)} (run `flowops plan`)"
    return "yes"


REPORTERS: dict[str, Reporter] = {"text": render_text, "json": render_json}

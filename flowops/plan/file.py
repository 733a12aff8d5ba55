"""Saved plans: ``flowops plan --out FILE`` writes one, ``flowops apply FILE`` reads it."""

from __future__ import annotations

import json
from pathlib import Path

from flowops.errors import FlowopsError, StalePlanError
from flowops.plan.model import FORMAT_VERSION, Plan


def saved_plan(plan_file: Path | None, env: str, selecting: bool) -> Plan | None:
    """A saved plan is applied exactly: it fixes the environment and the selection."""
    if plan_file is None:
        return None
    if selecting:
        raise FlowopsError(
            "--flow, --publish, --force and --prune cannot change a saved plan",
            hint=f"pass them to `flowops plan --out FILE`, or apply {plan_file} as it is",
        )
    saved = load_plan(plan_file)
    if env not in ("local", saved.env):
        raise StalePlanError(
            f"{plan_file} is a plan for environment '{saved.env}', not '{env}'",
            hint="run `flowops plan --env ENV --out FILE` for that environment",
        )
    return saved


def load_plan(path: Path) -> Plan:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        version = data.get("format_version") if isinstance(data, dict) else None
        if version is None:
            raise ValueError("no format_version")
        if version != FORMAT_VERSION:
            raise ValueError(f"format_version {version}; this flowops reads {FORMAT_VERSION}")
        return Plan.from_dict(data)
    except OSError as exc:
        raise FlowopsError(f"{path}: cannot read the plan ({exc.strerror})") from None
    except (ValueError, KeyError, TypeError) as exc:
        why = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
        raise StalePlanError(
            f"{path}: not a flowops plan ({why})",
            hint="save one with `flowops plan --out FILE` using this flowops",
        ) from None


def save_plan(out: Path, data: dict[str, object]) -> None:
    try:
        out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise FlowopsError(
            f"{out}: cannot save the plan ({exc.strerror})",
            hint="pick a path in an existing, writable folder",
        ) from None

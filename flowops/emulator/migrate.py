"""``POST /{dest_waba_id}/migrate_flows``: copies of another WABA's flows, as Meta makes them.

Copies keep their names and get new ids; copies of published flows are published, the
rest are drafts; a name already taken in the destination, or not found in the source,
fails that flow only. The emulator treats every WABA as owned by the same business.
"""

from __future__ import annotations

from typing import Any

from flowops.emulator import errors
from flowops.emulator.flow import EmuFlow
from flowops.emulator.model import FlowsModel

MAX_NAMES = 100
FAILED_CODE = "4233041"  # Meta's code for both failures it documents
NAME_TAKEN = "Flows Migration Error: Flow with the same name exists in destination WABA."
NOT_FOUND = "Flows Migration Error: Flow with this name was not found in source WABA."


def migrate(
    model: FlowsModel, dest: str, source: str, names: list[str] | None
) -> dict[str, list[dict[str, Any]]]:
    if not source.isdigit() or source == dest:
        raise errors.invalid_parameter(
            "Invalid source WABA", "source_waba_id must be another WhatsApp Business Account."
        )
    if names is not None and len(names) > MAX_NAMES:
        raise errors.invalid_parameter(
            "Too many flows", f"At most {MAX_NAMES} flows can be migrated in one request."
        )
    chosen, failed = _choose(model.flows_of(source), names)
    migrated = []
    for flow in chosen:
        try:
            copy = model.migrated_copy(dest, flow)
        except errors.ApiError:
            failed.append(_failure(flow.name, NAME_TAKEN))
        else:
            ids = {"source_id": flow.id, "migrated_id": copy.id}
            migrated.append({"source_name": flow.name, **ids})
    return {"migrated_flows": migrated, "failed_flows": failed}


def _choose(
    flows: list[EmuFlow], names: list[str] | None
) -> tuple[list[EmuFlow], list[dict[str, Any]]]:
    """Oldest first (so copies list in the source's order); no names means every flow."""
    by_name = {f.name: f for f in flows}
    if not names:
        return sorted(flows, key=lambda f: f.seq), []
    chosen = [by_name[n] for n in dict.fromkeys(names) if n in by_name]
    return chosen, [_failure(n, NOT_FOUND) for n in dict.fromkeys(names) if n not in by_name]


def _failure(name: str, message: str) -> dict[str, Any]:
    return {"source_name": name, "error_code": FAILED_CODE, "error_message": message}

"""A navigate payload must match the target screen's data model (names and static types)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flowops.flowjson.findings import Finding, pointer_join
from flowops.flowjson.rules.data_model import json_type, matches
from flowops.flowjson.rules.facts import Act, Context, ScreenFacts
from flowops.problems import Severity

GLOBAL_REFS = (4, 0)
CODE = "INVALID_NAVIGATE_ACTION_PAYLOAD"


def check_payload(ctx: Context, act: Act, target: ScreenFacts, out: list[Finding]) -> None:
    raw = act.action.get("payload")
    payload: dict[str, Any] = raw if isinstance(raw, dict) else {}
    data = target.data
    if payload:
        if "data" not in target.screen:
            out.append(
                Finding(
                    f"{act.pointer}/payload",
                    CODE,
                    f"Screen '{target.sid}' declares no data model, so it cannot receive this "
                    "payload; add a `data` model to it or send an empty payload.",
                )
            )
            return
        if not _plainly_matching(payload, data):
            out.extend(_extra(payload, target, f"{act.pointer}/payload"))
    if len(payload) != len(data) or not payload.keys() <= data.keys():
        out.extend(_missing(ctx, payload, target, f"{act.pointer}/payload"))


def _plainly_matching(payload: dict[str, Any], data: dict[str, Any]) -> bool:
    """Every value is a `${…}` reference to a declared field (nothing for `_extra` to say)."""
    for key, value in payload.items():
        if type(value) is not str or "${" not in value or type(data.get(key)) is not dict:
            return False
    return True


def _extra(payload: dict[str, Any], target: ScreenFacts, ptr: str) -> Iterator[Finding]:
    for key, value in payload.items():
        field = target.data.get(key)
        at = pointer_join(ptr, key)
        if not isinstance(field, dict):
            yield Finding(
                at,
                CODE,
                f"'{key}' is not in the data model of screen '{target.sid}'; "
                "declare it there or remove it from the payload.",
                at_key=True,
            )
        elif not (isinstance(value, str) and "${" in value) and not matches(
            field.get("type"), value
        ):
            yield Finding(
                at,
                CODE,
                f"'{key}' is {json_type(value)} but screen '{target.sid}' declares it as "
                f"{field.get('type')}; send a value of the declared type.",
            )


def _missing(
    ctx: Context, payload: dict[str, Any], target: ScreenFacts, ptr: str
) -> Iterator[Finding]:
    missing = [k for k in target.data if k not in payload]
    if not missing or (not payload and ctx.version >= GLOBAL_REFS):
        return
    severity = Severity.WARNING if ctx.endpoint else Severity.ERROR
    yield Finding(
        ptr,
        CODE,
        f"Screen '{target.sid}' expects {', '.join(missing)} in the payload; "
        "add them or remove them from its data model.",
        severity=severity,
    )

"""A navigate payload must match the target screen's data model (names and static types)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flowops.flowjson.findings import Finding, pointer_join
from flowops.flowjson.rules.data_model import json_type, matches
from flowops.flowjson.rules.facts import Act, Context, ScreenFacts
from flowops.flowjson.rules.suggest import closest, listing
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
            meant = _extra(payload, target, f"{act.pointer}/payload", out)
            if meant:  # a misspelt key is reported once, not also as the missing one
                payload = {**payload, **dict.fromkeys(meant)}
    if len(payload) != len(data) or not payload.keys() <= data.keys():
        out.extend(_missing(ctx, payload, target, f"{act.pointer}/payload"))


def _plainly_matching(payload: dict[str, Any], data: dict[str, Any]) -> bool:
    """Every value is a `${…}` reference to a declared field (nothing for `_extra` to say)."""
    for key, value in payload.items():
        if type(value) is not str or "${" not in value or type(data.get(key)) is not dict:
            return False
    return True


def _extra(payload: dict[str, Any], target: ScreenFacts, ptr: str, out: list[Finding]) -> list[str]:
    """Keys the target does not declare or values of the wrong type; returns the declared
    names that misspelt keys were meant to be."""
    missing = [k for k in target.data if k not in payload]
    meant: list[str] = []
    for key, value in payload.items():
        field = target.data.get(key)
        at = pointer_join(ptr, key)
        if not isinstance(field, dict):
            guess = closest(key, [m for m in missing if m not in meant])
            meant.extend([guess] if guess else [])
            out.append(_undeclared(key, target, at, guess))
        elif not (isinstance(value, str) and "${" in value) and not matches(
            field.get("type"), value
        ):
            out.append(
                Finding(
                    at,
                    CODE,
                    f"'{key}' is {json_type(value)} but screen '{target.sid}' declares it "
                    f"as {field.get('type')}; send a value of the declared type.",
                )
            )
    return meant


def _undeclared(key: str, target: ScreenFacts, at: str, guess: str | None) -> Finding:
    if guess is not None:
        message = f"'{key}' is not in the data model of screen '{target.sid}'; "
        message += f"did you mean '{guess}'?"
        return Finding(at, CODE, message, hint=f"Rename the key to '{guess}'.", at_key=True)
    return Finding(
        at,
        CODE,
        f"'{key}' is not in the data model of screen '{target.sid}'; "
        "declare it there or remove it from the payload.",
        at_key=True,
    )


def _missing(
    ctx: Context, payload: dict[str, Any], target: ScreenFacts, ptr: str
) -> Iterator[Finding]:
    missing = [k for k in target.data if k not in payload]
    if not missing or (not payload and ctx.version >= GLOBAL_REFS):
        return
    severity = Severity.WARNING if ctx.endpoint else Severity.ERROR
    them = "them" if len(missing) > 1 else "it"
    yield Finding(
        ptr,
        CODE,
        f"Screen '{target.sid}' expects {listing(missing)} in the payload; "
        f"add {them} or remove {them} from its data model.",
        severity=severity,
    )

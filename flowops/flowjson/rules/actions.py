"""Action rules: complete, navigate targets, data_exchange needs an endpoint, pickers."""

from __future__ import annotations

from collections.abc import Iterator

from flowops.flowjson.findings import Finding, pointer_join
from flowops.flowjson.rules.facts import Act, Context, ScreenFacts
from flowops.flowjson.rules.payloads import check_payload
from flowops.flowjson.rules.pickers import check_pickers
from flowops.flowjson.rules.suggest import did_you_mean, listing
from flowops.problems import Severity


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for s in ctx.screens:
        for act in s.actions:
            name = act.action.get("name")
            if name == "navigate":
                _navigate(ctx, s, act, out)
            elif name == "complete":
                if not s.terminal:
                    out.append(_complete_not_terminal(act, s))
            elif name == "data_exchange":
                if not ctx.endpoint:
                    out.append(_exchange_without_endpoint(act))
            elif name == "update_data":
                out.extend(_update_data(s, act))
            if ctx.pickers and name in ("navigate", "complete", "data_exchange"):
                out.extend(check_pickers(ctx, s, act, name))
    return out


def _complete_not_terminal(act: Act, s: ScreenFacts) -> Finding:
    return Finding(
        f"{act.pointer}/name",
        "INVALID_COMPLETE_ACTION",
        f"The 'complete' action can only be used on a terminal screen; mark "
        f"'{s.sid}' as terminal or navigate to one.",
    )


def _exchange_without_endpoint(act: Act) -> Finding:
    return Finding(
        f"{act.pointer}/name",
        "MISSING_REQUIRED_PROPERTY",
        "The property 'data_api_version' is required for the data_exchange action; "
        "set data_api_version (and routing_model) or use navigate/complete.",
    )


def _navigate(ctx: Context, s: ScreenFacts, act: Act, out: list[Finding]) -> None:
    nxt = act.action.get("next")
    target_id = nxt.get("name") if isinstance(nxt, dict) else None
    if not isinstance(target_id, str):
        return
    target = ctx.by_id.get(target_id)
    if target is None:
        out.append(_unknown_target(ctx, act, target_id))
        return
    if target is s:
        out.append(
            Finding(
                f"{act.pointer}/next/name",
                "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
                f"Screen '{s.sid}' navigates to itself, which Meta rejects; pick another screen.",
            )
        )
    if s.terminal and act.ctype == "Footer":
        out.append(
            Finding(
                f"{act.pointer}/next/name",
                "NAVIGATE_ON_TERMINAL_FOOTER",
                f"The Footer of terminal screen '{s.sid}' navigates instead of completing; "
                "use 'complete' so the flow can end.",
                severity=Severity.WARNING,
            )
        )
    check_payload(ctx, act, target, out)


def _unknown_target(ctx: Context, act: Act, target_id: str) -> Finding:
    ids = [sid for sid in ctx.by_id]
    return Finding(
        f"{act.pointer}/next/name",
        "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
        f"Unknown screen id '{target_id}'{did_you_mean(target_id, ids)}",
        hint=f"Navigate to one of the flow's screen ids: {listing(ids)}.",
    )


def _update_data(s: ScreenFacts, act: Act) -> Iterator[Finding]:
    payload = act.action.get("payload")
    for key in payload if isinstance(payload, dict) else ():
        if key not in s.data:
            yield Finding(
                pointer_join(act.pointer, "payload", key),
                "INVALID_ACTION_PAYLOAD_PROPERTY",
                f"update_data can only set fields of this screen's data model, and '{key}' is "
                f"not one of them; declare it in the `data` of '{s.sid}'.",
                at_key=True,
            )

"""Screen-level rules: ids, terminal screens, success, endpoint-only keys.

The 100-screen limit is a plain `maxItems` in the schema (MAX_SCREENS_NUMBER), not here.
"""

from __future__ import annotations

from flowops.flowjson.findings import Finding, pointer_join
from flowops.flowjson.rules.facts import Context, ScreenFacts


def check(ctx: Context) -> list[Finding]:
    out = _ids(ctx)
    terminals = [s for s in ctx.screens if s.terminal]
    _terminals(ctx, terminals, out)
    _success(ctx, terminals, out)
    _endpoint_keys(ctx, out)
    return out


def _ids(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    seen: set[str] = set()
    for s in ctx.screens:
        sid = s.sid
        if sid is None:
            continue
        if sid in seen:
            out.append(
                Finding(
                    f"{s.pointer}/id",
                    "DUPLICATE_SCREEN_IDS",
                    f"Screen id '{sid}' is used by an earlier screen; give each screen its own id.",
                )
            )
        seen.add(sid)
        if sid.upper() == "SUCCESS":
            out.append(
                Finding(
                    f"{s.pointer}/id",
                    "SCREEN_ID_IS_RESERVED_KEYWORD",
                    f"Screen id '{sid}' is reserved by Meta for data_exchange; rename the screen.",
                )
            )
    return out


def _terminals(ctx: Context, terminals: list[ScreenFacts], out: list[Finding]) -> None:
    if ctx.screens and not terminals:
        out.append(
            Finding(
                "/screens",
                "MISSING_TERMINAL_SCREEN",
                'No screen has "terminal": true; mark the last screen of the flow as terminal.',
                at_key=True,
            )
        )
    for s in terminals:
        if not s.counts.get("Footer"):
            out.append(
                Finding(
                    pointer_join(s.pointer, "terminal"),
                    "MISSING_FOOTER_ON_TERMINAL_SCREEN",
                    f"Terminal screen '{s.sid}' has no Footer, so the user cannot finish the "
                    "flow; add a Footer with a complete action.",
                )
            )


def _success(ctx: Context, terminals: list[ScreenFacts], out: list[Finding]) -> None:
    for s in ctx.screens:
        if not s.terminal and "success" in s.screen:
            out.append(
                Finding(
                    f"{s.pointer}/success",
                    "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
                    "Property 'success' is only allowed on terminal screens; "
                    f"remove it from '{s.sid}'.",
                    at_key=True,
                )
            )
    for s in terminals:
        if s.screen.get("success") is not False:
            return
    if terminals:
        out.append(
            Finding(
                f"{terminals[0].pointer}/success",
                "INVALID_PROPERTY_VALUE",
                "At least one terminal screen must have 'success' true (the default); "
                "set it on the screen that ends the flow successfully.",
            )
        )


def _endpoint_keys(ctx: Context, out: list[Finding]) -> None:
    if not ctx.endpoint:
        for s in ctx.screens:
            if s.screen.get("refresh_on_back") is True:
                out.append(
                    Finding(
                        f"{s.pointer}/refresh_on_back",
                        "INVALID_PROPERTY_VALUE",
                        "'refresh_on_back' can be true only when 'data_api_version' is set; "
                        "remove it or connect the flow to an endpoint.",
                    )
                )
    elif "routing_model" not in ctx.doc:
        out.append(
            Finding(
                "/data_api_version",
                "MISSING_REQUIRED_PROPERTY",
                "The property 'routing_model' is required when 'data_api_version' is set; "
                "add a routing_model listing each screen's next screens.",
                at_key=True,
            )
        )

"""Screen-level rules: ids, terminal screens, success, endpoint-only keys.

The 100-screen limit is a plain `maxItems` in the schema (MAX_SCREENS_NUMBER), not here.
"""

from __future__ import annotations

from collections.abc import Iterator

from flowops.flowjson.findings import Finding, pointer_join
from flowops.flowjson.rules.facts import Context


def check(ctx: Context) -> Iterator[Finding]:
    yield from _ids(ctx)
    yield from _terminals(ctx)
    yield from _success(ctx)
    yield from _endpoint_keys(ctx)


def _ids(ctx: Context) -> Iterator[Finding]:
    seen: set[str] = set()
    for s in ctx.screens:
        if s.sid is None:
            continue
        ptr = f"{s.pointer}/id"
        if s.sid in seen:
            yield Finding(
                ptr,
                "DUPLICATE_SCREEN_IDS",
                f"Screen id '{s.sid}' is used by an earlier screen; give each screen its own id.",
            )
        seen.add(s.sid)
        if s.sid.upper() == "SUCCESS":
            yield Finding(
                ptr,
                "SCREEN_ID_IS_RESERVED_KEYWORD",
                f"Screen id '{s.sid}' is reserved by Meta for data_exchange; rename the screen.",
            )


def _terminals(ctx: Context) -> Iterator[Finding]:
    terminals = [s for s in ctx.screens if s.terminal]
    if ctx.screens and not terminals:
        yield Finding(
            "/screens",
            "MISSING_TERMINAL_SCREEN",
            'No screen has "terminal": true; mark the last screen of the flow as terminal.',
            at_key=True,
        )
    for s in terminals:
        if not s.counts.get("Footer"):
            yield Finding(
                pointer_join(s.pointer, "terminal"),
                "MISSING_FOOTER_ON_TERMINAL_SCREEN",
                f"Terminal screen '{s.sid}' has no Footer, so the user cannot finish the flow; "
                "add a Footer with a complete action.",
            )


def _success(ctx: Context) -> Iterator[Finding]:
    for s in ctx.screens:
        if "success" in s.screen and not s.terminal:
            yield Finding(
                f"{s.pointer}/success",
                "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
                "Property 'success' is only allowed on terminal screens; "
                f"remove it from '{s.sid}'.",
                at_key=True,
            )
    terminals = [s for s in ctx.screens if s.terminal]
    if terminals and all(s.screen.get("success") is False for s in terminals):
        yield Finding(
            f"{terminals[0].pointer}/success",
            "INVALID_PROPERTY_VALUE",
            "At least one terminal screen must have 'success' true (the default); "
            "set it on the screen that ends the flow successfully.",
        )


def _endpoint_keys(ctx: Context) -> Iterator[Finding]:
    for s in ctx.screens:
        if s.screen.get("refresh_on_back") is True and not ctx.endpoint:
            yield Finding(
                f"{s.pointer}/refresh_on_back",
                "INVALID_PROPERTY_VALUE",
                "'refresh_on_back' can be true only when 'data_api_version' is set; "
                "remove it or connect the flow to an endpoint.",
            )
    if ctx.endpoint and "routing_model" not in ctx.doc:
        yield Finding(
            "/data_api_version",
            "MISSING_REQUIRED_PROPERTY",
            "The property 'routing_model' is required when 'data_api_version' is set; "
            "add a routing_model listing each screen's next screens.",
            at_key=True,
        )

"""RichText placement: alone on its screen until 6.2; from 6.3 a Footer may join it."""

from __future__ import annotations

from flowops.flowjson.findings import Finding, Version
from flowops.flowjson.rules.facts import Comp, Context, ScreenFacts

WITH_FOOTER = (6, 3)
_CONTAINERS = frozenset({"Form", "If", "Switch"})  # their contents are judged instead
_ALONE = frozenset({"RichText"})
_WITH_FOOTER = frozenset({"RichText", "Footer"})


def allowed_with(version: Version) -> frozenset[str]:
    """Component types that may share a screen with a RichText (containers judged by content)."""
    return (_WITH_FOOTER if version >= WITH_FOOTER else _ALONE) | _CONTAINERS


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    allowed = allowed_with(ctx.version)
    for s in ctx.screens:
        if "RichText" in s.counts and not allowed.issuperset(s.counts):
            others = [c for c in s.comps if c.ctype not in allowed]
            out.append(_mixed(ctx, s, others[0]))
    return out


def _mixed(ctx: Context, s: ScreenFacts, other: Comp) -> Finding:
    if ctx.version >= WITH_FOOTER:
        rule = "RichText can share its screen only with a Footer"
        fix = "move this component to another screen"
    else:
        rule = "before Flow JSON 6.3, RichText must be the only component on its screen"
        fix = 'move this component to another screen, or use "version" 6.3+ to keep a Footer here'
    return Finding(
        f"{other.pointer}/type",
        "INVALID_PROPERTY_VALUE",
        f"{other.ctype} on screen '{s.sid}': {rule}; {fix}.",
    )

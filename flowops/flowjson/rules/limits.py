"""Per-screen and per-flow component caps (counted per rendering path, see walk)."""

from __future__ import annotations

from flowops.flowjson.findings import Finding
from flowops.flowjson.rules.facts import Comp, Context, ScreenFacts

CAPS: dict[str, tuple[int, str]] = {
    "Footer": (1, "MAX_FOOTER_PER_SCREEN"),
    "EmbeddedLink": (2, "MAX_EMBEDDED_LINK_PER_SCREEN"),
    "Image": (3, "MAX_IMAGE_PER_SCREEN"),
    "OptIn": (5, "MAX_OPT_IN_PER_SCREEN"),
    "PhotoPicker": (1, "MAX_PHOTO_PICKER_PER_SCREEN"),
    "DocumentPicker": (1, "MAX_DOCUMENT_PICKER_PER_SCREEN"),
    "NavigationList": (2, "MAX_NAVIGATION_LIST_PER_SCREEN"),
    "ImageCarousel": (2, "MAX_IMAGE_CAROUSEL_PER_SCREEN"),
}
MAX_COMPONENTS = 50
MAX_CAROUSELS_PER_FLOW = 3


def check(ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    carousels: list[Comp] = []
    for s in ctx.screens:
        counts = s.counts
        if not counts:
            continue
        if max(counts.values()) > 1 or sum(counts.values()) > MAX_COMPONENTS:
            found.extend(_caps(s))
        if "ImageCarousel" in counts:
            carousels.extend(c for c in s.comps if c.ctype == "ImageCarousel")
        if counts.get("PhotoPicker") and counts.get("DocumentPicker"):
            found.append(
                Finding(
                    _nth(s, "DocumentPicker", 0),
                    "INVALID_PROPERTY_VALUE",
                    "PhotoPicker and DocumentPicker cannot be on the same screen; "
                    "move one of them to another screen.",
                )
            )
    if len(carousels) > MAX_CAROUSELS_PER_FLOW:
        found.append(
            Finding(
                carousels[MAX_CAROUSELS_PER_FLOW].pointer,
                "MAX_IMAGE_CAROUSEL_PER_FLOW",
                f"A flow may have at most {MAX_CAROUSELS_PER_FLOW} ImageCarousel components "
                f"but this one has {len(carousels)}; remove some.",
            )
        )
    return found


def _caps(s: ScreenFacts) -> list[Finding]:
    """Every cap is at least 1, so only a screen with some type twice can break one."""
    found: list[Finding] = []
    total = 0
    for ctype, count in s.counts.items():
        total += count
        cap, code = CAPS.get(ctype, (count, ""))
        if count > cap:
            if ctype == "Footer" and any(c.in_branch for c in s.comps if c.ctype == ctype):
                code = "MORE_THAN_ONE_FOOTER"
            message = (
                f"At most {cap} {ctype} allowed per screen (counting If/Switch branches) "
                f"but screen '{s.sid}' has {count}; remove the extra ones."
            )
            found.append(Finding(_nth(s, ctype, cap), code, message))
    total -= sum(s.counts.get(t, 0) for t in ("If", "Switch", "Form"))
    if total > MAX_COMPONENTS and not _top_level_over(s):
        found.append(_too_many(s, total))
    return found


def _too_many(s: ScreenFacts, total: int) -> Finding:
    return Finding(
        f"{s.pointer}/layout/children",
        "MAX_COMPONENTS_PER_SCREEN",
        f"Screen '{s.sid}' has {total} components but at most {MAX_COMPONENTS} are "
        "allowed; split it into several screens.",
    )


def _nth(s: ScreenFacts, ctype: str, n: int) -> str:
    found = [c.pointer for c in s.comps if c.ctype == ctype]
    return found[min(n, len(found) - 1)]


def _top_level_over(s: ScreenFacts) -> bool:
    """The schema's `maxItems` already reports a top-level list over the limit."""
    layout = s.screen.get("layout")
    children = layout.get("children") if isinstance(layout, dict) else None
    return isinstance(children, list) and len(children) > MAX_COMPONENTS

"""Option and item lists written out in the Flow JSON: how many options a selection
component may have, and NavigationList's item restrictions (Components reference).

Lists bound to ``${data.x}`` are only known at run time and are not counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flowops.flowjson.findings import Finding
from flowops.flowjson.rules.facts import Comp, Context

OPTIONS: dict[str, tuple[int, int]] = {  # type -> (fewest, most) options
    "CheckboxGroup": (1, 20),
    "RadioButtonsGroup": (1, 20),
    "ChipsSelector": (2, 20),
    "Dropdown": (1, 200),
}
DROPDOWN_WITH_IMAGES = 100
MAX_TAGS, MAX_TAG_CHARS = 3, 15
VALUE = "INVALID_PROPERTY_VALUE"


def needs_check(ctype: str, node: dict[str, Any]) -> bool:
    """Whether ``check`` reports anything about this component's options."""
    source = node.get("data-source")
    if type(source) is not list:
        return False
    fewest, most = OPTIONS[ctype]
    if fewest <= len(source) <= min(most, DROPDOWN_WITH_IMAGES):
        return False  # fine whatever the options hold
    return _options_problem(ctype, source) != ""


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for s in ctx.screens:
        for comp in s.comps:
            if comp.ctype in OPTIONS and needs_check(comp.ctype, comp.node):
                message = _options_problem(comp.ctype, comp.node["data-source"])
                code = "MIN_ITEMS_REQUIRED" if "at least" in message else VALUE
                out.append(Finding(f"{comp.pointer}/data-source", code, message))
            elif comp.ctype == "NavigationList" and type(comp.node.get("list-items")) is list:
                out.extend(_navigation_items(comp))
    return out


def _options_problem(ctype: str, options: list[Any]) -> str:
    fewest, most = OPTIONS[ctype]
    if ctype == "Dropdown" and any(isinstance(o, dict) and "image" in o for o in options):
        most = DROPDOWN_WITH_IMAGES
    if len(options) < fewest:
        return f"{ctype} needs at least {fewest} options, not {len(options)}; add options."
    if len(options) > most:
        why = " when an option has an image" if most == DROPDOWN_WITH_IMAGES else ""
        return (
            f"{ctype} has {len(options)} options; at most {most} are allowed{why}. "
            "Remove some, or split them over several components."
        )
    return ""


def _navigation_items(comp: Comp) -> Iterator[Finding]:
    items = [(i, item) for i, item in enumerate(comp.node["list-items"]) if isinstance(item, dict)]
    ptr = f"{comp.pointer}/list-items"
    badges = [i for i, item in items if "badge" in item]
    if len(badges) > 1:
        yield Finding(
            f"{ptr}/{badges[1]}/badge",
            VALUE,
            "Only one item of a NavigationList may have a "
            "badge; remove the badge from all items but one.",
            at_key=True,
        )
    for i, item in items:
        yield from _item(comp, f"{ptr}/{i}", item)


def _item(comp: Comp, ptr: str, item: dict[str, Any]) -> Iterator[Finding]:
    tags = item.get("tags")
    if type(tags) is list and len(tags) > MAX_TAGS:
        yield Finding(
            f"{ptr}/tags",
            VALUE,
            f"A list item has at most {MAX_TAGS} tags, not {len(tags)}; remove some.",
        )
    for j, tag in enumerate(tags if type(tags) is list else ()):
        if type(tag) is str and len(tag) > MAX_TAG_CHARS and "${" not in tag:
            yield Finding(
                f"{ptr}/tags/{j}",
                VALUE,
                f"Tag is {len(tag)} characters; the limit is {MAX_TAG_CHARS}. Shorten it.",
            )
    if "on-click-action" in item and "on-click-action" in comp.node:
        yield Finding(
            f"{ptr}/on-click-action",
            VALUE,
            "on-click-action is set on the NavigationList and on this item; keep it in one place.",
            at_key=True,
        )
    if "on-click-action" not in item and "on-click-action" not in comp.node:
        yield Finding(
            ptr,
            "MISSING_REQUIRED_PROPERTY",
            "This item has no on-click-action and "
            "the NavigationList has none; add one to the list or to every item.",
        )
    if "end" in item and comp.node.get("media-size") == "large":
        yield Finding(
            f"{ptr}/end",
            VALUE,
            "'end' cannot be used when the NavigationList's "
            "media-size is large; remove one of them.",
            at_key=True,
        )

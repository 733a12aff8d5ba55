"""What the user taps to move on: EmbeddedLink, NavigationList and the Footer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flowops.screens.context import Ctx
from flowops.screens.markup import action_attr, attrs, esc
from flowops.screens.media import data_uri
from flowops.screens.refs import as_text

MAX_ITEMS = 20


def embedded_link(comp: Mapping[str, Any], ctx: Ctx) -> str:
    action = action_attr(comp.get("on-click-action"))
    return (
        f'<p class="embedded"><button type="button" class="link"{attrs(data_action=action)}>'
        f"{esc(ctx.text(comp, 'text'))}</button></p>"
    )


def navigation_list(comp: Mapping[str, Any], ctx: Ctx) -> str:
    found = ctx.value(comp, "list-items", [])
    items = [
        i for i in (found if isinstance(found, list) else [])[:MAX_ITEMS] if isinstance(i, Mapping)
    ]
    shared = comp.get("on-click-action")
    rows = "".join(_nav_item(i, shared, comp.get("media-size") == "large") for i in items)
    label, desc = ctx.text(comp, "label"), ctx.text(comp, "description")
    return (
        '<div class="navlist">'
        + (f'<p class="group-label">{esc(label)}</p>' if label else "")
        + (f'<p class="group-desc">{esc(desc)}</p>' if desc else "")
        + f'<div class="nav-items">{rows}</div></div>'
    )


def _nav_item(item: Mapping[str, Any], shared: Any, large: bool) -> str:
    action = action_attr(item.get("on-click-action") or shared)
    start = item.get("start")
    image = data_uri(start.get("image") if isinstance(start, Mapping) else None)
    picture = (
        f'<img class="nav-img{" large" if large else ""}" alt="" src="{image}">' if image else ""
    )
    badge = f'<span class="badge">{esc(item.get("badge"))}</span>' if item.get("badge") else ""
    tags = item.get("tags")
    tag_row = "".join(
        f'<span class="tag">{esc(as_text(t))}</span>'
        for t in (tags or [])[:3]
        if isinstance(tags, list)
    )
    data = attrs(data_action=action, data_item=item.get("id"))
    return (
        f'<button type="button" class="nav-item"{data}>'
        f'{picture}<span class="nav-main">{badge}{_lines(item.get("main-content"), "nav")}'
        f"{f'<span class=nav-tags>{tag_row}</span>' if tag_row else ''}</span>"
        f'{_lines(item.get("end"), "nav-end")}<span class="chevron-r"></span></button>'
    )


def _lines(part: Any, css: str) -> str:
    if not isinstance(part, Mapping):
        return ""
    spans = "".join(
        f'<span class="{css}-{key}">{esc(as_text(part.get(key)))}</span>'
        for key in ("title", "description", "metadata")
        if part.get(key) not in (None, "")
    )
    return f'<span class="{css}-lines">{spans}</span>'


def footer(comp: Mapping[str, Any], ctx: Ctx) -> str:
    """Collected, not placed: the page puts the Footer under the scrolling content."""
    ctx.footers.append(comp)
    return ""


def _action(comp: Mapping[str, Any]) -> str | None:
    return action_attr(comp.get("on-click-action"))


def footer_html(comp: Mapping[str, Any], ctx: Ctx) -> str:
    """Drawn after the rest: the button is disabled while a required field is empty."""
    off = ctx.value(comp, "enabled") is False
    captions = "".join(
        f'<span class="cap-{side}">{esc(ctx.text(comp, f"{side}-caption"))}</span>'
        for side in ("left", "center", "right")
        if comp.get(f"{side}-caption") not in (None, "")
    )
    button = (
        f"<button{attrs(type='button', class_='cta', data_action=_action(comp))}"
        f"{attrs(disabled=bool(ctx.missing) or off, data_off=off)}>"
        f"{esc(ctx.text(comp, 'label'))}</button>"
    )
    mark = ctx.marks.get(id(comp))
    css = f"footer mark mark-{mark}" if mark else "footer"
    row = f'<div class="captions">{captions}</div>' if captions else ""
    managed = '<p class="managed">Managed by the business. <span>Learn more</span></p>'
    return f'<footer class="{css}">{row}{button}{managed}</footer>'


RENDERERS = {
    "EmbeddedLink": embedded_link,
    "NavigationList": navigation_list,
    "Footer": footer,
}

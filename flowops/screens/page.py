"""A screen as WhatsApp's sheet, a phone around it, and the self-contained HTML page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flowops.screens.context import Ctx, parse_version
from flowops.screens.examples import entry_screen, scope_for
from flowops.screens.layout import children
from flowops.screens.links import footer_html
from flowops.screens.markup import attrs, esc
from flowops.screens.style import CSS

THEMES = ("light", "dark", "auto")
# Nothing leaves the page: images are data: URIs, styles and scripts are inline.
CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "script-src {script}; connect-src {connect}"
)


def sheet(
    doc: Any,
    screen: Mapping[str, Any],
    *,
    data: Mapping[str, Any] | None = None,
    forms: Mapping[str, Mapping[str, Any]] | None = None,
    marks: Mapping[int, str] | None = None,
) -> str:
    """One screen: title bar, its components in order, and the Footer under them."""
    ctx = Ctx(scope_for(doc, screen, data, forms), parse_version(doc), marks or {})
    layout = screen.get("layout")
    body = children(layout.get("children") if isinstance(layout, Mapping) else None, ctx)
    foot = footer_html(ctx.footers[0], ctx) if ctx.footers else ""
    ident = str(screen.get("id", ""))
    return (
        f'<section class="sheet"{attrs(data_screen=ident, data_terminal=_terminal(screen))}'
        f"{attrs(data_live=live_form_refs(screen))}>"
        f'{_bar(doc, screen, ctx)}<main class="content">{body}</main>{foot}</section>'
    )


ACTION_KEYS = ("on-click-action", "on-select-action", "on-unselect-action")


def live_form_refs(screen: Mapping[str, Any]) -> bool:
    """Whether what the screen shows depends on its own form (so it is redrawn on change)."""
    own = f"${{screen.{screen.get('id')}.form."
    return _mentions(screen.get("layout"), ("${form.", own), depth=0) or _mentions(
        screen.get("title"), ("${form.", own), depth=0
    )


def _mentions(value: Any, needles: tuple[str, ...], depth: int) -> bool:
    if depth > 40:
        return False
    if isinstance(value, str):
        return any(n in value for n in needles)
    if isinstance(value, Mapping):
        items = [v for k, v in value.items() if k not in ACTION_KEYS]
    else:
        items = value if isinstance(value, list) else []
    return any(_mentions(v, needles, depth + 1) for v in items)


def _terminal(screen: Mapping[str, Any]) -> bool:
    return screen.get("terminal") is True


def _bar(doc: Any, screen: Mapping[str, Any], ctx: Ctx) -> str:
    first = screen.get("id") == entry_screen(doc)
    icon, label = ("&#x2715;", "Close") if first else ("&#x2190;", "Back")
    mark = ctx.marks.get(id(screen))
    css = f"title mark mark-{mark}" if mark else "title"
    return (
        f'<header class="bar"><button type="button" class="nav" aria-label="{label}"'
        f"{attrs(data_back=not first)}>{icon}</button>"
        f'<h1 class="{css}">{esc(ctx.text(screen, "title"))}</h1>'
        '<span class="menu" aria-hidden="true">&#x22EE;</span></header>'
    )


def phone(sheet_html: str, caption: str = "") -> str:
    label = f'<p class="caption">{esc(caption)}</p>' if caption else ""
    return f'<figure class="shot">{label}<div class="phone">{sheet_html}</div></figure>'


def document(
    title: str,
    body: str,
    *,
    theme: str = "auto",
    script: str = "",
    extra_css: str = "",
    connect: bool = False,
) -> str:
    """A complete page with its CSS (and script) inline and a policy that blocks all loading."""
    policy = CSP.format(
        script="'unsafe-inline'" if script else "'none'",
        connect="'self'" if connect else "'none'",
    )
    js = f"<script>{script}</script>" if script else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en" data-theme="{esc(theme if theme in THEMES else "auto")}"><head>'
        f'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{esc(title)}</title><style>{CSS}{extra_css}</style></head>"
        f"<body>{body}{js}</body></html>\n"
    )

"""TextHeading, TextSubheading, TextBody, TextCaption and RichText."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from flowops.screens import markdown
from flowops.screens.context import Ctx
from flowops.screens.markup import esc, strings
from flowops.screens.values import text_of

WEIGHTS = {"bold": "w-bold", "italic": "w-italic", "bold_italic": "w-bold w-italic"}


def _lines(comp: Mapping[str, Any], ctx: Ctx) -> str:
    value = comp.get("text")
    if isinstance(value, list):
        return "\n".join(text_of(v, ctx.scope) for v in value)
    return strings(text_of(value, ctx.scope))


def heading(comp: Mapping[str, Any], ctx: Ctx) -> str:
    return f'<h2 class="t-heading">{esc(_lines(comp, ctx))}</h2>'


def subheading(comp: Mapping[str, Any], ctx: Ctx) -> str:
    return f'<h3 class="t-sub">{esc(_lines(comp, ctx))}</h3>'


def _styled(css: str) -> Callable[[Mapping[str, Any], Ctx], str]:
    def render(comp: Mapping[str, Any], ctx: Ctx) -> str:
        classes = [css, WEIGHTS.get(str(comp.get("font-weight")), "")]
        if ctx.value(comp, "strikethrough") is True:
            classes.append("strike")
        text = _lines(comp, ctx)
        body = markdown.render(text) if comp.get("markdown") is True else esc(text)
        tag = "div" if comp.get("markdown") is True else "p"
        return f'<{tag} class="{" ".join(c for c in classes if c)}">{body}</{tag}>'

    return render


def rich_text(comp: Mapping[str, Any], ctx: Ctx) -> str:
    return f'<div class="rich">{markdown.render(_lines(comp, ctx))}</div>'


RENDERERS = {
    "TextHeading": heading,
    "TextSubheading": subheading,
    "TextBody": _styled("t-body"),
    "TextCaption": _styled("t-caption"),
    "RichText": rich_text,
}

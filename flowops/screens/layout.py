"""Walks a screen's components in order: Form, If and Switch are evaluated, the rest drawn."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from flowops.screens import choices, fields, links, pictures, text
from flowops.screens.context import Ctx
from flowops.screens.expr import evaluate, truthy
from flowops.screens.markup import esc
from flowops.screens.refs import as_text

Renderer = Callable[[Mapping[str, Any], Ctx], str]
RENDERERS: dict[str, Renderer] = {
    **text.RENDERERS,
    **fields.RENDERERS,
    **choices.RENDERERS,
    **pictures.RENDERERS,
    **links.RENDERERS,
}
MAX_DEPTH = 8  # Meta allows If nesting of 3 inside a Form
SHAPE_ERRORS = (TypeError, ValueError, KeyError, IndexError, AttributeError)
MAX_DRAWN = 2000  # Meta allows 50 components per screen; If/Switch branches add some


def children(items: Any, ctx: Ctx, depth: int = 0) -> str:
    if not isinstance(items, list) or depth > MAX_DEPTH:
        return ""
    return "".join(component(c, ctx, depth) for c in items)


def component(comp: Any, ctx: Ctx, depth: int) -> str:
    ctx.drawn += 1
    if not isinstance(comp, Mapping) or ctx.drawn > MAX_DRAWN:
        return ""
    if ctx.value(comp, "visible") is False:
        return ""
    try:
        body = draw(comp, ctx, depth)
    except SHAPE_ERRORS:  # the drawers expect valid Flow JSON; `validate` says what is wrong
        body = unrenderable(comp)
    mark = ctx.marks.get(id(comp))
    return f'<div class="mark mark-{mark}">{body}</div>' if mark and body else body


def draw(comp: Mapping[str, Any], ctx: Ctx, depth: int) -> str:
    kind = comp.get("type")
    kind = kind if isinstance(kind, str) else ""  # a list or object names no component
    if kind in CONTAINERS:
        return CONTAINERS[kind](comp, ctx, depth + 1)
    return RENDERERS.get(kind, unknown)(comp, ctx)


def form(comp: Mapping[str, Any], ctx: Ctx, depth: int) -> str:
    for key, into in (("init-values", ctx.init), ("error-messages", ctx.errors)):
        found = ctx.value(comp, key, {})
        into.update(found if isinstance(found, Mapping) else {})
    return children(comp.get("children"), ctx, depth)


def if_(comp: Mapping[str, Any], ctx: Ctx, depth: int) -> str:
    condition = comp.get("condition")
    met = truthy(evaluate(condition, ctx.scope)) if isinstance(condition, str) else condition
    return children(comp.get("then") if met is True else comp.get("else"), ctx, depth)


def switch(comp: Mapping[str, Any], ctx: Ctx, depth: int) -> str:
    cases = comp.get("cases")
    if not isinstance(cases, Mapping):
        return ""
    return children(cases.get(as_text(ctx.value(comp, "value"))), ctx, depth)


def unknown(comp: Mapping[str, Any], ctx: Ctx) -> str:
    return f'<p class="unknown">Not drawn: component type {esc(as_text(comp.get("type")))}</p>'


def unrenderable(comp: Mapping[str, Any]) -> str:
    kind = esc(as_text(comp.get("type")))[:80]
    return (
        f'<p class="unknown">Unrenderable component {kind}: '
        "its members are not shaped as Flow JSON requires (run flowops validate)</p>"
    )


CONTAINERS: dict[str, Callable[[Mapping[str, Any], Ctx, int], str]] = {
    "Form": form,
    "If": if_,
    "Switch": switch,
}

"""Hints for a `${…}` reference that does not resolve: the likely intended name, or how
to write an expression. Only called on the error path."""

from __future__ import annotations

import re
from collections.abc import Sequence

from flowops.flowjson.rules.facts import Context, ScreenFacts
from flowops.flowjson.rules.suggest import closest, listing

EXPRESSIONS = (6, 0)
GLOBAL_REFS = (4, 0)
_OPERATOR = re.compile(r"==|!=|<=|>=|&&|\|\||[<>+*/%?!]|\s-\s")
_REFERENCE = re.compile(r"\b(?:data|form|screen)(?:\.[\w-]+)+")


def is_expression(parts: Sequence[str], expr: str) -> bool:
    """``data.x != ''``: operators around a reference, all inside one ``${…}``."""
    return not parts and bool(_REFERENCE.search(expr)) and bool(_OPERATOR.search(expr))


def explain(ctx: Context, s: ScreenFacts, expr: str, parts: Sequence[str]) -> str:
    if not parts:
        return _expression_hint(ctx, expr) if is_expression(parts, expr) else ""
    if parts[0] == "data" and len(parts) >= 2 and parts[1] not in s.data:
        return _data_hint(s, parts[1])
    if parts[0] == "form" and len(parts) == 2 and parts[1] not in s.names:
        return _form_hint(ctx, s, parts[1])
    if parts[0] == "screen" and len(parts) >= 2 and parts[1] not in ctx.by_id:
        guess = closest(parts[1], ctx.by_id)
        return f"Did you mean screen '{guess}'?" if guess else _screens(ctx)
    return ""


def _expression_hint(ctx: Context, expr: str) -> str:
    rewritten = _REFERENCE.sub(lambda m: "${" + m.group(0) + "}", expr)
    hint = f"Wrap expressions in backticks (Flow JSON 6.0+): `{rewritten}`"
    if ctx.version < EXPRESSIONS:
        return hint + '; this file needs "version" 6.0 or later for that.'
    return hint + "."


def _data_hint(s: ScreenFacts, name: str) -> str:
    guess = closest(name, s.data)
    if guess is not None:
        return f"Did you mean '${{data.{guess}}}'?"
    if not s.data:
        return f"Screen '{s.sid}' has no `data` model; declare '{name}' under its `data`."
    return f"Fields declared in the `data` of '{s.sid}': {listing(s.data)}."


def _form_hint(ctx: Context, s: ScreenFacts, name: str) -> str:
    guess = closest(name, s.names)
    if guess is not None:
        return f"Did you mean '${{form.{guess}}}'?"
    owner = next((o for o in ctx.screens if o is not s and name in o.names), None)
    if owner is None:
        return f"Components with a name on '{s.sid}': {listing(s.names)}."
    hint = (
        f"'{name}' is a component on screen '{owner.sid}': a screen reads only its own form; "
        f"send the value in the navigate payload to '{s.sid}' and read it as "
        f"'${{data.{name}}}' (declared in its `data`)"
    )
    if ctx.version >= GLOBAL_REFS:
        return hint + f", or read it directly as '${{screen.{owner.sid}.form.{name}}}'."
    return hint + "."


def _screens(ctx: Context) -> str:
    return f"Screens in this flow: {listing(ctx.by_id)}."

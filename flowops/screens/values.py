"""Component property values once references and backtick expressions are filled in.

A string that is exactly one reference resolves to the raw value (a list for a
``data-source``, a bool for ``visible``); references inside longer text become text;
a backtick string (Flow JSON 6.0+) is evaluated.
"""

from __future__ import annotations

from typing import Any

from flowops.screens.expr import evaluate
from flowops.screens.refs import MISSING, REF, Scope, as_text


def resolve(value: Any, scope: Scope) -> Any:
    if not isinstance(value, str) or ("$" not in value and "`" not in value):
        return value
    whole = REF.fullmatch(value.strip())
    if whole:
        found = scope.lookup(*whole.groups())
        return None if found is MISSING else found
    if len(value) > 2 and value.startswith("`") and value.endswith("`"):
        return evaluate(value[1:-1], scope, default=value)
    return REF.sub(lambda m: as_text(scope.lookup(*m.groups())), value)


def text_of(value: Any, scope: Scope) -> str:
    return as_text(resolve(value, scope))


def resolve_deep(value: Any, scope: Scope) -> Any:
    """An action payload with every reference filled in (what the bot or endpoint receives)."""
    if isinstance(value, dict):
        return {str(k): resolve_deep(v, scope) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve_deep(v, scope) for v in value]
    return resolve(value, scope)

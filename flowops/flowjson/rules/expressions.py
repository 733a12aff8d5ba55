"""Finding `${…}` references in strings (plain values and backtick expressions alike)."""

from __future__ import annotations

import re

_REF = re.compile(r"\$\{([^}]*)\}")
_PATH = re.compile(r"[\w-]+(?:\.[\w-]+)+")

# (expression, dotted parts or [] when not a plain dotted path, whole string is just it)
Expr = tuple[str, list[str], bool]


def refs_in(text: str) -> list[Expr]:
    if text.startswith("${") and text.find("}") == len(text) - 1:  # the common "${a.b}"
        expr = text[2:-1].strip()
        return [(expr, expr.split(".") if _PATH.fullmatch(expr) else [], True)]
    whole_text = text.strip()
    out = []
    for match in _REF.finditer(text):
        expr = match.group(1).strip()
        parts = expr.split(".") if _PATH.fullmatch(expr) else []
        out.append((expr, parts, whole_text == match.group(0)))
    return out

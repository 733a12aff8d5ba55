"""Finding `${…}` references in strings (plain values and backtick expressions alike)."""

from __future__ import annotations

import re
from collections.abc import Iterator

_REF = re.compile(r"\$\{([^}]*)\}")


def refs_in(text: str) -> Iterator[tuple[str, list[str], bool]]:
    """Yield (expression, dotted parts, whole) for each `${…}`; `whole` = the string is just it."""
    whole_text = text.strip()
    for match in _REF.finditer(text):
        expr = match.group(1).strip()
        yield expr, expr.split("."), whole_text == match.group(0)


def is_path(parts: list[str]) -> bool:
    return all(p and p.replace("_", "").replace("-", "").isalnum() for p in parts)

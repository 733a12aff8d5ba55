"""Finding `${…}` references in strings (plain values and backtick expressions alike).

Parsed results are memoised by text: the same few references ("${form.name}") recur in
every flow, and parsing them again costs far more than a dictionary lookup.
"""

from __future__ import annotations

import re

_PATH = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_MEMO: dict[str, tuple[Expr, ...]] = {}
_MEMO_LIMIT = 20_000
_MEMO_MAX_TEXT = 200

# (expression, dotted parts or () when not a plain dotted path, whole string is just it)
Expr = tuple[str, tuple[str, ...], bool]


def refs_in(text: str) -> tuple[Expr, ...]:
    found = _MEMO.get(text)
    if found is None:
        found = _parse(text)
        if len(text) <= _MEMO_MAX_TEXT:
            if len(_MEMO) >= _MEMO_LIMIT:
                _MEMO.clear()
            _MEMO[text] = found
    return found


def _parse(text: str) -> tuple[Expr, ...]:
    whole_text = text.strip()
    out = []
    for start, end in _spans(text):
        expr = text[start + 2 : end].strip()
        parts = tuple(expr.split(".")) if _PATH.fullmatch(expr) else ()
        out.append((expr, parts, whole_text == text[start : end + 1]))
    return tuple(out)


def _spans(text: str) -> list[tuple[int, int]]:
    """``(start of "${", index of "}")`` of each reference, as ``\\$\\{([^}]*)\\}`` would
    find them, in linear time: that regex retries every ``${`` of ``"${${${…"`` to the end
    of the text, which is quadratic."""
    spans = []
    start = text.find("${")
    while start >= 0:
        end = text.find("}", start + 2)
        if end < 0:
            break  # no later "${" can close either
        spans.append((start, end))
        start = text.find("${", end + 1)
    return spans

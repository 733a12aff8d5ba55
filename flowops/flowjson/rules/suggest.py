"""Did-you-mean suggestions for names a flow refers to (screen ids, fields, components)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option ``word`` was most likely meant to be: same letters in another case first,
    then the nearest spelling (difflib), else None."""
    choices = [o for o in options if o != word]
    folded = word.casefold()
    for option in choices:
        if option.casefold() == folded:
            return option
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """``"; did you mean 'X'?"`` or ``""``, to append to a message."""
    guess = closest(word, options)
    return f"; did you mean '{guess}'?" if guess is not None else ""


def listing(options: Iterable[str]) -> str:
    """``'A', 'B', 'C'`` (in the order given), or ``(none)``."""
    quoted = [f"'{o}'" for o in options]
    return ", ".join(quoted) if quoted else "(none)"

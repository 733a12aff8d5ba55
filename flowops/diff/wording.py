"""How plan reasons spell values: YAML/JSON style (``true``, ``null``, ``"text"``, ``["A"]``)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any


def show(value: Any) -> str:
    """``True`` → ``true``, ``None`` → ``null``, ``'x'`` → ``"x"``, tuples as lists."""
    if isinstance(value, tuple):
        value = list(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def changed_fields(
    names: Sequence[str], old: Mapping[str, Any], new: Mapping[str, Any]
) -> list[str]:
    """``['is_active: true → false', ...]`` for each named field whose value differs."""
    return [
        f"{n}: {show(old.get(n))} → {show(new.get(n))}"
        for n in names
        if n in old and n in new and old[n] != new[n]
    ]

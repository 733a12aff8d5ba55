"""Unique names for clones: ``<name><suffix>`` with the first free ``n``."""

from __future__ import annotations

from collections.abc import Container


def clone_name(base: str, suffix: str, taken: Container[str], start: int) -> str:
    n = max(start, 2)
    while (name := base + suffix.format(n=n)) in taken:
        n += 1
    return name

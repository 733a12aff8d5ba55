"""The traditional flows in the bot's database, and the old command's words about links."""

from __future__ import annotations

from flowops.contrib.django import conf

FOUND = "  Found traditional flow: {name}"
MISSING = (
    '  Warning: Traditional flow "{name}" not found. '
    "WhatsApp Flow will be created without flow_definition link."
)


def traditional_names() -> frozenset[str] | None:
    """The names ``FLOWOPS["TRADITIONAL_FLOWS"]`` returns; None when it is not set."""
    dotted = conf.get().traditional_flows
    if not dotted:
        return None
    return frozenset(str(name) for name in conf.import_callable(dotted)())


def link_message(name: str, known: frozenset[str] | None) -> tuple[str, bool]:
    """The old command's line for one link, and whether it is a warning."""
    if known is None or name in known:
        return FOUND.format(name=name), False
    return MISSING.format(name=name), True

"""Flow JSON drawn as WhatsApp draws it: self-contained HTML, offline, pure functions.

``flow_pages`` gives one page per screen (plus an overview), ``review_page`` the
before/after page of a change. Example values (``__example__``) stand in for data.
"""

from __future__ import annotations

from typing import Any

from flowops.screens.examples import find, screen_ids
from flowops.screens.page import THEMES, document, phone, sheet

__all__ = ["THEMES", "flow_pages", "screen_ids", "screen_page"]


def screen_page(doc: Any, screen_id: str, *, theme: str = "auto", title: str = "") -> str:
    screen = find(doc, screen_id)
    if screen is None:
        raise KeyError(screen_id)
    return document(
        f"{title} · {screen_id}" if title else screen_id, phone(sheet(doc, screen)), theme=theme
    )


def flow_pages(doc: Any, *, theme: str = "auto", title: str = "") -> dict[str, str]:
    """``{screen id: page}`` for every screen, and ``"index"``: all screens side by side."""
    pages = {sid: screen_page(doc, sid, theme=theme, title=title) for sid in screen_ids(doc)}
    shots = "".join(phone(sheet(doc, find(doc, sid) or {}), sid) for sid in screen_ids(doc))
    pages["index"] = document(title or "Flow", f'<div class="phones">{shots}</div>', theme=theme)
    return pages

"""The clickable local preview: a flow served on 127.0.0.1, stepped as WhatsApp's client would.

``session`` is the pure step logic (what an action leads to); ``server`` serves it with the
standard library's HTTP server; ``client.js`` is the page's own script.
"""

from __future__ import annotations

from flowops.preview.server import serve

__all__ = ["serve"]

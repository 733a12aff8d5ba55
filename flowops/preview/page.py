"""The preview page: the phone on the left, what the bot or endpoint receives on the right."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from flowops.screens.page import document

SCRIPT = resources.files("flowops.preview").joinpath("client.js").read_text(encoding="utf-8")
CSS = """
.preview{display:flex;gap:24px;padding:16px;align-items:flex-start;flex-wrap:wrap}
.panel{flex:1;min-width:300px;max-width:640px}.panel h2{font-size:16px;margin:8px 0}
.panel pre{background:var(--sheet);border:1px solid var(--line);border-radius:8px;padding:12px;
white-space:pre-wrap;word-break:break-word;font-size:13px}
.panel textarea{width:100%;font:13px monospace;background:var(--sheet);color:var(--text);
border:1px solid var(--line);border-radius:8px;padding:8px}
.panel button{margin-top:8px;padding:8px 16px;border:0;border-radius:18px;background:var(--cta);
color:var(--cta-text);font:inherit;cursor:pointer}
"""


def preview_page(title: str, first: dict[str, Any], theme: str) -> str:
    state = {"screen": first["screen"], "data": first["data"], "forms": {}, "files": {}}
    # "<" escaped so no text in the flow can close the script element early
    blob = json.dumps(state, ensure_ascii=False).replace("<", "\\u003c")
    body = (
        f'<div class="preview"><div class="phone">{first["html"]}</div>'
        '<aside id="panel" class="panel" aria-live="polite"></aside></div>'
        f'<script type="application/json" id="flow-state">{blob}</script>'
    )
    return document(
        f"{title} · preview", body, theme=theme, script=SCRIPT, extra_css=CSS, connect=True
    )

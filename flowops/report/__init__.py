"""Renderers of the plan dict: ``RENDERERS[name](plan_dict, color=...) -> str``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flowops.report.json import render_json
from flowops.report.markdown import render_markdown
from flowops.report.text import render_text

Renderer = Callable[..., str]

RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
}


def render(name: str, plan: dict[str, Any], *, color: bool = False) -> str:
    return RENDERERS[name](plan, color=color)

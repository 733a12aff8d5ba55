"""HTML building blocks. Every text and attribute from a Flow JSON goes through ``esc``."""

from __future__ import annotations

import html
import json
from typing import Any


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def attrs(**values: Any) -> str:
    """``data_x="1"`` style attributes; ``True`` gives a bare attribute, ``None``/``False`` none."""
    out = []
    for key, value in values.items():
        name = key.rstrip("_").replace("_", "-")
        if value is True:
            out.append(f" {name}")
        elif value is not None and value is not False:
            out.append(f' {name}="{esc(value)}"')
    return "".join(out)


def tag(name: str, body: str = "", **values: Any) -> str:
    return f"<{name}{attrs(**values)}>{body}</{name}>"


def action_attr(action: Any) -> str | None:
    """An action as a data attribute the preview page reads (``None`` when there is none)."""
    if not isinstance(action, dict):
        return None
    return json.dumps(action, ensure_ascii=False, sort_keys=True)


def strings(value: Any) -> str:
    """A text property that may be a list of lines (TextBody/RichText with markdown)."""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return "" if value is None else str(value)

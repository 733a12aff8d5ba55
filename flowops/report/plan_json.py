"""The versioned machine-readable plan (``{"format_version": 1, ...}``)."""

from __future__ import annotations

import json
from typing import Any


def render_json(plan: dict[str, Any], *, color: bool = False) -> str:
    return json.dumps(plan, indent=2, ensure_ascii=False) + "\n"

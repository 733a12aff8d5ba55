"""Start managing flows: `flowops init` (starter files) and `flowops import` (adopt from Meta)."""

from __future__ import annotations

from flowops.onboard.importer import ImportResult, import_flows, require_env
from flowops.onboard.select import check_selection
from flowops.onboard.starter import ScaffoldResult, default_branch, default_pip_spec, scaffold

__all__ = [
    "ImportResult",
    "ScaffoldResult",
    "check_selection",
    "default_branch",
    "default_pip_spec",
    "import_flows",
    "require_env",
    "scaffold",
]

"""Read-only comparisons of Meta, flows.lock and git: ``flowops drift`` and ``flowops status``."""

from __future__ import annotations

from flowops.drift.compare import detect
from flowops.drift.model import GIT, META, UNMANAGED, DriftItem, DriftReport
from flowops.drift.status import StatusRow, status_rows

__all__ = [
    "GIT",
    "META",
    "UNMANAGED",
    "DriftItem",
    "DriftReport",
    "StatusRow",
    "detect",
    "status_rows",
]

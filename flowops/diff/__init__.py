"""desired (git) + remote (Meta) + lock → ``Plan``. Pure: no calls, no disk."""

from __future__ import annotations

from flowops.diff.lockonly import link_changes
from flowops.diff.naming import clone_name
from flowops.diff.project import diff, make_plan
from flowops.diff.screens import TOP

__all__ = [
    "TOP",
    "clone_name",
    "diff",
    "link_changes",
    "make_plan",
]

"""Run a plan against Meta, one handler per action, recording every step in the lock."""

from __future__ import annotations

from flowops.apply.budget import CountingAPI
from flowops.apply.context import ApplyContext, Progress, StepHook
from flowops.apply.exclusive import apply_lock
from flowops.apply.run import ApplyResult, apply_plan

__all__ = [
    "ApplyContext",
    "ApplyResult",
    "CountingAPI",
    "Progress",
    "StepHook",
    "apply_lock",
    "apply_plan",
]

"""The plan as plain, frozen data: the model, the options that shape it, the saved-plan file.

Nothing here talks to Meta; ``diff`` builds a ``Plan``, ``report`` renders it, ``apply`` runs it.
"""

from __future__ import annotations

from flowops.plan.calls import CallEstimate, estimate
from flowops.plan.file import save_plan, saved_plan
from flowops.plan.model import FORMAT_VERSION, PRUNES, Action, Change, FlowState, Plan, ScreenDiff
from flowops.plan.options import PlanOptions, check_targets

__all__ = [
    "FORMAT_VERSION",
    "PRUNES",
    "Action",
    "CallEstimate",
    "Change",
    "FlowState",
    "Plan",
    "PlanOptions",
    "ScreenDiff",
    "check_targets",
    "estimate",
    "save_plan",
    "saved_plan",
]

"""What applying a plan costs in Graph calls, and how that fits ``settings.max_calls``.

The counts are docs/api-calls.md's, for Meta answering as documented (retries are not
counted; a refused in-place edit adds the calls of its fallback).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from flowops.plan.model import Action, Change

STEP_CALLS: dict[Action, int] = {
    Action.CREATE: 1,
    Action.ADOPT: 0,
    Action.UPDATE_JSON: 1,
    Action.UPDATE_METADATA: 1,
    Action.PUBLISH: 1,
    Action.REPLACE: 2,
    Action.LINK_ONLY: 0,
    Action.DEPRECATE: 1,
    Action.DELETE: 1,
    Action.FORGET: 0,
}
PAGE_SIZE = 100  # flows per page of the list edge, as flowops asks for them


def pages(flows: int) -> int:
    """Calls to list ``flows`` flows (an empty list is one call too)."""
    return max(1, -(-flows // PAGE_SIZE))


def reads_one_by_one(touched: int, managed: int) -> bool:
    """After the writes: a GET per changed flow when that is fewer calls than the list."""
    return touched < pages(managed)


def change_calls(change: Change) -> int:
    return sum(STEP_CALLS.get(step, 0) for step in change.steps)


@dataclass(frozen=True)
class CallEstimate:
    writes: int
    reads_after: int  # what apply reads after its writes to record Meta's updated_at
    max_calls: int | None

    @property
    def total(self) -> int:
        return self.writes + self.reads_after

    @property
    def reserve(self) -> int:
        """Calls kept from the writes so that the reads after them fit the budget too."""
        return 0 if self.max_calls is None else min(self.reads_after, self.max_calls - 1)

    @property
    def runs(self) -> int:
        """Runs of apply at ``max_calls``; each continues where the last one stopped."""
        if self.max_calls is None or self.total <= self.max_calls:
            return 1
        return self.runs_for(self.writes)

    def runs_for(self, writes: int) -> int:
        if self.max_calls is None:
            return 1
        return -(-writes // (self.max_calls - self.reserve))

    def to_dict(self) -> dict[str, Any]:
        return {
            "writes": self.writes,
            "reads_after": self.reads_after,
            "total": self.total,
            "max_calls": self.max_calls,
            "runs": self.runs,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CallEstimate:
        return cls(int(data["writes"]), int(data["reads_after"]), data.get("max_calls"))


def estimate(
    changes: Iterable[Change], managed: int, on_meta: int, max_calls: int | None
) -> CallEstimate:
    """``managed``: lock entries after the apply; ``on_meta``: flows on the WABA after it."""
    touched = [n for n in map(change_calls, changes) if n]
    if not touched:
        return CallEstimate(0, 0, max_calls)
    one_by_one = reads_one_by_one(len(touched), managed)
    return CallEstimate(sum(touched), len(touched) if one_by_one else pages(on_meta), max_calls)

"""What ``flowops drift`` found: one ``DriftItem`` per difference, grouped by side.

``META``: Meta differs from flows.lock (changed behind flowops' back). ``GIT``: git differs
from flows.lock (not applied yet). ``UNMANAGED``: on Meta, not managed (information only).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

META, GIT, UNMANAGED = "meta", "git", "unmanaged"


@dataclass(frozen=True)
class DriftItem:
    side: str  # META, GIT or UNMANAGED
    kind: str
    key: str
    flow_id: str
    name: str
    detail: str


@dataclass(frozen=True)
class DriftReport:
    env: str
    items: tuple[DriftItem, ...]

    @property
    def drifted(self) -> bool:
        return any(item.side != UNMANAGED for item in self.items)

    def on(self, side: str) -> list[DriftItem]:
        return [item for item in self.items if item.side == side]

    def to_dict(self) -> dict[str, Any]:
        return {
            "env": self.env,
            "drift": self.drifted,
            "items": [asdict(item) for item in self.items],
        }

"""Options that shape a plan (seed parity: --flow, --publish, --force; plus --prune)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from flowops.errors import FlowopsError


@dataclass(frozen=True)
class PlanOptions:
    prune: bool = False
    publish: bool = False  # publish targeted flows even where the manifest says publish: false
    force: bool = False  # re-upload and republish targeted flows even when unchanged
    targets: frozenset[str] | None = None  # --flow KEY …; None = every flow
    max_deprecations: int = 5
    clone_name_suffix: str = "__v{n}"
    retire_after_hours: int = 24  # a replaced flow stays live this long before it is retired
    # the command that publishes one flow, as plan reasons spell it (Django: manage.py …)
    publish_command: str = "flowops apply --flow {key} --publish"

    def targeted(self, key: str) -> bool:
        return self.targets is None or key in self.targets

    def to_dict(self) -> dict[str, object]:
        targets = sorted(self.targets) if self.targets is not None else None
        return {
            "prune": self.prune,
            "publish": self.publish,
            "force": self.force,
            "targets": targets,
        }


def check_targets(
    wanted: Iterable[str], known: Iterable[str], links: Mapping[str, str] | None = None
) -> frozenset[str] | None:
    """``--flow`` keys must name a flow in flows.yaml or the lock. ``links`` (flow key →
    the traditional flow it replaces) turns a traditional flow's name into its flow's key."""
    wanted = list(wanted)
    if not wanted:
        return None
    names = sorted(set(known))
    for key in wanted:
        if key not in names:
            raise FlowopsError(
                f"--flow {key}: no flow with that key", hint=_hint(key, names, links)
            )
    return frozenset(wanted)


def _hint(key: str, names: list[str], links: Mapping[str, str] | None) -> str:
    linked = sorted(k for k, name in (links or {}).items() if name == key)
    if linked:
        flows = " ".join(f"--flow {k}" for k in linked)
        return f"'{key}' is a traditional flow; the flow replacing it is: {flows}"
    close = difflib.get_close_matches(key, names, n=1)
    return f"did you mean '{close[0]}'?" if close else "see the keys in flows.yaml"

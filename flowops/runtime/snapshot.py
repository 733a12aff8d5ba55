"""An immutable index for one environment: traditional flow name → decision.

Building only groups the facts by traditional flow (cheap: a 10,000-flow snapshot loads in a
few tens of milliseconds); each group is decided the first time it is resolved and the
decision is memoised, so later lookups are a single dict ``get``. The memo is the only thing
that changes, and only by adding a value that is a pure function of immutable facts: two
threads racing on it compute equal answers, and dict assignment is atomic. The resolver swaps
in a new snapshot instead of changing one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter

from flowops.errors import LockfileError
from flowops.lock import Lock, LockEntry
from flowops.runtime.decision import apply_command, conflict_warnings, decide, not_linked
from flowops.runtime.outcome import Decision, Facts, is_facts_row


class Snapshot:
    """Decisions for one environment, plus the facts they come from (for export)."""

    __slots__ = ("_apply", "_decided", "_groups", "environment", "facts", "warnings")

    def __init__(
        self,
        environment: str,
        groups: dict[str, tuple[Facts, ...]],
        facts: tuple[Facts, ...],
        warnings: tuple[str, ...],
    ) -> None:
        self.environment = environment
        self.facts = facts
        self.warnings = warnings
        self._groups = groups
        self._decided: dict[str, Decision] = {}
        self._apply = apply_command(environment)

    def resolve(self, traditional: str) -> Decision:
        decision = self._decided.get(traditional)
        return self._decide(traditional) if decision is None else decision

    def _decide(self, traditional: str) -> Decision:
        group = self._groups.get(traditional)
        if group is None:
            return not_linked(traditional, self._apply)  # not memoised: unknown names are unbounded
        decision = decide(traditional, group, self._apply)
        self._decided[traditional] = decision
        return decision

    def traditional_flows(self) -> Iterator[str]:
        return iter(self._groups)

    def __len__(self) -> int:
        return len(self._groups)

    def __repr__(self) -> str:
        return f"Snapshot(environment={self.environment!r}, traditional_flows={len(self)})"


def build(environment: str, facts: Iterable[Facts], warnings: Iterable[str] = ()) -> Snapshot:
    """Sort and group the facts; warn about traditional flows with several active flows."""
    ordered = tuple(sorted(facts, key=lambda f: (f.traditional_flow, f.key)))
    groups: dict[str, tuple[Facts, ...]] = {}
    notes = list(warnings)
    for name, items in groupby(ordered, key=itemgetter(0)):
        groups[name] = group = tuple(items)
        if len(group) > 1:
            notes.extend(conflict_warnings(name, group))
    return Snapshot(environment, groups, ordered, tuple(notes))


def from_lock(lock: Lock, environment: str, source: str = "flows.lock") -> Snapshot:
    """Only entries linked to a traditional flow matter; reusable components are skipped."""
    entries = lock.environments.get(environment)
    if not entries:
        warning = f"{source} has no flows for environment {environment!r}; everything falls back"
        return build(environment, (), (warning,))
    return build(environment, _facts(entries.items(), environment, source))


def _facts(
    entries: Iterable[tuple[str, LockEntry]], environment: str, source: str
) -> Iterable[Facts]:
    for key, entry in entries:
        if entry.flow_definition_name in (None, ""):
            continue  # a reusable component
        facts = Facts(
            entry.flow_definition_name,
            key,
            entry.name,
            entry.flow_id,
            entry.entry_screen,
            entry.status,
            entry.ever_published,
            entry.is_active,
        )
        if not is_facts_row(facts):
            raise LockfileError(
                f"{source}: environments.{environment}.flows.{key} has a value of the wrong "
                "type (expected strings for names, ids and status, true/false for flags)",
                hint="restore it from git; flowops apply rewrites it",
            )
        yield facts

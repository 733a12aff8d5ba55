"""The rules: may a chatbot send this WhatsApp Flow instead of the traditional flow?

Usable = linked, ``is_active``, has a Meta flow id, and servable. Servable follows Meta's
lifecycle (fact sheet §2.1, §2.2): PUBLISHED; DRAFT that was published before (an edit in
progress — ``mode: "published"`` still delivers the last published version); THROTTLED (still
opens, but Meta caps sending at 10 messages/hour). Never DEPRECATED (terminal), BLOCKED (cannot
be sent or opened), or a draft that was never published (only ``mode: "draft"`` test sends).
"""

from __future__ import annotations

from collections.abc import Sequence

from flowops.meta import (
    BLOCKED,
    DEPRECATED,
    DRAFT,
    PUBLISHED,
    THROTTLED,
    THROTTLED_MESSAGES_PER_HOUR,
    servable,
)
from flowops.runtime.outcome import Check, Decision, Facts, Fallback, Resolution


def apply_command(environment: str) -> str:
    """How to apply flows.yaml to ``environment``, for the ``fix`` texts."""
    return f"flowops apply --env {environment}" if environment else "flowops apply"


def not_linked(traditional: str, apply: str = "flowops apply") -> Fallback:
    check = Check(
        "linked",
        False,
        f"no WhatsApp Flow is linked to {traditional!r}",
        f"set flow_definition_name: {traditional} on the flow that replaces it "
        f"in flows.yaml and run {apply}",
    )
    return Fallback(traditional, check.detail, (check,))


def decide(traditional: str, candidates: Sequence[Facts], apply: str = "flowops apply") -> Decision:
    """Decide for one traditional flow from every lock entry linked to it (any order)."""
    if not candidates:
        return not_linked(traditional, apply)
    if len(candidates) == 1:
        return _outcome(traditional, candidates[0], assess(candidates[0], apply), ())
    ordered = sorted(candidates, key=lambda facts: facts.key)
    warnings = conflict_warnings(traditional, ordered)
    assessed = [(facts, assess(facts, apply)) for facts in ordered]
    facts, checks = min(assessed, key=lambda pair: -_passed_prefix(pair[1]))
    return _outcome(traditional, facts, checks, warnings)


def _outcome(
    traditional: str, facts: Facts, checks: tuple[Check, ...], warnings: tuple[str, ...]
) -> Decision:
    failed = [check for check in checks if not check.ok]
    if failed:
        return Fallback(traditional, failed[0].detail, checks, facts.key, warnings)
    return _resolution(facts, checks, warnings)


def conflict_warnings(traditional: str, ordered: Sequence[Facts]) -> tuple[str, ...]:
    active = [facts.key for facts in ordered if facts.is_active]
    if len(active) < 2:
        return ()
    keys = ", ".join(active)
    return (
        f"{len(active)} active WhatsApp Flows are linked to {traditional!r} ({keys}); "
        f"the first usable one in key order is used. Keep one active (flowops validate "
        f"reports this).",
    )


def assess(facts: Facts, apply: str = "flowops apply") -> tuple[Check, ...]:
    """Every check for one candidate, evaluated independently so all failures show."""
    return (
        Check("linked", True, f"flow {facts.key!r} replaces {facts.traditional_flow}"),
        _active(facts, apply),
        _synced(facts, apply),
        _servable(facts, apply),
    )


def _passed_prefix(checks: tuple[Check, ...]) -> int:
    """How far a candidate got; the furthest one explains the fallback best."""
    passed = 0
    for check in checks:
        if not check.ok:
            break
        passed += 1
    return passed


_CAP = THROTTLED_MESSAGES_PER_HOUR

# Passing checks without per-flow text are shared: deciding 10,000 flows stays cheap.
ACTIVE = Check("active", True, "")
SERVABLE = {
    PUBLISHED: Check("servable", True, PUBLISHED),
    THROTTLED: Check("servable", True, f"THROTTLED: sending is capped at {_CAP} messages/hour"),
    DRAFT: Check("servable", True, "DRAFT with a published version (an edit is pending)"),
}


def _active(facts: Facts, apply: str) -> Check:
    if facts.is_active:
        return ACTIVE
    return Check(
        "active",
        False,
        f"flow {facts.key!r} is not active (is_active: false)",
        f"set is_active: true for {facts.key} in flows.yaml and run {apply}",
    )


def _synced(facts: Facts, apply: str) -> Check:
    if facts.flow_id:
        return Check("synced", True, f"Meta flow id {facts.flow_id}")
    return Check(
        "synced",
        False,
        f"flow {facts.key!r} has no Meta flow id in flows.lock",
        f"run {apply} to create it on Meta",
    )


def _servable(facts: Facts, apply: str) -> Check:
    if servable(facts.status, facts.ever_published):
        return SERVABLE[facts.status]
    return Check("servable", False, *_unservable(facts, apply))


def _unservable(facts: Facts, apply: str) -> tuple[str, str]:
    key, status = facts.key, facts.status
    if status == DRAFT:
        return (
            f"flow {key!r} was never published (DRAFT)",
            f"set publish: true for {key} and run {apply}",
        )
    if status == BLOCKED:
        return (
            f"flow {key!r} is BLOCKED by Meta: it cannot be sent or opened",
            "fix its endpoint (WhatsApp Manager shows its health); Meta unblocks it "
            f"automatically and the next {apply} records the new status",
        )
    if status == DEPRECATED:
        return (
            f"flow {key!r} is DEPRECATED and can never be sent again",
            f"link a new WhatsApp Flow to {facts.traditional_flow} in flows.yaml and run {apply}",
        )
    return (
        f"flow {key!r} has status {status!r}, unknown to this flowops",
        f"upgrade flowops, or run {apply} to refresh flows.lock",
    )


def _resolution(facts: Facts, checks: tuple[Check, ...], warnings: tuple[str, ...]) -> Resolution:
    throttled = facts.status == THROTTLED
    if throttled:
        reason = (
            f"flow {facts.key!r} is THROTTLED: Meta caps sending at {_CAP} messages/hour "
            "until its endpoint recovers"
        )
    elif facts.status == DRAFT:
        reason = f"flow {facts.key!r} has an unpublished edit; the last published version is sent"
    else:
        reason = f"flow {facts.key!r} is PUBLISHED"
    return Resolution(
        facts.traditional_flow,
        facts.key,
        facts.name,
        facts.flow_id,
        facts.entry_screen,
        facts.status,
        throttled,
        reason,
        checks,
        warnings,
    )

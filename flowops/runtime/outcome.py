"""What ``resolve`` answers: a usable WhatsApp Flow (``Resolution``) or why not (``Fallback``).

Both carry every check behind the answer, so a chatbot log or ``flowops resolve`` can say
exactly which condition failed and what to do about it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple, TypeAlias


class Facts(NamedTuple):
    """What the lock file says about one WhatsApp Flow linked to a traditional flow.

    A plain tuple on purpose: the snapshot file stores exactly these fields as a JSON array.
    """

    traditional_flow: str
    key: str
    name: str
    flow_id: str
    entry_screen: str | None
    status: str
    ever_published: bool
    is_active: bool


def is_facts_row(row: Any) -> bool:
    """True if ``row`` (a list from a snapshot file, or a ``Facts``) has the right types."""
    return (
        len(row) == 8
        and all(type(value) is str for value in row[:4])
        and (row[4] is None or type(row[4]) is str)
        and type(row[5]) is str
        and type(row[6]) is bool
        and type(row[7]) is bool
    )


@dataclass(frozen=True)
class Check:
    """One condition behind a decision; ``fix`` says what to do when it fails."""

    name: str
    ok: bool
    detail: str
    fix: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"check": self.name, "ok": self.ok, "detail": self.detail, "fix": self.fix}


@dataclass(frozen=True)
class Resolution:
    """Send WhatsApp Flow ``flow_id`` instead of ``traditional_flow``.

    ``throttled`` means Meta caps sending of this flow (10 messages/hour) until its endpoint
    recovers; the flow still works, so the caller decides whether to use it.
    """

    traditional_flow: str
    key: str
    name: str
    flow_id: str
    entry_screen: str | None
    status: str
    throttled: bool
    reason: str
    checks: tuple[Check, ...]
    warnings: tuple[str, ...] = ()

    @property
    def usable(self) -> bool:
        return True

    def to_dict(self) -> dict[str, Any]:
        return {
            "traditional_flow": self.traditional_flow,
            "decision": "whatsapp_flow",
            "key": self.key,
            "name": self.name,
            "flow_id": self.flow_id,
            "entry_screen": self.entry_screen,
            "status": self.status,
            "throttled": self.throttled,
            "reason": self.reason,
            "checks": [check.to_dict() for check in self.checks],
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class Fallback:
    """Run the traditional flow; ``reason`` is the first failed check, ``checks`` all of them.

    ``key`` is the WhatsApp Flow that was considered, or None when none is linked.
    """

    traditional_flow: str
    reason: str
    checks: tuple[Check, ...]
    key: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def usable(self) -> bool:
        return False

    @property
    def failed(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if not check.ok)

    def to_dict(self) -> dict[str, Any]:
        return {
            "traditional_flow": self.traditional_flow,
            "decision": "fallback",
            "key": self.key,
            "reason": self.reason,
            "checks": [check.to_dict() for check in self.checks],
            "warnings": list(self.warnings),
        }


Decision: TypeAlias = Resolution | Fallback

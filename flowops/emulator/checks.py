"""Meta's checks of flow metadata: unique names per WABA, known categories."""

from __future__ import annotations

from collections.abc import Iterable

from flowops.emulator import errors
from flowops.emulator.flow import EmuFlow
from flowops.meta import CATEGORIES, MAX_FLOW_NAME


def check_name(flows: Iterable[EmuFlow], waba_id: str, name: str, own_id: str | None) -> None:
    """Deleted drafts free their names; deprecated flows keep them (Meta: assumed)."""
    if not name or len(name) > MAX_FLOW_NAME or _lone_surrogate(name):
        raise errors.invalid_parameter("Invalid flow name", f"Use 1 to {MAX_FLOW_NAME} characters.")
    for other in flows:
        if other.waba_id == waba_id and other.name == name and other.id != own_id:
            raise errors.invalid_parameter(
                "Flow name is not unique",
                f"Flow name is not unique: '{name}' is used in this WhatsApp Business Account.",
            )


def _lone_surrogate(name: str) -> bool:
    """Half of a UTF-16 pair (``"\\ud800"`` in JSON): no UTF-8 text can hold it."""
    return any("\ud800" <= char <= "\udfff" for char in name)


def check_categories(categories: list[str]) -> None:
    if not categories:
        raise errors.invalid_parameter("Categories required", "Give at least one category.")
    unknown = [c for c in categories if c not in CATEGORIES]
    if unknown:
        raise errors.invalid_parameter(
            "Invalid category", f"Unknown categories {unknown}; use {', '.join(CATEGORIES)}."
        )

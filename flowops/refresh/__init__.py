"""Read both sides: what git wants (``DesiredFlow``) and what Meta holds (``RemoteState``)."""

from __future__ import annotations

from flowops.refresh.desired import DesiredFlow, load_desired, load_one
from flowops.refresh.meta import (
    RemoteState,
    download_all,
    fingerprint,
    from_lock,
    list_remote,
    refresh,
)

__all__ = [
    "DesiredFlow",
    "RemoteState",
    "download_all",
    "fingerprint",
    "from_lock",
    "list_remote",
    "load_desired",
    "load_one",
    "refresh",
]

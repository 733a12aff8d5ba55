"""The WABA and app nodes the emulator serves: stand-ins derived from their ids.

Meta answers these with the account's real name, time zone and template namespace; the
emulator makes them up, the same for the same id every time.
"""

from __future__ import annotations

import hashlib
from typing import Any

EMULATOR_APP_ID = "1000000000000001"  # the app a flow belongs to when none was attached
TIMEZONE_ID = "1"  # Meta's timezone id for America/Los_Angeles, its usual default
APP_LINK = "https://www.facebook.com/games/?app_id={id}"


def waba_node(waba_id: str) -> dict[str, Any]:
    return {
        "id": waba_id,
        "name": f"Emulated WABA {waba_id[-4:]}",
        "timezone_id": TIMEZONE_ID,
        "message_template_namespace": template_namespace(waba_id),
    }


def application_node(app_id: str | None) -> dict[str, Any]:
    if not app_id:
        return {"id": EMULATOR_APP_ID, "name": "flowops emulator", "link": _link(EMULATOR_APP_ID)}
    return {"id": app_id, "name": f"App {app_id}", "link": _link(app_id)}


def template_namespace(waba_id: str) -> str:
    """Shaped like Meta's: 32 hex digits in groups of 8_4_4_4_12."""
    digest = hashlib.sha256(f"namespace:{waba_id}".encode()).hexdigest()[:32]
    groups = (digest[:8], digest[8:12], digest[12:16], digest[16:20], digest[20:])
    return "_".join(groups)


def _link(app_id: str) -> str:
    return APP_LINK.format(id=app_id)

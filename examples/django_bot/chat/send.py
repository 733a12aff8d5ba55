"""Start a conversation: send the WhatsApp Flow that replaces a traditional flow, or fall back."""

import json
from typing import Any

from flowops.contrib.django import flow_token, resolve
from flowops.runtime import Resolution, build_flow_message


def start(traditional_flow: str, to: str) -> dict[str, Any]:
    """The body to POST to /{PHONE_NUMBER_ID}/messages, or the traditional flow to run."""
    decision = resolve(traditional_flow)
    if not isinstance(decision, Resolution):
        return {"fallback": traditional_flow, "reason": decision.reason}
    return build_flow_message(
        decision,
        to=to,
        cta="Start",
        body="Tap below to continue.",
        flow_token=flow_token(decision, context=to),
    )


def demo() -> None:
    for traditional in ("tour_inquiry_flow", "main_menu"):
        print(f"{traditional}: {json.dumps(start(traditional, to='15551234567'), indent=2)}")

"""Build the body of ``POST /{PHONE_NUMBER_ID}/messages`` that sends a resolved WhatsApp Flow.

Limits and their sources:
- ``flow_cta`` ≤ 30 characters: Meta "Sending a Flow" (developers.facebook.com/docs/whatsapp/
  flows/guides/sendingaflow) advises ≤ 30 and no emoji; older pages and SDKs say 20.
- body text ≤ 1024, header text ≤ 60, footer text ≤ 60: Meta Cloud API interactive message
  object (developers.facebook.com/docs/whatsapp/cloud-api/reference/messages).
- ``flow_message_version`` "3"; ``mode`` published|draft; ``flow_action`` navigate|
  data_exchange; ``flow_action_payload`` only with navigate, ``data`` a non-empty object
  when given: "Sending a Flow" parameters table.
A draft send of a PUBLISHED flow is allowed: Meta delivers the pending draft, for testing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from flowops.runtime.outcome import Resolution

CTA_MAX = 30
BODY_MAX = 1024
HEADER_MAX = 60
FOOTER_MAX = 60
MODES = ("published", "draft")
FLOW_ACTIONS = ("navigate", "data_exchange")


class FlowMessageError(ValueError):
    """The message would be rejected by Meta (or is missing something it needs)."""


def build_flow_message(
    resolution: Resolution,
    *,
    to: str,
    cta: str,
    body: str,
    flow_token: str | None = None,
    header: str | None = None,
    footer: str | None = None,
    mode: str = "published",
    flow_action: str = "navigate",
    screen: str | None = None,
    data: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """``screen`` defaults to the flow's entry screen; ``data`` is sent to that screen."""
    if not isinstance(resolution, Resolution):
        raise FlowMessageError(f"need a Resolution to send a flow, got {resolution!r}")
    parameters = _parameters(resolution, cta, flow_token, mode, flow_action)
    payload = _payload(resolution, flow_action, screen, data)
    if payload:
        parameters["flow_action_payload"] = payload
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": _text("to", to, None),
        "type": "interactive",
        "interactive": _interactive(header, body, footer, parameters),
    }


def _interactive(
    header: str | None, body: str, footer: str | None, parameters: dict[str, Any]
) -> dict[str, Any]:
    interactive: dict[str, Any] = {"type": "flow"}
    if header is not None:
        interactive["header"] = {"type": "text", "text": _text("header", header, HEADER_MAX)}
    interactive["body"] = {"text": _text("body", body, BODY_MAX)}
    if footer is not None:
        interactive["footer"] = {"text": _text("footer", footer, FOOTER_MAX)}
    interactive["action"] = {"name": "flow", "parameters": parameters}
    return interactive


def _text(field: str, value: object, limit: int | None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise FlowMessageError(f"{field} is required: a non-empty string, got {value!r}")
    if limit is not None and len(value) > limit:
        raise FlowMessageError(
            f"{field} is {len(value)} characters; WhatsApp allows at most {limit}"
        )
    return value


def _parameters(
    resolution: Resolution, cta: str, flow_token: str | None, mode: str, flow_action: str
) -> dict[str, Any]:
    _choice("mode", mode, MODES)
    _choice("flow_action", flow_action, FLOW_ACTIONS)
    parameters: dict[str, Any] = {
        "flow_message_version": "3",
        "flow_id": resolution.flow_id,
        "flow_cta": _text("cta", cta, CTA_MAX),
    }
    if flow_token is not None:
        parameters["flow_token"] = _text("flow_token", flow_token, None)
    parameters["mode"] = mode
    parameters["flow_action"] = flow_action
    return parameters


def _choice(field: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise FlowMessageError(f"{field} must be one of {', '.join(allowed)}, got {value!r}")


def _payload(
    resolution: Resolution, flow_action: str, screen: str | None, data: Mapping[str, Any] | None
) -> dict[str, Any]:
    if flow_action == "data_exchange":
        if screen is not None or data is not None:
            raise FlowMessageError(
                "data_exchange takes no screen or data: the flow's endpoint returns the first "
                "screen; use flow_action='navigate' to open a screen with data"
            )
        return {}
    target = screen if screen is not None else resolution.entry_screen
    if target is None:
        if data is not None:
            raise FlowMessageError(
                f"data needs a screen, and the entry screen of flow {resolution.key!r} is "
                "unknown; pass screen='SCREEN_ID'"
            )
        return {}  # Meta opens the flow's first entry screen
    payload: dict[str, Any] = {"screen": _text("screen", target, None)}
    if data is not None:
        payload["data"] = _data(data)
    return payload


def _data(data: object) -> dict[str, Any]:
    """A non-empty JSON object: Meta rejects an empty one, and the body is sent as JSON."""
    if not isinstance(data, Mapping) or not data:
        raise FlowMessageError(f"data must be a non-empty object when given, got {data!r}")
    try:
        json.dumps(data, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise FlowMessageError(f"data must hold only JSON values: {exc}") from None
    return dict(data)

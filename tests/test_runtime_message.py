from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from flowops.runtime import (
    FlowMessageError,
    Resolution,
    build_flow_message,
    load_lock,
)

DATA = Path(__file__).parent / "data" / "runtime"
SNAPSHOT = load_lock(DATA / "flows.lock", "production")


def resolved(name: str = "tour_inquiry_flow") -> Resolution:
    result = SNAPSHOT.resolve(name)
    assert isinstance(result, Resolution)
    return result


def build(**overrides: Any) -> dict[str, Any]:
    args: dict[str, Any] = {"to": "15551234567", "cta": "Book a tour", "body": "Plan your visit"}
    args.update(overrides)
    return build_flow_message(resolved(), **args)


def test_full_message_matches_the_cloud_api_shape() -> None:
    message = build(
        flow_token="abc", header="Tours", footer="Reply STOP to opt out", data={"city": "Rome"}
    )
    assert message == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": "15551234567",
        "type": "interactive",
        "interactive": {
            "type": "flow",
            "header": {"type": "text", "text": "Tours"},
            "body": {"text": "Plan your visit"},
            "footer": {"text": "Reply STOP to opt out"},
            "action": {
                "name": "flow",
                "parameters": {
                    "flow_message_version": "3",
                    "flow_id": "1234567890123456",
                    "flow_cta": "Book a tour",
                    "flow_token": "abc",
                    "mode": "published",
                    "flow_action": "navigate",
                    "flow_action_payload": {"screen": "WELCOME", "data": {"city": "Rome"}},
                },
            },
        },
    }


def test_minimal_message_opens_the_entry_screen_without_optional_parts() -> None:
    interactive = build()["interactive"]
    assert set(interactive) == {"type", "body", "action"}
    parameters = interactive["action"]["parameters"]
    assert "flow_token" not in parameters
    assert parameters["flow_action_payload"] == {"screen": "WELCOME"}


def test_unknown_entry_screen_lets_meta_pick_the_first_screen() -> None:
    message = build_flow_message(resolved("no_screen_tf"), to="1", cta="Go", body="Hi")
    assert "flow_action_payload" not in message["interactive"]["action"]["parameters"]


def test_explicit_screen_overrides_entry_screen() -> None:
    payload = build(screen="DETAILS")["interactive"]["action"]["parameters"]
    assert payload["flow_action_payload"] == {"screen": "DETAILS"}


def test_data_exchange_has_no_payload() -> None:
    parameters = build(flow_action="data_exchange")["interactive"]["action"]["parameters"]
    assert parameters["flow_action"] == "data_exchange"
    assert "flow_action_payload" not in parameters


def test_draft_mode_is_allowed_for_a_published_flow() -> None:
    parameters = build(mode="draft")["interactive"]["action"]["parameters"]
    assert parameters["mode"] == "draft"


def test_limits_at_the_edge_are_accepted() -> None:
    message = build(cta="x" * 30, body="b" * 1024, header="h" * 60, footer="f" * 60)
    assert message["interactive"]["action"]["parameters"]["flow_cta"] == "x" * 30


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"cta": ""}, "cta is required"),
        ({"cta": "   "}, "cta is required"),
        ({"cta": "x" * 31}, "cta is 31 characters; WhatsApp allows at most 30"),
        ({"body": ""}, "body is required"),
        ({"body": "b" * 1025}, "body is 1025 characters; WhatsApp allows at most 1024"),
        ({"header": "h" * 61}, "header is 61 characters; WhatsApp allows at most 60"),
        ({"header": ""}, "header is required"),
        ({"footer": "f" * 61}, "footer is 61 characters; WhatsApp allows at most 60"),
        ({"to": ""}, "to is required"),
        ({"flow_token": ""}, "flow_token is required"),
        ({"mode": "live"}, "mode must be one of published, draft, got 'live'"),
        ({"flow_action": "open"}, "flow_action must be one of navigate, data_exchange"),
        ({"data": {}}, "data must be a non-empty object"),
        ({"data": ["a"]}, "data must be a non-empty object"),
        ({"data": {"when": object()}}, "data must hold only JSON values"),
        ({"data": {"ratio": float("nan")}}, "data must hold only JSON values"),
        ({"flow_action": "data_exchange", "data": {"a": 1}}, "data_exchange takes no screen"),
        ({"flow_action": "data_exchange", "screen": "A"}, "data_exchange takes no screen"),
    ],
)
def test_invalid_input_raises_a_clear_error(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(FlowMessageError, match=message.replace("(", r"\(")):
        build(**overrides)


def test_data_without_any_known_screen_is_refused() -> None:
    with pytest.raises(FlowMessageError, match="entry screen of flow 'no_screen' is unknown"):
        build_flow_message(resolved("no_screen_tf"), to="1", cta="Go", body="Hi", data={"a": 1})


def test_a_fallback_cannot_be_sent() -> None:
    fallback = SNAPSHOT.resolve("blocked_tf")
    with pytest.raises(FlowMessageError, match="need a Resolution"):
        build_flow_message(fallback, to="1", cta="Go", body="Hi")  # type: ignore[arg-type]


def test_flow_message_error_is_a_value_error() -> None:
    assert issubclass(FlowMessageError, ValueError)

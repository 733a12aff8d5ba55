"""Completions: a signed flow token comes back in the nfm_reply webhook and names the flow."""

from __future__ import annotations

import json
from typing import Any

import pytest

from flowops.runtime import Resolution
from flowops.runtime.completion import (
    CompletionError,
    check_payload,
    nfm_messages,
    parse_completion,
)
from flowops.runtime.token import flow_token

SECRET = b"bot-secret"
NOW = 1_800_000_000
RESOLUTION = Resolution(
    "tour_inquiry_flow",
    "tour_inquiry",
    "Tour inquiry",
    "1286050592115879",
    "TOUR",
    "PUBLISHED",
    False,
    "flow 'tour_inquiry' is PUBLISHED",
    (),
)
FLOW_JSON = {
    "version": "7.3",
    "screens": [
        {"id": "TOUR", "layout": {"children": []}},
        {
            "id": "CONFIRM",
            "terminal": True,
            "layout": {
                "type": "SingleColumnLayout",
                "children": [
                    {
                        "type": "Footer",
                        "on-click-action": {
                            "name": "complete",
                            "payload": {"tour": "${data.tour}", "note": "${form.note}"},
                        },
                    }
                ],
            },
        },
    ],
}


def message(response: dict[str, Any]) -> dict[str, Any]:
    return {
        "from": "15551234567",
        "id": "wamid.1",
        "type": "interactive",
        "interactive": {
            "type": "nfm_reply",
            "nfm_reply": {"name": "flow", "body": "Sent", "response_json": json.dumps(response)},
        },
    }


def token(**kw: Any) -> str:
    return flow_token(RESOLUTION, secret=SECRET, context="contact-42", now=NOW, **kw)


def test_completion_names_the_managed_and_traditional_flow() -> None:
    done = parse_completion(
        message({"flow_token": token(), "tour": "sunset"}), secret=SECRET, now=NOW + 60
    )
    assert (done.key, done.traditional_flow, done.flow_id) == (
        "tour_inquiry",
        "tour_inquiry_flow",
        "1286050592115879",
    )
    assert done.context == "contact-42" and done.data == {"tour": "sunset"}
    assert done.sender == "15551234567"
    check_payload(done, FLOW_JSON)  # the optional form field may be left out


def test_an_altered_token_is_reported_as_forged() -> None:
    good = token()
    prefix, _, mac = good.split(".")
    forged = flow_token(
        Resolution("x", "refund", "Refund", "9", None, "PUBLISHED", False, "", ()),
        secret=b"attacker",
        now=NOW,
    )
    tampered = f"{prefix}.{forged.split('.')[1]}.{mac}"
    with pytest.raises(CompletionError, match="forged or altered"):
        parse_completion(message({"flow_token": tampered}), secret=SECRET, now=NOW)


def test_an_old_token_is_stale() -> None:
    with pytest.raises(CompletionError, match="stale: issued 744 hour"):
        parse_completion(message({"flow_token": token()}), secret=SECRET, now=NOW + 31 * 24 * 3600)


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (None, "no flow_token"),
        ("unused", "sent without a token"),
        ("abc_42_uuid", "not written by flowops"),
        ("fo1.!!.??", "signature does not match|not base64url"),
        ("fo1." + "é" * 10 + ".x", "not written by flowops"),
    ],
)
def test_tokens_this_bot_did_not_write(value: str | None, why: str) -> None:
    response = {} if value is None else {"flow_token": value}
    with pytest.raises(CompletionError, match=why):
        parse_completion(message(response), secret=SECRET, now=NOW)


def test_data_that_does_not_match_the_complete_payload() -> None:
    done = parse_completion(
        message({"flow_token": token(), "tour": "x", "card_number": "4111"}),
        secret=SECRET,
        now=NOW,
    )
    with pytest.raises(CompletionError, match=r"unexpected field.s. card_number"):
        check_payload(done, FLOW_JSON)
    missing = parse_completion(message({"flow_token": token()}), secret=SECRET, now=NOW)
    with pytest.raises(CompletionError, match=r"missing field.s. tour"):
        check_payload(missing, FLOW_JSON)


def test_webhook_body_yields_only_flow_completions() -> None:
    text = {"type": "text", "text": {"body": "hi"}}
    body = {"entry": [{"changes": [{"value": {"messages": [text, message({})]}}]}]}
    assert [m["id"] for m in nfm_messages(body)] == ["wamid.1"]
    assert list(nfm_messages({"entry": "nonsense"})) == []


def test_response_json_that_is_not_an_object() -> None:
    bad = message({})
    bad["interactive"]["nfm_reply"]["response_json"] = "[1, 2"
    with pytest.raises(CompletionError, match="not valid JSON"):
        parse_completion(bad, secret=SECRET)

"""A contact completes a flow: the webhook is parsed, checked, stored, and signalled."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("django")

from flowops.contrib.django import flow_completed, flow_token, handle_webhook, resolve
from flowops.runtime import CompletionError, Resolution, build_flow_message
from tests.django_integration.commands import fake_meta, sync
from tests.django_integration.legacy.models import WhatsAppFlow, WhatsAppFlowResponse
from tests.fakes_flows import FakeFlowsAPI

ANSWERS = {
    "tour": "sunset",
    "tour_date": "2027-01-05",
    "group_size": "2",
    "full_name": "Ada",
    "email": "ada@example.com",
    "phone": "15550001111",
    "marketing_opt_in": False,
}


def webhook(token: str, answers: dict[str, Any]) -> dict[str, Any]:
    reply = {
        "name": "flow",
        "body": "Sent",
        "response_json": json.dumps({"flow_token": token, **answers}),
    }
    message = {
        "from": "15550001111",
        "id": "wamid.9",
        "type": "interactive",
        "interactive": {"type": "nfm_reply", "nfm_reply": reply},
    }
    return {
        "object": "whatsapp_business_account",
        "entry": [{"changes": [{"field": "messages", "value": {"messages": [message]}}]}],
    }


@pytest.fixture
def sent(project: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The token of a tour_inquiry flow message sent to contact 7."""
    fake_meta(monkeypatch, FakeFlowsAPI())
    sync()
    decision = resolve("tour_inquiry_flow")
    assert isinstance(decision, Resolution)
    token = flow_token(decision, context="contact-7")
    message = build_flow_message(
        decision, to="15550001111", cta="Book", body="Hi", flow_token=token
    )
    assert message["interactive"]["action"]["parameters"]["flow_token"] == token
    return token


def test_completion_is_stored_against_the_mirror_row_and_signalled(sent: str) -> None:
    seen: list[dict[str, Any]] = []

    def receiver(**kwargs: Any) -> None:
        seen.append(kwargs)

    flow_completed.connect(receiver)
    try:
        [done] = handle_webhook(webhook(sent, ANSWERS))
    finally:
        flow_completed.disconnect(receiver)
    assert (done.key, done.traditional_flow, done.context) == (
        "tour_inquiry",
        "tour_inquiry_flow",
        "contact-7",
    )
    [signal] = seen
    assert signal["record"].name == "tour_inquiry"
    stored = WhatsAppFlowResponse.objects.get()
    assert stored.whatsapp_flow == WhatsAppFlow.objects.get(name="tour_inquiry")
    assert stored.response_data == ANSWERS and signal["response"] == stored


def test_a_forged_token_is_refused_and_nothing_is_stored(sent: str) -> None:
    head, body, mac = sent.split(".")
    forged = f"{head}.{body}.{'A' * len(mac)}"
    with pytest.raises(CompletionError, match="forged or altered"):
        handle_webhook(webhook(forged, ANSWERS))
    assert not WhatsAppFlowResponse.objects.exists()


def test_answers_the_flow_does_not_declare_are_refused(sent: str) -> None:
    with pytest.raises(CompletionError, match=r"unexpected field.s. password"):
        handle_webhook(webhook(sent, {**ANSWERS, "password": "x"}))


def test_a_token_for_a_flow_no_longer_managed_is_stale(sent: str, project: Path) -> None:
    manifest = project / "flows.yaml"
    text = manifest.read_text()
    start, end = text.index("  tour_inquiry:"), text.index("  date_picker:")
    manifest.write_text(text[:start] + text[end:])
    sync("--prune")
    with pytest.raises(CompletionError, match="no longer manages"):
        handle_webhook(webhook(sent, ANSWERS))

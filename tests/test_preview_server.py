"""The local preview's steps and its HTTP guard (no browser needed)."""

from __future__ import annotations

import http.client
import json
from pathlib import Path
from typing import Any

import pytest

from flowops.preview import session
from tests.browser_support import preview_server

ROOT = Path(__file__).resolve().parent.parent


def flow(name: str) -> Any:
    return json.loads((ROOT / "whatsapp_flows" / f"{name}.json").read_text(encoding="utf-8"))


def test_navigate_carries_the_typed_values_into_the_next_screen() -> None:
    doc = flow("tour_inquiry")
    footer = doc["screens"][0]["layout"]["children"][-1]["on-click-action"]
    forms = {"TOUR": {"tour": "food", "tour_date": "2026-08-01", "group_size": "2"}}
    step = session.act(doc, "TOUR", {}, forms, footer)
    assert step["screen"] == "CONTACT"
    assert step["data"] == {"tour": "food", "tour_date": "2026-08-01", "group_size": "2"}


def test_complete_gives_the_payload_with_data_references_filled() -> None:
    doc = flow("tour_inquiry")
    footer = doc["screens"][2]["layout"]["children"][-1]["on-click-action"]
    step = session.act(doc, "CONFIRM", {"full_name": "Grace"}, {}, footer)
    assert step["kind"] == "complete"
    assert step["payload"]["full_name"] == "Grace"
    assert step["payload"]["email"] == "ada@example.com"  # the example value stands in


def test_the_last_endpoint_screen_replies_success_and_that_completes() -> None:
    doc = flow("appointment_booking")
    answer = session.exchange(doc, "SUMMARY", {"x": 1})
    assert answer["request"]["action"] == "data_exchange"
    assert answer["response"]["screen"] == "SUCCESS"
    done = session.reply(doc, answer["response"], {})
    assert done == {
        "kind": "complete",
        "payload": {"flow_token": "flowops-preview"},
        "flow_token": "flowops-preview",
    }


@pytest.mark.parametrize("response", [None, {"data": {}}, {"screen": "NOPE"}])
def test_a_bad_reply_is_a_step_error(response: Any) -> None:
    with pytest.raises(session.StepError):
        session.reply(flow("appointment_booking"), response, {})


def request(
    url: str, method: str, path: str, body: bytes = b"", **headers: str
) -> tuple[int, bytes]:
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=5)
    conn.request(method, path, body=body or None, headers=headers)
    answer = conn.getresponse()
    return answer.status, answer.read()


def test_the_server_answers_only_to_its_own_address_and_origin() -> None:
    with preview_server(flow("tour_inquiry")) as url:
        status, page = request(url, "GET", "/")
        assert status == 200 and b'data-screen="TOUR"' in page
        assert request(url, "GET", "/", Host="evil.example:80")[0] == 403
        body = json.dumps({"screen": "TOUR"}).encode()
        assert request(url, "POST", "/screen", body, Origin="http://evil.example")[0] == 403
        assert request(url, "POST", "/screen", body)[0] == 200
        assert request(url, "POST", "/screen", b"[1]")[0] == 400
        assert request(url, "POST", "/screen", json.dumps({"screen": "NOPE"}).encode())[0] == 400
        assert request(url, "POST", "/screen", b"x", **{"Content-Length": "99999999"})[0] == 413


@pytest.mark.parametrize(
    "body",
    [
        {"screen": "TOUR", "action": {"name": "navigate", "next": "CONTACT"}},
        {"screen": "TOUR", "action": {"name": "navigate", "next": {"name": ["x"]}}},
        {"screen": "TOUR", "action": {"name": "update_data", "payload": [1, {"a": None}]}},
        {"screen": "TOUR", "data": "x", "forms": [], "action": 5},
        {"screen": "TOUR", "forms": {"TOUR": {"tour": {"a": [1]}, "group_size": [[]]}}},
        {"screen": "TOUR", "action": {"name": "complete", "payload": "${form.tour"}},
        {"screen": None, "action": {"name": "open_url", "url": ["x"]}},
    ],
)
def test_odd_requests_get_an_answer_not_a_dropped_connection(body: dict[str, Any]) -> None:
    with preview_server(flow("tour_inquiry")) as url:
        for path in ("/action", "/screen"):
            status, answer = request(url, "POST", path, json.dumps(body).encode())
            assert status in (200, 400), answer
            assert isinstance(json.loads(answer), dict)

"""Contract tests: the shared scenarios against GraphClient, replaying recorded HTTP (vcrpy).

Replay is strict: ``record_mode="none"``, bodies are compared (JSON parsed, multipart by
part) and every recorded interaction must be used, so an extra or missing call fails.
``FLOWOPS_RECORD=1`` with ``FLOWOPS_RECORD_TOKEN`` and ``FLOWOPS_RECORD_WABA`` records
missing cassettes against a real account (see tests/cassettes/README.md).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
import vcr

from flowops.emulator import start_emulator
from flowops.graph.client import GraphClient
from flowops.graph.retry import NO_RETRY, RetryPolicy
from tests.graph_scenarios import CASSETTE_ONLY, DATA, SCENARIOS, expected, normalise

CASSETTES = Path(__file__).parent / "cassettes"
RECORD = os.environ.get("FLOWOPS_RECORD") == "1"
PLACEHOLDER_WABA = "100000000000001"
TEST_TOKEN = "EAAG" + "contracttesttoken0123456789"
ALL = {**SCENARIOS, **CASSETTE_ONLY}
TOKEN_LIKE = (
    re.compile(r"EAA[A-Za-z0-9]{20,}"),
    re.compile(r"Bearer (?!REDACTED)\S+"),
    re.compile(r"access_token=(?!REDACTED)[^&\s'\"]+"),
)


class Scrubber:
    """Replaces the real token, WABA id and flow ids before anything is written."""

    def __init__(self, token: str, waba_id: str) -> None:
        self.token = token
        self.ids = {waba_id: PLACEHOLDER_WABA} if waba_id else {}

    def text(self, value: str) -> str:
        if self.token:
            value = value.replace(self.token, "REDACTED")
        for pattern in TOKEN_LIKE[:1]:
            value = pattern.sub("REDACTED", value)
        for real, fake in self.ids.items():
            value = value.replace(real, fake)
        return value

    def learn_ids(self, body: str) -> None:
        for real in re.findall(r"\b\d{15,17}\b", body):
            if real not in self.ids and real not in self.ids.values():
                self.ids[real] = f"2{len(self.ids):015d}"

    def request(self, request: Any) -> Any:
        request.uri = self.text(request.uri)
        if isinstance(request.body, bytes):
            request.body = self.text(request.body.decode("utf-8", "replace")).encode()
        return request

    def response(self, response: dict[str, Any]) -> dict[str, Any]:
        raw = response["body"]["string"]
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
        self.learn_ids(text)
        response["body"]["string"] = self.text(text).encode()
        return response


def multipart_parts(body: bytes, content_type: str) -> list[tuple[bytes, bytes]]:
    boundary = content_type.split("boundary=", 1)[1].strip().encode()
    parts = []
    for chunk in body.split(b"--" + boundary)[1:]:
        if chunk.startswith(b"--"):
            break
        head, _, content = chunk.strip(b"\r\n").partition(b"\r\n\r\n")
        disposition = b";".join(sorted(h for h in head.split(b"\r\n")))
        parts.append((disposition.lower().replace(b"; ", b";"), content))
    return sorted(parts)


def canonical_body(request: Any) -> object:
    body = request.body or b""
    body = body.encode() if isinstance(body, str) else body
    content_type = request.headers.get("Content-Type", "")
    if not body:
        return None
    if content_type.startswith("multipart/form-data"):
        return multipart_parts(body, content_type)
    return json.loads(body) if "json" in content_type else body


def graph_body(r1: Any, r2: Any) -> None:
    assert canonical_body(r1) == canonical_body(r2)


def authorization(r1: Any, r2: Any) -> None:
    assert ("Authorization" in r1.headers) == ("Authorization" in r2.headers)


def recorder() -> vcr.VCR:
    """vcrpy also runs the record hooks on cassettes it loads, so they are set only to record."""
    hooks: dict[str, Any] = {}
    if RECORD:
        scrubber = Scrubber(os.environ["FLOWOPS_RECORD_TOKEN"], os.environ["FLOWOPS_RECORD_WABA"])
        hooks = {
            "before_record_request": scrubber.request,
            "before_record_response": scrubber.response,
        }
    cfg = vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode="once" if RECORD else "none",
        match_on=[
            "method",
            "scheme",
            "host",
            "port",
            "path",
            "query",
            "graph_body",
            "authorization",
        ],
        filter_headers=[("authorization", "REDACTED")],
        filter_query_parameters=[("access_token", "REDACTED")],
        decode_compressed_response=True,
        **hooks,
    )
    cfg.register_matcher("graph_body", graph_body)
    cfg.register_matcher("authorization", authorization)
    return cfg


def make_client(sleeps: list[float]) -> GraphClient:
    if RECORD:
        token, waba = os.environ["FLOWOPS_RECORD_TOKEN"], os.environ["FLOWOPS_RECORD_WABA"]
        return GraphClient(token=token, waba_id=waba)
    return GraphClient(
        token=TEST_TOKEN, waba_id=PLACEHOLDER_WABA, retry=RetryPolicy(sleep=sleeps.append)
    )


def run(name: str) -> tuple[Any, GraphClient]:
    sleeps: list[float] = []
    with recorder().use_cassette(f"{name}.yaml", allow_playback_repeats=False) as cassette:
        client = make_client(sleeps)
        result = normalise(ALL[name](client))
        assert RECORD or cassette.all_played, f"{name}: recorded calls left unused"
    return result, client


def update_golden(name: str, result: Any) -> None:
    path = DATA / "contract" / f"{name}.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")


@pytest.mark.parametrize("name", sorted(ALL))
def test_scenario_gives_the_contract_result(name: str) -> None:
    result, _ = run(name)
    if os.environ.get("FLOWOPS_UPDATE_CONTRACT") == "1":
        update_golden(name, result)
    assert result == expected(name)


def test_rate_limit_is_retried_once_then_succeeds() -> None:
    result, client = run("rate_limit_then_success")
    assert result["flow"]["status"] == "DRAFT"
    assert client.stats.retries == 1
    assert dict(client.stats.retries_by_reason) == {"rate_limit": 1}
    print("retries made:", client.stats.summary())


def test_list_stops_when_meta_signals_no_more_pages() -> None:
    result, client = run("list_two_pages")
    assert [row[0] for row in result["flows"]] == [
        "contract-list-a",
        "contract-list-b",
        "contract-list-c",
    ]
    assert client.stats.calls == 5  # three creates, two pages, no extra empty page


def token_findings(text: str) -> list[str]:
    return [match.group(0) for pattern in TOKEN_LIKE for match in pattern.finditer(text)]


def test_token_scan_finds_planted_tokens() -> None:
    planted = f"Authorization: Bearer {TEST_TOKEN}\nuri: /x?access_token=abc123&x=1"
    assert len(token_findings(planted)) == 3


def test_cassettes_hold_no_token_like_strings() -> None:
    files = sorted(CASSETTES.glob("*.yaml"))
    assert {f.stem for f in files} == set(ALL)
    for path in files:
        assert token_findings(path.read_text(encoding="utf-8")) == [], path.name


def test_scrubber_replaces_token_and_real_ids() -> None:
    scrubber = Scrubber("EAAGrealtoken1234567890abcdef", "987654321098765")
    response = {
        "body": {"string": b'{"id": "123456789012345", "t": "EAAGrealtoken1234567890abcdef"}'}
    }
    body = scrubber.response(response)["body"]["string"].decode()
    assert "123456789012345" not in body and "EAAGrealtoken" not in body
    uri = scrubber.text("https://graph.facebook.com/v23.0/987654321098765/flows?x=123456789012345")
    assert "987654321098765" not in uri and "123456789012345" not in uri


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_emulator_gives_the_contract_result(name: str) -> None:
    """The local emulator answers the shared scenarios exactly as the recorded Meta does."""
    with start_emulator(token=TEST_TOKEN) as emu:
        api = GraphClient(
            token=TEST_TOKEN, waba_id=PLACEHOLDER_WABA, base_url=emu.url, retry=NO_RETRY
        )
        assert normalise(SCENARIOS[name](api)) == expected(name)

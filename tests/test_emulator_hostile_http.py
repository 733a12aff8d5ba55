"""Whatever bytes the emulator is sent, it answers like Meta: Graph's JSON error envelope.

These used to get HTML pages (501, 414, 431), a 500 "Emulator failure" (deep JSON, a
non-ASCII token), or no answer at all and a MemoryError (a huge Content-Length or chunk
size); ``/_emulator/*`` ignored the token.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from flowops.emulator import EmulatorHandle, start_emulator
from tests.emulator_wire import TOKEN, exchange, is_envelope, parse, request

WABA = "104000000000042"
VALID = (Path(__file__).parent / "data" / "emulator" / "valid.json").read_bytes()
BEARER = f"Bearer {TOKEN}"


def refused(module_emu: EmulatorHandle, raw: bytes, status: int, code: int) -> dict[str, object]:
    answer = parse(exchange(module_emu.port, raw))
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.status == status, answer.body
    body = answer.json()
    assert is_envelope(body), body
    assert body["error"]["code"] == code
    return body["error"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("method", ["PUT", "PATCH", "OPTIONS", "TRACE", "FOO"])
def test_unsupported_methods_get_graphs_envelope(module_emu: EmulatorHandle, method: str) -> None:
    raw = request(method, f"/v23.0/{WABA}/flows", Authorization=BEARER)
    error = refused(module_emu, raw, 400, 100)
    assert error["message"] == f"Unsupported {method.lower()} request."


def test_head_gets_the_headers_of_an_envelope_and_no_body(module_emu: EmulatorHandle) -> None:
    answer = parse(exchange(module_emu.port, request("HEAD", f"/v23.0/{WABA}/flows")))
    assert answer.status == 400
    assert answer.headers["content-type"].startswith("application/json")
    assert int(answer.headers["content-length"]) > 0 and answer.body == b""


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        (b"\x00\x01garbage\r\n\r\n", 400),
        (b"GET / HTTP/1.1 extra words\r\n\r\n", 400),
        (b"GET / HTTP/9.9\r\n\r\n", 505),
        (b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n", 431),
        (b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(150)) + b"\r\n", 431),
    ],
    ids=["garbage", "extra-words", "version", "long-url", "long-header", "many-headers"],
)
def test_malformed_http_gets_graphs_envelope(
    module_emu: EmulatorHandle, raw: bytes, status: int
) -> None:
    refused(module_emu, raw, status, 100)


def test_a_content_length_of_100_gb_is_refused_before_reading(module_emu: EmulatorHandle) -> None:
    raw = request("POST", f"/v23.0/{WABA}/flows", Authorization=BEARER)
    raw = raw.replace(b"Connection: close", b"Connection: close\r\nContent-Length: 99999999999")
    error = refused(module_emu, raw, 413, 100)
    assert "larger than 16.0 MB" in str(error["message"])


def test_a_chunk_size_of_ffffffffffff_is_refused_before_reading(module_emu: EmulatorHandle) -> None:
    raw = request("POST", f"/v23.0/{WABA}/flows", Authorization=BEARER, Transfer_Encoding="chunked")
    refused(module_emu, raw + b"FFFFFFFFFFFF\r\nabc", 413, 100)


@pytest.mark.parametrize("size", [b"-5", b"zz", b"12 34"])
def test_garbage_body_framing_is_a_400_envelope(module_emu: EmulatorHandle, size: bytes) -> None:
    raw = request("POST", f"/v23.0/{WABA}/flows", Authorization=BEARER)
    refused(
        module_emu,
        raw.replace(b"Connection: close", b"Connection: close\r\nContent-Length: " + size),
        400,
        100,
    )


def test_json_nested_100000_deep_is_a_400_envelope(module_emu: EmulatorHandle) -> None:
    body = b"[" * 100_000 + b"]" * 100_000
    raw = request(
        "POST", f"/v23.0/{WABA}/flows", body, Authorization=BEARER, Content_Type="application/json"
    )
    refused(module_emu, raw, 400, 100)


@pytest.mark.parametrize(
    "raw",
    [
        f"GET /v23.0/{WABA}/flows?access_token=é€ HTTP/1.1\r\nConnection: close\r\n\r\n".encode(),
        f"GET /v23.0/{WABA}/flows HTTP/1.1\r\nAuthorization: Bearer é\r\n\r\n".encode("latin-1"),
    ],
    ids=["query", "header"],
)
def test_non_ascii_tokens_are_a_401_not_a_500(module_emu: EmulatorHandle, raw: bytes) -> None:
    refused(module_emu, raw, 401, 190)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/_emulator/health"),
        ("GET", "/_emulator/flows/1"),
        ("POST", "/_emulator/flows/1/status"),
    ],
)
def test_emulator_endpoints_need_the_token_when_one_is_set(
    module_emu: EmulatorHandle, method: str, path: str
) -> None:
    refused(module_emu, request(method, path), 401, 190)
    answer = parse(
        exchange(module_emu.port, request("GET", "/_emulator/health", Authorization=BEARER))
    )
    assert answer.status == 200


def test_emulator_endpoints_stay_open_without_a_configured_token() -> None:
    with start_emulator() as open_emu:
        answer = parse(exchange(open_emu.port, request("GET", "/_emulator/health")))
    assert answer.status == 200


# -- a seeded fuzz of the wire: every answer is an HTTP answer with a JSON body ----------------


def _seeds() -> list[bytes]:
    form = f"name=f&categories=%5B%22OTHER%22%5D&access_token={TOKEN}".encode()
    boundary = "b0undary"
    multipart = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nflow.json\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="asset_type"\r\n\r\n'
            "FLOW_JSON\r\n"
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="flow.json"\r\n'
            f"Content-Type: application/json\r\n\r\n"
        ).encode()
        + VALID
        + f"\r\n--{boundary}--\r\n".encode()
    )
    chunked = b"5\r\nname=\r\n1\r\nx\r\n0\r\n\r\n"
    return [
        request("GET", f"/v23.0/{WABA}/flows?fields=id,name,status", Authorization=BEARER),
        request(
            "POST", f"/v23.0/{WABA}/flows", form, Content_Type="application/x-www-form-urlencoded"
        ),
        request(
            "POST",
            f"/v23.0/{WABA}/flows",
            json.dumps({"name": "j", "categories": ["OTHER"]}).encode(),
            Authorization=BEARER,
            Content_Type="application/json",
        ),
        request(
            "POST",
            "/v23.0/1000000000000001/assets",
            multipart,
            Authorization=BEARER,
            Content_Type=f"multipart/form-data; boundary={boundary}",
        ),
        request("POST", f"/v23.0/{WABA}/flows", Authorization=BEARER, Transfer_Encoding="chunked")
        + chunked,
        request("GET", "/_emulator/health", Authorization=BEARER),
    ]


_JUNK = [b"\x00", b"\r\n", b"\r\n\r\n", b" ", b":", b"\xff\xfe", b"%", b"{", b"[" * 50, b"\xc3("]


def mutate(raw: bytes, rnd: random.Random) -> bytes:
    data = bytearray(raw)
    for _ in range(rnd.randint(1, 4)):
        at = rnd.randrange(len(data) + 1)
        op = rnd.randrange(6)
        if op == 0 and data:
            data[min(at, len(data) - 1)] = rnd.randrange(256)
        elif op == 1:
            data[at:at] = rnd.choice(_JUNK)
        elif op == 2:
            del data[at : at + rnd.randint(1, 40)]
        elif op == 3:
            data[at:at] = data[at : at + rnd.randint(1, 200)] * rnd.randint(2, 50)
        elif op == 4:
            data = data.replace(
                b"Content-Length: ", b"Content-Length: %d" % rnd.randrange(10**12), 1
            )
        else:
            data = data[: rnd.randrange(len(data) + 1)]
    return bytes(data)


def test_fuzzed_requests_always_get_an_http_answer_with_a_json_body(
    module_emu: EmulatorHandle,
) -> None:
    rnd = random.Random(20261207)
    seeds = _seeds()
    statuses: dict[int, int] = {}
    for case in range(600):
        raw = mutate(rnd.choice(seeds), rnd)
        reply = exchange(module_emu.port, raw)
        if not reply:  # nothing to answer: the connection closed before a request line
            assert b"\n" not in raw.lstrip(b"\r\n") or not raw.strip(), (case, raw[:200])
            continue
        answer = parse(reply)
        statuses[answer.status] = statuses.get(answer.status, 0) + 1
        assert answer.headers["content-type"].startswith("application/json"), (case, raw[:200])
        body = json.loads(answer.body)
        assert answer.status < 400 or is_envelope(body), (case, raw[:200], body)
        assert answer.status != 500, (case, raw[:200], body)
    assert len(statuses) >= 4, statuses  # the mutations reach many kinds of refusal
    health = parse(
        exchange(module_emu.port, request("GET", "/_emulator/health", Authorization=BEARER))
    )
    assert health.status == 200  # and the emulator is still serving

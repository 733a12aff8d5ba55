"""Raw HTTP to the emulator: bytes in, the parsed answer out (no client library in between)."""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass
from typing import Any

TOKEN = "EAAwire-test-token-0001"


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def exchange(port: int, request: bytes, timeout: float = 10) -> bytes:
    """Send ``request``, close our side, read until the emulator closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        try:
            sock.sendall(request)
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the emulator may answer and close before reading everything
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:
            pass
    return b"".join(chunks)


def parse(raw: bytes) -> Answer:
    """The first answer on the connection; ``AssertionError`` if it is not HTTP."""
    head, sep, rest = raw.partition(b"\r\n\r\n")
    assert sep, f"no complete HTTP head in {raw[:200]!r}"
    lines = head.decode("latin-1").split("\r\n")
    version, status, _ = (lines[0] + " ").split(" ", 2)
    assert version.startswith("HTTP/1."), lines[0]
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    return Answer(int(status), headers, rest[:length])


def is_envelope(body: Any) -> bool:
    """Graph's ``{"error": {"message", "type", "code", "fbtrace_id", …}}``."""
    error = body.get("error") if isinstance(body, dict) else None
    return (
        isinstance(error, dict)
        and isinstance(error.get("message"), str)
        and isinstance(error.get("type"), str)
        and type(error.get("code")) is int
        and isinstance(error.get("fbtrace_id"), str)
    )


def request(method: str, path: str, body: bytes = b"", **headers: str) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    if body and "Transfer_Encoding" not in headers:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body

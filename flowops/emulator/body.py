"""Reading a request body off the socket: ``Content-Length`` or chunked transfer encoding."""

from __future__ import annotations

from email.message import Message
from io import BufferedIOBase


def read_body(headers: Message, rfile: BufferedIOBase) -> bytes:
    """Raises ``ValueError`` when ``Content-Length`` or a chunk size is garbage."""
    if "chunked" in headers.get("Transfer-Encoding", "").lower():
        return _read_chunks(rfile)
    length = int(headers.get("Content-Length") or 0)
    return rfile.read(length) if length > 0 else b""


def _read_chunks(rfile: BufferedIOBase) -> bytes:
    parts: list[bytes] = []
    while True:
        size = int(rfile.readline().split(b";")[0].strip() or b"0", 16)
        if size == 0:
            while rfile.readline().strip():
                pass  # trailer headers
            return b"".join(parts)
        parts.append(rfile.read(size))
        rfile.readline()

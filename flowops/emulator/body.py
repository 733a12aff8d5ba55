"""Reading a request body off the socket: ``Content-Length`` or chunked transfer encoding.

Never more than ``EMULATOR_MAX_BODY_BYTES``: a ``Content-Length: 99999999999`` or a chunk
size of ``FFFFFFFFFFFF`` is refused before anything is allocated.
"""

from __future__ import annotations

from email.message import Message
from io import BufferedIOBase

from flowops.limits import EMULATOR_MAX_BODY_BYTES, megabytes

_MAX_SIZE_LINE = 1024  # a chunk-size line (hex digits and extensions)


class BodyError(ValueError):
    """The body cannot be read: ``status`` 400 for garbage framing, 413 when too large."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def read_body(headers: Message, rfile: BufferedIOBase) -> bytes:
    if "chunked" in headers.get("Transfer-Encoding", "").lower():
        return _read_chunks(rfile)
    length = _length(headers.get("Content-Length") or "0")
    return rfile.read(length) if length > 0 else b""


def _length(text: str) -> int:
    digits = text.strip()
    if not digits.isascii() or not digits.isdigit():
        raise BodyError(400, "(#100) Malformed request body framing: bad Content-Length")
    return _within_limit(int(digits) if len(digits) <= 20 else EMULATOR_MAX_BODY_BYTES + 1)


def _within_limit(size: int) -> int:
    if size > EMULATOR_MAX_BODY_BYTES:
        limit = megabytes(EMULATOR_MAX_BODY_BYTES)
        raise BodyError(413, f"(#100) The request body is larger than {limit}")
    return size


def _read_chunks(rfile: BufferedIOBase) -> bytes:
    parts: list[bytes] = []
    total = 0
    while True:
        size = _chunk_size(rfile.readline(_MAX_SIZE_LINE))
        if size == 0:
            while rfile.readline(_MAX_SIZE_LINE).strip():
                pass  # trailer headers
            return b"".join(parts)
        total = _within_limit(total + size)
        parts.append(rfile.read(size))
        rfile.readline(_MAX_SIZE_LINE)


def _chunk_size(line: bytes) -> int:
    text = line.split(b";")[0].strip() or b"0"
    if text.strip(b"0123456789abcdefABCDEF"):
        raise BodyError(400, "(#100) Malformed request body framing: bad chunk size")
    return int(text[:16], 16) if len(text) <= 16 else EMULATOR_MAX_BODY_BYTES + 1

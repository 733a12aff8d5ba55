"""Request bodies as Graph accepts them: JSON, form-encoded and multipart/form-data.

Multipart is split by hand (RFC 7578) so uploaded files keep their exact bytes.
"""

from __future__ import annotations

import json
import re
from email.message import Message
from typing import Any
from urllib.parse import parse_qsl

from flowops.emulator import errors

_PARAM = re.compile(rb'([\w-]+)="([^"]*)"|([\w-]+)=([^;\s]+)')


def parse_body(content_type: str, body: bytes) -> dict[str, Any]:
    """Field name → value: JSON values keep their types, form fields are str, files bytes."""
    media = content_type.split(";")[0].strip().lower()
    if not body:
        return {}
    if media == "application/json":
        return _json_object(body)
    if media == "multipart/form-data":
        return parse_multipart(body, _boundary(content_type))
    return dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))


def _json_object(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body)
    except ValueError:
        raise errors.ApiError(100, "(#100) The request body is not valid JSON") from None
    if not isinstance(value, dict):
        raise errors.ApiError(100, "(#100) The request body must be a JSON object")
    return value


def _boundary(content_type: str) -> bytes:
    header = Message()
    header["content-type"] = content_type
    boundary = header.get_param("boundary")
    if not isinstance(boundary, str) or not boundary:
        raise errors.ApiError(100, "(#100) multipart/form-data without a boundary")
    return boundary.encode("latin-1")


def parse_multipart(body: bytes, boundary: bytes) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    sections = (b"\r\n" + body).split(b"\r\n--" + boundary)
    for section in sections[1:]:
        if section.startswith(b"--"):
            break
        head, sep, content = section.partition(b"\r\n\r\n")
        if not sep:
            raise errors.ApiError(100, "(#100) Malformed multipart/form-data body")
        name, is_file = _disposition(head)
        if name:
            fields[name] = content if is_file else content.decode("utf-8", "replace")
    return fields


def _disposition(head: bytes) -> tuple[str, bool]:
    """``(field name, is a file)`` from a part's Content-Disposition header."""
    for line in head.split(b"\r\n"):
        key, _, value = line.partition(b":")
        if key.strip().lower() == b"content-disposition":
            params = {m[0] or m[2]: m[1] or m[3] for m in _PARAM.findall(value)}
            name = params.get(b"name", b"").decode("utf-8", "replace")
            return name, b"filename" in params
    return "", False

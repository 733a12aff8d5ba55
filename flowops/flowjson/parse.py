"""Bytes or text → a JSON document, or one ``INVALID_FLOW_JSON`` finding with its offset."""

from __future__ import annotations

import codecs
import json
import math
from dataclasses import dataclass


class DuplicateKeyError(ValueError):
    """Raised inside ``json.loads`` when an object repeats a key."""


@dataclass(frozen=True)
class ParseFailure:
    message: str
    line: int
    col: int
    hint: str = ""


def decode(data: str | bytes) -> str | ParseFailure:
    """UTF-8 with an optional BOM; a leading BOM in ``str`` input is dropped too."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    body = data.removeprefix(codecs.BOM_UTF8)  # (the utf-8-sig codec is pure Python: slower)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        col = len(body[body.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8", "replace"))
        return ParseFailure(
            f"the file is not valid UTF-8 (byte 0x{body[exc.start]:02x})",
            line,
            col + 1,
            "Save the file as UTF-8.",
        )


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise DuplicateKeyError
    return result


def loads(text: str) -> object:
    """``json.loads`` that rejects duplicate keys (``DuplicateKeyError``), NaN/Infinity
    (``ConstantError``), numbers beyond a float (``NumberError``) and, as ``ValueError``,
    integers of more than ``sys.get_int_max_str_digits()`` digits."""
    return _DECODER.decode(text)


class ConstantError(ValueError):
    """``NaN``/``Infinity``: accepted by Python, rejected by JSON (and Meta)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _reject_constant(name: str) -> object:
    raise ConstantError(name)


class NumberError(ValueError):
    """A number no float can hold (``1e999`` would silently become infinity)."""

    def __init__(self, literal: str) -> None:
        super().__init__(literal)
        self.literal = literal


def _finite_float(literal: str) -> float:
    value = float(literal)
    if math.isinf(value):
        raise NumberError(literal)
    return value


_DECODER = json.JSONDecoder(
    object_pairs_hook=_no_duplicates, parse_constant=_reject_constant, parse_float=_finite_float
)

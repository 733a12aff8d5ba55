"""Reading Flow JSON bytes: BOM, bad UTF-8 positions, duplicate keys."""

from __future__ import annotations

import pytest

from flowops.flowjson import parse, validate_text


def test_a_byte_order_mark_is_dropped() -> None:
    assert parse.decode(b'\xef\xbb\xbf{"version": "7.3"}') == '{"version": "7.3"}'


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_bad_utf8_names_the_byte_and_where_it_is(bom: bytes) -> None:
    failure = parse.decode(bom + b'{\n  "a": "\xff"}')
    assert isinstance(failure, parse.ParseFailure)
    assert "0xff" in failure.message
    assert (failure.line, failure.col) == (2, 9)


def test_duplicate_keys_are_reported_where_they_are() -> None:
    problems = validate_text(b'{"version": "7.3",\n "screens": [],\n "version": "7.2"}')
    assert [(p.line, p.col, p.code) for p in problems] == [(3, 2, "INVALID_FLOW_JSON")]
    assert "duplicate key `version`" in problems[0].message

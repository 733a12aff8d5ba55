"""``validation_errors`` ranges cover the offending token, over HTTP through the real client."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowops.emulator import start_emulator
from flowops.emulator.spans import LineIndex, span_end, token_end
from flowops.emulator.validation import validation_errors
from flowops.graph.client import GraphClient
from flowops.graph.retry import NO_RETRY
from flowops.graph.types import ValidationError

INVALID = (Path(__file__).parent / "data" / "emulator" / "invalid.json").read_bytes()


def covered(text: str, error: ValidationError) -> str:
    """The text between start and (exclusive) end, as an editor would highlight it."""
    index = LineIndex(text)
    assert error.line_start and error.column_start and error.line_end and error.column_end
    start = index.offset(error.line_start, error.column_start)
    return text[start : index.offset(error.line_end, error.column_end)]


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ('{"a": "x\\"y", "b": 1}', 6, '"x\\"y"'),
        ('{"a": 12.5e3}', 6, "12.5e3"),
        ('{"a": true, "b": 2}', 6, "true"),
        ('[{"a": ["]", {"b": "}"}]}, 3]', 1, '{"a": ["]", {"b": "}"}]}'),
        ('{"a": [1, 2', 6, "[1, 2"),
        ('{"a": "never closed\n}', 6, '"never closed'),
    ],
)
def test_token_end_covers_whole_values(text: str, start: int, expected: str) -> None:
    assert text[start : token_end(text, start)] == expected


def test_a_multi_line_value_ends_on_its_closing_line() -> None:
    text = '{\n  "screens": [\n    {"id": "A"}\n  ]\n}'
    assert span_end(text, LineIndex(text), 2, 14) == (4, 4)


def test_a_position_on_whitespace_or_past_the_end_is_one_column_wide() -> None:
    text = '{"a": 1}\n'
    assert span_end(text, LineIndex(text), 1, 6) == (1, 7)
    assert span_end(text, LineIndex(text), 9, 1) == (9, 2)


def test_emulator_reports_ranges_that_cover_the_bad_value() -> None:
    with start_emulator() as emu:
        client = GraphClient(token="t", waba_id="104000000000001", base_url=emu.url, retry=NO_RETRY)
        created = client.create_flow("spans", ("OTHER",), flow_json=INVALID)
    text = INVALID.decode()
    bad_type = next(e for e in created.validation_errors if e.error == "INVALID_ENUM_VALUE")
    assert (bad_type.line_start, bad_type.column_start) == (18, 21)
    assert (bad_type.line_end, bad_type.column_end) == (18, 31)
    assert covered(text, bad_type) == '"Fooooter"'
    pointer = bad_type.pointers[0]
    assert (pointer.line_end, pointer.column_end) == (18, 31)
    for error in created.validation_errors:
        assert (error.line_end, error.column_end) > (error.line_start, error.column_start)


def test_a_syntax_error_still_gets_a_one_character_range() -> None:
    errors = validation_errors(b'{"version": "7.3",\n "screens": [}\n')
    assert len(errors) == 1
    first = errors[0]
    assert first["line_end"] == first["line_start"]
    assert first["column_end"] > first["column_start"]


def test_bytes_that_are_not_utf8_are_reported_without_a_range_crash() -> None:
    errors = validation_errors(b'{"version": "\xff"}')
    assert errors and errors[0]["column_end"] > errors[0]["column_start"]

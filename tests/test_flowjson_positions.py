"""Source positions: JSON pointer → line:col of the value (or its key) as written."""

from __future__ import annotations

from flowops.flowjson.positions import scan


def test_value_and_key_positions() -> None:
    source = scan('{\n  "a": {"b": [10, "x"]}\n}')
    assert source.locate("/a/b/1") == (2, 19)
    assert source.locate("/a/b", at_key=True) == (2, 9)
    assert source.locate("") == (1, 1)


def test_columns_count_characters_after_escapes_and_unicode() -> None:
    text = '{"t": "名前\\"\\u00e9", "k": 1}'
    assert scan(text).locate("/k") == (1, 26)


def test_crlf_lines() -> None:
    text = '{\r\n  "a": 1,\r\n  "b": 2\r\n}'
    assert scan(text).locate("/b") == (3, 8)


def test_unknown_pointer_falls_back_to_nearest_ancestor() -> None:
    source = scan('{"a": {"b": 1}}')
    assert source.locate("/a/zzz") == source.locate("/a") == (1, 7)


def test_pointer_escaping_of_slash_and_tilde_keys() -> None:
    source = scan('{"a/b": {"c~d": true}}')
    assert source.locate("/a~1b/c~0d") == (1, 17)


def test_duplicates_are_listed_with_the_repeated_key_position() -> None:
    source = scan('{"a": 1,\n "a": 2}')
    assert [(p, source.line_col(o)) for p, o in source.duplicates] == [("/a", (2, 2))]


def test_truncated_text_keeps_positions_found_so_far() -> None:
    source = scan('{"a": [1, 2')
    assert source.locate("/a/1") == (1, 11)

from __future__ import annotations

import pytest

from flowops.manifest.yamlsource import YamlSyntaxError, parse


def test_positions_of_keys_and_values_are_one_based() -> None:
    doc = parse("a:\n  b: [x, 'y']\n")
    assert doc.data == {"a": {"b": ["x", "y"]}}
    assert doc.keys["/a/b"] == (2, 3)
    assert doc.values["/a/b"] == (2, 6)
    assert doc.values["/a/b/1"] == (2, 10)


def test_duplicate_keys_are_reported_at_every_level() -> None:
    doc = parse("a: 1\nlist:\n  - {k: 1, k: 2}\na: 3\n")
    found = [(d.pointer, d.line, d.col, d.first_line) for d in doc.duplicates]
    assert found == [("/list/0/k", 3, 12, 3), ("/a", 4, 1, 1)]
    assert doc.data == {"a": 3, "list": [{"k": 2}]}


def test_merge_keys_fill_only_missing_keys_without_duplicates() -> None:
    doc = parse("base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n")
    assert doc.data == {"base": {"x": 1, "y": 2}, "use": {"x": 1, "y": 3}}
    assert doc.duplicates == []


def test_value_at_falls_back_to_the_nearest_written_ancestor() -> None:
    doc = parse("flows:\n  a: {file: x}\n")
    assert doc.value_at("/flows/a/missing") == doc.values["/flows/a"]
    assert doc.key_at("/flows/a") == (2, 3)


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [("a: [1\nb: 2\n", 2, 2), ("a: b: c\n", 1, 5), ("a:\n\tb: 1\n", 2, 1)],
)
def test_syntax_errors_carry_the_position(text: str, line: int, col: int) -> None:
    with pytest.raises(YamlSyntaxError) as info:
        parse(text)
    assert (info.value.line, info.value.col) == (line, col)
    assert info.value.message.startswith("Invalid YAML:")


def test_recursive_alias_is_an_error_not_a_hang() -> None:
    with pytest.raises(YamlSyntaxError, match="refers to itself"):
        parse("a: &x [*x]\n")


def test_unknown_tag_is_a_syntax_error() -> None:
    with pytest.raises(YamlSyntaxError) as info:
        parse("a: !python/object x\n")
    assert info.value.line == 1


def test_empty_document_is_none() -> None:
    assert parse("# only a comment\n").data is None


def test_non_json_scalars_stay_the_text_as_written() -> None:
    doc = parse("when: 2026-01-01\nblob: !!binary aGk=\nn: 3\n")
    assert doc.data == {"when": "2026-01-01", "blob": "aGk=", "n": 3}


def test_a_key_must_be_plain_text() -> None:
    with pytest.raises(YamlSyntaxError, match="key must be plain text") as info:
        parse("? [k]\n: v\n")
    assert (info.value.line, info.value.col) == (1, 3)


def test_a_tab_indent_says_so() -> None:
    with pytest.raises(YamlSyntaxError) as info:
        parse("version: 1\nflows:\n  a:\n    file: x\n\tname: y\n")
    assert info.value.message == "Invalid YAML: a tab character; YAML indents with spaces only"
    assert (info.value.line, info.value.col) == (5, 1)

"""JSON syntax errors are named in a person's words, at the place to fix."""

from __future__ import annotations

import pytest

from flowops.flowjson import validate_text

CASES = [
    ('{"a": 1,}', "1:8", "trailing comma before `}`"),
    ("[1, 2,\n]", "1:6", "trailing comma before `]`"),
    ('{"a": 1\n  "b": 2}', "1:8", "missing comma"),
    ('{"a" 1}', "1:5", "missing `:` after the property name"),
    ('{"a": "abc\n}', "1:11", 'unclosed string: the line ends before its closing `"`'),
    ('{"a": "abc', "1:7", 'unclosed string: the file ends before its closing `"`'),
    ('{"pattern": "\\d+"}', "1:14", "invalid escape `\\d` in a string"),
    ('{"a": "\\u12"}', "1:8", "invalid `\\u` escape in a string"),
    ('{"a": 1}}', "1:9", "extra `}` after the end of the document"),
    ('{"a": 1}\n{"b": 2}', "2:1", "more text after the end of the JSON document"),
    ("{'a': 1}", "1:2", "property name in single quotes"),
    ("{\"a\": 'x'}", "1:7", "string in single quotes"),
    ("{a: 1}", "1:2", "property name `a` needs double quotes"),
    ('{"a": True}', "1:7", "`True` is not JSON"),
    ('{"a": }', "1:7", "missing value after `:`"),
    ('{\n  "a": [1, 2', "2:8", "`[` is never closed: the file ends before its `]`"),
    ('{"a": 1,', "1:1", "`{` is never closed: the file ends before its `}`"),
    ('{"a": [1, 2}', "1:12", "`}` closes the `[` opened on line 1"),
    ("// flow\n{}", "1:1", "comments are not allowed in JSON"),
    ('{"a": "x\ty"}', "1:9", "a tab inside a string"),
    ('{"a": [1,,2]}', "1:10", "missing value between commas"),
]


@pytest.mark.parametrize(("text", "where", "message"), CASES, ids=[c[2] for c in CASES])
def test_syntax_error_is_named_at_the_mistake(text: str, where: str, message: str) -> None:
    [problem] = validate_text(text.encode(), "flow.json")
    assert (f"{problem.line}:{problem.col}", problem.message) == (where, message)
    assert problem.code == "INVALID_FLOW_JSON" and problem.hint


def test_no_python_decoder_wording_reaches_the_user() -> None:
    for text, _, _ in CASES:
        [problem] = validate_text(text.encode(), "flow.json")
        assert "Expecting" not in problem.message + problem.hint
        assert "enclosed in double quotes" not in problem.message

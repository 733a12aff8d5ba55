"""JSON syntax errors in a person's words, at the place to fix.

Python's decoder says "Expecting property name enclosed in double quotes" for a trailing
comma and points at the next item for a missing comma. ``describe`` looks at the text
around the failure and says what is wrong ("trailing comma before `}`", "missing comma",
"unclosed string", …) at the position of the mistake. Only called when parsing failed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z_$][\w$]*")
_NOT_JSON_WORDS = {"True": "true", "False": "false", "None": "null", "undefined": "null"}
_ESCAPES = '\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX'
_CLOSERS = {"{": "}", "[": "]"}
_CONTROL_NAMES = {"\t": "a tab", "\n": "a line break", "\r": "a line break"}


@dataclass(frozen=True)
class Syntax:
    message: str
    hint: str
    offset: int  # where to point, as a character offset into the text


def describe(exc: json.JSONDecodeError, text: str) -> Syntax:
    """The mistake behind ``exc`` in plain words, with the offset to report it at."""
    for prefix, explain in _BY_MESSAGE:
        if exc.msg.startswith(prefix):
            found = explain(text, exc.pos)
            if found is not None:
                return found
    return Syntax(f"not valid JSON: {exc.msg}", _GENERIC_HINT, exc.pos)


_GENERIC_HINT = "Fix the JSON syntax (a missing comma, quote or bracket is the usual cause)."


def _next(text: str, pos: int) -> tuple[str, int]:
    """The first non-blank character at or after ``pos`` ("" at the end) and its offset."""
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return (text[pos] if pos < len(text) else ""), pos


def _previous(text: str, pos: int) -> tuple[str, int]:
    """The last non-blank character before ``pos`` ("" at the start) and its offset."""
    pos -= 1
    while pos >= 0 and text[pos] in " \t\r\n":
        pos -= 1
    return (text[pos] if pos >= 0 else ""), pos


def _property_name(text: str, pos: int) -> Syntax | None:
    char, at = _next(text, pos)
    before, comma = _previous(text, at)
    if char == "":
        return _unclosed(text)
    if char == "}" and before == ",":
        return Syntax(
            "trailing comma before `}`", "Remove the comma after the last property.", comma
        )
    return _not_a_string(text, at, "property name") or Syntax(
        "expected a property name in double quotes",
        'Write each property as "name": value, separated by commas.',
        at,
    )


def _value(text: str, pos: int) -> Syntax | None:
    char, at = _next(text, pos)
    before, previous_at = _previous(text, at)
    if char == "":
        return _unclosed(text) or Syntax(
            "the file ends where a value is expected", "Complete the last value.", at
        )
    if char in "]}" and before == ",":
        hint = "Remove the comma after the last item."
        return Syntax(f"trailing comma before `{char}`", hint, previous_at)
    if char in ",}]" and before == ":":
        return Syntax("missing value after `:`", "Write a value, or remove the property.", at)
    if char == "," and before in "[,":
        return Syntax("missing value between commas", "Remove the extra comma.", at)
    return _not_a_string(text, at, "string") or Syntax(
        "expected a value",
        "Write a string in double quotes, a number, an object, an array, true, false or null.",
        at,
    )


def _not_a_string(text: str, at: int, what: str) -> Syntax | None:
    """Single quotes, bare words and comments where a quoted string belongs."""
    char = text[at] if at < len(text) else ""
    if char == "'":
        return Syntax(f"{what} in single quotes", "JSON needs double quotes: \"…\", not '…'.", at)
    if text.startswith(("//", "/*"), at):
        return Syntax("comments are not allowed in JSON", "Remove the comment.", at)
    word = _WORD.match(text, at)
    if word is None:
        return None
    if word[0] in _NOT_JSON_WORDS:
        fix = _NOT_JSON_WORDS[word[0]]
        return Syntax(f"`{word[0]}` is not JSON", f"Write `{fix}` instead.", at)
    return Syntax(f"{what} `{word[0]}` needs double quotes", f'Write "{word[0]}" instead.', at)


def _comma(text: str, pos: int) -> Syntax | None:
    char, at = _next(text, pos)
    if char == "":
        return _unclosed(text)
    if char in "]}":
        return _mismatched(text, at)
    _, previous_at = _previous(text, at)
    shown = text[at : at + 20].split("\n", 1)[0]
    return Syntax(
        "missing comma",
        f"Add a `,` here: the next item (`{shown}`) starts on line "
        f"{text.count(chr(10), 0, at) + 1}.",
        previous_at + 1,
    )


def _colon(text: str, pos: int) -> Syntax | None:
    _, at = _next(text, pos)
    _, previous_at = _previous(text, at)
    return Syntax(
        "missing `:` after the property name",
        'Write "name": value.',
        previous_at + 1,
    )


def _unterminated(text: str, pos: int) -> Syntax | None:
    return Syntax(
        'unclosed string: the file ends before its closing `"`',
        'Add the closing double quote ".',
        pos,
    )


def _control(text: str, pos: int) -> Syntax | None:
    char = text[pos] if pos < len(text) else ""
    if char in "\r\n":
        return Syntax(
            'unclosed string: the line ends before its closing `"`',
            'Add the closing double quote ", or write a line break inside a string as \\n.',
            pos,
        )
    name = _CONTROL_NAMES.get(char, f"control character U+{ord(char or ' '):04X}")
    escape = "\\t" if char == "\t" else f"\\u{ord(char or ' '):04x}"
    return Syntax(f"{name} inside a string", f"Write it as {escape}.", pos)


def _escape(text: str, pos: int) -> Syntax | None:
    shown = text[pos : pos + 2]
    return Syntax(
        f"invalid escape `{shown}` in a string",
        f"JSON knows only {_ESCAPES}; for a literal backslash (as in a regex pattern) "
        f"write `\\{shown}`.",
        pos,
    )


def _unicode_escape(text: str, pos: int) -> Syntax | None:
    start = text.rfind("\\u", 0, pos + 2)
    return Syntax(
        "invalid `\\u` escape in a string",
        "Write \\u followed by exactly four hex digits, e.g. \\u00e9.",
        start if start >= 0 else pos,
    )


def _extra(text: str, pos: int) -> Syntax | None:
    char, at = _next(text, pos)
    if char in "]}":
        return Syntax(
            f"extra `{char}` after the end of the document",
            "Remove it, or check the brackets before it.",
            at,
        )
    return Syntax(
        "more text after the end of the JSON document",
        "A Flow JSON file holds one object; remove what follows it (or wrap both in one).",
        at,
    )


def _open_brackets(text: str, end: int) -> list[int]:
    """Offsets of the brackets still open at ``end`` (strings skipped)."""
    stack: list[int] = []
    in_string = escaped = False
    for i in range(end):
        char = text[i]
        if in_string:
            escaped = not escaped and char == "\\"
            in_string = escaped or char != '"'
        elif char == '"':
            in_string = True
        elif char in "{[":
            stack.append(i)
        elif char in "}]" and stack:
            stack.pop()
    return stack


def _unclosed(text: str) -> Syntax | None:
    stack = _open_brackets(text, len(text))
    if not stack:
        return None
    opener = text[stack[-1]]
    return Syntax(
        f"`{opener}` is never closed: the file ends before its `{_CLOSERS[opener]}`",
        f"Add the missing `{_CLOSERS[opener]}` at the end of this "
        f"{'object' if opener == '{' else 'array'}.",
        stack[-1],
    )


def _mismatched(text: str, at: int) -> Syntax | None:
    stack = _open_brackets(text, at)
    if not stack:
        return None
    opener = text[stack[-1]]
    line = text.count("\n", 0, stack[-1]) + 1
    return Syntax(
        f"`{text[at]}` closes the `{opener}` opened on line {line}",
        f"Use `{_CLOSERS[opener]}` here, or add the missing bracket before it.",
        at,
    )


_BY_MESSAGE = (
    ("Expecting property name enclosed in double quotes", _property_name),
    ("Illegal trailing comma before end of object", _property_name),
    ("Illegal trailing comma before end of array", _value),
    ("Expecting value", _value),
    ("Expecting ',' delimiter", _comma),
    ("Expecting ':' delimiter", _colon),
    ("Unterminated string starting at", _unterminated),
    ("Invalid control character", _control),
    ("Invalid \\escape", _escape),
    ("Invalid \\uXXXX escape", _unicode_escape),
    ("Extra data", _extra),
)

"""A small, bounded evaluator for If conditions and backtick expressions (Flow JSON 6.0+).

Supports references, 'strings', numbers, true/false, ``! && || == != < <= > >=``,
``+ - * / %`` (division by zero gives 0, as Meta documents), parentheses and string
concatenation by juxtaposition. Anything it cannot read gives ``default``: a preview
never fails on an expression.
"""

from __future__ import annotations

import re
from typing import Any

from flowops.screens.refs import MISSING, REF, Scope, as_text

MAX_LENGTH = 2000
MAX_DEPTH = 40
TOKEN = re.compile(
    r"\s*(?:(?P<ref>\$\{[^}]*\})|(?P<str>'(?:[^'\\]|\\.)*')|(?P<num>\d+(?:\.\d+)?)"
    r"|(?P<word>true|false)|(?P<op>==|!=|<=|>=|&&|\|\||[<>!+\-*/%()]))"
)
LEVELS: tuple[tuple[str, ...], ...] = (("||",), ("&&",), ("==", "!="), ("<", "<=", ">", ">="))
ARITH: tuple[tuple[str, ...], ...] = (("+", "-"), ("*", "/", "%"))


class _Bad(Exception):
    pass


def evaluate(text: str, scope: Scope, default: Any = None) -> Any:
    if len(text) > MAX_LENGTH:
        return default
    try:
        parser = _Parser(_tokens(text), scope)
        value = parser.parse(0)
        if parser.pos != len(parser.tokens):
            raise _Bad
    except (_Bad, RecursionError):
        return default
    return value


def truthy(value: Any) -> bool:
    return value not in (None, False, "", 0, MISSING) and value != [] and value != {}


def _tokens(text: str) -> list[tuple[str, str]]:
    out, pos, end = [], 0, len(text.rstrip())
    while pos < end:
        match = TOKEN.match(text, pos)
        if not match or match.end() == pos:
            raise _Bad
        kind = match.lastgroup or ""
        out.append((kind, match.group(kind)))
        pos = match.end()
    return out


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], scope: Scope) -> None:
        self.tokens, self.scope, self.pos, self.depth = tokens, scope, 0, 0

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ("end", "")

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token[0] == "end":
            raise _Bad
        self.pos += 1
        return token

    def parse(self, level: int) -> Any:
        levels = LEVELS + ARITH
        if level == len(levels):
            return self.unary()
        left = self.parse(level + 1)
        while self.peek()[0] == "op" and self.peek()[1] in levels[level]:
            op = self.take()[1]
            left = _apply(op, left, self.parse(level + 1))
        return left

    def unary(self) -> Any:
        if self.peek() == ("op", "!"):
            self.take()
            return not truthy(self.unary())
        if self.peek() == ("op", "-"):
            self.take()
            return -_number(self.unary())
        value = self.primary()
        while self.peek()[0] in ("ref", "str", "num", "word") or self.peek() == ("op", "("):
            value = as_text(value) + as_text(self.primary())  # concatenation by juxtaposition
        return value

    def primary(self) -> Any:
        kind, text = self.take()
        if kind == "op" and text == "(":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _Bad
            value = self.parse(0)
            if self.take() != ("op", ")"):
                raise _Bad
            self.depth -= 1
            return value
        return _literal(kind, text, self.scope)


def _literal(kind: str, text: str, scope: Scope) -> Any:
    if kind == "ref":
        match = REF.fullmatch(text)
        if not match:
            raise _Bad
        found = scope.lookup(*match.groups())
        return None if found is MISSING else found
    if kind == "str":
        return re.sub(r"\\(.)", r"\1", text[1:-1])
    if kind == "num":
        return float(text) if "." in text else int(text)
    if kind == "word":
        return text == "true"
    raise _Bad


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            return float(str(value))
        except ValueError:
            raise _Bad from None
    return value


def _apply(op: str, a: Any, b: Any) -> Any:
    if op == "||":
        return truthy(a) or truthy(b)
    if op == "&&":
        return truthy(a) and truthy(b)
    if op in ("==", "!="):
        return (a == b) == (op == "==")
    if op == "+" and (isinstance(a, str) or isinstance(b, str)):
        return as_text(a) + as_text(b)
    x, y = _number(a), _number(b)
    table = {
        "<": lambda: x < y,
        "<=": lambda: x <= y,
        ">": lambda: x > y,
        ">=": lambda: x >= y,
        "+": lambda: x + y,
        "-": lambda: x - y,
        "*": lambda: x * y,
        "/": lambda: x / y if y else 0,
        "%": lambda: x % y if y else 0,
    }
    return table[op]()

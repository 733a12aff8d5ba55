"""Typo correction before re-checking never raises on odd shapes and never hides a typo."""

from __future__ import annotations

import json
from typing import Any

import pytest

from flowops.flowjson import validate_text

ODD: list[Any] = [
    {"screens": [{"id": "A", "terminl": True, "layout": 3}]},
    {"screens": [{"id": "A", "dat": [], "layout": {"type": "SingleColumnLayout"}}]},
    {"screens": [{"id": "A", "layout": {"type": "SingleColumnLayout", "children": [
        {"type": ["Footer"], "lable": "x"},
        {"type": {"a": 1}},
        {"type": "footer", "label": "Go", "on-click-action": 5},
        {"type": "textbody", "text": 7, "nmae": None},
    ]}}]},
    {"screens": [{"id": "A", "layut": {"children": [{"type": "footr"}]}, "a/b~c": 1}]},
    {"screens": [{"id": "A", "terminal": True, "terminl": True, "layout": {}}]},
]  # fmt: skip


@pytest.mark.parametrize("doc", ODD)
def test_odd_documents_with_typos_give_problems_not_exceptions(doc: dict[str, Any]) -> None:
    problems = validate_text(json.dumps({"version": "7.3", **doc}), "flow.json")
    assert problems and all(p.line >= 1 and p.col >= 1 for p in problems)
    assert any(p.code == "INVALID_PROPERTY_KEY" or "did you mean" in p.message for p in problems)

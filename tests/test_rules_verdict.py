"""The quick verdict only ever vouches for flows the full rules find nothing in."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest

from flowops.flowjson.findings import Version, parse_version
from flowops.flowjson.rules import _run, run_rules
from flowops.flowjson.rules.verdict import clean

DATA = Path(__file__).parent / "data"
VALID = sorted((DATA / "rules" / "valid").glob("*.json")) + sorted(
    (DATA / "flowjson" / "valid").glob("*.json")
)
INVALID = sorted((DATA / "rules" / "invalid").glob("*.json"))
PLAIN = ["two_screens_navigate", "endpoint_routing", "form_2_1", "side_page", "minimal_7_3"]
ODD_VALUES: list[Any] = ["${data.nope}", "${form.nope}", "", 3, None, True, [], {}, "SUCCESS"]
ODD_VALUES += ["${screen.X.form.y}", {"name": "complete"}, [{"type": "Footer"}], "Footer"]


def _load(path: Path) -> tuple[dict[str, Any], Version]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    return doc, parse_version(doc.get("version")) or (7, 3)


def _mutate(node: Any, rng: random.Random) -> None:
    """One random edit somewhere in the document: delete, replace, duplicate or rename."""
    if isinstance(node, dict) and node:
        key = rng.choice(list(node))
        roll = rng.random()
        if roll < 0.2:
            del node[key]
        elif roll < 0.4:
            node[key] = copy.deepcopy(rng.choice(ODD_VALUES))
        elif roll < 0.5:
            node[key + "-action" if rng.random() < 0.5 else "terminal"] = node[key]
        else:
            _mutate(node[key], rng)
    elif isinstance(node, list) and node:
        index = rng.randrange(len(node))
        roll = rng.random()
        if roll < 0.15:
            del node[index]
        elif roll < 0.35:
            node.append(copy.deepcopy(node[index]))
        else:
            _mutate(node[index], rng)


def _vouches_wrongly(doc: dict[str, Any], version: Version) -> bool:
    return clean(doc, version) and bool(_run(doc, version))


@pytest.mark.parametrize("name", PLAIN)
def test_plain_flows_take_the_quick_path(name: str) -> None:
    path = next(p for p in VALID if p.stem == name)
    assert clean(*_load(path))


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_never_vouches_for_a_flow_with_rule_findings(path: Path) -> None:
    doc, version = _load(path)
    assert not _vouches_wrongly(doc, version)


def test_never_vouches_for_a_mutated_flow_with_rule_findings() -> None:
    rng = random.Random(20261124)
    originals = [_load(p) for p in VALID]
    checked = caught = vouched = 0
    for n in range(1500):
        doc, version = originals[n % len(originals)]
        doc = copy.deepcopy(doc)
        for _ in range(rng.randint(1, 3)):
            _mutate(doc, rng)
        full = _run(doc, version)
        checked += 1
        caught += bool(full)
        vouched += clean(doc, version)
        assert not (clean(doc, version) and full), json.dumps(doc)[:500]
    assert caught > checked // 6  # the mutations really do break rules
    assert vouched > checked // 6  # and the quick path still vouches for many harmless ones


def test_run_rules_answers_the_same_either_way() -> None:
    for path in VALID + INVALID:
        doc, version = _load(path)
        assert run_rules(doc, version) == _run(doc, version)


def test_deep_nesting_is_left_to_the_full_rules() -> None:
    node: dict[str, Any] = {"type": "TextBody", "text": "x"}
    for _ in range(3000):
        node = {"type": "Form", "name": "f", "children": [node]}
    layout = {"type": "SingleColumnLayout", "children": [node]}
    doc = {"version": "7.3", "screens": [{"id": "A", "terminal": True, "layout": layout}]}
    assert clean(doc, (7, 3)) is False

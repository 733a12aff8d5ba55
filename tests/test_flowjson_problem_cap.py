"""A Flow JSON file reports at most ``FLOW_JSON_MAX_PROBLEMS`` problems, then says so.

A screen of 20,000 bare ``{"type": "TextInput"}`` once printed 40,002 errors (and took
seconds to explain them all); a fuzzed 300 KB document printed 15,788.
"""

from __future__ import annotations

import json

from flowops.flowjson import validate_text
from flowops.flowjson.cap import TOO_MANY, capped
from flowops.limits import FLOW_JSON_MAX_PROBLEMS
from flowops.problems import Problem, Severity


def _screen_of(children: list[object]) -> str:
    layout = {"type": "SingleColumnLayout", "children": children}
    screen = {"id": "A", "terminal": True, "layout": layout}
    return json.dumps({"version": "7.0", "screens": [screen]})


def test_twenty_thousand_broken_components_report_the_cap_and_say_more_exist() -> None:
    problems = validate_text(_screen_of([{"type": "TextInput"}] * 20_000), "big.json")
    assert len(problems) == FLOW_JSON_MAX_PROBLEMS + 1
    last = problems[-1]
    assert last.code == TOO_MANY and last.is_error
    assert "more problems not shown" in last.message and (last.line, last.col) == (1, 1)
    assert problems[0].code != TOO_MANY and "TextInput" in problems[2].message


def test_a_few_problems_are_all_reported_without_a_closing_note() -> None:
    problems = validate_text(_screen_of([{"type": "TextInput"}] * 3), "small.json")
    assert 3 < len(problems) <= FLOW_JSON_MAX_PROBLEMS
    assert all(p.code != TOO_MANY for p in problems)


def _problem(line: int, severity: Severity = Severity.ERROR) -> Problem:
    return Problem("f.json", line, 1, "INVALID_PROPERTY_VALUE", "bad", severity)


def test_the_closing_note_counts_exactly_what_it_hides() -> None:
    problems = [_problem(n) for n in range(1, FLOW_JSON_MAX_PROBLEMS + 51)]
    shown = capped(problems)
    assert shown[:-1] == problems[:FLOW_JSON_MAX_PROBLEMS]
    assert shown[-1].message.startswith("… and 50 more problems not shown")


def test_hidden_warnings_alone_close_with_a_warning() -> None:
    warnings = [_problem(n, Severity.WARNING) for n in range(FLOW_JSON_MAX_PROBLEMS + 1)]
    assert capped([_problem(0), *warnings])[-1].severity is Severity.WARNING

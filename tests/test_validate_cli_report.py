from __future__ import annotations

import json

import pytest

from flowops.cli.output import use_color
from flowops.problems import Problem, Severity
from flowops.report.validation import Report, render_github, render_json, render_text, summary

B_ERR = Problem("b.json", 3, 1, "X_B", "second file")
A_WARN = Problem("a.json", 9, 2, "X_W", "late warning", Severity.WARNING, hint="do this")
A_ERR = Problem("a.json", 2, 5, "X_A", "early error")


def test_text_groups_by_file_sorts_by_position_and_ends_with_summary() -> None:
    out = render_text(Report([B_ERR, A_WARN, A_ERR], flows=2, files=3))
    assert out.splitlines() == [
        "a.json:2:5: error X_A: early error",
        "a.json:9:2: warning X_W: late warning",
        "  hint: do this",
        "",
        "b.json:3:1: error X_B: second file",
        "",
        "2 errors, 1 warning in 2 files",
    ]


def test_text_colour_only_when_asked() -> None:
    report = Report([A_ERR], flows=1, files=1)
    assert "\x1b[" not in render_text(report, color=False)
    assert "\x1b[31merror\x1b[0m" in render_text(report, color=True)


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (Report([], flows=3, files=4), "All 3 flows valid."),
        (Report([], flows=1, files=2), "1 flow valid."),
        (Report([], flows=0, files=1), "No errors in 1 file."),
        (Report([A_WARN], flows=2, files=3), "All 2 flows valid, 1 warning."),
        (Report([A_ERR, A_ERR], flows=1, files=1), "2 errors in 1 file"),
    ],
)
def test_summary(report: Report, expected: str) -> None:
    assert summary(report) == expected


def test_json_is_versioned_and_complete() -> None:
    body = json.loads(render_json(Report([A_WARN], flows=1, files=2)))
    assert body["summary"] == {"errors": 0, "warnings": 1, "flows": 1, "files": 2, "valid": True}
    assert body["problems"][0] == {
        "file": "a.json",
        "line": 9,
        "col": 2,
        "code": "X_W",
        "message": "late warning",
        "hint": "do this",
        "pointer": "",
        "severity": "warning",
    }


def test_github_escapes_percent_and_newlines_and_omits_unknown_positions() -> None:
    problem = Problem("flows.yaml", 0, 0, "MANIFEST_NOT_FOUND", "100% gone\r\nreally")
    out = render_github(Report([problem, A_WARN], files=1))
    assert (
        out.splitlines()[0]
        == "::warning file=a.json,line=9,col=2,title=X_W::late warning%0AHint: do this"
    )
    assert (
        out.splitlines()[1]
        == "::error file=flows.yaml,title=MANIFEST_NOT_FOUND::100%25 gone%0D%0Areally"
    )


def test_colour_is_off_with_no_color_even_on_a_tty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color()

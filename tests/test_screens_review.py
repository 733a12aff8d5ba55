"""The before/after review of a saved plan: found from the plan, changes outlined."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from flowops.cli import cli
from flowops.report.comment import add_review
from flowops.screens.marks import screen_marks
from flowops.screens.planreview import plan_changes
from flowops.screens.review import ScreenChange, review_page
from tests.browser_support import browser_path
from tests.fakes_flows import World, edit_flow


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = World(tmp_path / "repo")
    yield w
    w.stop()


def outlined(page: str, css: str) -> list[str]:
    """The visible text inside each element outlined with ``css`` (mark-add / mark-del)."""
    found = re.findall(rf'class="[^"]*mark {css}[^"]*">(.*?)</(?:h1|div|footer)>', page, re.S)
    return [re.sub(r"<[^>]+>", " ", f).strip() for f in found]


def test_an_edited_title_is_outlined_before_and_after(world: World, tmp_path: Path) -> None:
    assert world.cli("apply", "--auto-approve").exit_code == 0
    edit_flow(world.root, "whatsapp_flows/welcome.json", '"title": "All set"', '"title": "Done!"')
    plan = tmp_path / "plan.json"
    assert world.cli("plan", "--out", str(plan)).exit_code == 0
    out = tmp_path / "review"
    args = ["-m", str(world.manifest), "render", "--plan", str(plan), "--out", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    page = (out / "welcome" / "DONE.html").read_text(encoding="utf-8")
    assert outlined(page, "mark-del") == ["All set"]
    assert outlined(page, "mark-add") == ["Done!"]
    index = json.loads((out / "review.json").read_text(encoding="utf-8"))
    assert index["flows"]["welcome"][-1] == "welcome/DONE.html"
    assert "welcome · DONE" in (out / "index.html").read_text(encoding="utf-8")
    comment = ["-m", str(world.manifest), "pr-comment", "--plan", str(plan), "--review", str(out)]
    body = CliRunner().invoke(cli, comment).output
    assert "Screens before/after: `review/index.html` (workflow artifact)" in body


def test_without_the_applied_json_the_review_says_why(world: World, tmp_path: Path) -> None:
    assert world.cli("apply", "--auto-approve").exit_code == 0
    edit_flow(world.root, "whatsapp_flows/welcome.json", '"title": "All set"', '"title": "Done!"')
    plan = tmp_path / "plan.json"
    assert world.cli("plan", "--out", str(plan)).exit_code == 0
    for cached in (world.root / ".flowops").rglob("content/*.json"):
        cached.unlink()  # as on a fresh CI clone whose git history lacks it
    data = json.loads(plan.read_text(encoding="utf-8"))
    [change] = plan_changes(data, world.root)
    assert change.before is None and change.after is not None
    assert "neither in the content cache of apply nor in the last" in change.note


def screen(title: str, *children: dict[str, Any]) -> dict[str, Any]:
    return {"id": "S", "title": title, "layout": {"children": list(children)}}


def text(value: str) -> dict[str, Any]:
    return {"type": "TextBody", "text": value}


def test_an_inserted_component_is_the_only_one_outlined() -> None:
    old = screen("T", text("a"), text("b"))
    new = screen("T", text("a"), text("new"), text("b"))
    gone, came = screen_marks(old, new)
    assert gone == {}
    assert came == {id(new["layout"]["children"][1]): "add"}


def test_an_added_screen_has_no_before_side() -> None:
    after = {"version": "7.3", "screens": [screen("Hello", text("hi"))]}
    page = review_page("r", [ScreenChange("f", "S", "added", None, after)])
    assert "not in the flow before" in page and "Hello" in page


def test_the_pr_comment_names_the_review_page_and_pngs(tmp_path: Path) -> None:
    review = tmp_path / "review"
    review.mkdir()
    files = {"flows": {"welcome": ["welcome/DONE.png", "welcome/DONE.html"]}}
    (review / "review.json").write_text(json.dumps(files), encoding="utf-8")
    extras: dict[str, dict[str, str]] = {}
    url = "https://github.com/o/r/actions/runs/1/artifacts/2"
    assert add_review(review, url, extras) == []
    assert extras["welcome"]["review"] == (
        f"Screens before/after: [review page]({url}) (workflow artifact) · `welcome/DONE.png`"
    )
    assert add_review(tmp_path, "", {})[0].endswith("--out DIR`)")


def png_height(path: Path) -> int:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return int.from_bytes(head[20:24], "big")


def test_a_change_below_the_fold_of_a_long_screen_is_inside_the_png(
    world: World, tmp_path: Path
) -> None:
    browser_path()
    flow = world.root / "whatsapp_flows" / "welcome.json"
    doc = json.loads(flow.read_text(encoding="utf-8"))
    [done] = [s for s in doc["screens"] if s["id"] == "DONE"]
    done["layout"]["children"][:0] = [text(f"Paragraph {n}") for n in range(40)]
    flow.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    assert world.cli("apply", "--auto-approve").exit_code == 0
    edit_flow(world.root, "whatsapp_flows/welcome.json", '"Paragraph 39"', '"Changed at the end"')
    plan = tmp_path / "plan.json"
    assert world.cli("plan", "--out", str(plan)).exit_code == 0
    out = tmp_path / "review"
    args = ["-m", str(world.manifest), "render", "--plan", str(plan), "--out", str(out), "--png"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert png_height(out / "welcome" / "DONE.png") > 40 * 30  # every paragraph, not 940 px


@pytest.mark.parametrize("file", ["../../../../etc/hostname", "whatsapp_flows/survey.json"])
def test_a_plan_pointing_at_another_file_is_refused(
    world: World, tmp_path: Path, file: str
) -> None:
    assert world.cli("apply", "--auto-approve").exit_code == 0
    edit_flow(world.root, "whatsapp_flows/welcome.json", '"title": "All set"', '"title": "Done!"')
    plan = tmp_path / "plan.json"
    assert world.cli("plan", "--out", str(plan)).exit_code == 0
    data = json.loads(plan.read_text(encoding="utf-8"))
    [change] = [c for c in data["changes"] if c["key"] == "welcome"]
    change["after"]["file"] = file
    plan.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "review"
    args = ["-m", str(world.manifest), "render", "--plan", str(plan), "--out", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert f"after file for flow 'welcome' is {file!r}" in str(result.exception)
    assert not out.exists()

"""The offline screen renderer: what a reviewer sees, drawn from Flow JSON alone."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from flowops.cli import cli
from flowops.cli.errors import run_guarded
from flowops.screens import flow_pages, screen_page
from flowops.screens.expr import evaluate
from flowops.screens.refs import Scope

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
COMPONENTS = DATA / "screens" / "components.json"


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def tour() -> Any:
    return load(ROOT / "whatsapp_flows" / "tour_inquiry.json")


def visible_text(page: str) -> str:
    body = re.sub(r"<style>.*?</style>|<script>.*?</script>", "", page, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def footer_button(page: str) -> str:
    found = re.search(r'<button[^>]*class="cta"[^>]*>', page)
    assert found, "no Footer button"
    return found.group(0)


def test_every_screen_gets_a_page_with_its_title_and_components_in_order() -> None:
    pages = flow_pages(tour(), title="tour_inquiry")
    assert set(pages) == {"TOUR", "CONTACT", "CONFIRM", "index"}
    text = visible_text(pages["TOUR"])
    order = ["Plan your tour", "Which tour interests you?", "Old town walk", "Preferred date"]
    positions = [text.index(t) for t in [*order, "Group size", "Continue"]]
    assert positions == sorted(positions)
    assert "We confirm availability by message." in text


def test_example_data_fills_data_references() -> None:
    text = visible_text(screen_page(tour(), "CONFIRM"))
    assert "Ada Lovelace" in text and "ada@example.com" in text
    assert "${data" not in text


def test_footer_is_disabled_while_a_required_field_is_empty() -> None:
    assert " disabled" in footer_button(screen_page(tour(), "CONTACT"))
    assert " disabled" not in footer_button(screen_page(tour(), "CONFIRM"))


def test_an_empty_required_dropdown_also_disables_the_footer() -> None:
    doc = load(ROOT / "whatsapp_flows" / "appointment_booking.json")
    assert " disabled" in footer_button(screen_page(doc, "APPOINTMENT"))


def test_if_switch_and_visible_are_evaluated_against_example_data() -> None:
    text = visible_text(screen_page(load(COMPONENTS), "MEDIA"))
    assert "Shown to VIPs" in text and "Gold case" in text
    for hidden in ("Hidden from VIPs", "Silver case", "Never shown"):
        assert hidden not in text


def test_every_component_of_the_fixture_is_drawn() -> None:
    pages = flow_pages(load(COMPONENTS))
    everything = "".join(pages.values())
    assert "Not drawn" not in everything
    for marker in ("nav-item", "md-table", 'type="date"', "<select", "chip", "carousel", "upload"):
        assert marker in everything, marker
    assert "Step 3" in pages["INPUTS"] and "of 5" in pages["INPUTS"]


def hostile_flow() -> dict[str, Any]:
    evil = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"
    return {
        "version": "7.3",
        "screens": [
            {
                "id": "EVIL",
                "title": evil,
                "terminal": True,
                "data": {"x": {"type": "string", "__example__": evil}},
                "layout": {
                    "type": "SingleColumnLayout",
                    "children": [
                        {"type": "TextBody", "text": "${data.x}", "markdown": True},
                        {"type": "RichText", "text": f"[a](javascript:alert(3)) {evil}"},
                        {"type": "Image", "src": "javascript:alert(4)"},
                        {
                            "type": "Dropdown",
                            "name": "d",
                            "label": evil,
                            "data-source": [{"id": evil, "title": evil}],
                        },
                        {"type": "Footer", "label": evil, "on-click-action": {"name": evil}},
                    ],
                },
            }
        ],
    }


def test_text_from_the_flow_json_is_escaped_and_nothing_can_load() -> None:
    page = screen_page(hostile_flow(), "EVIL")
    assert "<script>" not in page and "<img src=x" not in page
    assert "javascript:" not in page.replace("javascript:alert(3)", "")
    assert 'href="javascript' not in page
    assert "default-src 'none'; img-src data:" in page
    assert "script-src 'none'" in page


@pytest.mark.parametrize("path", sorted((DATA / "flowjson" / "valid").glob("*.json")))
def test_every_valid_fixture_renders(path: Path) -> None:
    pages = flow_pages(load(path))
    assert len(pages) == len(load(path)["screens"]) + 1
    assert all("Not drawn" not in page for page in pages.values())


def test_an_old_flow_with_a_form_and_init_values_shows_them() -> None:
    doc = {
        "version": "2.1",
        "screens": [
            {
                "id": "A",
                "terminal": True,
                "layout": {
                    "type": "SingleColumnLayout",
                    "children": [
                        {
                            "type": "Form",
                            "name": "f",
                            "init-values": {"who": "Grace"},
                            "error-messages": {"who": "Too short"},
                            "children": [
                                {"type": "TextInput", "name": "who", "label": "Name"},
                                {"type": "Footer", "label": "Go", "on-click-action": {}},
                            ],
                        }
                    ],
                },
            }
        ],
    }
    page = screen_page(doc, "A")
    assert 'value="Grace"' in page and "Too short" in page


@pytest.mark.parametrize(
    "odd",
    [
        {"screens": "no"},
        {"screens": [None, 3, {"id": "A", "layout": []}]},
        {"screens": [{"id": "A", "layout": {"children": [{"type": "If"}, {"type": 5}, []]}}]},
        {
            "screens": [
                {"id": "A", "layout": {"children": [{"type": "Dropdown", "data-source": 7}]}}
            ]
        },
    ],
)
def test_odd_shapes_never_raise(odd: dict[str, Any]) -> None:
    flow_pages(odd)


def test_deep_if_nesting_is_bounded() -> None:
    node: dict[str, Any] = {"type": "TextBody", "text": "deep"}
    for _ in range(500):
        node = {"type": "If", "condition": "true", "then": [node, node]}
    doc = {"screens": [{"id": "A", "layout": {"children": [node]}}]}
    assert "deep" not in screen_page(doc, "A")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("${form.a} == 'x' && !${data.off}", True),
        ("${data.n} / 0", 0),
        ("(${data.n} + 2) * 3 >= 15", True),
        ("'Hi ' ${form.a}", "Hi x"),
        ("${data.n} >", None),
        ("(" * 100 + "1" + ")" * 100, None),
    ],
)
def test_expressions(expression: str, expected: object) -> None:
    scope = Scope(data={"n": 3, "off": False}, form={"a": "x"})
    assert evaluate(expression, scope) == expected


def test_cli_render_writes_a_page_per_screen(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["-m", str(ROOT / "flows.yaml"), "render", "tour_inquiry", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["CONFIRM.html", "CONTACT.html", "TOUR.html", "index.html"]


def test_cli_render_without_a_browser_says_so_and_writes_html(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("FLOWOPS_CHROMIUM", raising=False)
    args = ["render", str(COMPONENTS), "--screen", "MEDIA", "--png", "--out", str(tmp_path / "o")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "no Chromium found" in result.output
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["MEDIA.html"]


def test_cli_render_names_a_broken_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"version": "7.3",\n "screens": [\xff]}')
    monkeypatch.setattr("sys.argv", ["flowops", "render", str(bad), "--out", str(tmp_path / "o")])
    assert run_guarded(cli) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2:14: the file is not valid UTF-8" in err and "Traceback" not in err

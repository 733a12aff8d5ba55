"""The rendered pages and the local preview, opened in a real headless Chromium."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from flowops.cli import cli
from flowops.screens import flow_pages
from tests.browser_support import Tab, browser_path, new_tab, preview_server

__all__ = ["new_tab"]  # the fixture, imported so pytest finds it

ROOT = Path(__file__).resolve().parent.parent
COMPONENTS = Path(__file__).parent / "data" / "screens" / "components.json"
NewTab = Callable[[], Tab]


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def tour() -> Any:
    return load(ROOT / "whatsapp_flows" / "tour_inquiry.json")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_component_fixture_renders_without_console_errors(
    new_tab: NewTab, tmp_path: Path, theme: str
) -> None:
    doc = load(COMPONENTS)
    tab = new_tab()
    for screen in doc["screens"]:
        page = tmp_path / f"{screen['id']}.html"
        page.write_text(flow_pages(doc, theme=theme)[screen["id"]], encoding="utf-8")
        tab.page.goto(page.as_uri())
        assert tab.page.locator(".title").inner_text() == screen["title"]
        assert tab.page.locator(".content").bounding_box()["height"] > 100
    assert tab.errors == []


def tour_first_screen(tab: Tab) -> None:
    page = tab.page
    page.get_by_text("Harbour by boat").click()
    page.fill("input[name=tour_date]", "2026-07-14")
    page.select_option("select[name=group_size]", "3_5")


def test_clicking_through_tour_inquiry_shows_the_completion_payload(new_tab: NewTab) -> None:
    tab = new_tab()
    page = tab.page
    with preview_server(tour()) as url:
        page.goto(url)
        tour_first_screen(tab)
        label = page.locator("label[for=f-group_size]").bounding_box()
        box = page.locator(".field[data-field=group_size] .box").bounding_box()
        assert label["y"] < box["y"]  # the label moved up: the chosen option shows
        page.click(".cta")
        page.wait_for_selector(".sheet[data-screen=CONTACT]")
        page.fill("input[name=full_name]", "Grace Hopper")
        page.fill("input[name=email]", "grace@example.com")
        page.check("input[name=marketing_opt_in]")
        page.click(".cta")
        page.wait_for_selector(".sheet[data-screen=CONFIRM]")
        shown = page.locator(".content").inner_text()
        assert "Grace Hopper" in shown and "grace@example.com" in shown and "2026-07-14" in shown
        page.click(".cta")
        sent = json.loads(page.locator("#panel-complete").inner_text())
    assert sent == {
        "tour": "harbour",
        "tour_date": "2026-07-14",
        "group_size": "3_5",
        "full_name": "Grace Hopper",
        "email": "grace@example.com",
        "phone": "",
        "marketing_opt_in": True,
        "flow_token": "flowops-preview",
    }
    assert tab.errors == []


def test_a_required_field_left_empty_blocks_the_footer(new_tab: NewTab) -> None:
    tab = new_tab()
    page = tab.page
    with preview_server(tour()) as url:
        page.goto(url)
        assert page.locator(".cta").is_disabled()
        page.get_by_text("Harbour by boat").click()
        page.select_option("select[name=group_size]", "2")
        assert page.locator(".cta").is_disabled()  # the date is still empty
        page.locator(".cta").click(force=True)
        assert page.locator(".sheet").get_attribute("data-screen") == "TOUR"
        page.fill("input[name=tour_date]", "2026-07-14")
        assert page.locator(".cta").is_enabled()
    assert tab.errors == []


def test_an_invalid_email_is_refused_and_back_keeps_what_was_typed(new_tab: NewTab) -> None:
    tab = new_tab()
    page = tab.page
    with preview_server(tour()) as url:
        page.goto(url)
        tour_first_screen(tab)
        page.click(".cta")
        page.fill("input[name=full_name]", "Grace Hopper")
        page.fill("input[name=email]", "not-an-email")
        page.click(".cta")
        assert page.locator(".field.invalid .error").inner_text() == "Enter a valid email address"
        assert page.locator(".sheet").get_attribute("data-screen") == "CONTACT"
        page.click("[data-back]")
        page.wait_for_selector(".sheet[data-screen=TOUR]")
        assert page.locator("input[value=harbour]").is_checked()
        assert page.input_value("select[name=group_size]") == "3_5"
    assert tab.errors == []


def test_data_exchange_shows_the_request_and_continues_with_the_reply(new_tab: NewTab) -> None:
    tab = new_tab()
    page = tab.page
    with preview_server(load(ROOT / "whatsapp_flows" / "appointment_booking.json")) as url:
        page.goto(url)
        for name, value in (("department", "shop"), ("date", "2026-06-02"), ("time", "14_30")):
            page.select_option(f"select[name={name}]", value)
        page.click(".cta")
        request = json.loads(page.locator("#panel-request").inner_text())
        assert request["action"] == "data_exchange" and request["screen"] == "APPOINTMENT"
        assert request["data"] == {"department": "shop", "date": "2026-06-02", "time": "14_30"}
        page.click("#reply-send")
        page.wait_for_selector(".sheet[data-screen=DETAILS]")
    assert tab.errors == []


def live_flow() -> dict[str, Any]:
    children = [
        {"type": "TextInput", "name": "who", "label": "Name"},
        {"type": "TextBody", "text": "Hello ${form.who}"},
        {"type": "OptIn", "name": "agree", "label": "I agree"},
        {
            "type": "If",
            "condition": "${form.agree}",
            "then": [{"type": "TextBody", "text": "Thanks"}],
        },
        {
            "type": "Footer",
            "label": "Send",
            "on-click-action": {"name": "complete", "payload": {"who": "${form.who}"}},
        },
    ]
    screen = {"id": "ASK", "title": "Ask", "terminal": True, "layout": {"children": children}}
    return {"version": "7.3", "screens": [screen]}


def test_form_references_on_the_same_screen_follow_what_is_typed(new_tab: NewTab) -> None:
    from playwright.sync_api import expect  # installed: the fixture checked

    tab = new_tab()
    page = tab.page
    with preview_server(live_flow()) as url:
        page.goto(url)
        assert "Thanks" not in page.locator(".content").inner_text()
        page.fill("input[name=who]", "Ada")
        page.press("input[name=who]", "Tab")
        expect(page.locator(".content")).to_contain_text("Hello Ada")
        page.check("input[name=agree]")
        expect(page.locator(".content")).to_contain_text("Thanks")
        assert page.input_value("input[name=who]") == "Ada"
        page.click(".cta")
        assert json.loads(page.locator("#panel-complete").inner_text())["who"] == "Ada"
    assert tab.errors == []


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def test_render_png_takes_one_phone_sized_picture_per_screen(tmp_path: Path) -> None:
    browser_path()
    args = [
        "-m",
        str(ROOT / "flows.yaml"),
        "render",
        "tour_inquiry",
        "--png",
        "--out",
        str(tmp_path),
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    pngs = sorted(p.name for p in tmp_path.glob("*.png"))
    assert pngs == ["CONFIRM.png", "CONTACT.png", "TOUR.png"]
    assert {png_size(tmp_path / name) for name in pngs} == {(360, 740)}


def select_flow() -> dict[str, Any]:
    update = {"name": "update_data", "payload": {"msg": "Picked one"}}
    children = [
        {"type": "TextBody", "text": "${data.msg}"},
        {
            "type": "RadioButtonsGroup",
            "name": "r",
            "label": "Pick",
            "data-source": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
            "on-select-action": update,
        },
        {
            "type": "OptIn",
            "name": "terms",
            "label": "Terms",
            "on-click-action": {"name": "open_url", "url": "https://example.com/terms"},
        },
        {"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}},
    ]
    data = {"msg": {"type": "string", "__example__": "Nothing yet"}}
    screen = {"id": "PICK", "title": "Pick", "terminal": True, "data": data}
    return {"version": "7.3", "screens": [{**screen, "layout": {"children": children}}]}


def test_update_data_redraws_the_screen_and_open_url_names_the_link(new_tab: NewTab) -> None:
    from playwright.sync_api import expect  # installed: the fixture checked

    tab = new_tab()
    page = tab.page
    with preview_server(select_flow()) as url:
        page.goto(url)
        assert "Nothing yet" in page.locator(".content").inner_text()
        page.get_by_text("B", exact=True).click()
        expect(page.locator(".content")).to_contain_text("Picked one")
        assert page.locator("input[value=b]").is_checked()
        page.get_by_text("Read more").click()
        expect(page.locator("#panel")).to_contain_text("https://example.com/terms")
    assert tab.errors == []


def test_navigation_list_items_and_embedded_links_move_between_screens(new_tab: NewTab) -> None:
    tab = new_tab()
    page = tab.page
    with preview_server(load(COMPONENTS)) as url:
        page.goto(url)
        page.click(".nav-item[data-item=inputs]")
        page.wait_for_selector(".sheet[data-screen=INPUTS]")
        page.get_by_text("Skip to media").click()
        page.wait_for_selector(".sheet[data-screen=MEDIA]")
        page.click("[data-back]")
        page.wait_for_selector(".sheet[data-screen=INPUTS]")
    assert tab.errors == []


def test_field_labels_match_and_range_boxes_do_not_touch(new_tab: NewTab, tmp_path: Path) -> None:
    doc = load(COMPONENTS)
    page = tmp_path / "INPUTS.html"
    page.write_text(flow_pages(doc, theme="dark")["INPUTS"], encoding="utf-8")
    tab = new_tab()
    tab.page.goto(page.as_uri())
    size = "el => getComputedStyle(el).fontSize + ' ' + getComputedStyle(el).fontWeight"
    notes = tab.page.locator("label[for='f-notes']").evaluate(size)
    assert notes == tab.page.locator("label[for='f-day']").evaluate(size)
    check_in = tab.page.locator("[data-field='stay.start-date'] .box").bounding_box()
    check_out = tab.page.locator("[data-field='stay.end-date'] label").bounding_box()
    assert check_in["y"] + check_in["height"] < check_out["y"]

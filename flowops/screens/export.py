"""Writes a flow's screen pages (and PNGs, when a browser is found) into a folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flowops.screens import flow_pages
from flowops.screens.browser import BrowserError, content_height, find_browser, screenshot

PHONE = (360, 740)  # the phone frame drawn by page.phone, borders included
NO_BROWSER = (
    "no Chromium found on PATH (chromium, chromium-browser, google-chrome), so only HTML "
    "was written; install one (Debian: apt-get install chromium) or set FLOWOPS_CHROMIUM"
)


@dataclass
class Written:
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def write_flow(
    doc: Any, out: Path, *, title: str, theme: str, screen: str | None, png: bool
) -> Written:
    """``SCREEN.html`` per screen (only ``screen`` if given) and ``index.html`` for all."""
    pages = flow_pages(doc, theme=theme, title=title)
    if screen is not None:
        pages = {screen: pages[screen]}
    out.mkdir(parents=True, exist_ok=True)
    done = Written()
    for name, html in pages.items():
        path = out / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        done.files.append(path)
    if png:
        shots = [p for p in done.files if p.stem != "index"]
        take_pngs(shots, PHONE, done)
    return done


def take_pngs(
    pages: list[Path],
    size: tuple[int, int],
    done: Written,
    size_of: Callable[[Path], tuple[int, int]] | None = None,
    *,
    fit: bool = False,
) -> None:
    """A PNG beside each page, or one note saying why there are none. ``fit``: as tall as
    the page's content, so nothing below the first ``size`` pixels is left out."""
    browser = find_browser()
    if browser is None:
        done.notes.append(NO_BROWSER)
        return
    for page in pages:
        png = page.with_suffix(".png")
        try:
            wanted = size_of(page) if size_of else size
            if fit:
                wanted = (wanted[0], content_height(browser, page, wanted))
            screenshot(browser, page, png, wanted)
        except BrowserError as exc:
            done.notes.append(f"{png.name}: {exc}")
            continue
        done.files.append(png)

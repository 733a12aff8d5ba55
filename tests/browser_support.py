"""A real headless Chromium for tests: the system's, driven by Playwright (nothing downloaded).

Without a browser the tests skip and say why; with ``CI=true`` they fail instead, so CI
can never pass without having run them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from flowops.preview.server import make_server
from flowops.screens.browser import find_browser

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"]


def browser_path() -> str:
    path = find_browser()
    missing = ""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "Playwright is not installed (pip install -e '.[dev]')"
    if path is None:
        missing = "no Chromium on PATH (Debian: apt-get install chromium)"
    if missing and os.environ.get("CI") == "true":
        pytest.fail(f"CI must run the browser tests, but {missing}")
    if missing:
        pytest.skip(f"browser tests skipped: {missing}")
    return str(path)


class Tab:
    """A page that records console errors and uncaught exceptions."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))


@pytest.fixture(scope="module")
def new_tab() -> Iterator[Callable[[], Tab]]:
    path = browser_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=path, args=ARGS)
        tabs: list[Any] = []

        def make() -> Tab:
            page = browser.new_page(viewport={"width": 1100, "height": 800})
            page.set_default_timeout(10_000)
            tabs.append(page)
            return Tab(page)

        yield make
        browser.close()


@contextmanager
def preview_server(doc: Any, title: str = "flow") -> Iterator[str]:
    server = make_server(doc, title, theme="light", port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()

"""Screen rendering speed: HTML per screen, and a headless Chromium PNG per screen.

Renders every screen of the example flows and of the component fixture (best of 5
rounds), then a flow of 100 screens with 50 components each (Meta's limits), and, when
a Chromium is on PATH, times ``--png`` for one screen. Target: HTML ≤ 5 ms per screen.
Run: ``.venv/bin/python benchmarks/screens.py``
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any

from flowops.screens import flow_pages, screen_ids, screen_page
from flowops.screens.browser import find_browser, screenshot
from flowops.screens.export import PHONE

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    *sorted((ROOT / "whatsapp_flows").glob("*.json")),
    ROOT / "tests" / "data" / "screens" / "components.json",
]
TARGET_MS = 5.0


def per_screen(docs: list[Any]) -> float:
    screens = sum(len(screen_ids(d)) for d in docs)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for doc in docs:
            for sid in screen_ids(doc):
                screen_page(doc, sid)
        best = min(best, time.perf_counter() - start)
    return best / screens * 1000


def big_flow() -> dict[str, Any]:
    def screen(n: int) -> dict[str, Any]:
        kids = [{"type": "TextInput", "name": f"f{i}", "label": f"Field {i}"} for i in range(49)]
        kids.append({"type": "Footer", "label": "Next", "on-click-action": {"name": "complete"}})
        return {"id": f"S_{n}", "title": f"Screen {n}", "layout": {"children": kids}}

    return {"version": "7.3", "screens": [screen(n) for n in range(100)]}


def png_seconds(doc: Any) -> float | None:
    browser = find_browser()
    if browser is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "s.html"
        page.write_text(screen_page(doc, screen_ids(doc)[0]), encoding="utf-8")
        start = time.perf_counter()
        screenshot(browser, page, Path(tmp) / "s.png", PHONE)
        return time.perf_counter() - start


def main() -> None:
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in SOURCES]
    ms = per_screen(docs)
    print(f"HTML: {ms:.2f} ms per screen (examples + component fixture); target ≤ {TARGET_MS} ms")
    start = time.perf_counter()
    flow_pages(big_flow())
    print(f"HTML: 100 screens × 50 components in {time.perf_counter() - start:.2f} s")
    seconds = png_seconds(docs[0])
    shown = "no Chromium on PATH" if seconds is None else f"{seconds:.2f} s per screen"
    print(f"PNG (headless Chromium, one process per shot): {shown}")


if __name__ == "__main__":
    main()

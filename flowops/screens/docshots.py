"""The README's pictures: a PNG of every screen of every flow in flows.yaml, under docs/.

PNG pixels differ between Chromium versions and fonts, so currency is judged on the
HTML each PNG was taken of: ``rendered.json`` records its sha256 beside the PNGs, and
``stale`` re-renders (no browser needed) and names every PNG whose page changed.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

from flowops import manifest
from flowops.screens import screen_ids, screen_page
from flowops.screens.browser import BrowserError, find_browser, screenshot
from flowops.screens.export import NO_BROWSER, PHONE
from flowops.screens.source import read_flow

RECORD = "rendered.json"


def pages(manifest_path: Path) -> dict[str, str]:
    """``{"FLOW/SCREEN.png": page HTML}`` in the light theme."""
    flows = manifest.load(manifest_path).flows
    out: dict[str, str] = {}
    for key, spec in sorted(flows.items()):
        doc = read_flow(manifest_path.parent / spec.file)
        for screen in screen_ids(doc):
            out[f"{key}/{screen}.png"] = screen_page(doc, screen, theme="light", title=key)
    return out


def digest(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8")).hexdigest()


def stale(manifest_path: Path, folder: Path) -> list[str]:
    """PNGs that are missing, out of date, or no longer belong to a screen."""
    try:
        recorded = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        recorded = {}
    current = {name: digest(html) for name, html in pages(manifest_path).items()}
    wrong = [n for n, h in current.items() if recorded.get(n) != h or not (folder / n).is_file()]
    return sorted(wrong + [n for n in recorded if n not in current])


def write(manifest_path: Path, folder: Path) -> list[Path]:
    """Screenshots every screen into ``folder`` and records the HTML digests."""
    browser = find_browser()
    if browser is None:
        raise BrowserError(NO_BROWSER)
    made: list[Path] = []
    record: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="flowops-docs-") as tmp:
        for name, html in pages(manifest_path).items():
            page = Path(tmp) / name.replace("/", "__").replace(".png", ".html")
            page.write_text(html, encoding="utf-8")
            png = folder / name
            png.parent.mkdir(parents=True, exist_ok=True)
            screenshot(browser, page, png, PHONE)
            record[name] = digest(html)
            made.append(png)
    text = json.dumps(record, indent=2, sort_keys=True) + "\n"
    (folder / RECORD).write_text(text, encoding="utf-8")
    return made

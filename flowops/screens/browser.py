"""Screenshots with a headless Chromium found on PATH (none is bundled or downloaded)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)
TIMEOUT = 60
MAX_HEIGHT = 16_000  # pixels: a screen of 50 components fits with room to spare
MEASURE = (
    '<script>document.body.setAttribute("data-flowops-height",'
    "String(Math.ceil(document.documentElement.scrollHeight)))</script>"
)
MEASURED = re.compile(r'data-flowops-height="([0-9]+)"')


class BrowserError(Exception):
    """The browser is missing or failed; the message says what to do."""


def find_browser() -> str | None:
    """``$FLOWOPS_CHROMIUM``, else the first Chromium-like command on PATH."""
    chosen = os.environ.get("FLOWOPS_CHROMIUM")
    if chosen:
        return shutil.which(chosen)
    return next((found for name in NAMES if (found := shutil.which(name))), None)


def screenshot(browser: str, page: Path, png: Path, size: tuple[int, int]) -> None:
    """Loads ``page`` (a local file) and writes ``png`` of ``size`` pixels."""
    done = _run(browser, page, size, f"--screenshot={png.resolve()}")
    if done.returncode != 0 or not png.is_file():
        raise BrowserError(f"{browser} exited {done.returncode}: {_last_line(done)}")


def content_height(browser: str, page: Path, size: tuple[int, int]) -> int:
    """The height ``page`` needs at ``size``'s width to show all of it: at least ``size``'s
    height, at most ``MAX_HEIGHT``. Measured on a copy that may run one script."""
    html = page.read_text(encoding="utf-8")
    html = html.replace("script-src 'none'", "script-src 'unsafe-inline'", 1)
    with tempfile.TemporaryDirectory(prefix="flowops-measure-") as folder:
        copy = Path(folder) / "page.html"
        copy.write_text(html.replace("</body>", f"{MEASURE}</body>", 1), encoding="utf-8")
        done = _run(browser, copy, size, "--dump-dom")
    found = MEASURED.search(done.stdout.decode("utf-8", "replace"))
    if done.returncode != 0 or found is None:
        raise BrowserError(f"{browser} could not measure the page: {_last_line(done)}")
    return min(max(int(found.group(1)), size[1]), MAX_HEIGHT)


def _run(browser: str, page: Path, size: tuple[int, int], action: str) -> Any:
    with tempfile.TemporaryDirectory(prefix="flowops-chromium-") as profile:
        command = [
            browser,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={size[0]},{size[1]}",
            action,
            page.resolve().as_uri(),
        ]
        try:
            return subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise BrowserError(f"{browser} did not load the page ({exc})") from None


def _last_line(done: Any) -> str:
    tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
    return str(tail[0])

"""Screenshots with a headless Chromium found on PATH (none is bundled or downloaded)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

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
    with tempfile.TemporaryDirectory(prefix="flowops-chromium-") as profile:
        command = [
            browser,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={size[0]},{size[1]}",
            f"--screenshot={png.resolve()}",
            page.resolve().as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise BrowserError(f"{browser} did not take the screenshot ({exc})") from None
    if done.returncode != 0 or not png.is_file():
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise BrowserError(f"{browser} exited {done.returncode}: {tail[0]}")

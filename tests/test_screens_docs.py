"""The README's screen pictures (docs/screens) match what the renderer draws today."""

from __future__ import annotations

import shutil
from pathlib import Path

from flowops.screens.docshots import stale

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "docs" / "screens"


def test_the_readme_screen_pictures_are_current() -> None:
    wrong = stale(ROOT / "flows.yaml", FOLDER)
    assert wrong == [], f"docs/screens is out of date for {wrong}: run scripts/render-docs"


def test_an_edited_screen_makes_only_its_picture_stale(tmp_path: Path) -> None:
    for name in ("flows.yaml", "traditional_flows.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "whatsapp_flows", tmp_path / "whatsapp_flows")
    shutil.copytree(FOLDER, tmp_path / "shots")
    flow = tmp_path / "whatsapp_flows" / "tour_inquiry.json"
    flow.write_text(flow.read_text(encoding="utf-8").replace("Your details", "Contact"))
    (tmp_path / "shots" / "date_picker" / "PICK_DATE.png").unlink()
    assert stale(tmp_path / "flows.yaml", tmp_path / "shots") == [
        "date_picker/PICK_DATE.png",
        "tour_inquiry/CONTACT.png",
    ]

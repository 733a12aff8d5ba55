"""``flowops validate FOLDER``: every Flow JSON file in it, and an empty folder is an error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from flowops.cli import cli

EXAMPLES = Path(__file__).resolve().parent.parent / "whatsapp_flows"


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["-m", str(root / "flows.yaml"), "validate", *args])


def copy_examples(root: Path) -> Path:
    folder = root / "flows" / "nested"
    folder.mkdir(parents=True)
    for name in ("tour_inquiry.json", "date_picker.json"):
        shutil.copy(EXAMPLES / name, folder / name)
    return root / "flows"


def test_folder_validates_every_json_file_below_it(tmp_path: Path) -> None:
    folder = copy_examples(tmp_path)
    broken = json.loads((folder / "nested" / "date_picker.json").read_text(encoding="utf-8"))
    broken["screens"][0]["id"] = "SUCCESS"
    (folder / "broken.json").write_text(json.dumps(broken, indent=2), encoding="utf-8")
    result = run(tmp_path, str(folder), "--format", "json")
    report = json.loads(result.output)
    assert result.exit_code == 1
    assert {p["file"] for p in report["problems"]} == {"flows/broken.json"}
    assert report["summary"]["flows"] == 3


def test_folder_of_valid_flows_passes(tmp_path: Path) -> None:
    result = run(tmp_path, str(copy_examples(tmp_path)))
    assert (result.exit_code, result.output) == (0, "All 2 flows valid.\n")


def test_empty_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run(tmp_path, str(tmp_path / "empty"))
    assert result.exit_code == 1
    assert (
        "error NO_FLOW_FILES: The folder empty holds no Flow JSON (*.json) files." in result.output
    )

"""``flowops validate PATH…``: folders, empty folders and the traditional-flow catalogue."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.clirun import invoke

EXAMPLES = Path(__file__).resolve().parent.parent / "whatsapp_flows"


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
    result = invoke(tmp_path, "validate", str(folder), "--format", "json")
    report = json.loads(result.output)
    assert result.exit_code == 1
    assert {p["file"] for p in report["problems"]} == {"flows/broken.json"}
    assert report["summary"]["flows"] == 3


def test_folder_of_valid_flows_passes(tmp_path: Path) -> None:
    result = invoke(tmp_path, "validate", str(copy_examples(tmp_path)))
    assert (result.exit_code, result.output) == (0, "All 2 flows valid.\n")


def test_empty_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = invoke(tmp_path, "validate", str(tmp_path / "empty"))
    assert result.exit_code == 1
    assert (
        "error NO_FLOW_FILES: The folder empty holds no Flow JSON (*.json) files." in result.output
    )


def test_a_json_catalogue_named_on_the_command_line_checks_the_project(tmp_path: Path) -> None:
    (tmp_path / "flows").mkdir()
    shutil.copy(EXAMPLES / "date_picker.json", tmp_path / "flows" / "d.json")
    manifest = "version: 1\ntraditional_flows: catalogue.json\nflows:\n"
    manifest += "  d: {file: flows/d.json, flow_definition_name: pick_flow}\n"
    (tmp_path / "flows.yaml").write_text(manifest, encoding="utf-8")
    (tmp_path / "catalogue.json").write_text('["other_flow"]', encoding="utf-8")
    result = invoke(tmp_path, "validate", str(tmp_path / "catalogue.json"))
    assert result.exit_code == 0
    assert "flows.yaml:4:49: warning MANIFEST_TRADITIONAL_FLOW_NOT_FOUND" in result.output


def test_a_catalogue_is_recognised_while_the_manifest_has_errors(tmp_path: Path) -> None:
    (tmp_path / "flows.yaml").write_text(
        "version: 1\ntraditional_flows: catalogue.yaml\nflowz: {}\n", encoding="utf-8"
    )
    (tmp_path / "catalogue.yaml").write_text("- a_flow\n", encoding="utf-8")
    result = invoke(tmp_path, "validate", str(tmp_path / "catalogue.yaml"))
    assert result.exit_code == 1
    assert "flows.yaml:3:1: error MANIFEST_UNKNOWN_KEY: Unknown key 'flowz'" in result.output

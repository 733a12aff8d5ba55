"""The committed per-version schemas are exactly what scripts/build-schemas generates."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from flowops.flowjson import validate_text, versions
from flowops.flowjson.schema import build_schema, file_name, render
from flowops.schemas import schemas_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("version", versions.KNOWN, ids=versions.text)
def test_committed_schema_matches_generator(version: tuple[int, int]) -> None:
    committed = ROOT / "schemas" / "flowjson" / file_name(version)
    assert committed.read_text(encoding="utf-8") == render(version)


def test_no_stray_schema_files() -> None:
    names = {p.name for p in (ROOT / "schemas" / "flowjson").glob("*.json")}
    assert names == {file_name(v) for v in versions.KNOWN}


@pytest.mark.parametrize("version", versions.KNOWN, ids=versions.text)
def test_schema_is_valid_draft_2020_12(version: tuple[int, int]) -> None:
    jsonschema.Draft202012Validator.check_schema(build_schema(version))


def test_build_script_check_mode_passes_on_a_clean_tree() -> None:
    script = ROOT / "scripts" / "build-schemas"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 schema file(s) out of date" in done.stdout


def test_schemas_dir_is_the_repository_folder_outside_a_wheel() -> None:
    assert (schemas_dir() / "flowjson" / "7.3.json").is_file()


def test_version_gates_in_generated_schemas() -> None:
    old, new = build_schema((6, 0)), build_schema((6, 3))
    assert "ChipsSelector" not in old["$defs"] and "ChipsSelector" in new["$defs"]
    assert "data_channel_uri" in build_schema((2, 1))["properties"]
    assert "data_channel_uri" not in build_schema((3, 0))["properties"]
    assert "sensitive" in build_schema((5, 1))["$defs"]["screen"]["properties"]
    assert "sensitive" not in build_schema((5, 0))["$defs"]["screen"]["properties"]


def test_schemas_dir_prefers_the_copy_inside_an_installed_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flowops.schemas as locator

    package = tmp_path / "flowops"
    (package / "_schemas" / "flowjson").mkdir(parents=True)
    monkeypatch.setattr(locator, "_PACKAGE_DIR", package)
    assert locator.schemas_dir() == package / "_schemas"
    assert locator.schema_path("flowjson", "7.3.json") == package / "_schemas/flowjson/7.3.json"


def _doc(version: tuple[int, int], **top: object) -> str:
    children: list[dict[str, object]] = [
        {"type": "TextInput", "name": "who", "label": "Name"},
        {"type": "Footer", "label": "Send", "on-click-action": {"name": "complete"}},
    ]
    if version < (4, 0):
        children = [{"type": "Form", "name": "form", "children": children}]
    layout = {"type": "SingleColumnLayout", "children": children}
    screen = {"id": "ONLY", "terminal": True, "layout": layout}
    return json.dumps({"version": versions.text(version), "screens": [screen], **top})


def _error_codes(text: str) -> list[str]:
    return [p.code for p in validate_text(text) if p.is_error]


@pytest.mark.parametrize("version", versions.KNOWN, ids=versions.text)
def test_top_level_keys_of_each_version(version: tuple[int, int]) -> None:
    assert _error_codes(_doc(version)) == []
    uri = _error_codes(_doc(version, data_channel_uri="https://example.com"))
    assert uri == ([] if version < (3, 0) else ["INVALID_PROPERTY_KEY"])
    assert _error_codes(_doc(version, metadata={})) == ["INVALID_PROPERTY_KEY"]
    routing = {"routing_model": {"ONLY": []}}
    assert _error_codes(_doc(version, data_api_version="3.0", **routing)) == []
    assert _error_codes(_doc(version, data_api_version="2.0", **routing)) == ["INVALID_ENUM_VALUE"]


def test_the_wheel_ships_schemas_where_the_locator_looks() -> None:
    tomllib = pytest.importorskip("tomllib")
    root = Path(__file__).resolve().parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    included = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert included == {"schemas": "flowops/_schemas"}
    assert (root / "schemas" / "flows.schema.json").is_file()

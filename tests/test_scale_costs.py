"""Work that must not grow with the square of the number of flows (counted, never timed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from flowops import manifest as manifest_pkg
from flowops.lock import file as lockfile
from flowops.lock.journal import journal_path
from flowops.pipeline import engine
from flowops.validate import project as validate_project_module
from flowops.validate import validate_paths, validate_project
from tests.fakes_flows import FakeFlowsAPI, make_project

ENDPOINT_FLOW = """{
  "version": "7.3",
  "data_api_version": "3.0",
  "routing_model": {"ONLY": []},
  "screens": [
    {
      "id": "ONLY",
      "title": "Only",
      "terminal": true,
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          {"type": "Footer", "label": "Done", "on-click-action": {"name": "complete"}}
        ]
      }
    }
  ]
}
"""


def _endpoint_project(root: Path, flows: int) -> Path:
    (root / "whatsapp_flows").mkdir()
    lines = ["version: 1", "environments:", "  a: {emulator: true}", "  b: {emulator: true}"]
    lines.append("flows:")
    for n in range(flows):
        (root / "whatsapp_flows" / f"f{n}.json").write_text(ENDPOINT_FLOW)
        lines += [f"  f{n}:", f"    file: whatsapp_flows/f{n}.json"]
        lines.append("    flow_definition_name: null")
        if n % 2:
            lines.append("    endpoint_uri: https://example.com/x")
    (root / "flows.yaml").write_text("\n".join(lines) + "\n")
    return root / "flows.yaml"


def _counting(calls: list[str], func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(func.__name__)
        return func(*args, **kwargs)

    return wrapper


def test_endpoint_warnings_build_each_environment_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = _endpoint_project(tmp_path, 40)
    calls: list[str] = []
    counting = _counting(calls, manifest_pkg.flows_for)
    monkeypatch.setattr(validate_project_module, "flows_for", counting)
    from flowops.validate import endpoints

    monkeypatch.setattr(endpoints, "flows_for", counting, raising=False)
    report = validate_project(manifest)
    warned = sorted(p.pointer for p in report.problems if p.code == "MANIFEST_ENDPOINT_MISSING")
    assert warned == sorted(f"/flows/f{n}" for n in range(0, 40, 2))
    environments = manifest_pkg.load(manifest).environments
    assert len(calls) == len(environments)  # once each, not once per endpoint file


def _many_flows(manifest: Path, extra: int) -> None:
    root = manifest.parent
    survey = (root / "whatsapp_flows" / "survey.json").read_text(encoding="utf-8")
    lines = []
    for n in range(extra):
        text = survey.replace("Rate us", f"Rate us #{n}")
        (root / "whatsapp_flows" / f"extra_{n}.json").write_text(text, encoding="utf-8")
        lines.append(f"  extra_{n}:\n    file: whatsapp_flows/extra_{n}.json\n")
        lines.append("    flow_definition_name: null\n")
    manifest.write_text(manifest.read_text(encoding="utf-8") + "".join(lines), encoding="utf-8")


def test_apply_writes_the_whole_lock_once_however_many_steps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = make_project(tmp_path)
    _many_flows(manifest, 30)
    project = engine.open_project(manifest, "local")
    api = FakeFlowsAPI()
    plan = engine.plan(project, api, engine.options_for(project, lockfile.Lock()))
    saves: list[str] = []
    monkeypatch.setattr(lockfile, "save", _counting(saves, lockfile.save))
    result, _ = engine.apply(project, plan, api)
    assert result.ok, result.failed
    assert len(saves) == 1  # not once per step: each step is appended to the journal
    assert len(lockfile.load(project.lock_path).entries("local")) == 33 == len(api.flows)
    assert not journal_path(project.lock_path).exists()


def test_validate_of_a_folder_resolves_each_path_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = _endpoint_project(tmp_path, 30)
    resolved: list[str] = []
    monkeypatch.setattr(Path, "resolve", _counting(resolved, Path.resolve))
    report = validate_paths([tmp_path / "whatsapp_flows"], manifest)
    assert report.files == 30
    # once to name it, once for what the manifest says of it, twice in the manifest's checks
    assert len(resolved) <= 4 * 30 + 5

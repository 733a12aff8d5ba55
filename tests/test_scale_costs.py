"""Work that must not grow with the square of the number of flows (counted, never timed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from flowops import manifest as manifest_pkg
from flowops.validate import project as validate_project_module
from flowops.validate import validate_project

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

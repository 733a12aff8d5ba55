"""``flowops validate`` through click: formats, exit codes, single files, new-user mistakes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import Result

from tests.clirun import invoke

FLOW = """{
  "version": "7.3",
  "screens": [
    {
      "id": "ASK_NAME",
      "title": "Your name",
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          {"type": "TextInput", "name": "full_name", "label": "Full name", "required": true},
          {
            "type": "Footer",
            "label": "Next",
            "on-click-action": {
              "name": "navigate",
              "next": {"type": "screen", "name": "CONFIRM"},
              "payload": {"who": "${form.full_name}"}
            }
          }
        ]
      }
    },
    {
      "id": "CONFIRM",
      "title": "Confirm",
      "terminal": true,
      "data": {"who": {"type": "string", "__example__": "Ada"}},
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          {"type": "TextBody", "text": "${data.who}"},
          {
            "type": "Footer",
            "label": "Send",
            "on-click-action": {"name": "complete", "payload": {"full_name": "${data.who}"}}
          }
        ]
      }
    }
  ]
}
"""
MANIFEST = """version: 1
traditional_flows: [ask_flow]
flows:
  ask:
    file: whatsapp_flows/ask.json
    flow_definition_name: ask_flow
"""


def project(root: Path, manifest: str = MANIFEST, flow: str = FLOW) -> Path:
    (root / "whatsapp_flows").mkdir(parents=True, exist_ok=True)
    (root / "whatsapp_flows" / "ask.json").write_text(flow, encoding="utf-8")
    (root / "flows.yaml").write_text(manifest, encoding="utf-8")
    return root


def test_valid_project_exits_zero_with_a_summary(tmp_path: Path) -> None:
    result = invoke(project(tmp_path), "validate")
    assert result.exit_code == 0, result.output
    assert result.output == "1 flow valid.\n"


def test_manifest_error_exits_one_with_file_line_col(tmp_path: Path) -> None:
    result = invoke(project(tmp_path, MANIFEST.replace("file:", "fiel:")), "validate")
    assert result.exit_code == 1
    assert "flows.yaml:5:5: error MANIFEST_UNKNOWN_KEY: Unknown key 'fiel'" in result.output
    assert "Did you mean 'file'?" in result.output
    assert result.output.rstrip().endswith("in 1 file")


def test_warning_alone_exits_zero_but_strict_fails(tmp_path: Path) -> None:
    root = project(tmp_path, MANIFEST.replace("[ask_flow]", "[other_flow]"))
    relaxed = invoke(root, "validate")
    assert relaxed.exit_code == 0
    assert "warning MANIFEST_TRADITIONAL_FLOW_NOT_FOUND" in relaxed.output
    assert "Traditional flow 'ask_flow' not found (flow 'ask' links to it)" in relaxed.output
    strict = invoke(root, "validate", "--strict")
    assert strict.exit_code == 1
    assert "flows.yaml:6:27: error MANIFEST_TRADITIONAL_FLOW_NOT_FOUND" in strict.output


def test_flow_files_are_checked_even_when_the_manifest_has_errors(tmp_path: Path) -> None:
    manifest = MANIFEST + "  b: {file: whatsapp_flows/ask.json, publish: maybe}\n"
    root = project(tmp_path, manifest, flow=FLOW.replace('"version": "7.3"', '"version": 7.3'))
    result = invoke(root, "validate")
    assert result.exit_code == 1
    files = {line.split(":")[0] for line in problem_lines(result)}
    assert files == {"flows.yaml", "whatsapp_flows/ask.json"}


def test_json_format(tmp_path: Path) -> None:
    result = invoke(
        project(tmp_path, MANIFEST.replace("ask:\n", "Ask:\n")), "validate", "--format", "json"
    )
    assert result.exit_code == 1
    body = json.loads(result.output)
    assert body["version"] == 1
    assert body["summary"]["errors"] == 1
    assert body["summary"]["valid"] is False
    [problem] = body["problems"]
    assert (problem["file"], problem["line"], problem["col"]) == ("flows.yaml", 4, 3)
    assert (problem["code"], problem["severity"]) == ("MANIFEST_INVALID_NAME", "error")


def test_github_format_escapes_properties_and_data(tmp_path: Path) -> None:
    manifest = MANIFEST + "  b:\n    file: 'whatsapp_flows/x,y:z.json'\n"
    result = invoke(project(tmp_path, manifest), "validate", "--format", "github")
    assert result.exit_code == 1
    line = next(x for x in result.output.splitlines() if x.startswith("::error"))
    assert line.startswith("::error file=flows.yaml,line=8,col=11,title=MANIFEST_FILE_NOT_FOUND::")
    assert "x,y:z.json" in line  # the message part keeps , and :
    assert "%0AHint: Paths are relative" in line
    assert result.output.splitlines()[-1] == "1 error in 1 file"


def test_github_property_escaping_of_file_names(tmp_path: Path) -> None:
    odd = tmp_path / "odd,name:1.json"
    odd.write_text("{", encoding="utf-8")
    result = invoke(project(tmp_path), "validate", "--format", "github", str(odd))
    assert result.exit_code == 1
    assert "file=odd%2Cname%3A1.json," in result.output


def test_single_flow_file_is_validated_alone(tmp_path: Path) -> None:
    root = project(tmp_path)
    result = invoke(root, "validate", str(root / "whatsapp_flows" / "ask.json"))
    assert result.exit_code == 0, result.output
    assert result.output == "1 flow valid.\n"


def test_single_file_problems_use_paths_relative_to_the_repository(tmp_path: Path) -> None:
    root = project(tmp_path, flow=FLOW.replace('"version": "7.3"', '"version": 7.3'))
    result = invoke(root, "validate", str(root / "whatsapp_flows" / "ask.json"))
    assert result.exit_code == 1
    assert result.output.startswith("whatsapp_flows/ask.json:2:")


def test_missing_path_is_reported(tmp_path: Path) -> None:
    result = invoke(project(tmp_path), "validate", str(tmp_path / "nope.json"))
    assert result.exit_code == 1
    assert "FILE_NOT_FOUND" in result.output


def test_yaml_path_validates_that_manifest(tmp_path: Path) -> None:
    other = project(tmp_path / "other", MANIFEST.replace("version: 1", "version: 3"))
    result = invoke(project(tmp_path / "main"), "validate", str(other / "flows.yaml"))
    assert result.exit_code == 1
    assert "flows.yaml:1:10: error MANIFEST_VERSION" in result.output


def test_catalogue_path_validates_the_project(tmp_path: Path) -> None:
    manifest = MANIFEST.replace("[ask_flow]", "catalogue.yaml")
    root = project(tmp_path, manifest)
    (root / "catalogue.yaml").write_text("- other_flow\n", encoding="utf-8")
    result = invoke(root, "validate", str(root / "catalogue.yaml"), "--strict")
    assert result.exit_code == 1
    assert "Traditional flow 'ask_flow' not found" in result.output


def test_manifest_and_its_flow_file_named_together_report_each_problem_once(
    tmp_path: Path,
) -> None:
    root = project(tmp_path, flow=FLOW.replace('"version": "7.3"', '"version": 7.3'))
    flow = str(root / "whatsapp_flows" / "ask.json")
    result = invoke(root, "validate", str(root / "flows.yaml"), flow, flow)
    assert result.exit_code == 1
    assert len(problem_lines(result)) == len(set(problem_lines(result))) > 0
    assert result.output.rstrip().endswith("1 error in 1 file")


def test_missing_manifest_tells_how_to_start(tmp_path: Path) -> None:
    result = invoke(tmp_path, "validate")
    assert result.exit_code == 1
    assert "MANIFEST_NOT_FOUND" in result.output
    assert "flowops init" in result.output


def test_unknown_environment_is_a_user_error(tmp_path: Path) -> None:
    result = invoke(project(tmp_path), "validate", "--env", "staging")
    assert result.exit_code != 0
    assert "staging" in str(result.exception)


def test_no_color_without_a_tty(tmp_path: Path) -> None:
    result = invoke(project(tmp_path, MANIFEST.replace("file:", "fiel:")), "validate")
    assert "\x1b[" not in result.output


def test_endpoint_flow_without_endpoint_uri_warns(tmp_path: Path) -> None:
    flow = FLOW.replace('"version": "7.3",', '"version": "7.3", "data_api_version": "3.0",')
    result = invoke(project(tmp_path, flow=flow), "validate")
    assert "flows.yaml:4:3: warning MANIFEST_ENDPOINT_MISSING" in result.output
    assert "hint: Set endpoint_uri (or overrides.local.endpoint_uri)" in result.output
    draft = invoke(project(tmp_path, MANIFEST + "    publish: false\n", flow=flow), "validate")
    assert "MANIFEST_ENDPOINT_MISSING" not in draft.output


# The three mistakes a new user makes first: each must give ONE message at the right line.


def test_new_user_duplicate_key_in_manifest(tmp_path: Path) -> None:
    manifest = MANIFEST + "flows:\n  other: {file: whatsapp_flows/ask.json}\n"
    result = invoke(project(tmp_path, manifest), "validate")
    assert result.exit_code == 1
    assert problem_lines(result) == [
        "flows.yaml:7:1: error MANIFEST_DUPLICATE_KEY: Duplicate key 'flows' (first defined on"
        " line 3); YAML would keep only the last one."
    ]


def test_new_user_typo_in_a_component_property(tmp_path: Path) -> None:
    flow = FLOW.replace('"label": "Full name"', '"lable": "Full name"')
    result = invoke(project(tmp_path, flow=flow), "validate")
    assert result.exit_code == 1
    [line] = problem_lines(result)
    assert line.startswith("whatsapp_flows/ask.json:10:")
    assert "lable" in line


def test_new_user_navigate_to_a_missing_screen(tmp_path: Path) -> None:
    flow = FLOW.replace('"name": "CONFIRM"}', '"name": "CONFIRMED"}')
    result = invoke(project(tmp_path, flow=flow), "validate")
    assert result.exit_code == 1
    [line] = problem_lines(result)
    assert line.startswith("whatsapp_flows/ask.json:16:")
    assert "CONFIRMED" in line


def problem_lines(result: Result) -> list[str]:
    return [x for x in result.output.splitlines() if ": error " in x or ": warning " in x]


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_shipped_example_is_valid_in_every_format(fmt: str) -> None:
    repo = Path(__file__).parent.parent
    result = invoke(repo, "validate", "--format", fmt, "--strict")
    assert result.exit_code == 0, result.output

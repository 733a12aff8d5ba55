from __future__ import annotations

from pathlib import Path

import pytest

from flowops.errors import ManifestError
from flowops.manifest import flows_for, load, load_with_problems
from flowops.manifest.model import LOCAL_ENV, UpdateStrategy
from flowops.report import Report, Result, formats, render

CASES = Path(__file__).parent / "data" / "manifest"
PASTED_TOKEN = "EAA-fake-token-for-tests-SECRETVALUE"


def write_project(root: Path, manifest: str) -> Path:
    (root / "whatsapp_flows").mkdir(parents=True, exist_ok=True)
    (root / "whatsapp_flows" / "a.json").write_text('{"version": "7.3", "screens": []}')
    path = root / "flows.yaml"
    path.write_text(manifest, encoding="utf-8")
    return path


def test_defaults_overrides_and_builtin_local_environment() -> None:
    manifest = load(CASES / "valid" / "flows.yaml")
    assert manifest.environments[LOCAL_ENV].emulator
    assert manifest.environments["production"].waba_id == "123"
    base = manifest.flows["a"]
    assert (base.name, base.categories, base.publish) == ("a", ("OTHER",), True)
    assert base.update_strategy is UpdateStrategy.IN_PLACE
    assert flows_for(manifest, "production")["a"].name == "a_prod"
    assert flows_for(manifest, LOCAL_ENV)["a"].name == "a"
    assert manifest.traditional_flows == frozenset({"a_flow"})


def test_defaults_yield_to_values_set_on_the_flow(tmp_path: Path) -> None:
    path = write_project(
        tmp_path,
        "version: 1\ndefaults: {publish: false, categories: [SURVEY]}\n"
        "flows:\n  a: {file: whatsapp_flows/a.json, publish: true}\n",
    )
    spec = load(path).flows["a"]
    assert spec.publish is True
    assert spec.categories == ("SURVEY",)


def test_warnings_ride_on_the_manifest() -> None:
    manifest = load(CASES / "traditional_missing" / "flows.yaml")
    assert [p.code for p in manifest.problems] == ["MANIFEST_TRADITIONAL_FLOW_NOT_FOUND"]


def test_load_raises_with_every_error_listed() -> None:
    with pytest.raises(ManifestError) as info:
        load(CASES / "wrong_types" / "flows.yaml")
    assert len(info.value.problems) == 4
    assert "flows.yaml:3:14" in str(info.value)
    assert "flows.yaml:10:16" in str(info.value)


def test_missing_manifest_says_how_to_start(tmp_path: Path) -> None:
    manifest, problems = load_with_problems(tmp_path / "flows.yaml")
    assert manifest is None
    assert [p.code for p in problems] == ["MANIFEST_NOT_FOUND"]
    assert "flowops init" in problems[0].hint


def test_symlink_pointing_outside_the_repository(tmp_path: Path) -> None:
    (tmp_path / "secret.json").write_text("{}")
    path = write_project(
        tmp_path / "repo", "version: 1\nflows:\n  a:\n    file: whatsapp_flows/link.json\n"
    )
    (tmp_path / "repo" / "whatsapp_flows" / "link.json").symlink_to(tmp_path / "secret.json")
    _, problems = load_with_problems(path)
    assert [(p.code, p.line, p.col) for p in problems] == [("MANIFEST_FILE_OUTSIDE_REPO", 4, 11)]
    assert "symlink" in problems[0].message


def test_symlink_inside_the_repository_is_fine(tmp_path: Path) -> None:
    path = write_project(tmp_path, "version: 1\nflows:\n  a: {file: whatsapp_flows/b.json}\n")
    (tmp_path / "whatsapp_flows" / "b.json").symlink_to(tmp_path / "whatsapp_flows" / "a.json")
    assert load_with_problems(path)[1] == []


@pytest.mark.parametrize("fmt", formats("validation"))
def test_pasted_token_is_never_echoed(fmt: str) -> None:
    _, problems = load_with_problems(CASES / "bad_environments" / "flows.yaml")
    assert "MANIFEST_TOKEN_IN_FILE" in {p.code for p in problems}
    rendered = render(Result("validation", Report(problems, files=1)), fmt)
    assert "token_env" in rendered
    assert PASTED_TOKEN not in rendered
    assert PASTED_TOKEN[:12] not in rendered


def test_pasted_token_is_not_in_the_manifest_error() -> None:
    with pytest.raises(ManifestError) as info:
        load(CASES / "bad_environments" / "flows.yaml")
    assert PASTED_TOKEN not in str(info.value)
    assert PASTED_TOKEN not in repr(info.value.problems)


def test_token_in_a_yaml_syntax_error_is_not_echoed(tmp_path: Path) -> None:
    path = write_project(tmp_path, f"version: 1\nenvironments:\n  p: {{token_env: {PASTED_TOKEN}\n")
    _, problems = load_with_problems(path)
    assert [p.code for p in problems] == ["MANIFEST_YAML_SYNTAX"]
    assert PASTED_TOKEN not in problems[0].message


def test_override_can_make_a_name_clash_in_one_environment_only() -> None:
    _, problems = load_with_problems(CASES / "duplicate_names" / "flows.yaml")
    clash = [p for p in problems if "'d'" in p.message]
    assert len(clash) == 1
    assert "production" in clash[0].message


def test_shipped_example_manifest_has_no_problems() -> None:
    repo = Path(__file__).parent.parent
    manifest, problems = load_with_problems(repo / "flows.yaml", strict=True)
    assert problems == []
    assert manifest is not None
    assert manifest.flows["date_picker"].flow_definition_name is None
    assert "production" in manifest.environments


def test_wrong_types_say_how_to_write_the_value() -> None:
    _, problems = load_with_problems(CASES / "wrong_types" / "flows.yaml")
    hints = {p.pointer: p.hint for p in problems}
    assert hints["/settings/max_calls"] == "Write the number without quotes."
    assert hints["/defaults/publish"] == "Write true or false, without quotes."
    assert hints["/flows/a/categories"] == "Write a list, like [OTHER]."
    assert hints["/flows/a/is_active"] == "Write true or false."


def test_unquoted_text_values_say_to_quote_them(tmp_path: Path) -> None:
    path = write_project(
        tmp_path,
        "version: 1\nenvironments:\n  prod: {waba_id: 12, token_env: T, graph_api_version: 23.0}\n"
        "flows:\n  a: {file: whatsapp_flows/a.json, description: 2024}\n",
    )
    _, problems = load_with_problems(path)
    hints = {p.pointer: p.hint for p in problems}
    assert hints["/environments/prod/waba_id"] == "Put the digits in quotes."
    assert hints["/environments/prod/graph_api_version"] == "Write a Graph API version like v23.0."
    assert hints["/flows/a/description"] == "Put the value in quotes so YAML reads it as text."


def test_missing_manifest_points_at_the_one_in_a_parent_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "flows.yaml").write_text("version: 1\n", encoding="utf-8")
    (tmp_path / "whatsapp_flows").mkdir()
    monkeypatch.chdir(tmp_path / "whatsapp_flows")
    _, problems = load_with_problems(Path("flows.yaml"))
    expected = "Found ../flows.yaml: run flowops from .., or `flowops --manifest ../flows.yaml …`."
    assert [(p.code, p.hint) for p in problems] == [("MANIFEST_NOT_FOUND", expected)]


def test_duplicate_name_says_why_and_what_to_do() -> None:
    _, problems = load_with_problems(CASES / "duplicate_names" / "flows.yaml")
    hints = {p.hint for p in problems if p.code == "MANIFEST_DUPLICATE_NAME"}
    assert hints == {
        "Meta needs a unique flow name per WhatsApp Business Account;"
        " give one of them another `name`."
    }

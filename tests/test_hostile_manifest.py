"""flows.yaml values that used to exit 3, keys that hold a token, lock files that are not."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from flowops.cli import cli
from flowops.validate import validate_project

REPO = Path(__file__).parent.parent
TOKEN = "EAA-fake-token-for-tests-SECRETVALUE"


def project(root: Path, manifest: str) -> Path:
    shutil.copytree(REPO / "whatsapp_flows", root / "whatsapp_flows")
    (root / "flows.yaml").write_text(manifest, encoding="utf-8")
    return root / "flows.yaml"


def one_flow(file: str = "whatsapp_flows/tour_inquiry.json", extra: str = "") -> str:
    return f"version: 1\n{extra}flows:\n  tour:\n    file: {file}\n"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("!!float x", "tagged !!float that is not a number"),
        ("!!int x", "tagged !!int that is not an integer"),
        ("!!int 0x", "tagged !!int that is not an integer"),
        ("!!bool x", "tagged !!bool that is not true or false"),
        ("!!timestamp x", "tagged !!timestamp that is not a date"),
        ("9" * 5000, "a number of 5,000 digits"),
    ],
)
def test_bad_scalars_are_syntax_errors_at_the_value(tmp_path: Path, value: str, words: str) -> None:
    manifest = project(tmp_path, one_flow() + f"    description: {value}\n")
    [problem] = validate_project(manifest).problems
    assert (problem.code, problem.line, problem.col) == ("MANIFEST_YAML_SYNTAX", 5, 18)
    assert words in problem.message


@pytest.mark.parametrize(
    ("file", "words"),
    [
        ('"whatsapp_flows/a\\0b.json"', "'whatsapp_flows/a\\0b.json' holds a NUL character"),
        ("whatsapp_flows/" + "a" * 300 + ".json", "has a name too long for the file system"),
        ("loop.json", "'loop.json' is a symlink loop"),
    ],
)
def test_odd_flow_file_paths_are_user_errors(tmp_path: Path, file: str, words: str) -> None:
    manifest = project(tmp_path, one_flow(file))
    os.symlink("loop.json", tmp_path / "loop.json")
    [problem] = validate_project(manifest).problems
    assert (problem.code, problem.line, problem.col) == ("MANIFEST_INVALID_VALUE", 4, 11)
    assert words in problem.message


def test_a_symlink_loop_as_the_catalogue_is_a_user_error(tmp_path: Path) -> None:
    manifest = project(tmp_path, one_flow(extra="traditional_flows: names.yaml\n"))
    os.symlink("names.yaml", tmp_path / "names.yaml")
    [problem] = validate_project(manifest).problems
    assert problem.code == "MANIFEST_CATALOGUE_NOT_FOUND"


@pytest.mark.parametrize("output", ["text", "json", "github"])
def test_a_token_pasted_as_a_key_is_never_echoed(tmp_path: Path, output: str) -> None:
    text = one_flow(extra=f"{TOKEN}: 1\n") + f"    {TOKEN}: 2\n  {TOKEN}:\n    file: x.json\n"
    manifest = project(tmp_path, text)
    result = CliRunner().invoke(cli, ["-m", str(manifest), "validate", "--format", output])
    assert result.exit_code == 1
    assert TOKEN not in result.output and TOKEN[:12] not in result.output
    assert result.output.count("MANIFEST_TOKEN_IN_FILE") == 3
    if output == "text":
        assert "flows.yaml:2:1: error MANIFEST_TOKEN_IN_FILE" in result.output


def test_long_plain_flow_keys_are_not_mistaken_for_tokens(tmp_path: Path) -> None:
    key = "a_very_long_flow_key_" * 4
    manifest = project(
        tmp_path, f"version: 1\nflows:\n  {key}:\n    file: whatsapp_flows/tour_inquiry.json\n"
    )
    assert "MANIFEST_TOKEN_IN_FILE" not in {p.code for p in validate_project(manifest).problems}


def lock_at(lock_file: str) -> str:
    env = f"environments:\n  prod: {{waba_id: '1', token_env: TOK, lock_file: {lock_file}}}\n"
    return one_flow(extra=env)


@pytest.mark.parametrize(
    ("lock_file", "words"),
    [
        ("flows.yaml", "is flows.yaml itself"),
        (".git/config", "is inside .git"),
        ("outside.lock", "points outside the repository through a symlink"),
        ("whatsapp_flows/tour_inquiry.json", "is a file flows.yaml names"),
        ("whatsapp_flows", "is a folder, not a file"),
    ],
)
def test_lock_file_that_apply_would_destroy_is_refused_at_validate(
    tmp_path: Path, lock_file: str, words: str
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".git").mkdir()
    (repo / ".git" / "config").write_text("[core]\n")
    os.symlink(tmp_path / "elsewhere.lock", repo / "outside.lock")
    [problem] = validate_project(project(repo, lock_at(lock_file))).problems
    assert (problem.code, problem.line) == ("MANIFEST_INVALID_VALUE", 3)
    assert words in problem.message and "apply would overwrite it" in problem.message


def test_an_ordinary_lock_file_is_fine(tmp_path: Path) -> None:
    assert validate_project(project(tmp_path, lock_at("locks/prod.lock"))).problems == []


@pytest.mark.parametrize(
    ("name", "words"),
    [("loop.json", "it is a symlink loop"), ("a" * 300 + ".json", "it has a name too long")],
)
def test_odd_paths_on_the_command_line_are_user_errors(
    tmp_path: Path, name: str, words: str
) -> None:
    manifest = project(tmp_path, one_flow())
    os.symlink("loop.json", tmp_path / "loop.json")
    result = CliRunner().invoke(cli, ["-m", str(manifest), "validate", str(tmp_path / name)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    assert "FILE_UNREADABLE" in result.output and words in result.output

"""Options and messages as a Terraform or pre-commit user expects them (issue: options and
messages): options accepted where people type them, and did-you-mean on mistyped names."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from flowops.cli import cli
from tests.clirun import run
from tests.fakes_flows import edit_manifest, make_project


@pytest.fixture
def root(tmp_path: Path) -> Path:
    manifest = make_project(tmp_path)
    edit_manifest(
        manifest,
        "  local: {emulator: true}\n",
        "  local: {emulator: true}\n  production: {waba_id: '1', token_env: WHATSAPP_TOKEN}\n",
    )
    return tmp_path


def test_manifest_option_is_accepted_after_the_command_too(root: Path, tmp_path: Path) -> None:
    elsewhere = root / "team.yaml"
    (root / "flows.yaml").rename(elsewhere)
    for argv in (
        ["validate", "--manifest", str(elsewhere)],
        ["validate", "-m", str(elsewhere), "--strict"],
        ["status", "--manifest", str(elsewhere)],
        ["plan", "--refresh=false", "--manifest", str(elsewhere)],
    ):
        result = CliRunner().invoke(cli, argv)
        assert result.exit_code == 0, (argv, result.output)
    missing = CliRunner().invoke(cli, ["-m", str(tmp_path / "none.yaml"), "validate"])
    assert "pass --manifest PATH" in missing.output  # the hint names an option that works


def test_manifest_after_the_command_wins_over_the_one_before_it(root: Path) -> None:
    (root / "flows.yaml").rename(root / "team.yaml")
    argv = ["-m", str(root / "absent.yaml"), "validate", "--manifest", str(root / "team.yaml")]
    assert CliRunner().invoke(cli, argv).exit_code == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["plan"],
        ["apply", "--auto-approve"],
        ["status"],
        ["drift"],
        ["import", "--all"],
        ["preview", "welcome"],
        ["resolve", "welcome_flow"],
        ["export-runtime"],
    ],
)
def test_a_mistyped_environment_suggests_the_defined_one(root: Path, argv: list[str]) -> None:
    ran = run(root, *argv, "--env", "prod")
    code, output = ran.exit_code, ran.output
    assert code == 1
    assert "unknown environment 'prod'" in output
    assert "did you mean 'production'?" in output
    assert "local, production" in output


def test_preview_of_a_mistyped_key_suggests_the_flow(root: Path) -> None:
    ran = run(root, "preview", "welcom")
    code, output = ran.exit_code, ran.output
    assert code == 1
    assert "no flow 'welcom' in flows.yaml. Did you mean 'welcome'?" in output
    assert "not on Meta" not in output


def test_preview_of_a_flow_not_applied_yet_says_to_apply_it(root: Path) -> None:
    ran = run(root, "preview", "welcome")
    code, output = ran.exit_code, ran.output
    assert code == 1
    assert "flow 'welcome' is not on Meta in local yet" in output
    assert "flowops apply --env local" in output


def test_every_env_option_reads_env_name_in_help() -> None:
    for name, command in cli.commands.items():
        for param in command.params:
            if "--env" in getattr(param, "opts", []):
                assert param.metavar == "NAME", name


@pytest.mark.parametrize(
    ("text", "where", "hint"),
    [
        (
            "version: 1\nflows:\n  a: b: c\n",
            "flows.yaml:3:7",
            "A value containing ': ' needs quotes",
        ),
        ("version: 1\nflows: [a, b\n", "flows.yaml:3:1", "Close the one-line [list]"),
        ("version: 1\nenvironments:\n  local: {emulator: true}\n   x: 1\n", "flows.yaml:4:", ""),
    ],
)
def test_yaml_syntax_errors_say_what_to_do(root: Path, text: str, where: str, hint: str) -> None:
    (root / "flows.yaml").write_text(text, encoding="utf-8")
    ran = run(root, "validate")
    assert ran.exit_code == 1
    assert f"{where}" in ran.output and "MANIFEST_YAML_SYNTAX" in ran.output
    assert f"  hint: {hint}" in ran.output


def test_binary_garbage_in_the_manifest_names_the_byte_and_its_position(root: Path) -> None:
    (root / "flows.yaml").write_bytes(b"version: 1\nflows: {}\nab\x00\x01\x02\x03")
    ran = run(root, "validate")
    assert ran.exit_code == 1
    assert "flows.yaml:3:3: error MANIFEST_YAML_SYNTAX" in ran.output
    assert "byte 0x00 is not allowed in YAML" in ran.output
    assert "ReaderError" not in ran.output
    assert "hint: The file holds binary data" in ran.output


@pytest.fixture
def applied(root: Path) -> Path:
    assert run(root, "apply", "--auto-approve").exit_code == 0
    return root


def test_resolve_given_a_components_key_says_it_is_a_reusable_component(applied: Path) -> None:
    ran = run(applied, "resolve", "date_picker")
    assert ran.exit_code == 1
    assert "'date_picker' is a reusable component in flows.yaml" in ran.output
    assert "set flow_definition_name" not in ran.output


def test_resolve_given_a_linked_flows_key_names_its_traditional_flow(applied: Path) -> None:
    ran = run(applied, "resolve", "welcome")
    assert ran.exit_code == 1
    assert "'welcome' is a flow key in flows.yaml, not a traditional flow" in ran.output
    assert "flowops resolve welcome_flow --env local" in ran.output


def test_resolve_of_a_mistyped_traditional_flow_suggests_the_name(applied: Path) -> None:
    ran = run(applied, "resolve", "welcom_flow")
    assert ran.exit_code == 0  # a fallback is an answer
    assert "'welcom_flow' is not in traditional_flows.yaml; did you mean 'welcome_flow'?" in (
        ran.output
    )

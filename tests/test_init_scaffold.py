from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from flowops.cli import cli
from flowops.manifest import load
from flowops.scaffold import PIP_SPEC_TOKEN, scaffold

EXPECTED = {
    "flows.yaml",
    "traditional_flows.yaml",
    "whatsapp_flows/welcome.json",
    "schemas/flows.schema.json",
    ".github/workflows/flowops-plan.yml",
    ".github/workflows/flowops-apply.yml",
    ".github/workflows/flowops-drift.yml",
    ".gitignore",
}


def test_init_creates_a_working_project(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    created = {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()}
    assert created == EXPECTED
    manifest = load(tmp_path / "flows.yaml")
    assert manifest.flows == {}  # nothing is applied until the user lists it
    assert manifest.environments["local"].emulator
    assert "welcome" in manifest.traditional_flows


def enable_starter(root: Path) -> None:
    """Follow the instructions in the scaffolded flows.yaml."""
    path = root / "flows.yaml"
    text = path.read_text(encoding="utf-8")
    head, example = text.split("# `flows: {}` with:\n#\n", 1)
    block = "".join(line[2:] + "\n" for line in example.splitlines() if line.startswith("# "))
    path.write_text(head + block.replace("# flows:", "flows:"), encoding="utf-8")


def test_the_documented_starter_flow_entry_loads(tmp_path: Path) -> None:
    scaffold(tmp_path)
    enable_starter(tmp_path)
    manifest = load(tmp_path / "flows.yaml")
    assert manifest.flows["welcome"].file == "whatsapp_flows/welcome.json"
    assert manifest.flows["welcome"].flow_definition_name == "welcome"


def test_manifest_modeline_points_at_the_copied_schema(tmp_path: Path) -> None:
    scaffold(tmp_path)
    first = (tmp_path / "flows.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=./schemas/flows.schema.json"
    schema = json.loads((tmp_path / "schemas/flows.schema.json").read_text(encoding="utf-8"))
    assert schema["title"].startswith("flowops manifest")


def test_manifest_offers_a_commented_production_environment(tmp_path: Path) -> None:
    scaffold(tmp_path)
    text = (tmp_path / "flows.yaml").read_text(encoding="utf-8")
    assert "#   token_env: WHATSAPP_TOKEN" in text
    assert "production" not in (yaml.safe_load(text)["environments"])


def test_workflows_install_the_requested_flowops(tmp_path: Path) -> None:
    scaffold(tmp_path, pip_spec="git+https://example.invalid/flowops@v1")
    for path in (tmp_path / ".github/workflows").iterdir():
        text = path.read_text(encoding="utf-8")
        assert PIP_SPEC_TOKEN not in text
        assert 'FLOWOPS_PIP_SPEC: "git+https://example.invalid/flowops@v1"' in text


def test_init_never_overwrites_and_reports_what_it_skipped(tmp_path: Path) -> None:
    (tmp_path / "flows.yaml").write_text("version: 1  # mine\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("node_modules/", encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "skipped  flows.yaml (already exists; left untouched)" in result.output
    assert (tmp_path / "flows.yaml").read_text(encoding="utf-8") == "version: 1  # mine\n"
    ignore = (tmp_path / ".gitignore").read_text(encoding="utf-8")
    assert ignore.startswith("node_modules/\n") and ignore.endswith(".flowops/\n")


def test_running_init_twice_changes_nothing(tmp_path: Path) -> None:
    scaffold(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    again = scaffold(tmp_path)
    assert again.created == [] and again.updated == []
    assert set(again.skipped) == EXPECTED
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_no_workflows_flag(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["init", str(tmp_path), "--no-workflows"])
    assert result.exit_code == 0
    assert not (tmp_path / ".github").exists()


def test_init_on_a_file_is_a_user_error(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(target)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_scaffolded_project_passes_validate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scaffold(tmp_path)
    enable_starter(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate", "--strict"])
    assert result.exit_code == 0, result.output


def test_without_a_known_install_source_the_workflows_ask_for_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("flowops.cli.init.detect_pip_spec", lambda: "")
    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert result.exit_code == 0
    assert "warning: set FLOWOPS_PIP_SPEC" in result.output
    plan = (tmp_path / ".github/workflows/flowops-plan.yml").read_text(encoding="utf-8")
    assert 'FLOWOPS_PIP_SPEC: ""' in plan
    assert 'if [ -z "$FLOWOPS_PIP_SPEC" ]' in plan


class _Dist:
    def __init__(self, text: str) -> None:
        self.text = text

    def read_text(self, name: str) -> str:
        assert name == "direct_url.json"
        return self.text


@pytest.mark.parametrize(
    ("direct_url", "spec"),
    [
        (
            '{"url": "https://git.example/org/flowops.git", '
            '"vcs_info": {"vcs": "git", "commit_id": "abc123"}}',
            "git+https://git.example/org/flowops.git@abc123",
        ),
        ('{"url": "file:///home/me/flowops", "dir_info": {"editable": true}}', ""),
        ("", ""),
    ],
)
def test_pip_spec_comes_from_a_git_install_only(
    monkeypatch: pytest.MonkeyPatch, direct_url: str, spec: str
) -> None:
    from flowops import scaffold as module

    monkeypatch.setattr(module.metadata, "distribution", lambda name: _Dist(direct_url))
    assert module.detect_pip_spec() == spec


@pytest.mark.parametrize(
    ("remote", "url"),
    [
        ("https://github.com/org/flowops.git", "https://github.com/org/flowops.git"),
        (
            "https://user:ghp_secret@github.com/org/flowops.git",
            "https://github.com/org/flowops.git",
        ),
        ("git@github.com:org/flowops.git", "https://github.com/org/flowops.git"),
        ("ssh://git@git.example:2222/org/flowops.git", "https://git.example/org/flowops.git"),
        ("/srv/git/flowops.git", ""),
        ("file:///srv/git/flowops.git", ""),
        ("", ""),
    ],
)
def test_clone_remotes_become_https_urls_without_credentials(remote: str, url: str) -> None:
    from flowops.scaffold import _https_remote

    assert _https_remote(remote) == url


def _git(cwd: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t"}
    env |= {"GIT_COMMITTER_EMAIL": "t@e", "HOME": str(cwd), "PATH": os.environ["PATH"]}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_install_from_a_local_clone_gives_its_origin_and_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flowops import scaffold as module

    _git(tmp_path, "init", "-q")
    _git(tmp_path, "remote", "add", "origin", "git@github.com:org/flowops.git")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "x")
    head = _git(tmp_path, "rev-parse", "HEAD")
    direct_url = json.dumps({"url": tmp_path.as_uri(), "dir_info": {"editable": True}})
    monkeypatch.setattr(module.metadata, "distribution", lambda name: _Dist(direct_url))
    assert module.detect_pip_spec() == f"git+https://github.com/org/flowops.git@{head}"


def test_init_says_how_the_workflows_install_flowops(tmp_path: Path) -> None:
    spec = "git+https://git.example/org/flowops@v0.1.0"
    result = CliRunner().invoke(cli, ["init", str(tmp_path), "--pip-spec", spec])
    assert f"workflows install flowops with: pip install '{spec}'" in result.output
    assert "warning" not in result.output
    again = CliRunner().invoke(cli, ["init", str(tmp_path), "--pip-spec", spec])
    assert "workflows install" not in again.output  # nothing written, nothing to say

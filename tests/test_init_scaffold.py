from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from flowops import DISTRIBUTION, REPOSITORY, __version__
from flowops.cli import cli
from flowops.manifest import load
from flowops.onboard.starter import BRANCH_TOKEN, IGNORED, PIP_SPEC_TOKEN, SCHEMA_TOKEN, scaffold
from flowops.schemas import FLOWS_SCHEMA_URL

ROOT = Path(__file__).parent.parent

EXPECTED = {
    "flows.yaml",
    "traditional_flows.yaml",
    "whatsapp_flows/welcome.json",
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


def test_manifest_modeline_points_at_this_versions_schema_in_the_repository(
    tmp_path: Path,
) -> None:
    scaffold(tmp_path)
    first = (tmp_path / "flows.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={FLOWS_SCHEMA_URL}"
    assert SCHEMA_TOKEN not in (tmp_path / "flows.yaml").read_text(encoding="utf-8")
    assert not (tmp_path / "schemas").exists()  # no copy to go stale
    owner_repo = REPOSITORY.removeprefix("https://github.com/")
    prefix = f"https://raw.githubusercontent.com/{owner_repo}/v{__version__}/"
    assert FLOWS_SCHEMA_URL.startswith(prefix)  # the tag the release workflow publishes
    served = ROOT / FLOWS_SCHEMA_URL.removeprefix(prefix)
    schema = json.loads(served.read_text(encoding="utf-8"))
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
    assert ignore.startswith("node_modules/\n")
    assert ignore.endswith("".join(f"{line}\n" for line in IGNORED))


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


def test_init_writes_a_pip_spec_by_name_and_version(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    spec = f"{DISTRIBUTION}=={__version__}"
    assert f"workflows install flowops with: pip install '{spec}'" in result.output
    for path in (tmp_path / ".github/workflows").iterdir():
        text = path.read_text(encoding="utf-8")
        assert f'FLOWOPS_PIP_SPEC: "{spec}"' in text
        assert "git+" not in text


def test_an_empty_pip_spec_makes_the_workflows_ask_for_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["init", str(tmp_path), "--pip-spec", ""])
    assert result.exit_code == 0
    assert "warning: set FLOWOPS_PIP_SPEC" in result.output
    plan = (tmp_path / ".github/workflows/flowops-plan.yml").read_text(encoding="utf-8")
    assert 'FLOWOPS_PIP_SPEC: ""' in plan
    assert 'if [ -z "$FLOWOPS_PIP_SPEC" ]' in plan


def _git(cwd: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t"}
    env |= {"GIT_COMMITTER_EMAIL": "t@e", "HOME": str(cwd), "PATH": os.environ["PATH"]}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _apply_branches(root: Path) -> list[str]:
    text = (root / ".github/workflows/flowops-apply.yml").read_text(encoding="utf-8")
    assert BRANCH_TOKEN not in text
    data = yaml.safe_load(text)
    return list(data[True]["push"]["branches"])  # YAML 1.1 reads the key `on` as True


def test_apply_workflow_runs_on_the_repositorys_own_branch(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q", "-b", "trunk")
    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert "apply workflow: runs on pushes to 'trunk'" in result.output
    assert _apply_branches(tmp_path) == ["trunk"]


def test_apply_workflow_branch_can_be_chosen(tmp_path: Path) -> None:
    CliRunner().invoke(cli, ["init", str(tmp_path), "--branch", "release"])
    assert _apply_branches(tmp_path) == ["release"]


def test_gitignore_keeps_saved_plans_and_runtime_snapshots_out_of_git(tmp_path: Path) -> None:
    scaffold(tmp_path)
    _git(tmp_path, "init", "-q")
    for name in ("plan.json", "prod.plan.json", "flows.runtime.json", ".flowops/local/x"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}", encoding="utf-8")
    untracked = _git(tmp_path, "status", "--porcelain", "--untracked-files=all")
    for name in ("plan.json", "prod.plan.json", "flows.runtime.json", ".flowops/"):
        assert name not in untracked


def test_init_adds_only_the_missing_ignore_lines(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("/.flowops\nplan.json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert "updated  .gitignore (added *.plan.json, flows.runtime.json)" in result.output
    lines = (tmp_path / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if not line.startswith("#")] == [
        "/.flowops",
        "plan.json",
        *IGNORED[2:],
    ]


def test_init_says_how_the_workflows_install_flowops(tmp_path: Path) -> None:
    spec = "whatsapp-flowops[django]==0.1.0"
    result = CliRunner().invoke(cli, ["init", str(tmp_path), "--pip-spec", spec])
    assert f"workflows install flowops with: pip install '{spec}'" in result.output
    assert "warning" not in result.output
    again = CliRunner().invoke(cli, ["init", str(tmp_path), "--pip-spec", spec])
    assert "workflows install" not in again.output  # nothing written, nothing to say

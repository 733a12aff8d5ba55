"""The shipped GitHub workflows: shape, safety rules, and that the commands they run exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from flowops.cli import cli
from flowops.manifest.model import Environment
from flowops.onboard.starter import BRANCH_TOKEN, PIP_SPEC_TOKEN, TEMPLATES
from flowops.paths import lock_path

ROOT = Path(__file__).parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
SHIPPED = ("flowops-plan.yml", "flowops-apply.yml", "flowops-drift.yml")


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def run_text(workflow: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", "")) for step in steps(workflow))


def test_repository_workflows_are_the_shipped_templates_installing_from_the_checkout() -> None:
    for name in SHIPPED:
        template = (TEMPLATES / "github" / name).read_text(encoding="utf-8")
        assert PIP_SPEC_TOKEN in template
        expected = template.replace(PIP_SPEC_TOKEN, ".").replace(BRANCH_TOKEN, "main")
        assert (WORKFLOWS / name).read_text(encoding="utf-8") == expected, name


def test_plan_runs_on_flow_changes_with_minimal_permissions() -> None:
    plan = load("flowops-plan.yml")
    assert set(plan["on"]["pull_request"]["paths"]) == {
        "flows.yaml",
        "whatsapp_flows/**",
        "traditional_flows*",
    }
    assert plan["permissions"] == {"contents": "read", "pull-requests": "write"}


def test_plan_updates_one_sticky_comment_found_by_its_marker() -> None:
    text = run_text(load("flowops-plan.yml"))
    assert 'marker="<!-- flowops-plan:${FLOWOPS_ENV} -->"' in text
    assert "--method PATCH" in text
    assert text.count("--method POST") == 1  # only when no marked comment exists yet


def test_plan_without_the_secret_validates_only_and_succeeds() -> None:
    plan = load("flowops-plan.yml")
    script = next(s["run"] for s in steps(plan) if s.get("id") == "plan")
    assert script.index('if [ -z "$WHATSAPP_TOKEN" ]') < script.index("flowops plan")
    skipped = script[: script.index("exit 0")]
    assert "::notice::" in skipped and "repository secret" in skipped  # why, and what to do
    assert "environment" not in plan["jobs"]["plan"]  # no approval gate on every pull request
    gated = [s for s in steps(plan) if "available" in str(s.get("if", ""))]
    assert len(gated) == 4  # screens drawn and uploaded, comment body, plan upload
    posting = next(s for s in steps(plan) if "--method PATCH" in s.get("run", ""))
    assert "hashFiles('comment.md')" in posting["if"]  # posts only when a body was written
    assert "head.repo.full_name == github.repository" in posting["if"]  # forks cannot


def test_a_failed_run_marks_the_sticky_comment_out_of_date() -> None:
    plan = load("flowops-plan.yml")
    note = next(s for s in steps(plan) if str(s.get("if", "")).startswith("failure()"))
    assert 'echo "<!-- flowops-plan:${FLOWOPS_ENV} -->"' in note["run"]
    assert "> comment.md" in note["run"] and "out of date" in note["run"]


def test_plan_uploads_the_plan_and_writes_the_job_summary() -> None:
    plan = load("flowops-plan.yml")
    uploads = [s for s in steps(plan) if str(s.get("uses", "")).startswith("actions/upload-art")]
    assert any("plan.json" in u["with"]["path"] for u in uploads)
    assert '--summary-file "$GITHUB_STEP_SUMMARY"' in run_text(plan)


def test_plan_uploads_the_screens_before_and_after_and_the_comment_links_them() -> None:
    plan = load("flowops-plan.yml")
    names = [s.get("name") for s in steps(plan)]
    assert "flowops render --plan plan.json --png --out review" in run_text(plan)
    review = next(s for s in steps(plan) if s.get("id") == "review")
    assert review["with"]["path"] == "review/"
    comment = next(s for s in steps(plan) if "pr-comment" in str(s.get("run")))
    assert comment["env"]["REVIEW_URL"] == "${{ steps.review.outputs.artifact-url }}"
    assert '--review review --review-url "$REVIEW_URL"' in comment["run"]
    assert names.index("Upload the screens") < names.index(comment["name"])
    checkout = next(s for s in steps(plan) if str(s.get("uses")).startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the JSON last applied is in the history


def test_apply_never_runs_twice_nor_cancels_a_running_apply() -> None:
    apply = load("flowops-apply.yml")
    assert apply["concurrency"] == {
        "group": "flowops-apply-production",
        "cancel-in-progress": False,
    }
    job = apply["jobs"]["apply"]
    assert job["environment"] == "production"
    assert "--auto-approve" in run_text(apply)


def test_apply_commits_the_lock_with_skip_ci_or_opens_a_pull_request() -> None:
    text = run_text(load("flowops-apply.yml"))
    assert "[skip ci]" in text
    assert "gh pr create" in text
    assert 'git add -- "$FLOWOPS_LOCK"' in text


def test_apply_commits_the_lock_file_a_production_environment_uses_by_default(
    tmp_path: Path,
) -> None:
    production = Environment(name="production", waba_id="1", token_env="WHATSAPP_TOKEN")
    lock = lock_path(tmp_path, production).relative_to(tmp_path).as_posix()
    assert load("flowops-apply.yml")["env"]["FLOWOPS_LOCK"] == lock


def test_drift_runs_on_a_schedule_and_manages_one_labelled_issue() -> None:
    drift = load("flowops-drift.yml")
    assert drift["on"]["schedule"][0]["cron"]
    assert "workflow_dispatch" in drift["on"]
    text = run_text(drift)
    assert '"$CODE" = "2"' in text
    assert "gh issue close" in text and "--label flowops-drift" in text


def test_the_token_only_enters_as_a_secret_and_is_never_printed() -> None:
    for name in (*SHIPPED, "ci.yml"):
        source = (WORKFLOWS / name).read_text(encoding="utf-8")
        for line in source.splitlines():
            if re.search(r"\$\{?WHATSAPP_TOKEN", line):
                assert '[ -z "$WHATSAPP_TOKEN" ]' in line, f"{name}: {line.strip()}"
        assert not re.search(r"(echo|printf|cat)[^\n]*\$\{?\{?\s*secrets\.", source)


def _flowops_invocations(text: str) -> list[list[str]]:
    joined = text.replace("\\\n", " ")
    lines = [line.strip() for line in joined.splitlines()]
    return [shlex.split(line)[1:] for line in lines if line.startswith("flowops ")]


def _calls() -> list[tuple[str, list[str]]]:
    calls: list[tuple[str, list[str]]] = []
    for name in SHIPPED:
        for step in steps(load(name)):
            calls += [(name, argv) for argv in _flowops_invocations(str(step.get("run", "")))]
    return calls


@pytest.mark.parametrize(("workflow", "argv"), _calls())
def test_every_flowops_command_and_option_in_the_workflows_exists(
    workflow: str, argv: list[str]
) -> None:
    command = cli.commands.get(argv[0])
    assert command is not None, f"{workflow}: `flowops {argv[0]}` is not a command"
    known = {opt for param in command.params for opt in getattr(param, "opts", [])}
    used = {arg.split("=")[0] for arg in argv[1:] if arg.startswith("--")}
    assert used <= known, f"{workflow}: unknown options {used - known} for {argv[0]}"
    assert isinstance(command, click.Command)


def test_pre_commit_hook_runs_validate_on_manifest_and_flow_changes() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "flowops-validate")
    assert hook["entry"] == "flowops validate"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("flows.yaml") and files.search("whatsapp_flows/a/b.json")
    assert files.search("traditional_flows.yaml")
    assert not files.search("docs/flows.yaml.md")

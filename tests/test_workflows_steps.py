"""The workflows' shell steps, run for real with bash, git and a stand-in for the gh CLI.

Each test runs one step's `run:` script as GitHub does (``bash -eo pipefail``) with the
environment the workflow would give it, then checks what it called and what it pushed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
FAKE_GH = Path(__file__).parent / "data" / "workflows" / "fake_gh.py"
MARKER = "<!-- flowops-plan:production -->"

pytestmark = pytest.mark.skipif(
    shutil.which("jq") is None or shutil.which("git") is None, reason="needs jq and git"
)


def step_script(workflow: str, name: str) -> str:
    data: dict[str, Any] = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))
    steps = [step for job in data["jobs"].values() for step in job["steps"]]
    return str(next(step["run"] for step in steps if step.get("name") == name))


def workflow_env(workflow: str) -> dict[str, str]:
    """The workflow's top-level ``env:``, as every step sees it."""
    data = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))
    return {name: str(value) for name, value in data.get("env", {}).items()}


class Runner:
    """Runs steps in ``cwd`` with a fake ``gh`` first on PATH; ``calls()`` lists gh's argv."""

    def __init__(self, tmp_path: Path) -> None:
        self.bin = tmp_path / "bin"
        self.bin.mkdir()
        gh = self.bin / "gh"
        gh.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{FAKE_GH}" "$@"\n', encoding="utf-8")
        gh.chmod(0o755)
        self.log = tmp_path / "gh.log"
        self.log.touch()
        self.home = tmp_path / "home"
        self.home.mkdir()

    def run(
        self, workflow: str, name: str, cwd: Path, **env: str
    ) -> subprocess.CompletedProcess[str]:
        script = cwd / ".step.sh"
        script.write_text(step_script(workflow, name), encoding="utf-8")
        base = {"PATH": f"{self.bin}{os.pathsep}{os.environ['PATH']}", "HOME": str(self.home)}
        base |= {"GH_LOG": str(self.log), "GIT_CONFIG_NOSYSTEM": "1", **workflow_env(workflow)}
        argv = ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)]
        done = subprocess.run(argv, cwd=cwd, env=base | env, capture_output=True, text=True)
        script.unlink()
        return done

    def calls(self) -> list[list[str]]:
        return [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def runner(tmp_path: Path) -> Runner:
    return Runner(tmp_path)


# --- the sticky plan comment -------------------------------------------------------------

STICKY = ("flowops-plan.yml", "Create or update the sticky comment")
PR_ENV = {"GH_TOKEN": "t", "REPO": "o/r", "PR": "7"}


def comment(comment_id: int, kind: str, body: str) -> dict[str, Any]:
    return {"id": comment_id, "user": {"type": kind}, "body": body}


def test_first_push_posts_the_comment(runner: Runner, tmp_path: Path) -> None:
    done = runner.run(*STICKY, tmp_path, **PR_ENV, GH_COMMENTS="[]")
    assert done.returncode == 0, done.stderr
    writes = [call for call in runner.calls() if "--method" in call]
    assert writes == [
        ["api", "--method", "POST", "repos/o/r/issues/7/comments", "-F", "body=@comment.md"]
    ]


def test_later_pushes_edit_the_bot_comment_with_this_environments_marker(
    runner: Runner, tmp_path: Path
) -> None:
    comments = [
        comment(11, "User", f"a person quoting {MARKER}"),
        comment(22, "Bot", "<!-- flowops-plan:staging -->\nplan for staging"),
        comment(33, "Bot", f"{MARKER}\nthe plan of the previous push"),
    ]
    done = runner.run(*STICKY, tmp_path, **PR_ENV, GH_COMMENTS=json.dumps(comments))
    assert done.returncode == 0, done.stderr
    writes = [call for call in runner.calls() if "--method" in call]
    assert writes == [
        ["api", "--method", "PATCH", "repos/o/r/issues/comments/33", "-F", "body=@comment.md"]
    ]


def test_pull_request_without_the_secret_is_validated_only_and_passes(tmp_path: Path) -> None:
    output, summary = tmp_path / "output", tmp_path / "summary.md"
    script = tmp_path / "plan.sh"
    script.write_text(step_script("flowops-plan.yml", "Plan"), encoding="utf-8")
    env = {"PATH": os.environ["PATH"], "WHATSAPP_TOKEN": "", "GITHUB_OUTPUT": str(output)}
    env |= {"GITHUB_STEP_SUMMARY": str(summary), **workflow_env("flowops-plan.yml")}
    done = subprocess.run(["bash", "-eo", "pipefail", str(script)], env=env, text=True,
                          capture_output=True)  # fmt: skip
    assert done.returncode == 0
    assert output.read_text(encoding="utf-8") == "available=false\n"
    assert "::notice::" in done.stdout and "plan was skipped" in summary.read_text("utf-8")


# --- the drift issue ----------------------------------------------------------------------

DRIFT = ("flowops-drift.yml", "Open, update or close the drift issue")


def drift_calls(runner: Runner, tmp_path: Path, code: str, issues: str) -> list[list[str]]:
    (tmp_path / "drift.md").write_text("report\n", encoding="utf-8")
    done = runner.run(*DRIFT, tmp_path, GH_TOKEN="t", GH_REPO="o/r", CODE=code, GH_ISSUES=issues,
                      GITHUB_RUN_ID="5")  # fmt: skip
    assert done.returncode == 0, done.stderr
    return [call[:2] + call[2:3] for call in runner.calls() if call[:2] != ["issue", "list"]]


def test_drift_opens_one_labelled_issue(runner: Runner, tmp_path: Path) -> None:
    calls = drift_calls(runner, tmp_path, "2", "[]")
    assert calls == [["label", "create", "flowops-drift"], ["issue", "create", "--title"]]


def test_drift_updates_the_open_issue(runner: Runner, tmp_path: Path) -> None:
    assert drift_calls(runner, tmp_path, "2", '[{"number": 9}]') == [["issue", "edit", "9"]]


def test_no_drift_closes_the_open_issue_and_otherwise_does_nothing(
    runner: Runner, tmp_path: Path
) -> None:
    assert drift_calls(runner, tmp_path, "0", '[{"number": 9}]') == [["issue", "close", "9"]]
    runner.log.write_text("", encoding="utf-8")
    assert drift_calls(runner, tmp_path, "0", "[]") == []


DETECT = ("flowops-drift.yml", "Detect drift")


def test_a_usage_error_in_the_drift_step_fails_the_job_and_opens_no_issue(
    runner: Runner, tmp_path: Path
) -> None:
    """A typo in the step's options (as after a careless edit of the workflow) must never
    read as "drift": no issue with an empty body, a failed job instead."""
    flowops = runner.bin / "flowops"
    flowops.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m flowops "$@"\n', encoding="utf-8")
    flowops.chmod(0o755)
    script = step_script(*DETECT).replace("--format markdown", "--formt markdown")
    output, summary = tmp_path / "output", tmp_path / "summary.md"
    env = {"PATH": f"{runner.bin}{os.pathsep}{os.environ['PATH']}", "WHATSAPP_TOKEN": "t"}
    env |= {"GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary)}
    env |= workflow_env("flowops-drift.yml")
    (tmp_path / "detect.sh").write_text(script, encoding="utf-8")
    done = subprocess.run(["bash", "-eo", "pipefail", "detect.sh"], cwd=tmp_path, env=env,
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "No such option '--formt'" in done.stderr
    assert output.read_text(encoding="utf-8") == "code=1\n"
    code = output.read_text(encoding="utf-8").split("=", 1)[1].strip()
    calls = drift_calls(runner, tmp_path, code, "[]")
    assert calls == []  # even if the issue step ran, a usage error opens nothing


def test_drift_exit_2_without_a_report_fails_instead_of_opening_an_empty_issue(
    runner: Runner, tmp_path: Path
) -> None:
    flowops = runner.bin / "flowops"
    flowops.write_text("#!/bin/sh\nexit 2\n", encoding="utf-8")
    flowops.chmod(0o755)
    output, summary = tmp_path / "output", tmp_path / "summary.md"
    done = runner.run(*DETECT, tmp_path, WHATSAPP_TOKEN="t", GITHUB_OUTPUT=str(output),
                      GITHUB_STEP_SUMMARY=str(summary))  # fmt: skip
    assert done.returncode == 1
    assert "without a report" in done.stdout


# --- committing flows.lock after apply ----------------------------------------------------

COMMIT_LOCK = ("flowops-apply.yml", "Commit flows.lock")
GIT_ID = {"GIT_AUTHOR_NAME": "dev", "GIT_AUTHOR_EMAIL": "dev@example.invalid"}
GIT_ID |= {"GIT_COMMITTER_NAME": "dev", "GIT_COMMITTER_EMAIL": "dev@example.invalid"}


def git(cwd: Path, *args: str) -> str:
    env = {"PATH": os.environ["PATH"], "HOME": str(cwd), "GIT_CONFIG_NOSYSTEM": "1", **GIT_ID}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A clone of a bare ``origin`` whose main branch holds flows.yaml and flows.lock."""
    origin, work = tmp_path / "origin.git", tmp_path / "work"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    git(tmp_path, "clone", "-q", str(origin), str(work))
    (work / "flows.yaml").write_text("version: 1\n", encoding="utf-8")
    (work / "flows.lock").write_text('{"before": true}\n', encoding="utf-8")
    git(work, "add", ".")
    git(work, "commit", "-q", "-m", "start")
    git(work, "push", "-q", "origin", "HEAD:main")
    return work


def commit_lock(runner: Runner, work: Path) -> subprocess.CompletedProcess[str]:
    env = {"GH_TOKEN": "t", "BRANCH": "main", "GITHUB_RUN_ID": "77"}
    return runner.run(*COMMIT_LOCK, work, **env)


def origin_log(work: Path, ref: str = "main") -> str:
    return git(work.parent / "origin.git", "log", "--format=%s", ref)


def test_the_updated_lock_is_pushed_with_skip_ci(runner: Runner, checkout: Path) -> None:
    (checkout / "flows.lock").write_text('{"after": true}\n', encoding="utf-8")
    done = commit_lock(runner, checkout)
    assert done.returncode == 0, done.stderr
    assert origin_log(checkout).splitlines()[0].endswith("in flows.lock [skip ci]")
    shown = git(checkout.parent / "origin.git", "show", "main:flows.lock")
    assert shown == '{"after": true}'
    assert runner.calls() == []


def test_the_lock_is_rebased_onto_a_branch_that_moved_meanwhile(
    runner: Runner, checkout: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    git(tmp_path, "clone", "-q", str(tmp_path / "origin.git"), str(other))
    (other / "README.md").write_text("merged meanwhile\n", encoding="utf-8")
    git(other, "add", "README.md")
    git(other, "commit", "-q", "-m", "another merge")
    git(other, "push", "-q", "origin", "HEAD:main")
    (checkout / "flows.lock").write_text('{"after": true}\n', encoding="utf-8")
    assert commit_lock(runner, checkout).returncode == 0
    assert origin_log(checkout).splitlines()[:2] == [
        "flowops: record apply to production in flows.lock [skip ci]",
        "another merge",
    ]


def test_a_protected_branch_gets_a_pull_request_instead(runner: Runner, checkout: Path) -> None:
    hook = checkout.parent / "origin.git" / "hooks" / "pre-receive"
    hook.write_text(
        '#!/bin/sh\nwhile read old new ref; do [ "$ref" = refs/heads/main ] && exit 1; done\n'
        "exit 0\n",
        encoding="utf-8",
    )
    hook.chmod(0o755)
    (checkout / "flows.lock").write_text('{"after": true}\n', encoding="utf-8")
    done = commit_lock(runner, checkout)
    assert done.returncode == 0, done.stderr
    topic = "flowops/lock-production-77"
    assert origin_log(checkout, topic).splitlines()[0].endswith("[skip ci]")
    assert origin_log(checkout).splitlines() == ["start"]
    (pr,) = runner.calls()
    assert pr[:2] == ["pr", "create"]
    assert pr[pr.index("--base") + 1] == "main" and pr[pr.index("--head") + 1] == topic


def test_an_unchanged_lock_commits_nothing_and_a_new_one_is_added(
    runner: Runner, checkout: Path
) -> None:
    done = commit_lock(runner, checkout)
    assert done.returncode == 0 and "flows.lock is unchanged." in done.stdout
    assert origin_log(checkout).splitlines() == ["start"]
    git(checkout, "rm", "-q", "flows.lock")
    git(checkout, "commit", "-q", "-m", "no lock yet")
    git(checkout, "push", "-q", "origin", "HEAD:main")
    (checkout / "flows.lock").write_text('{"first": true}\n', encoding="utf-8")
    assert commit_lock(runner, checkout).returncode == 0
    assert origin_log(checkout).splitlines()[0].endswith("[skip ci]")


def test_a_lock_file_the_workflow_does_not_know_fails_loudly(
    runner: Runner, checkout: Path
) -> None:
    git(checkout, "mv", "flows.lock", "production.lock")  # lock_file: production.lock
    git(checkout, "commit", "-q", "-m", "own lock file name")
    done = commit_lock(runner, checkout)
    assert done.returncode == 1
    assert "::error::No flows.lock after the apply. Set FLOWOPS_LOCK" in done.stdout


# --- the apply step's job summary -----------------------------------------------------------


def run_apply_step(tmp_path: Path, exit_code: int) -> tuple[int, str]:
    """The Apply step with a stand-in `flowops` that prints progress and exits ``exit_code``."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    fake = bin_dir / "flowops"
    fake.write_text(f"#!/bin/sh\necho 'step 1/1 create welcome' >&2\nexit {exit_code}\n")
    fake.chmod(0o755)
    summary = tmp_path / "summary.md"
    script = tmp_path / "apply.sh"
    script.write_text(step_script("flowops-apply.yml", "Apply"), encoding="utf-8")
    env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "WHATSAPP_TOKEN": "x"}
    env |= {"GITHUB_OUTPUT": str(tmp_path / "out"), "GITHUB_STEP_SUMMARY": str(summary)}
    env |= {"GITHUB_SHA": "0123456789abcdef", **workflow_env("flowops-apply.yml")}
    done = subprocess.run(["bash", "-eo", "pipefail", str(script)], env=env, cwd=tmp_path,
                          capture_output=True, text=True)  # fmt: skip
    assert "step 1/1 create welcome" in done.stdout  # still shown live in the log
    return done.returncode, summary.read_text(encoding="utf-8")


def test_apply_writes_its_output_to_the_job_summary(tmp_path: Path) -> None:
    code, summary = run_apply_step(tmp_path, 0)
    assert code == 0
    assert "### flowops apply · `production` · `0123456`" in summary
    assert "Applied." in summary and "step 1/1 create welcome" in summary


def test_a_failed_apply_says_so_in_the_job_summary_and_fails_the_step(tmp_path: Path) -> None:
    code, summary = run_apply_step(tmp_path, 1)
    assert code == 1
    assert "**Failed (exit 1).**" in summary and "step 1/1 create welcome" in summary

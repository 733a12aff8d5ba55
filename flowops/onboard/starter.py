"""``flowops init``: the files a repository needs to start managing WhatsApp Flows.

Never overwrites: an existing file is reported as skipped. ``.gitignore`` is the one file
that is extended (its missing lines appended) instead of skipped, because it almost always exists.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from flowops import DISTRIBUTION, __version__
from flowops.schemas import FLOWS_SCHEMA_URL

TEMPLATES = Path(__file__).resolve().parent / "templates"
PIP_SPEC_TOKEN = "__FLOWOPS_PIP_SPEC__"
BRANCH_TOKEN = "__FLOWOPS_BRANCH__"
SCHEMA_TOKEN = "__FLOWOPS_SCHEMA_URL__"
WORKFLOWS = ("flowops-plan.yml", "flowops-apply.yml", "flowops-drift.yml")
# Never committed: emulator state and locks, saved plans, the exported runtime snapshot.
IGNORED = (".flowops/", "plan.json", "*.plan.json", "flows.runtime.json")
FALLBACK_BRANCH = "main"


@dataclass
class ScaffoldResult:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # lines added to an existing .gitignore


def default_pip_spec() -> str:
    """This flowops, by its name on PyPI and its exact version."""
    return f"{DISTRIBUTION}=={__version__}"


def default_branch(root: Path) -> str:
    """The branch merges land on: ``origin``'s HEAD, else the checked-out branch, else main."""
    remote = _git(root, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD")
    if remote.startswith("origin/"):
        return remote.removeprefix("origin/")
    return _git(root, "symbolic-ref", "--quiet", "--short", "HEAD") or FALLBACK_BRANCH


def _git(checkout: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(checkout), *args], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def scaffold(
    root: Path, *, pip_spec: str = "", branch: str = FALLBACK_BRANCH, workflows: bool = True
) -> ScaffoldResult:
    """Write the starter files under ``root``; return what was created, skipped or updated."""
    result = ScaffoldResult()
    for target, text in planned_files(pip_spec, branch, workflows).items():
        _write_new(root, target, text, result)
    _ensure_ignored(root, result)
    return result


def planned_files(pip_spec: str, branch: str, workflows: bool) -> dict[str, str]:
    """Relative path → content, in the order they are written."""
    project = TEMPLATES / "project"
    files = {
        "flows.yaml": _read(project / "flows.yaml").replace(SCHEMA_TOKEN, FLOWS_SCHEMA_URL),
        "traditional_flows.yaml": _read(project / "traditional_flows.yaml"),
        "whatsapp_flows/welcome.json": _read(project / "welcome.json"),
    }
    if workflows:
        for name in WORKFLOWS:
            text = _read(TEMPLATES / "github" / name).replace(PIP_SPEC_TOKEN, pip_spec)
            files[f".github/workflows/{name}"] = text.replace(BRANCH_TOKEN, branch)
    return files


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _write_new(root: Path, relative: str, text: str, result: ScaffoldResult) -> None:
    path = root / relative
    if path.exists():
        result.skipped.append(relative)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    result.created.append(relative)


def _ensure_ignored(root: Path, result: ScaffoldResult) -> None:
    path = root / ".gitignore"
    if not path.exists():
        _write_new(root, ".gitignore", _ignore_block(IGNORED), result)
        return
    text = path.read_text(encoding="utf-8")
    present = {line.strip().strip("/") for line in text.splitlines()}
    missing = [line for line in IGNORED if line.strip("/") not in present]
    if not missing:
        result.skipped.append(".gitignore")
        return
    separator = "" if not text or text.endswith("\n") else "\n"
    with path.open("a", encoding="utf-8", newline="\n") as handle:
        handle.write(separator + _ignore_block(missing))
    result.updated.append(".gitignore")
    result.ignored.extend(missing)


def _ignore_block(lines: Sequence[str]) -> str:
    header = "# flowops: emulator state, saved plans and runtime snapshots, never committed\n"
    return header + "".join(f"{line}\n" for line in lines)

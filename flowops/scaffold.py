"""``flowops init``: the files a repository needs to start managing WhatsApp Flows.

Never overwrites: an existing file is reported as skipped. ``.gitignore`` is the one file
that is extended (a line appended) instead of skipped, because it almost always exists.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from flowops.schemas import schema_path

TEMPLATES = Path(__file__).resolve().parent / "templates"
PIP_SPEC_TOKEN = "__FLOWOPS_PIP_SPEC__"
WORKFLOWS = ("flowops-plan.yml", "flowops-apply.yml", "flowops-drift.yml")
IGNORE_LINE = ".flowops/"


@dataclass
class ScaffoldResult:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)


def detect_pip_spec() -> str:
    """How CI can install this flowops: the git URL and commit it was installed from.

    A ``pip install git+…`` records both; an install from a local clone (``pip install -e .``)
    gives the clone's ``origin`` remote and its HEAD commit. Empty when unknown: the name
    ``flowops`` on PyPI belongs to an unrelated project, so it is never guessed.
    """
    try:
        info = json.loads(metadata.distribution("flowops").read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, json.JSONDecodeError):
        return ""
    url = str(info.get("url", ""))
    if url.startswith("file:"):
        return _clone_spec(Path(url2pathname(urlparse(url).path)))
    vcs = info.get("vcs_info") or {}
    if vcs.get("vcs") != "git" or not url:
        return ""
    return f"git+{url}@{vcs.get('commit_id') or vcs.get('requested_revision') or 'HEAD'}"


def _clone_spec(checkout: Path) -> str:
    remote, commit = (
        _git(checkout, "remote", "get-url", "origin"),
        _git(checkout, "rev-parse", "HEAD"),
    )
    url = _https_remote(remote)
    return f"git+{url}@{commit}" if url and commit else ""


def _git(checkout: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(checkout), *args], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _https_remote(remote: str) -> str:
    """An https URL CI can clone, never with credentials a remote may embed.

    ``git@host:org/repo`` and ``ssh://git@host/org/repo`` become ``https://host/org/repo``.
    """
    scp = re.fullmatch(r"[\w.-]+@([\w.-]+):(?!/)(.+)", remote)
    if scp:
        return f"https://{scp[1]}/{scp[2]}"
    parts = urlparse(remote)
    if parts.scheme not in {"https", "ssh"} or not parts.hostname:
        return ""
    port = f":{parts.port}" if parts.scheme == "https" and parts.port else ""
    return f"https://{parts.hostname}{port}{parts.path}"


def scaffold(root: Path, *, pip_spec: str = "", workflows: bool = True) -> ScaffoldResult:
    """Write the starter files under ``root``; return what was created, skipped or updated."""
    result = ScaffoldResult()
    for target, text in planned_files(pip_spec, workflows).items():
        _write_new(root, target, text, result)
    _ensure_ignored(root, result)
    return result


def planned_files(pip_spec: str, workflows: bool) -> dict[str, str]:
    """Relative path → content, in the order they are written."""
    project = TEMPLATES / "project"
    files = {
        "flows.yaml": _read(project / "flows.yaml"),
        "traditional_flows.yaml": _read(project / "traditional_flows.yaml"),
        "whatsapp_flows/welcome.json": _read(project / "welcome.json"),
        "schemas/flows.schema.json": _read(schema_path("flows.schema.json")),
    }
    if workflows:
        for name in WORKFLOWS:
            text = _read(TEMPLATES / "github" / name)
            files[f".github/workflows/{name}"] = text.replace(PIP_SPEC_TOKEN, pip_spec)
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
        _write_new(root, ".gitignore", _ignore_block(), result)
        return
    text = path.read_text(encoding="utf-8")
    if any(line.strip().rstrip("/") in {".flowops", "/.flowops"} for line in text.splitlines()):
        result.skipped.append(".gitignore")
        return
    separator = "" if not text or text.endswith("\n") else "\n"
    with path.open("a", encoding="utf-8", newline="\n") as handle:
        handle.write(separator + _ignore_block())
    result.updated.append(".gitignore")


def _ignore_block() -> str:
    return f"# flowops: local emulator state and locks, never committed\n{IGNORE_LINE}\n"

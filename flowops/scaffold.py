"""``flowops init``: the files a repository needs to start managing WhatsApp Flows.

Never overwrites: an existing file is reported as skipped. ``.gitignore`` is the one file
that is extended (a line appended) instead of skipped, because it almost always exists.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

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

    Empty when unknown (a local or registry install): the name ``flowops`` on PyPI belongs to
    an unrelated project, so guessing a version there would install the wrong package.
    """
    try:
        info = json.loads(metadata.distribution("flowops").read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, json.JSONDecodeError):
        return ""
    vcs = info.get("vcs_info") or {}
    url = str(info.get("url", ""))
    if vcs.get("vcs") != "git" or not url or url.startswith("file:"):
        return ""
    return f"git+{url}@{vcs.get('commit_id') or vcs.get('requested_revision') or 'HEAD'}"


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

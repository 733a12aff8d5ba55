"""The ONE sticky pull-request comment and the job summary, built from a saved plan.

The comment starts with a hidden marker ``<!-- flowops-plan:<env> -->`` that the workflow
searches for, so each push edits the same comment instead of adding one. Each changed flow
gets a Mermaid diagram of its screens (changed ones highlighted) and, when the environment
can make one, its preview link. Bodies stay under GitHub's size limit; the full plan is the
workflow artifact.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flowops.errors import FlowopsError
from flowops.graph import FlowsAPI, GraphError
from flowops.report.common import pending
from flowops.report.mermaid import flow_diagram
from flowops.report.plan_markdown import render_markdown

COMMENT_LIMIT = 65_536  # GitHub rejects longer issue comments
SUMMARY_LIMIT = 1_000_000  # $GITHUB_STEP_SUMMARY holds at most 1 MiB per step
Extras = dict[str, dict[str, str]]


def marker(env: str) -> str:
    return f"<!-- flowops-plan:{env} -->"


def load_plan(path: Path) -> dict[str, Any]:
    """A plan saved by ``flowops plan --out``; errors name the file and position."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FlowopsError(
            f"{path}: no such plan file", hint="write one with `flowops plan --out plan.json`"
        ) from None
    except json.JSONDecodeError as exc:
        raise FlowopsError(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or not {"env", "changes", "summary"} <= data.keys():
        raise FlowopsError(
            f"{path}: not a flowops plan", hint="use the file written by `flowops plan --out`"
        )
    return data


def diagrams(plan: dict[str, Any], root: Path) -> Extras:
    """A Mermaid chart per changed flow whose JSON file is in the checkout."""
    extras: Extras = {}
    for change in pending(plan):
        doc = _flow_doc(root, (change.get("after") or {}).get("file", ""))
        if doc is not None:
            changed = {s["screen"] for s in change.get("screens", ()) if s["kind"] != "removed"}
            extras[change["key"]] = {"mermaid": flow_diagram(doc, changed)}
    return extras


def _flow_doc(root: Path, file: str) -> dict[str, Any] | None:
    path = root / file
    if not file or not path.resolve().is_relative_to(root.resolve()):
        return None  # only files inside the checkout are drawn
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return doc if isinstance(doc, dict) else None


def add_previews(plan: dict[str, Any], api: FlowsAPI, extras: Extras) -> list[str]:
    """Preview links for changed flows that exist on Meta; never invalidates shared links.

    Returns one message per flow whose preview failed: a missing link must not block review.
    """
    failures: list[str] = []
    for change in pending(plan):
        flow_id = _existing_id(change)
        if not flow_id:
            continue
        try:
            preview = api.preview(flow_id, invalidate=False)
        except GraphError as exc:
            failures.append(f"{change['key']}: no preview ({exc.message})")
            continue
        extra = extras.setdefault(change["key"], {})
        extra["preview_url"] = preview.preview_url
        if preview.expires_at:
            extra["preview_expires"] = preview.expires_at
    return failures


def add_review(review_dir: Path, url: str, extras: Extras) -> list[str]:
    """Names the before/after pages and PNGs ``flowops render --plan`` wrote, per flow."""
    try:
        index = json.loads((review_dir / "review.json").read_text(encoding="utf-8"))
        flows = index["flows"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return [f"{review_dir}: no review.json (run `flowops render --plan plan.json --out DIR`)"]
    link = url if url.startswith("https://") and not set(url) & set(" ()<>") else ""
    where = f"[review page]({link})" if link else f"`{review_dir.name}/index.html`"
    for key, files in flows.items() if isinstance(flows, dict) else ():
        pngs = [f for f in files if isinstance(f, str) and f.endswith(".png")]
        named = ", ".join(f"`{f}`" for f in pngs[:20]) or "HTML only (no browser)"
        line = f"Screens before/after: {where} (workflow artifact) · {named}"
        extras.setdefault(str(key), {})["review"] = line
    return []


def _existing_id(change: Mapping[str, Any]) -> str:
    before = change.get("before") or {}
    return str(before.get("flow_id") or "")


def comment_body(plan: dict[str, Any], extras: Extras, footer: str = "") -> str:
    head = marker(plan["env"]) + "\n"
    tail = f"\n{footer}\n" if footer else ""
    room = COMMENT_LIMIT - len(head) - len(tail) - 200
    return head + render_markdown(plan, extras=extras, limit=room) + tail


def job_summary(plan: dict[str, Any], extras: Extras) -> str:
    return render_markdown(plan, extras=extras, limit=SUMMARY_LIMIT - 1000)


def run_footer(env: Mapping[str, str]) -> str:
    """Which commit and run the comment describes, from GitHub Actions' variables."""
    sha = _commit(env)[:7]
    repo, run_id = env.get("GITHUB_REPOSITORY", ""), env.get("GITHUB_RUN_ID", "")
    server = env.get("GITHUB_SERVER_URL", "https://github.com")
    parts = [f"commit `{sha}`"] if sha else []
    if repo and run_id:
        parts.append(f"[workflow run]({server}/{repo}/actions/runs/{run_id}) (full plan artifact)")
    return f"<sub>flowops · {' · '.join(parts)}</sub>" if parts else ""


def _commit(env: Mapping[str, str]) -> str:
    """The commit reviewers know: on pull requests ``GITHUB_SHA`` is a temporary merge commit."""
    if env.get("GITHUB_EVENT_NAME", "").startswith("pull_request"):
        head = _pull_request_head(env.get("GITHUB_EVENT_PATH", ""))
        if head:
            return head
    return env.get("GITHUB_SHA", "")


def _pull_request_head(event_path: str) -> str:
    try:
        event = json.loads(Path(event_path).read_text(encoding="utf-8")) if event_path else {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return ""
    head = event.get("pull_request", {}).get("head", {}) if isinstance(event, dict) else {}
    sha = head.get("sha") if isinstance(head, dict) else None
    return sha if isinstance(sha, str) else ""

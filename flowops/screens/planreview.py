"""The review of a saved plan: both versions of every changed screen, found from the plan.

A saved plan holds hashes, not documents. The after side is the flow's file in the
checkout (its hash is checked against the plan); the before side is the JSON last
applied, found by its hash where the plan itself looks for it: the content cache that
apply keeps under ``.flowops/<env>/content``, else the file's recent git history.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from flowops import paths
from flowops.diff import TOP
from flowops.errors import FlowopsError
from flowops.lock import GIT_DEPTH, ContentStore, content_sha256
from flowops.report.common import pending
from flowops.screens.export import Written, take_pngs
from flowops.screens.review import ScreenChange, review_page, screen_review_page

SIDE_BY_SIDE = (880, 940)  # two phones with their captions; taller screens grow the PNG
INDEX = "review.json"  # what was written, per flow: read by `flowops pr-comment --review`


def plan_changes(
    plan: dict[str, Any], root: Path, files: dict[str, str] | None = None
) -> list[ScreenChange]:
    """``files`` (flow key → the file flows.yaml names) bounds what the plan may point at."""
    store = ContentStore(root, root / paths.LOCAL_DIR / str(plan.get("env")) / "content")
    out: list[ScreenChange] = []
    for change in pending(plan):
        if files is not None:
            check_files(change, root, files)
        screens = [s for s in change.get("screens", ()) if s.get("screen") != TOP]
        if screens:
            out += _flow_changes(change, screens, root, store)
    return out


def _flow_changes(
    change: dict[str, Any], screens: list[dict[str, Any]], root: Path, store: ContentStore
) -> list[ScreenChange]:
    after, before = change.get("after") or {}, change.get("before") or {}
    new, new_note = _after(root, after)
    old, old_note = None, ""
    if any(s.get("kind") != "added" for s in screens):
        old, old_note = _before(store, before, after)
    note = " ".join(n for n in (old_note, new_note) if n)
    return [
        ScreenChange(change["key"], str(s["screen"]), str(s.get("kind")), old, new, note)
        for s in screens
    ]


def check_files(change: dict[str, Any], root: Path, files: dict[str, str]) -> None:
    """A plan names files to read: inside the repository, and for the after side the one
    flows.yaml names for that flow (a flow no longer in flows.yaml has no after side)."""
    key = str(change.get("key"))
    for side in ("before", "after"):
        file = str((change.get(side) or {}).get("file") or "")
        # the before side may name a file since moved or a flow since removed: only inside
        wanted = files.get(key) if side == "after" else None
        if file and not _allowed(root, file, wanted):
            raise FlowopsError(
                f"the plan's {side} file for flow '{key}' is {file!r}: outside the "
                "repository or not the file flows.yaml names for it; nothing was drawn",
                hint="make the plan again with `flowops plan --out FILE`",
            )


def _allowed(root: Path, file: str, wanted: str | None) -> bool:
    path = (root / file).resolve()
    if not path.is_relative_to(root.resolve()):
        return False
    return wanted is None or path == (root / wanted).resolve()


def _after(root: Path, state: dict[str, Any]) -> tuple[Any, str]:
    file = str(state.get("file") or "")
    path = root / file
    if not file or not path.resolve().is_relative_to(root.resolve()):
        return None, ""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None, f"{file} could not be read as JSON, so the after side is missing."
    if state.get("content_sha256") and content_sha256(doc) != state["content_sha256"]:
        return doc, f"{file} changed after the plan was made; drawn as it is now."
    return doc, ""


def _before(store: ContentStore, before: dict[str, Any], after: dict[str, Any]) -> tuple[Any, str]:
    sha = str(before.get("content_sha256") or "")
    file = str(before.get("file") or after.get("file") or "")
    doc = store.get(sha, file) if sha else None
    if doc is not None:
        return doc, ""
    return None, (
        f"The JSON last applied (sha256 {sha[:12] or 'unknown'}) is neither in the content "
        f"cache of apply nor in the last {GIT_DEPTH} commits of {file or 'the file'}, "
        "so only the after side is drawn."
    )


def write_review(
    plan: dict[str, Any],
    root: Path,
    out: Path,
    *,
    png: bool,
    theme: str = "light",
    files: dict[str, str] | None = None,
) -> Written:
    """``index.html`` (every changed screen), ``FLOW/SCREEN.html`` (+ ``.png``), ``review.json``."""
    changes = plan_changes(plan, root, files)
    out.mkdir(parents=True, exist_ok=True)
    done = Written()
    index = out / "index.html"
    title = f"flowops review · {plan.get('env')}"
    index.write_text(review_page(title, changes, theme=theme), encoding="utf-8")
    done.files.append(index)
    pages = [_write_screen(out, c, theme) for c in changes]
    done.files += pages
    if png and pages:
        take_pngs(pages, SIDE_BY_SIDE, done, fit=True)
    _write_index(out, changes, done)
    return done


def _write_screen(out: Path, change: ScreenChange, theme: str) -> Path:
    path = out / _safe(change.flow) / f"{_safe(change.screen)}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(screen_review_page(change, theme=theme), encoding="utf-8")
    return path


def _write_index(out: Path, changes: list[ScreenChange], done: Written) -> None:
    written = {p.relative_to(out).as_posix() for p in done.files if p.is_relative_to(out)}
    flows: dict[str, list[str]] = {}
    for change in changes:
        stem = f"{_safe(change.flow)}/{_safe(change.screen)}"
        flows.setdefault(change.flow, []).extend(
            name for name in (f"{stem}.png", f"{stem}.html") if name in written
        )
    data = {"index": "index.html", "flows": flows}
    (out / INDEX).write_text(
        json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    done.files.append(out / INDEX)


def _safe(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_.-]", "_", name).lstrip(".")
    return cleaned or "_"

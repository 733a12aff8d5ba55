"""The Flow JSON last applied, by content hash, so a plan can show a per-screen diff.

apply stores each uploaded document under ``.flowops/<env>/content/<sha256>.json``;
when that cache is missing (a fresh CI clone) the file's git history is searched.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from flowops.lock.hashing import content_sha256

GIT_DEPTH = 10


class ContentStore:
    def __init__(self, root: Path, folder: Path) -> None:
        self.root = root
        self.folder = folder

    def put(self, sha: str, raw: bytes) -> None:
        path = self.folder / f"{sha}.json"
        if not path.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{sha[:12]}.", dir=self.folder)
            with os.fdopen(fd, "wb") as handle:
                handle.write(raw)
            os.replace(tmp, path)

    def get(self, sha: str, file: str) -> Any:
        if not sha:
            return None
        try:
            return json.loads((self.folder / f"{sha}.json").read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return self._from_git(sha, file) if file else None

    def _from_git(self, sha: str, file: str) -> Any:
        for rev in _git(self.root, "rev-list", f"-n{GIT_DEPTH}", "HEAD", "--", file).split():
            doc = _parse(_git(self.root, "show", f"{rev}:{file}"))
            if doc is not None and content_sha256(doc) == sha:
                return doc
        return None


def _git(root: Path, *args: str) -> str:
    try:
        proc = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return proc.stdout if proc.returncode == 0 else ""


def _parse(text: str) -> Any:
    try:
        return json.loads(text) if text else None
    except json.JSONDecodeError:
        return None

"""Read snapshots from flows.lock or from a runtime snapshot file; write snapshot files.

The snapshot file (``flowops export-runtime``) holds only what resolving needs: one JSON
array per linked flow, in the column order of ``Facts``, sorted, one row per line so diffs
stay readable. Arrays load several times faster than objects and need no per-field lookups.
"""

from __future__ import annotations

import difflib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from flowops.errors import FlowopsError
from flowops.lock import file as lockfile
from flowops.runtime.outcome import Facts, is_facts_row
from flowops.runtime.snapshot import Snapshot, build, from_lock

FORMAT = "flowops-runtime"
VERSION = 1
COLUMNS = list(Facts._fields)


class SnapshotError(FlowopsError):
    """A runtime snapshot file cannot be used."""


def read_text(path: Path, what: str, hint: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SnapshotError(f"{path}: {what} not found", hint=hint) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SnapshotError(f"{path}: cannot read {what} ({exc})", hint=hint) from None


def load_lock(path: Path, environment: str) -> Snapshot:
    """A missing lock file, or one without the environment, is an error here: a bot with a
    mistyped environment would otherwise fall back forever with nothing saying why."""
    hint = f"run flowops apply --env {environment} first; it writes the lock file"
    lock = lockfile.parse(read_text(path, "lock file", hint), str(path))
    if environment not in lock.environments:
        raise SnapshotError(
            f"{path}: holds no environment {environment!r}",
            hint=_environment_hint(environment, sorted(lock.environments)),
        )
    return from_lock(lock, environment, str(path))


def _environment_hint(wanted: str, held: list[str]) -> str:
    close = [name for name in held if name.startswith(wanted)][:1]
    close = close or difflib.get_close_matches(wanted, held, n=1)
    if close:
        return f"did you mean {close[0]!r}? (it holds: {', '.join(held)})"
    holds = f"it holds: {', '.join(held)}" if held else "it holds no environment yet"
    return f"{holds}; run flowops apply --env {wanted} to apply that environment"


def load_snapshot(path: Path, environment: str | None = None) -> Snapshot:
    hint = "write it with flowops export-runtime"
    snapshot = parse(read_text(path, "runtime snapshot", hint), str(path))
    if environment is not None and snapshot.environment != environment:
        raise SnapshotError(
            f"{path}: snapshot is for environment {snapshot.environment!r}, not {environment!r}",
            hint=f"export it with flowops export-runtime --env {environment}",
        )
    return snapshot


def parse(text: str, source: str) -> Snapshot:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SnapshotError(
            f"{source}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})",
            hint="write it again with flowops export-runtime",
        ) from None
    _check_header(data, source)
    rows = data.get("flows")
    if not isinstance(rows, list):
        raise SnapshotError(f"{source}: 'flows' must be a list of rows")
    return build(
        data["environment"], [_facts(row, index, source) for index, row in enumerate(rows)]
    )


def _check_header(data: Any, source: str) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SnapshotError(f"{source}: not a flowops runtime snapshot (no format {FORMAT!r})")
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise SnapshotError(
            f"{source}: written by a newer flowops (snapshot version {version}; this flowops "
            f"reads version {VERSION})",
            hint="upgrade flowops where the bot runs, or export the snapshot with the "
            "flowops release the bot uses",
        )
    if version != VERSION or data.get("columns") != COLUMNS:
        raise SnapshotError(
            f"{source}: unsupported snapshot version {version!r} "
            f"(this flowops reads version {VERSION})",
            hint="export it again with the flowops release your bot uses",
        )
    if not isinstance(data.get("environment"), str):
        raise SnapshotError(f"{source}: 'environment' must be a string")


def _facts(row: Any, index: int, source: str) -> Facts:
    if type(row) is list and is_facts_row(row):
        return Facts._make(row)
    # One row per line after the header line: row ``index`` is on line ``index + 2``.
    raise SnapshotError(
        f"{source}:{index + 2}: flows[{index}] is not a row of {', '.join(COLUMNS)}",
        hint="write it again with flowops export-runtime; do not edit it by hand",
    )


def dumps(snapshot: Snapshot) -> str:
    header = json.dumps(
        {"format": FORMAT, "version": VERSION, "environment": snapshot.environment},
        ensure_ascii=False,
    )
    columns = json.dumps(COLUMNS)
    rows = ",\n".join(json.dumps(list(f), ensure_ascii=False) for f in snapshot.facts)
    body = f"\n{rows}\n" if rows else ""
    return f'{header[:-1]}, "columns": {columns}, "flows": [{body}]}}\n'


def write(snapshot: Snapshot, path: Path) -> None:
    """Atomic: a bot reloading the file sees the old snapshot or the new one, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(dumps(snapshot))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # a deployment artifact: readable by the bot's user
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from flowops.errors import LockfileError
from flowops.runtime import Resolution, SnapshotError, build, load_lock, load_snapshot, write
from flowops.runtime.files import dumps

DATA = Path(__file__).parent / "data" / "runtime"


def test_export_round_trips_every_decision(tmp_path: Path) -> None:
    original = load_lock(DATA / "flows.lock", "production")
    write(original, tmp_path / "flows.runtime.json")
    loaded = load_snapshot(tmp_path / "flows.runtime.json", "production")
    names = sorted(original.traditional_flows())
    assert names == sorted(loaded.traditional_flows())
    for name in [*names, "not_linked_anywhere"]:
        assert loaded.resolve(name) == original.resolve(name)
    assert loaded.warnings == original.warnings


def test_export_keeps_only_what_resolve_needs_sorted_one_row_per_line() -> None:
    text = dumps(load_lock(DATA / "flows.lock", "production"))
    data = json.loads(text)
    assert data["format"] == "flowops-runtime"
    assert data["version"] == 1
    assert data["environment"] == "production"
    rows = data["flows"]
    assert rows == sorted(rows, key=lambda row: (row[0], row[1]))
    assert all(row[0] for row in rows)  # reusable components are left out
    assert "content_sha256" not in text and "whatsapp_flows/" not in text
    assert len(text.splitlines()) == len(rows) + 2


def test_export_is_deterministic(tmp_path: Path) -> None:
    snapshot = load_lock(DATA / "flows.lock", "production")
    write(snapshot, tmp_path / "a.json")
    write(load_lock(DATA / "flows.lock", "production"), tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files left


def test_snapshot_for_another_environment_is_refused(tmp_path: Path) -> None:
    write(load_lock(DATA / "flows.lock", "staging"), tmp_path / "s.json")
    with pytest.raises(SnapshotError, match="for environment 'staging', not 'production'"):
        load_snapshot(tmp_path / "s.json", "production")


def test_invalid_json_reports_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"format": "flowops-runtime",\n  "version": }\n', encoding="utf-8")
    with pytest.raises(SnapshotError, match=r"s\.json:2:\d+: not valid JSON") as info:
        load_snapshot(path)
    assert "export-runtime" in info.value.hint


def test_bad_row_is_reported_with_its_line(tmp_path: Path) -> None:
    good = dumps(load_lock(DATA / "flows.lock", "production")).splitlines()
    good[3] = '["x", "k", "n", 123, null, "PUBLISHED", true, true],'
    path = tmp_path / "s.json"
    path.write_text("\n".join(good), encoding="utf-8")
    with pytest.raises(SnapshotError, match=r"s\.json:4: flows\[2\] is not a row"):
        load_snapshot(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"version": 1}', "not a flowops runtime snapshot"),
        ('{"format": "flowops-runtime", "version": 2}', "written by a newer flowops"),
        ('{"format": "flowops-runtime", "version": 0}', "unsupported snapshot version 0"),
        ("[]", "not a flowops runtime snapshot"),
        (
            '{"format": "flowops-runtime", "version": 1, "environment": "p", "columns": '
            '["traditional_flow", "key", "name", "flow_id", "entry_screen", "status", '
            '"ever_published", "is_active"]}',
            "'flows' must be a list of rows",
        ),
    ],
)
def test_foreign_or_newer_files_are_refused(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "s.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SnapshotError, match=message):
        load_snapshot(path)


def test_missing_files_say_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(SnapshotError, match="lock file not found") as info:
        load_lock(tmp_path / "flows.lock", "production")
    assert "flowops apply --env production" in info.value.hint
    with pytest.raises(SnapshotError, match="runtime snapshot not found"):
        load_snapshot(tmp_path / "flows.runtime.json")


def test_corrupt_lock_is_a_lockfile_error(tmp_path: Path) -> None:
    path = tmp_path / "flows.lock"
    shutil.copy(DATA / "flows.lock", path)
    path.write_text(path.read_text(encoding="utf-8")[:200], encoding="utf-8")
    with pytest.raises(LockfileError, match="not valid JSON"):
        load_lock(path, "production")


def test_empty_snapshot_round_trips(tmp_path: Path) -> None:
    write(build("nowhere", ()), tmp_path / "e.json")
    loaded = load_snapshot(tmp_path / "e.json")
    assert len(loaded) == 0
    assert not isinstance(loaded.resolve("tour_inquiry_flow"), Resolution)


def test_lock_entry_with_wrong_types_names_the_entry(tmp_path: Path) -> None:
    data = json.loads((DATA / "flows.lock").read_text(encoding="utf-8"))
    data["environments"]["production"]["flows"]["blocked"]["is_active"] = "yes"
    path = tmp_path / "flows.lock"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LockfileError, match=r"environments\.production\.flows\.blocked"):
        load_lock(path, "production")

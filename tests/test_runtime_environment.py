"""A bot with a misconfigured runtime must fail loudly at start, never fall back forever."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from flowops.errors import FlowopsError
from flowops.lock import file as lockfile
from flowops.runtime import Resolution, Resolver, SnapshotError, load_lock, write

DATA = Path(__file__).parent / "data" / "runtime"


@pytest.fixture
def lock_path(tmp_path: Path) -> Path:
    path = tmp_path / "flows.lock"
    shutil.copy(DATA / "flows.lock", path)
    return path


def test_a_mistyped_environment_is_refused_at_construction(lock_path: Path) -> None:
    with pytest.raises(SnapshotError, match="holds no environment 'stagin'") as info:
        Resolver.from_lock(lock_path, env="stagin")
    assert info.value.hint.startswith("did you mean 'staging'?")


def test_an_environment_nothing_resembles_names_what_the_lock_holds(lock_path: Path) -> None:
    with pytest.raises(SnapshotError) as info:
        Resolver.from_lock(lock_path, env="eu_west")
    assert "it holds: production, staging" in info.value.hint
    assert "flowops apply --env eu_west" in info.value.hint


def test_a_lock_losing_the_environment_keeps_the_last_good_answers(lock_path: Path) -> None:
    resolver = Resolver.from_lock(lock_path, env="staging", reload_interval=0)
    data = json.loads(lock_path.read_text(encoding="utf-8"))
    del data["environments"]["staging"]
    lock_path.write_text(json.dumps(data), encoding="utf-8")
    assert resolver.refresh() is False
    assert isinstance(resolver.last_error, SnapshotError)
    assert resolver.resolve("tour_inquiry_flow").key == "tour_inquiry"


def test_a_lock_from_a_newer_flowops_is_refused_at_construction(lock_path: Path) -> None:
    data = json.loads(lock_path.read_text(encoding="utf-8"))
    data["version"] = lockfile.FORMAT_VERSION + 1
    lock_path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FlowopsError, match="written by a newer flowops") as info:
        Resolver.from_lock(lock_path, env="production")
    assert "upgrade flowops" in info.value.hint


def test_a_snapshot_from_a_newer_flowops_is_refused_at_construction(
    tmp_path: Path, lock_path: Path
) -> None:
    path = tmp_path / "flows.runtime.json"
    write(load_lock(lock_path, "production"), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] += 1
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SnapshotError, match="written by a newer flowops") as info:
        Resolver.from_snapshot(path, env="production")
    assert "upgrade flowops" in info.value.hint


def test_the_right_environment_still_resolves(lock_path: Path) -> None:
    resolver = Resolver.from_lock(lock_path, env="production")
    assert isinstance(resolver.resolve("tour_inquiry_flow"), Resolution)
    assert resolver.last_error is None

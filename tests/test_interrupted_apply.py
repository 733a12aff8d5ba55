"""An apply killed between a write to Meta and the lock recording it: the rerun converges
without an extra irreversible step (publish, deprecate) and the next plan is empty."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from flowops.lock import file as lockfile
from flowops.pipeline import engine
from tests.fakes_flows import FakeFlowsAPI, edit_flow, make_project
from tests.inprocess import KillAfter, Killed, apply_, plan_of


@pytest.fixture
def api() -> FakeFlowsAPI:
    return FakeFlowsAPI()


@pytest.fixture
def applied(tmp_path: Path, api: FakeFlowsAPI) -> Path:
    manifest = make_project(tmp_path)
    assert apply_(manifest, api).ok
    api.calls.clear()
    return manifest


@pytest.mark.parametrize("op", ["upload_flow_json", "publish"])
def test_a_kill_after_the_upload_records_the_new_hash_on_rerun(
    applied: Path, api: FakeFlowsAPI, op: str
) -> None:
    edit_flow(applied.parent, "whatsapp_flows/welcome.json", "Thanks, we", "Thank you, we")
    with pytest.raises(Killed):
        apply_(applied, KillAfter(api, op))
    assert apply_(applied, api).ok  # the rerun
    plan = plan_of(applied, api)
    assert not plan.has_changes, [(c.key, c.reasons) for c in plan.pending()]
    assert apply_(applied, api).ok  # and the apply after it: nothing to do
    ops = Counter(op for op, _ in api.writes())
    assert ops == Counter({"upload_flow_json": 1, "publish": 1})  # one publish, ever
    project = engine.open_project(applied, "local")
    entry = lockfile.load(project.lock_path).get("local", "welcome")
    assert entry is not None and entry.status == "PUBLISHED"

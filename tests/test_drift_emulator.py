"""``flowops drift`` against the local emulator: changes made behind flowops' back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flowops.connect import open_environment
from flowops.manifest.model import Environment
from flowops.onboard.starter import scaffold
from tests.clirun import run

DATA = Path(__file__).parent / "data" / "import"
LOCAL = Environment(name="local", emulator=True)
FLOWS = {"Alpha": "survey.json", "Beta": "compact.json", "Gamma": "survey.json"}


@pytest.fixture
def managed(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A project that manages three flows imported from the emulator."""
    scaffold(tmp_path, workflows=False)
    ids = {}
    with open_environment(tmp_path, LOCAL) as conn:
        for name, fixture in FLOWS.items():
            raw = (DATA / fixture).read_bytes()
            ids[name] = conn.api.create_flow(name, ("SURVEY",), flow_json=raw, publish=True).id
    assert run(tmp_path, "import", "--all").exit_code == 0
    return tmp_path, ids


def test_no_drift_right_after_import(managed: tuple[Path, dict[str, str]]) -> None:
    root, _ = managed
    result = run(root, "drift")
    assert result.exit_code == 0, result.output
    assert result.output == "No drift in local: Meta, flows.lock and git agree.\n"


def test_changes_behind_flowops_back_are_explained(managed: tuple[Path, dict[str, str]]) -> None:
    root, ids = managed
    with open_environment(root, LOCAL) as conn:
        conn.api.upload_flow_json(ids["Alpha"], (DATA / "compact.json").read_bytes())
        conn.api.update_metadata(ids["Beta"], categories=("SURVEY", "OTHER"))
        conn.api.update_metadata(ids["Gamma"], name="Gamma v2")
    result = run(root, "drift", "--format", "json")
    assert result.exit_code == 2, result.output
    found = {(i["key"], i["kind"]) for i in json.loads(result.output)["items"]}
    assert ("alpha", "json_changed") in found
    assert ("beta", "metadata_changed") in found
    assert ("gamma", "renamed") in found


def test_deleted_flows_and_unmanaged_flows(managed: tuple[Path, dict[str, str]]) -> None:
    root, ids = managed
    with open_environment(root, LOCAL) as conn:
        conn.api.deprecate(ids["Beta"])
        conn.api.create_flow("Stray", ("OTHER",))
    result = run(root, "drift")
    assert result.exit_code == 2
    assert "Changed on Meta outside flowops:" in result.output
    assert f"beta (flow {ids['Beta']}): status changed outside flowops: PUBLISHED → DEPRECATED" in (
        result.output
    )
    assert "'Stray' (flow " in result.output and "not managed by flowops" in result.output


def test_only_unmanaged_flows_are_not_drift(managed: tuple[Path, dict[str, str]]) -> None:
    root, _ = managed
    with open_environment(root, LOCAL) as conn:
        conn.api.create_flow("Someone else's", ("OTHER",))
    result = run(root, "drift", "--format", "markdown")
    assert result.exit_code == 0
    assert "#### On Meta but not managed by flowops (for information)" in result.output
    assert "| 'Someone else's' (flow " in result.output


def test_git_ahead_of_the_lock_is_reported_as_not_applied(
    managed: tuple[Path, dict[str, str]],
) -> None:
    root, _ = managed
    (root / "whatsapp_flows" / "beta.json").write_bytes((DATA / "survey.json").read_bytes())
    result = run(root, "drift", "--format", "markdown")
    assert result.exit_code == 2
    assert "#### Not applied yet (git is ahead of flows.lock)" in result.output
    assert "whatsapp_flows/beta.json changed in git since the last apply" in result.output
    assert "Changed on Meta" not in result.output


def test_a_link_or_is_active_change_not_applied_is_drift(
    managed: tuple[Path, dict[str, str]],
) -> None:
    root, _ = managed
    manifest = root / "flows.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("flow_definition_name: null", "is_active: false", 1), "utf-8")
    result = run(root, "drift")
    assert result.exit_code == 2, result.output
    assert "changed in flows.yaml, not applied (the chatbot reads flows.lock)" in result.output
    assert "is_active: true → false" in result.output
    assert run(root, "apply", "--auto-approve").exit_code == 0
    assert run(root, "drift").exit_code == 0


def test_flow_deleted_on_meta(tmp_path: Path) -> None:
    scaffold(tmp_path, workflows=False)
    with open_environment(tmp_path, LOCAL) as conn:
        raw = (DATA / "compact.json").read_bytes()
        flow_id = conn.api.create_flow("Draft", ("OTHER",), flow_json=raw).id
    assert run(tmp_path, "import", "--all").exit_code == 0
    with open_environment(tmp_path, LOCAL) as conn:
        conn.api.delete(flow_id)
    result = run(tmp_path, "drift")
    assert result.exit_code == 2
    assert f"draft (flow {flow_id}): no longer exists on Meta (deleted outside flowops)" in (
        result.output
    )


def test_full_finds_json_edits_even_when_updated_at_did_not_move(
    managed: tuple[Path, dict[str, str]],
) -> None:
    root, ids = managed
    with open_environment(root, LOCAL) as conn:
        conn.api.upload_flow_json(ids["Alpha"], (DATA / "compact.json").read_bytes())
        moved_to = next(f.updated_at for f in conn.api.list_flows() if f.id == ids["Alpha"])
    lock_file = root / ".flowops" / "local" / "flows.lock"
    data = json.loads(lock_file.read_text(encoding="utf-8"))
    entry = data["environments"]["local"]["flows"]["alpha"]
    entry["updated_at"], entry["status"] = moved_to, "DRAFT"  # as if Meta kept updated_at
    lock_file.write_text(json.dumps(data), encoding="utf-8")
    assert run(root, "drift").exit_code == 0  # the cheap check trusts updated_at
    result = run(root, "drift", "--full", "--format", "json")
    assert result.exit_code == 2
    kinds = {(i["key"], i["kind"]) for i in json.loads(result.output)["items"]}
    assert kinds == {("alpha", "json_changed")}

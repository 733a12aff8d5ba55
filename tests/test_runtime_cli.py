from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from flowops.cli import cli
from flowops.cli.errors import run_guarded
from flowops.runtime import Resolution, Resolver

Run = Callable[..., tuple[int, str, str]]
PROJECT = Path(__file__).parent / "data" / "runtime" / "project"


@pytest.fixture
def runtime_repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(PROJECT, root)
    return root


@pytest.fixture
def flowops(
    runtime_repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    """Run the CLI as a user would (exit codes and error messages included)."""

    def run(*args: str) -> tuple[int, str, str]:
        argv = ["flowops", "-m", str(runtime_repo / "flows.yaml"), *args]
        monkeypatch.setattr(sys, "argv", argv)
        code = run_guarded(cli)
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_resolve_prints_the_flow_and_every_check(flowops: Run) -> None:
    code, out, err = flowops("resolve", "tour_inquiry_flow", "--env", "production")
    assert code == 0, err
    assert out.splitlines()[:5] == [
        "tour_inquiry_flow → WhatsApp Flow 'tour_inquiry' (id 1234567890123456), "
        "entry screen PICK_DATE",
        "  ✓ linked: flow 'tour_inquiry' replaces tour_inquiry_flow",
        "  ✓ active",
        "  ✓ synced: Meta flow id 1234567890123456",
        "  ✓ servable: PUBLISHED",
    ]
    assert "flows.lock, environment production" in out


def test_resolve_fallback_marks_the_failed_check_and_the_fix(flowops: Run) -> None:
    code, out, _ = flowops("resolve", "group_tour_flow", "--env", "production")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("group_tour_flow → fallback to the traditional flow: ")
    assert "  ✗ servable: flow 'blocked_tour' is BLOCKED by Meta" in out
    assert any(line.startswith("      fix: fix its endpoint") for line in lines)
    # flows.yaml already deactivates it, but that was not applied
    assert "sets is_active: false for 'blocked_tour', not applied" in out


def test_resolve_notes_a_link_that_was_not_applied(flowops: Run) -> None:
    code, out, _ = flowops("resolve", "survey_flow", "--env", "production")
    assert code == 0
    assert "  ✗ linked: no WhatsApp Flow is linked to 'survey_flow'" in out
    assert "links flow 'pending_survey' to survey_flow, but flows.lock has no such link" in out


def test_resolve_notes_a_misspelt_traditional_flow(flowops: Run) -> None:
    _, out, _ = flowops("resolve", "tour_inqury_flow", "--env", "production")
    assert "'tour_inqury_flow' is not in traditional_flows.yaml" in out


def test_resolve_json(flowops: Run) -> None:
    code, out, _ = flowops("resolve", "group_tour_flow", "--env", "production", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["decision"] == "fallback"
    assert data["environment"] == "production"
    assert data["source"] == "flows.lock"
    assert [c["check"] for c in data["checks"] if not c["ok"]] == ["servable"]
    code, out, _ = flowops(
        "resolve", "tour_inquiry_flow", "--env", "production", "--format", "json"
    )
    data = json.loads(out)
    assert (data["decision"], data["flow_id"], data["throttled"]) == (
        "whatsapp_flow",
        "1234567890123456",
        False,
    )


def test_unknown_environment_exits_1_naming_the_known_ones(flowops: Run) -> None:
    code, out, err = flowops("resolve", "tour_inquiry_flow", "--env", "prod")
    assert code == 1
    assert out == ""
    assert "Error: unknown environment 'prod'" in err
    assert "did you mean 'production'? environments defined in flows.yaml: local, production" in err


def test_missing_lock_exits_1_with_what_to_run(flowops: Run) -> None:
    code, _, err = flowops("resolve", "tour_inquiry_flow")  # local: never applied
    assert code == 1
    assert "lock file not found" in err
    assert "Hint: run flowops apply --env local" in err


def test_corrupt_lock_exits_1_with_its_position(flowops: Run, runtime_repo: Path) -> None:
    (runtime_repo / "flows.lock").write_text('{\n  "version": 1,\n  oops\n}\n', encoding="utf-8")
    code, _, err = flowops("resolve", "tour_inquiry_flow", "--env", "production")
    assert code == 1
    assert "flows.lock:3:3: not valid JSON" in err
    assert "Traceback" not in err


def test_export_runtime_writes_a_snapshot_the_resolver_loads(
    flowops: Run, runtime_repo: Path
) -> None:
    code, out, err = flowops("export-runtime", "--env", "production")
    assert code == 0, err
    target = runtime_repo / "flows.runtime.json"
    assert "2 traditional flows, 1 served by a WhatsApp Flow" in out
    resolver = Resolver.from_snapshot(target, "production")
    assert isinstance(resolver.resolve("tour_inquiry_flow"), Resolution)
    assert not isinstance(resolver.resolve("group_tour_flow"), Resolution)


def test_export_runtime_to_a_chosen_file(flowops: Run, runtime_repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "deploy" / "bot.json"
    code, _, _ = flowops("export-runtime", "--env", "production", "-o", str(target))
    assert code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["environment"] == "production"
    assert not (runtime_repo / "flows.runtime.json").exists()


def test_export_runtime_needs_a_lock(flowops: Run) -> None:
    code, _, err = flowops("export-runtime")
    assert code == 1
    assert "lock file not found" in err


ROOT = Path(__file__).parent.parent


def _deactivate(manifest: Path, key: str) -> None:
    """Set ``is_active: false`` in the ``key`` entry of flows.yaml, keeping the rest as is."""
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  {key}:\n") + 1
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith(("    ", "\n")))
    body = [line for line in lines[start:end] if not line.startswith("    is_active:")]
    lines[start:end] = ["    is_active: false\n", *body]
    manifest.write_text("".join(lines), encoding="utf-8")


def test_quickstart_apply_resolves_then_deactivating_falls_back_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("flows.yaml", "traditional_flows.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "whatsapp_flows", tmp_path / "whatsapp_flows")

    def run(*args: str) -> str:
        monkeypatch.setattr(sys, "argv", ["flowops", "-m", str(tmp_path / "flows.yaml"), *args])
        assert run_guarded(cli) == 0, capsys.readouterr().err
        return capsys.readouterr().out

    run("apply", "--auto-approve")
    assert run("resolve", "tour_inquiry_flow").startswith(
        "tour_inquiry_flow → WhatsApp Flow 'tour_inquiry'"
    )
    _deactivate(tmp_path / "flows.yaml", "tour_inquiry")
    assert "not applied to environment local yet" in run("resolve", "tour_inquiry_flow")
    run("apply", "--auto-approve")
    out = run("resolve", "tour_inquiry_flow")
    assert out.startswith("tour_inquiry_flow → fallback to the traditional flow: ")
    assert "  ✗ active: flow 'tour_inquiry' is not active (is_active: false)" in out


def test_a_lock_without_the_environment_says_so(flowops: Run, runtime_repo: Path) -> None:
    lock = json.loads((runtime_repo / "flows.lock").read_text(encoding="utf-8"))
    lock["environments"] = {"staging": lock["environments"]["production"]}
    (runtime_repo / "flows.lock").write_text(json.dumps(lock), encoding="utf-8")
    code, out, err = flowops("resolve", "tour_inquiry_flow", "--env", "production")
    assert (code, out) == (1, "")
    assert "flows.lock: holds no environment 'production'" in err
    assert "run flowops apply --env production" in err

"""The sticky PR comment body, the job summary and `flowops pr-comment`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from flowops.graph.errors import GraphError
from flowops.graph.types import Preview
from flowops.plan.model import Action, Change, FlowState, Plan, ScreenDiff
from flowops.report.comment import (
    COMMENT_LIMIT,
    add_previews,
    comment_body,
    diagrams,
    job_summary,
    marker,
    run_footer,
)
from tests.clirun import invoke

DATA = Path(__file__).parent / "data" / "pr"


def plan_dict(*changes: Change, env: str = "production") -> dict[str, Any]:
    return Plan(env=env, changes=changes, lock_sha256="0" * 64).to_dict()


def update(key: str = "welcome", flow_id: str = "111", screens: tuple[str, ...] = ()) -> Change:
    return Change(
        key,
        Action.UPDATE_JSON,
        (Action.UPDATE_JSON,),
        (f"Flow JSON changed in git (whatsapp_flows/{key}.json)",),
        FlowState(flow_id=flow_id, name=key, status="DRAFT"),
        FlowState(flow_id=flow_id, name=key, status="DRAFT", file=f"whatsapp_flows/{key}.json"),
        screens=tuple(ScreenDiff(s, "changed", f"-old {s}\n+new {s}") for s in screens),
    )


def create(key: str) -> Change:
    after = FlowState(name=key, status="PUBLISHED", file=f"whatsapp_flows/{key}.json")
    return Change(key, Action.CREATE, (Action.CREATE,), ("new flow",), None, after, True)


def big_changes(count: int, diff_lines: int) -> list[Change]:
    """``count`` JSON updates named flow_00…, each with a long screen diff."""
    big = "\n".join(f"+line {n} " + "x" * 80 for n in range(diff_lines))
    width = len(str(count - 1))
    return [
        Change(
            f"flow_{n:0{width}d}",
            Action.UPDATE_JSON,
            (Action.UPDATE_JSON,),
            ("changed",),
            FlowState(flow_id=str(n)),
            FlowState(flow_id=str(n)),
            screens=(ScreenDiff("S", "changed", big),),
        )
        for n in range(count)
    ]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "whatsapp_flows").mkdir()
    shutil.copy(DATA / "welcome.json", tmp_path / "whatsapp_flows" / "welcome.json")
    return tmp_path


class PreviewAPI:
    def __init__(self, fail: frozenset[str] = frozenset()) -> None:
        self.calls: list[tuple[str, bool]] = []
        self.fail = fail

    def preview(self, flow_id: str, *, invalidate: bool = False) -> Preview:
        self.calls.append((flow_id, invalidate))
        if flow_id in self.fail:
            raise GraphError("Unsupported get request", code=100)
        return Preview(f"https://business.facebook.com/wa/manage/flows/{flow_id}/preview/?token=p")


def test_comment_starts_with_the_hidden_marker_for_its_environment(root: Path) -> None:
    body = comment_body(plan_dict(update(), env="staging"), {})
    assert body.splitlines()[0] == "<!-- flowops-plan:staging -->" == marker("staging")
    assert "~ update json welcome" in body


def test_changed_flows_get_a_diagram_with_changed_screens_highlighted(root: Path) -> None:
    plan = plan_dict(update(screens=("CONFIRM",)))
    body = comment_body(plan, diagrams(plan, root))
    block = body.split("```mermaid\n", 1)[1].split("```", 1)[0]
    assert block.startswith("flowchart TD\n")
    assert "s_ASK_NAME --> s_CONFIRM" in block
    assert block.rstrip().endswith("class s_CONFIRM changed")


def test_flows_without_a_json_file_in_the_checkout_get_no_diagram(root: Path) -> None:
    plan = plan_dict(update(key="gone"))
    assert diagrams(plan, root) == {}
    outside = root.parent / "outside.json"
    shutil.copy(DATA / "welcome.json", outside)
    change = update()
    escaping = Change(
        "x", change.action, change.steps, (), change.before,
        FlowState(flow_id="1", file="../outside.json"),
    )  # fmt: skip
    assert diagrams(plan_dict(escaping), root) == {}


def test_no_changes_still_gives_a_body_so_the_old_comment_is_replaced(root: Path) -> None:
    body = comment_body(plan_dict(), {})
    assert body.startswith(marker("production"))
    assert "No changes. Meta matches git." in body


def test_preview_links_only_for_flows_on_meta_and_never_invalidating(root: Path) -> None:
    plan = plan_dict(update(flow_id="111"), create("fresh"), update(key="other", flow_id="222"))
    api = PreviewAPI(fail=frozenset({"222"}))
    extras = diagrams(plan, root)
    failures = add_previews(plan, api, extras)  # type: ignore[arg-type]
    assert api.calls == [("111", False), ("222", False)]
    assert failures == ["other: no preview (Unsupported get request)"]
    body = comment_body(plan, extras)
    assert "[Preview on WhatsApp](https://business.facebook.com/wa/manage/flows/111/" in body


def test_huge_plans_stay_under_githubs_comment_limit(root: Path) -> None:
    changes = big_changes(40, diff_lines=400)
    body = comment_body(plan_dict(*changes), {}, footer=run_footer({"GITHUB_SHA": "a" * 40}))
    assert len(body) <= COMMENT_LIMIT
    assert body.startswith(marker("production"))
    assert "flow_39" in body  # every changed flow is still listed
    assert body.rstrip().endswith("</sub>")


def test_job_summary_has_the_plan_but_no_marker(root: Path) -> None:
    plan = plan_dict(update(screens=("CONFIRM",)))
    summary = job_summary(plan, diagrams(plan, root))
    assert "flowops-plan:" not in summary
    assert "### flowops plan · `production`" in summary and "```mermaid" in summary


def test_footer_links_the_commit_and_the_run() -> None:
    footer = run_footer(
        {"GITHUB_SHA": "abcdef123456", "GITHUB_REPOSITORY": "o/r", "GITHUB_RUN_ID": "42"}
    )
    assert "commit `abcdef1`" in footer
    assert "(https://github.com/o/r/actions/runs/42)" in footer
    assert run_footer({}) == ""


def test_footer_of_a_pull_request_names_its_head_commit_not_the_merge_commit(
    tmp_path: Path,
) -> None:
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"head": {"sha": "feed1234" * 5}}}), "utf-8")
    env = {"GITHUB_SHA": "0" * 40, "GITHUB_EVENT_PATH": str(event)}
    assert "commit `feed123`" in run_footer({**env, "GITHUB_EVENT_NAME": "pull_request"})
    assert "commit `0000000`" in run_footer({**env, "GITHUB_EVENT_NAME": "push"})
    event.write_text("{not json", "utf-8")
    assert "commit `0000000`" in run_footer({**env, "GITHUB_EVENT_NAME": "pull_request"})


def write_plan(root: Path, plan: dict[str, Any]) -> Path:
    path = root / "plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    return path


def test_cli_writes_the_body_and_appends_the_job_summary(root: Path) -> None:
    path = write_plan(root, plan_dict(update(screens=("CONFIRM",))))
    summary = root / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    out = root / "comment.md"
    args = ["--plan", str(path), "--env", "production", "--summary-file", str(summary)]
    result = invoke(root, "pr-comment", *args, "--output", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith(marker("production"))
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n") and "```mermaid" in text


def test_cli_prints_the_body_to_stdout_by_default(root: Path) -> None:
    path = write_plan(root, plan_dict(update()))
    result = invoke(root, "pr-comment", "--plan", str(path))
    assert result.exit_code == 0
    assert result.output.startswith(marker("production"))


def test_cli_refuses_a_plan_for_another_environment(root: Path) -> None:
    path = write_plan(root, plan_dict(update(), env="staging"))
    result = invoke(root, "pr-comment", "--plan", str(path), "--env", "production")
    assert result.exit_code == 1
    assert "is a plan for 'staging', not 'production'" in str(result.exception)


def test_cli_reports_a_broken_plan_file_with_its_position(root: Path) -> None:
    path = root / "plan.json"
    path.write_text('{"env": "x",\n  oops}', encoding="utf-8")
    result = invoke(root, "pr-comment", "--plan", str(path))
    assert result.exit_code == 1
    assert f"{path}:2:3: not valid JSON" in str(result.exception)


def test_when_cut_for_size_diagrams_go_but_preview_links_stay(root: Path) -> None:
    changes = big_changes(30, diff_lines=300)
    extras = {
        c.key: {
            "mermaid": "flowchart TD\n" + "  a --> b\n" * 200,
            "preview_url": f"https://p/{c.key}",
        }
        for c in changes
    }
    body = comment_body(plan_dict(*changes), extras)
    assert len(body) <= COMMENT_LIMIT
    assert all(f"(https://p/flow_{n:02d})" in body for n in range(30))
    assert body.count("```mermaid") < 30

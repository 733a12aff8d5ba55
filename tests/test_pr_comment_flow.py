"""From a real saved plan to the comment body: init, apply, edit a screen, plan, pr-comment."""

from __future__ import annotations

import json
from pathlib import Path

from flowops.onboard.starter import scaffold
from tests.clirun import run
from tests.test_init_scaffold import enable_starter


def test_comment_for_an_edited_flow_has_diagram_and_preview(tmp_path: Path) -> None:
    scaffold(tmp_path, workflows=False)
    enable_starter(tmp_path)
    applied = run(tmp_path, "apply", "--env", "local", "--auto-approve")
    assert applied.exit_code == 0, applied.output
    path = tmp_path / "whatsapp_flows" / "welcome.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["screens"][1]["title"] = "Check your name"
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    planned = run(tmp_path, "plan", "--env", "local", "--out", str(tmp_path / "plan.json"))
    assert planned.exit_code == 0, planned.output
    summary = tmp_path / "summary.md"
    result = run(
        tmp_path, "pr-comment", "--plan", str(tmp_path / "plan.json"), "--env", "local",
        "--preview", "--summary-file", str(summary),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    body = result.output
    assert body.startswith("<!-- flowops-plan:local -->\n")
    assert "welcome" in body
    assert "class s_CONFIRM changed" in body and "class s_ASK_NAME" not in body
    assert "[Preview on WhatsApp](https://preview.flowops-emulator.invalid/flows/" in body
    assert "```mermaid" in summary.read_text(encoding="utf-8")

    markdown = run(tmp_path, "plan", "--env", "local", "--format", "markdown")
    assert "```mermaid" in markdown.output and "class s_CONFIRM changed" in markdown.output

"""The example bot: the first code block of its README, run as a new user runs it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("django")

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "django_bot"
INSTALL = ["python3 -m venv .venv", ".venv/bin/pip install -e '../..[django]'"]
GENERATED = (".venv", "db.sqlite3", "flows.yaml", "whatsapp_flows", ".flowops", "__pycache__")


def first_block() -> list[str]:
    text = (EXAMPLE / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line.strip()]


@pytest.fixture
def bot(tmp_path: Path) -> Path:
    """A fresh copy of the example, whose .venv/bin/python is the interpreter running this
    test (which already has flowops[django]): the install lines are not repeated."""
    root = tmp_path / "django_bot"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(*GENERATED))
    python = root / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    python.chmod(0o755)
    return root


def run(line: str, root: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run(
        line, shell=True, cwd=root, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def test_readme_steps_sync_the_old_definitions_and_send_the_linked_flow(bot: Path) -> None:
    lines = first_block()
    assert lines[:2] == INSTALL
    out = {line.split()[2]: run(line, bot) for line in lines[2:]}
    assert "Skipped flows/definitions/main_menu_flow.py" in out["migrate_flow_definitions"]
    assert "on Meta as 'Tour Inquiry WhatsApp Flow_v1.02'" in out["migrate_flow_definitions"]
    sync = out["sync_whatsapp_flows"]
    assert "  Found traditional flow: tour_inquiry_flow" in sync
    assert '  Warning: Traditional flow "traveler_details_flow" not found.' in sync
    assert "3 flow(s) changed, 0 failed" in sync
    assert "Mirror chat.WhatsAppFlow: 3 created" in sync
    assert '"flow_token": "fo1.' in out["shell"]
    assert '"fallback": "main_menu"' in out["shell"]


def test_second_sync_changes_nothing_and_check_reports_the_missing_link(bot: Path) -> None:
    lines = first_block()
    for line in lines[2:5]:
        run(line, bot)
    again = run(lines[4], bot)
    assert "No changes" in again
    assert "0 write(s)" in again and "0 created, 0 updated" in again
    assert "flowops.W003" in run(".venv/bin/python manage.py check", bot)


WEBHOOK = """
import json
from django.test import Client
from chat.models import WhatsAppFlowResponse
from chat.send import start

sent = start("tour_inquiry_flow", to="15551234567")
token = sent["interactive"]["action"]["parameters"]["flow_token"]
answers = {"tour": "sunset", "tour_date": "2027-01-05", "group_size": "2", "full_name": "Ada",
           "email": "ada@example.com", "phone": "15551234567", "marketing_opt_in": False}
def body(token):
    response = json.dumps({"flow_token": token, **answers})
    reply = {"name": "flow", "body": "Sent", "response_json": response}
    message = {"from": "15551234567", "id": "wamid.1", "type": "interactive",
               "interactive": {"type": "nfm_reply", "nfm_reply": reply}}
    return json.dumps({"entry": [{"changes": [{"value": {"messages": [message]}}]}]})
client = Client()
ok = client.post("/webhook/", body(token), content_type="application/json")
forged = client.post("/webhook/", body(token[:-4] + "AAAA"), content_type="application/json")
print("STATUS", ok.status_code, forged.status_code, WhatsAppFlowResponse.objects.count())
"""


def test_the_webhook_view_stores_a_completion_and_refuses_a_forged_one(bot: Path) -> None:
    for line in first_block()[2:5]:
        run(line, bot)
    script = bot / "webhook_check.py"
    script.write_text(WEBHOOK)
    out = run(".venv/bin/python manage.py shell < webhook_check.py", bot)
    assert "15551234567 completed tour_inquiry_whatsapp_flow" in out  # chat/receivers.py
    assert "STATUS 200 400 1" in out

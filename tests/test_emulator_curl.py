"""Meta's documented curl examples against the emulator, as a new user would type them."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from flowops.emulator import start_emulator
from tests.clirun import ctrl_c_reaches_it

DATA = Path(__file__).parent / "data" / "emulator"
VALID = (DATA / "valid.json").read_bytes()
WABA = "100000000000001"
AUTH = {"Authorization": "Bearer any-token"}


@pytest.fixture
def base() -> Iterator[str]:
    with start_emulator() as handle:
        yield f"{handle.url}/v23.0"


def test_form_encoded_create_with_json_encoded_categories(base: str) -> None:
    """curl -X POST …/flows -d name=… -d 'categories=["OTHER"]' (Meta's Postman style)."""
    answer = requests.post(
        f"{base}/{WABA}/flows",
        data={"name": "My first flow", "categories": '["SIGN_UP","OTHER"]'},
        headers=AUTH,
        timeout=5,
    )
    assert answer.status_code == 200 and set(answer.json()) == {"id"}
    flow = requests.get(f"{base}/{answer.json()['id']}", headers=AUTH, timeout=5).json()
    assert flow["categories"] == ["SIGN_UP", "OTHER"] and flow["status"] == "DRAFT"
    assert flow["validation_errors"] == []


def test_multipart_create_upload_publish_and_list(base: str) -> None:
    """The -F variants: create, upload flow.json, publish, then list the WABA's flows."""
    create = {"name": (None, "signup"), "categories": (None, '["OTHER"]')}
    flow_id = requests.post(f"{base}/{WABA}/flows", files=create, headers=AUTH, timeout=5).json()[
        "id"
    ]
    upload = {
        "file": ("flow.json", VALID, "application/json"),
        "name": (None, "flow.json"),
        "asset_type": (None, "FLOW_JSON"),
    }
    uploaded = requests.post(f"{base}/{flow_id}/assets", files=upload, headers=AUTH, timeout=5)
    assert uploaded.json() == {"success": True, "validation_errors": []}
    published = requests.post(f"{base}/{flow_id}/publish", headers=AUTH, timeout=5)
    assert published.json() == {"success": True}
    listed = requests.get(f"{base}/{WABA}/flows", headers=AUTH, timeout=5).json()
    assert listed["data"] == [
        {
            "id": flow_id,
            "name": "signup",
            "status": "PUBLISHED",
            "categories": ["OTHER"],
            "validation_errors": [],
        }
    ]


def test_json_body_create_with_flow_json_and_publish(base: str) -> None:
    body = {"name": "loyalty", "categories": ["SIGN_UP"], "flow_json": VALID.decode()}
    body["publish"] = True
    created = requests.post(f"{base}/{WABA}/flows", json=body, headers=AUTH, timeout=5).json()
    assert created["success"] is True and created["validation_errors"] == []
    fields = "id,status,json_version,health_status,updated_at,preview.invalidate(false)"
    flow = requests.get(
        f"{base}/{created['id']}", params={"fields": fields}, headers=AUTH, timeout=5
    ).json()
    assert flow["status"] == "PUBLISHED" and flow["json_version"] == "7.3"
    assert flow["health_status"]["can_send_message"] == "AVAILABLE"
    assert flow["preview"]["preview_url"].startswith("https://preview.flowops-emulator.invalid/")


def test_missing_name_and_bad_category_are_graph_errors(base: str) -> None:
    no_name = requests.post(f"{base}/{WABA}/flows", data={"categories": '["OTHER"]'}, headers=AUTH)
    assert no_name.status_code == 400 and no_name.json()["error"]["code"] == 100
    bad = requests.post(
        f"{base}/{WABA}/flows", data={"name": "x", "categories": '["GAMES"]'}, headers=AUTH
    )
    assert "GAMES" in bad.json()["error"]["error_user_msg"]
    unknown = requests.get(f"{base}/{WABA}/nothing", headers=AUTH, timeout=5)
    assert unknown.status_code == 400 and "Unknown path" in unknown.json()["error"]["message"]


def test_uploaded_bytes_come_back_exactly(base: str) -> None:
    created = requests.post(
        f"{base}/{WABA}/flows", data={"name": "bytes", "categories": "OTHER"}, headers=AUTH
    ).json()
    odd = VALID.replace(b"\n", b"\r\n").replace(b'"Join"', '"Únete ✓"'.encode())
    requests.post(
        f"{base}/{created['id']}/assets",
        files={"file": ("flow.json", odd, "application/json")},
        data={"name": "flow.json", "asset_type": "FLOW_JSON"},
        headers=AUTH,
        timeout=5,
    )
    assets = requests.get(f"{base}/{created['id']}/assets", headers=AUTH, timeout=5).json()
    url = assets["data"][0]["download_url"]
    assert requests.get(url, timeout=5).content == odd


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_serve_command_prints_url_answers_curl_and_stops_on_ctrl_c_or_kill(
    tmp_path: Path, stop: signal.Signals
) -> None:
    state, secret = tmp_path / "meta.json", "EAAserve-secret-token-42"
    command = [sys.executable, "-m", "flowops", "emulator", "serve", "--port", "0"]
    proc = subprocess.Popen(
        [*command, "--state", str(state), "--token", secret],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=ctrl_c_reaches_it,
    )
    try:
        banner = _read_banner(proc)
        base = banner[0].split(" at ")[1]
        assert any("curl -X POST" in line for line in banner)
        form = {"name": "cli", "categories": '["OTHER"]'}
        refused = requests.post(f"{base}/{WABA}/flows", data=form, headers=AUTH, timeout=5)
        assert refused.status_code == 401
        bearer = {"Authorization": f"Bearer {secret}"}
        answer = requests.post(f"{base}/{WABA}/flows", data=form, headers=bearer, timeout=5)
        assert answer.status_code == 200
    finally:
        proc.send_signal(stop)
        out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert "stopped" in out and secret not in out + err + "".join(banner)
    assert json.loads(state.read_text())["flows"][0]["name"] == "cli"


def _read_banner(proc: subprocess.Popen[str]) -> list[str]:
    assert proc.stdout is not None
    lines: list[str] = []
    while not lines or "Ctrl-C" not in lines[-1]:
        line = proc.stdout.readline()
        assert line, proc.stderr.read() if proc.stderr else "no output"
        lines.append(line.strip())
    return lines


def test_serve_on_a_busy_port_is_a_user_error() -> None:
    with start_emulator() as busy:
        proc = subprocess.run(
            [sys.executable, "-m", "flowops", "emulator", "serve", "--port", str(busy.port)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    assert proc.returncode == 1
    assert f"Error: cannot listen on 127.0.0.1:{busy.port}" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_chunked_bodies_are_read_and_bad_framing_is_refused(base: str) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"name=chunky&"
        yield b"categories=OTHER"

    form = {"Content-Type": "application/x-www-form-urlencoded", **AUTH}
    created = requests.post(f"{base}/{WABA}/flows", data=chunks(), headers=form, timeout=5)
    assert created.status_code == 200
    bad = requests.post(
        f"{base}/{WABA}/flows", headers={**AUTH, "Content-Length": "ten"}, timeout=5
    )
    assert bad.status_code == 400 and bad.json()["error"]["code"] == 100


CURL = shutil.which("curl")


def curl(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [str(CURL), "-s", "-H", "Authorization: Bearer my-token", *args],
        capture_output=True,
        check=True,
        timeout=10,
    )
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


@pytest.mark.skipif(CURL is None, reason="curl is not installed")
def test_metas_documented_curl_examples_work_verbatim(base: str, tmp_path: Path) -> None:
    """Meta's examples: quoted --form values and ``file=@"…";type=application/json``."""
    flow_file = tmp_path / "flow.json"
    flow_file.write_bytes(VALID)
    created = curl("-X", "POST", f"{base}/{WABA}/flows", "-F", "name=My first flow",
                   "-F", 'categories=["SURVEY"]')  # fmt: skip
    flow_id = created["id"]
    uploaded = curl("-X", "POST", f"{base}/{flow_id}/assets",
                    "--form", f'file=@"{flow_file}";type=application/json',
                    "--form", 'name="flow.json"', "--form", 'asset_type="FLOW_JSON"')  # fmt: skip
    assert uploaded == {"success": True, "validation_errors": []}
    assert curl("-X", "POST", f"{base}/{flow_id}/publish") == {"success": True}
    listed = curl(f"{base}/{WABA}/flows")
    assert listed["data"][0]["status"] == "PUBLISHED"
    assert listed["data"][0]["categories"] == ["SURVEY"]
    preview = curl(f"{base}/{flow_id}?fields=preview.invalidate(false)")
    assert set(preview) == {"id", "preview"} and set(preview["preview"]) == {
        "preview_url",
        "expires_at",
    }

"""Ctrl-C exits 130, as the README promises: a real SIGINT to a real `flowops` process.

The Graph API here is a socket that accepts the connection and never answers, so the
signal lands while the command waits on Meta, the moment a user would press Ctrl-C.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.clirun import ctrl_c_reaches_it
from tests.fakes_flows import make_project

TOKEN_ENV = "FLOWOPS_INTERRUPT_TEST_TOKEN"


class SilentGraph:
    """Accepts connections, reads nothing back: every request waits forever."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.connected = threading.Event()
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.held.append(conn)
            self.connected.set()

    def close(self) -> None:
        self.listener.close()
        for conn in self.held:
            conn.close()


@pytest.fixture
def silent_graph() -> Iterator[SilentGraph]:
    graph = SilentGraph()
    yield graph
    graph.close()


def _project(tmp: Path, url: str) -> Path:
    manifest = make_project(tmp)
    env = (
        f'  staging:\n    waba_id: "100000000000003"\n    graph_url: {url}\n'
        f"    token_env: {TOKEN_ENV}\n    lock_file: flows.lock\n"
    )
    text = manifest.read_text().replace(
        "  local: {emulator: true}\n", "  local: {emulator: true}\n" + env
    )
    manifest.write_text(text)
    return manifest


@pytest.mark.parametrize(
    "command", [["plan"], ["apply", "--auto-approve"], ["drift"], ["status", "--refresh"]]
)
def test_ctrl_c_while_waiting_on_meta_exits_130(
    tmp_path: Path, silent_graph: SilentGraph, command: list[str]
) -> None:
    manifest = _project(tmp_path, silent_graph.url)
    argv = [sys.executable, "-m", "flowops", "-m", str(manifest), *command, "--env", "staging"]
    env = {**os.environ, TOKEN_ENV: "interrupt-test-token", "NO_COLOR": "1"}
    with subprocess.Popen(
        argv,
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        preexec_fn=ctrl_c_reaches_it,
    ) as proc:
        assert silent_graph.connected.wait(30), "the command never called the Graph API"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    stderr = err.decode()
    assert proc.returncode == 130, stderr
    assert "nterrupted" in stderr
    assert "Traceback" not in stderr and "Aborted" not in stderr


INTERRUPT_WHILE_IMPORTING = """
import builtins, os, signal, sys
real_import = builtins.__import__
def import_then_ctrl_c(name, *args, **kwargs):
    if name == "click" and "click" not in sys.modules:
        os.kill(os.getpid(), signal.SIGINT)
    return real_import(name, *args, **kwargs)
builtins.__import__ = import_then_ctrl_c
sys.argv = ["flowops", "drift"]
from flowops.cli import main
main()
"""


def test_ctrl_c_while_the_commands_are_still_being_imported_exits_130_without_traceback(
    tmp_path: Path,
) -> None:
    """A real SIGINT, sent by the process to itself the moment it first imports click."""
    argv = [sys.executable, "-c", INTERRUPT_WHILE_IMPORTING]
    done = subprocess.run(
        argv,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        preexec_fn=ctrl_c_reaches_it,
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip() == "Interrupted."

"""Running the ``flowops`` command in tests, one way each, shared by every test module.

``invoke``: click's test runner (output and exit code, as a user sees them).
``run``: the command's returned exit code, and a ``FlowopsError`` as its ``Error:``/``Hint:``
lines, without click's standalone mode. ``run_process``: the real entry point in a process.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result

from flowops.cli import cli
from flowops.errors import FlowopsError


def invoke(root: Path, *args: str, input: str | None = None) -> Result:
    """``flowops -m ROOT/flows.yaml ARGS…`` through click's test runner."""
    return CliRunner().invoke(cli, ["-m", str(root / "flows.yaml"), *args], input=input)


@dataclass(frozen=True)
class Ran:
    exit_code: int
    output: str


def run(root: Path, *args: str) -> Ran:
    """Like the real entry point: a command's returned int is its exit code."""
    argv = ["-m", str(root / "flows.yaml"), *args]
    result = CliRunner().invoke(cli, argv, standalone_mode=False)
    error = result.exception
    if isinstance(error, FlowopsError):
        return Ran(error.exit_code, f"{result.output}Error: {error}\nHint: {error.hint}\n")
    if error is not None:
        raise error
    code = result.return_value if isinstance(result.return_value, int) else 0
    return Ran(code, result.output)


def run_process(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real entry point, for exit codes and the ``Error:``/``Hint:`` lines."""
    argv = [sys.executable, "-m", "flowops", "-m", str(root / "flows.yaml"), *args]
    return subprocess.run(argv, capture_output=True, text=True, check=False, timeout=60)


def ctrl_c_reaches_it() -> None:
    """``preexec_fn`` for a child that a test interrupts: SIGINT as at a terminal.

    A shell starts background jobs with SIGINT ignored, and Python then never raises
    KeyboardInterrupt; a test run started that way must still see Ctrl-C handled.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextmanager
def emulator_process(latency_ms: int, env: dict[str, str]) -> Iterator[str]:
    """``flowops emulator serve`` in a process of its own; yields the URL before ``/v23.0``."""
    serve = [sys.executable, "-m", "flowops", "emulator", "serve", "--port", "0"]
    with subprocess.Popen(
        [*serve, "--latency-ms", str(latency_ms)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    ) as proc:
        assert proc.stdout is not None
        first = proc.stdout.readline()  # "flowops emulator: Meta's Flows API at http://…/v23.0"
        try:
            yield first.split(" at ", 1)[1].strip().rsplit("/", 1)[0]
        finally:
            proc.kill()  # the emulator holds nothing worth a graceful stop
            proc.communicate(timeout=10)

"""Guards for hostile-input tests: a hang or a runaway allocation fails the test instead of
stalling the suite. The bounds are 100× what the fixed code needs: they catch quadratic or
exponential behaviour, not slowness (speed targets live in benchmarks/)."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

MEMORY_CAP = 1_500_000_000  # bytes of address space for a flowops subprocess


class Runaway(Exception):
    """The code under test ran past its generous bound."""


@contextmanager
def finishes_within(seconds: int) -> Iterator[None]:
    """Raise ``Runaway`` in the main thread after ``seconds`` (also interrupts a blocking open)."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Runaway(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_flowops(args: list[str], cwd: Path, timeout: int = 60) -> subprocess.CompletedProcess[str]:
    """``flowops ARGS`` in a subprocess limited to ``MEMORY_CAP`` and ``timeout`` seconds."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "flowops", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        preexec_fn=_cap_memory,
        check=False,
    )

"""The command line. The only package that imports click.

Each command lives in its own module here and turns options into a call to the core,
then renders the result. ``main`` maps errors to exit codes: 1 user error (usage errors
included), 2 "changes present" (``--detailed-exitcode``, ``drift``), 3 a bug, 130 interrupted.
This module imports nothing heavy itself, so a Ctrl-C while ``main`` imports the commands
is caught too.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flowops.cli.group import cli

__all__ = ["cli", "main"]

EXIT_INTERRUPTED = 130


def main() -> None:
    try:
        from flowops.cli.errors import run_guarded
        from flowops.cli.group import cli
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted.\n")
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(run_guarded(cli))


def __getattr__(name: str) -> Any:
    if name == "cli":
        from flowops.cli.group import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""The command line. The only package that imports click.

Each command lives in its own module here and turns options into a call to the core,
then renders the result. ``main`` maps errors to exit codes: 1 user error (usage errors
included), 2 "changes present" (``--detailed-exitcode``, ``drift``), 3 a bug, 130 interrupted.
"""

from __future__ import annotations

import sys

from flowops.cli.errors import run_guarded
from flowops.cli.group import cli

__all__ = ["cli", "main"]


def main() -> None:
    sys.exit(run_guarded(cli))

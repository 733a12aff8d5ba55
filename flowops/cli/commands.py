"""Imports every command module so each registers itself on the ``cli`` group."""

# ruff: noqa: I001

# One import per command module, sorted. Each module does ``@cli.command()``.
from flowops.cli import apply  # noqa: F401
from flowops.cli import comment  # noqa: F401
from flowops.cli import drift  # noqa: F401
from flowops.cli import emulator  # noqa: F401
from flowops.cli import export_runtime  # noqa: F401
from flowops.cli import import_  # noqa: F401
from flowops.cli import init  # noqa: F401
from flowops.cli import plan  # noqa: F401
from flowops.cli import preview  # noqa: F401
from flowops.cli import render  # noqa: F401
from flowops.cli import resolve  # noqa: F401
from flowops.cli import status  # noqa: F401
from flowops.cli import validate  # noqa: F401

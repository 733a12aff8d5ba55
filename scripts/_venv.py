"""The scripts here need flowops's dependencies: rerun them with the checkout's .venv."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"


def rerun_in_venv(error: ImportError) -> None:
    """Replace this process with the same script under .venv (made by scripts/test), or exit 2
    saying how to get one."""
    in_venv = Path(sys.prefix).resolve() == VENV_PYTHON.parent.parent.resolve()
    if VENV_PYTHON.exists() and not in_venv:
        os.execv(VENV_PYTHON, [str(VENV_PYTHON), sys.argv[0], *sys.argv[1:]])
    script = Path(sys.argv[0]).name
    print(f"{script}: {error}. Install flowops first: scripts/test", file=sys.stderr)
    sys.exit(2)

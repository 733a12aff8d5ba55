"""flowops' runtime must load in a bot that has no Django (and never pull Django in)."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_runtime_never_imports_django() -> None:
    code = (
        "import sys, flowops.runtime, flowops.runtime.completion, flowops.runtime.token; "
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"

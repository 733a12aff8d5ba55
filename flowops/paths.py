"""Where flowops keeps files for an environment, relative to the repository root."""

from __future__ import annotations

from pathlib import Path

from flowops.manifest import Environment

LOCAL_DIR = ".flowops"


def lock_path(root: Path, env: Environment) -> Path:
    """Emulator environments keep their lock under ``.flowops/`` so they never dirty git."""
    if env.emulator:
        return root / LOCAL_DIR / env.name / "flows.lock"
    return root / env.lock_file


def emulator_state_path(root: Path, env: Environment) -> Path:
    return root / LOCAL_DIR / env.name / "emulator.json"


def apply_lock_path(root: Path, env: Environment) -> Path:
    """The advisory lock file that keeps two applies on one environment apart."""
    return root / LOCAL_DIR / env.name / "apply.lock"

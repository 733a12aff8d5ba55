"""Plan and apply in process against a fake Graph API, and a kill right after Meta acted.

Shared by the tests of interrupted applies, safe replacement and plan warnings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flowops.lock import file as lockfile
from flowops.pipeline import engine
from flowops.plan.model import Plan


class Killed(BaseException):
    """Stands for kill -9: nothing after it runs (no except clause of flowops catches it)."""


class KillAfter:
    """Raises ``exc`` right after Meta acted on the first call of ``op``, before the lock
    records it."""

    def __init__(self, api: Any, op: str, exc: type[BaseException] = Killed) -> None:
        self._api, self._op, self._exc = api, op, exc

    def __getattr__(self, name: str) -> Any:
        real = getattr(self._api, name)
        if name != self._op:
            return real

        def call(*args: Any, **kwargs: Any) -> Any:
            real(*args, **kwargs)
            raise self._exc

        return call


def plan_of(manifest: Path, api: Any, **opts: Any) -> Plan:
    project = engine.open_project(manifest, "local")
    lock = lockfile.load(project.lock_path)
    return engine.plan(project, api, engine.options_for(project, lock, **opts), lock)


def apply_(manifest: Path, api: Any, plan: Plan | None = None) -> engine.ApplyResult:
    project = engine.open_project(manifest, "local")
    result, _ = engine.apply(project, plan or plan_of(manifest, api), api, concurrency=1)
    return result

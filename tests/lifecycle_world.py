"""A project on disk wired to a running emulator through the real GraphClient."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from flowops import lockfile
from flowops.cli import cli
from flowops.connect import LOCAL_WABA_ID
from flowops.emulator import start_emulator
from flowops.graph.client import GraphClient
from flowops.graph.retry import RetryPolicy
from flowops.lockfile import LockEntry
from flowops.reconcile import engine
from flowops.reconcile.actions import Plan
from flowops.reconcile.apply import ApplyResult
from tests.fakes_flows import make_project

ENV = "emu"


class World:
    def __init__(self, tmp: Path, *, legacy: bool = False) -> None:
        self.emu = start_emulator(legacy_immutable_published=legacy)
        self.manifest = make_project(tmp)
        text = self.manifest.read_text(encoding="utf-8")
        env = f'  {ENV}: {{emulator: true, graph_url: "{self.emu.url}"}}\n'
        text = text.replace("  local: {emulator: true}\n", "  local: {emulator: true}\n" + env)
        self.manifest.write_text(text, encoding="utf-8")
        self.api = GraphClient(
            token="test",
            waba_id=LOCAL_WABA_ID,
            base_url=self.emu.url,
            retry=RetryPolicy(sleep=lambda _s: None),
        )

    @property
    def root(self) -> Path:
        return self.manifest.parent

    def project(self) -> engine.Project:
        return engine.open_project(self.manifest, ENV)

    def plan(self, **opts: Any) -> Plan:
        project = self.project()
        lock = lockfile.load(project.lock_path)
        return engine.plan(project, self.api, engine.options_for(project, lock, **opts), lock)

    def apply(self, plan: Plan | None = None, **kw: Any) -> ApplyResult:
        result, _ = engine.apply(self.project(), plan or self.plan(), self.api, **kw)
        return result

    def converge(self, **opts: Any) -> Plan:
        plan = self.plan(**opts)
        result = self.apply(plan)
        assert result.ok, result.failed
        return plan

    def lock(self) -> dict[str, LockEntry]:
        return lockfile.load(self.project().lock_path).entries(ENV)

    def calls(self) -> list[tuple[str, str]]:
        """(method, path without the API version) of every call since the last clear."""
        return [(c.method, c.path.split("/", 2)[-1]) for c in self.emu.call_log.calls()]

    def writes(self) -> list[tuple[str, str]]:
        return [(m, p) for m, p in self.calls() if m in ("POST", "DELETE")]

    def clear(self) -> None:
        self.emu.call_log.clear()

    def cli(self, *args: str, input: str | None = None) -> Result:
        command, rest = args[0], args[1:]
        argv = ["-m", str(self.manifest), command, "--env", ENV, *rest]
        return CliRunner().invoke(cli, argv, input=input)

    def stop(self) -> None:
        self.emu.stop()

"""An in-memory FlowsAPI that behaves like Meta's lifecycle and records every call."""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from flowops.graph.errors import FlowStateError, GraphError
from flowops.graph.types import (
    LIST_FIELDS,
    Asset,
    CreatedFlow,
    Preview,
    RemoteFlow,
    ValidationError,
)

READS = frozenset({"list_flows", "get_flow", "list_assets", "download_asset", "preview"})


@dataclass
class FakeFlow:
    id: str
    name: str
    categories: tuple[str, ...]
    status: str = "DRAFT"
    flow_json: bytes | None = None
    endpoint_uri: str | None = None
    updated_at: str = ""


@dataclass
class FakeFlowsAPI:
    """Invalid JSON = a document with ``"invalid": true`` (reported at line 1, column 2)."""

    flows: dict[str, FakeFlow] = field(default_factory=dict)
    calls: list[tuple[str, str]] = field(default_factory=list)
    legacy_immutable: bool = False
    refuse_publish: str = ""  # e.g. an endpoint health check failing: every publish is refused
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1000))
    _clock: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def writes(self) -> list[tuple[str, str]]:
        return [c for c in self.calls if c[0] not in READS]

    def _touch(self, flow: FakeFlow) -> None:
        flow.updated_at = f"2026-01-01T00:00:{next(self._clock):04d}+0000"

    def _get(self, flow_id: str) -> FakeFlow:
        if flow_id not in self.flows:
            raise GraphError("not found", code=100)
        return self.flows[flow_id]

    def list_flows(
        self, fields: tuple[str, ...] = LIST_FIELDS, page_size: int = 100
    ) -> Iterator[RemoteFlow]:
        items = [self._remote(f) for f in self.flows.values()]
        for start in range(0, max(len(items), 1), page_size):
            self.calls.append(("list_flows", ""))
            yield from items[start : start + page_size]

    def _remote(self, f: FakeFlow) -> RemoteFlow:
        return RemoteFlow(
            f.id, f.name, f.status, f.categories, (), None, None, f.endpoint_uri, f.updated_at
        )

    def get_flow(self, flow_id: str, fields: tuple[str, ...] = LIST_FIELDS) -> RemoteFlow:
        self.calls.append(("get_flow", flow_id))
        return self._remote(self._get(flow_id))

    def create_flow(
        self,
        name: str,
        categories: tuple[str, ...],
        *,
        flow_json: bytes | None = None,
        publish: bool = False,
        clone_flow_id: str | None = None,
        endpoint_uri: str | None = None,
    ) -> CreatedFlow:
        self.calls.append(("create_flow", name))
        if any(f.name == name for f in self.flows.values()):
            raise GraphError("Flow name is not unique", code=100)
        source = self._get(clone_flow_id).flow_json if clone_flow_id else None
        flow = FakeFlow(
            str(next(self._ids)),
            name,
            tuple(categories),
            flow_json=flow_json or source,
            endpoint_uri=endpoint_uri,
        )
        errors = _errors(flow.flow_json)
        if publish and flow_json and not errors:
            flow.status = "PUBLISHED"
        self._touch(flow)
        self.flows[flow.id] = flow
        return CreatedFlow(flow.id, True, errors)

    def update_metadata(
        self,
        flow_id: str,
        *,
        name: str | None = None,
        categories: tuple[str, ...] | None = None,
        endpoint_uri: str | None = None,
        application_id: str | None = None,
    ) -> None:
        self.calls.append(("update_metadata", flow_id))
        flow = self._get(flow_id)
        flow.name = name or flow.name
        flow.categories = categories or flow.categories
        flow.endpoint_uri = endpoint_uri or flow.endpoint_uri
        self._touch(flow)

    def upload_flow_json(self, flow_id: str, data: bytes) -> tuple[ValidationError, ...]:
        self.calls.append(("upload_flow_json", flow_id))
        flow = self._get(flow_id)
        if flow.status != "DRAFT" and self.legacy_immutable:
            raise FlowStateError("Flow can't be updated", code=139001)
        flow.flow_json = data
        flow.status = "DRAFT" if flow.status in ("PUBLISHED", "DRAFT") else flow.status
        self._touch(flow)
        return _errors(data)

    def list_assets(self, flow_id: str) -> list[Asset]:
        self.calls.append(("list_assets", flow_id))
        flow = self._get(flow_id)
        return [Asset("flow.json", "FLOW_JSON", f"fake://{flow_id}")] if flow.flow_json else []

    def download_asset(self, url: str) -> bytes:
        self.calls.append(("download_asset", url))
        data = self._get(url.removeprefix("fake://")).flow_json
        assert data is not None
        return data

    def publish(self, flow_id: str) -> None:
        self.calls.append(("publish", flow_id))
        flow = self._get(flow_id)
        if flow.status != "DRAFT" or _errors(flow.flow_json) or self.refuse_publish:
            raise FlowStateError(self.refuse_publish or "Publishing failed", code=139002)
        flow.status = "PUBLISHED"
        self._touch(flow)

    def deprecate(self, flow_id: str) -> None:
        self.calls.append(("deprecate", flow_id))
        flow = self._get(flow_id)
        if flow.status == "DRAFT":
            raise FlowStateError("Can't deprecate unpublished flow", code=139003)
        flow.status = "DEPRECATED"
        self._touch(flow)

    def delete(self, flow_id: str) -> None:
        self.calls.append(("delete", flow_id))
        if self._get(flow_id).status != "DRAFT":
            raise FlowStateError("Can't delete published Flow", code=139004)
        del self.flows[flow_id]

    def preview(self, flow_id: str, *, invalidate: bool = False) -> Preview:
        self.calls.append(("preview", flow_id))
        return Preview(f"https://preview.invalid/{flow_id}")

    # helpers for tests: changes "behind flowops' back"
    def tamper_json(self, flow_id: str, doc: object) -> None:
        flow = self.flows[flow_id]
        flow.flow_json = json.dumps(doc).encode()
        self._touch(flow)

    def tamper_status(self, flow_id: str, status: str) -> None:
        self.flows[flow_id] = replace(self.flows[flow_id], status=status)
        self._touch(self.flows[flow_id])


def _errors(data: bytes | None) -> tuple[ValidationError, ...]:
    if data and json.loads(data).get("invalid"):
        return (
            ValidationError(
                "INVALID_PROPERTY_VALUE",
                "FLOW_JSON_ERROR",
                "Invalid value found for property 'invalid'.",
                1,
                1,
                2,
                10,
            ),
        )
    return ()


# -- a small project on disk -------------------------------------------------------------

PROJECT = Path(__file__).parent / "data" / "reconcile" / "project"


def make_project(tmp: Path) -> Path:
    """Copy the sample project into ``tmp``; returns the manifest path."""
    shutil.copytree(PROJECT, tmp, dirs_exist_ok=True)
    return tmp / "flows.yaml"


def edit_manifest(manifest: Path, old: str, new: str) -> None:
    text = manifest.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in flows.yaml"
    manifest.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_flow(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- a project wired to a running emulator through the real GraphClient -------------------

from click.testing import CliRunner, Result  # noqa: E402

from flowops.apply.run import ApplyResult  # noqa: E402
from flowops.cli import cli  # noqa: E402
from flowops.connect import LOCAL_WABA_ID  # noqa: E402
from flowops.emulator import start_emulator  # noqa: E402
from flowops.graph.client import GraphClient  # noqa: E402
from flowops.graph.retry import RetryPolicy  # noqa: E402
from flowops.lock import file as lockfile  # noqa: E402
from flowops.lock.file import LockEntry  # noqa: E402
from flowops.pipeline import engine  # noqa: E402
from flowops.plan.model import Plan  # noqa: E402

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

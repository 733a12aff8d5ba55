"""Graph calls and wall time of `flowops import --all`, the plan after it, and `flowops drift`.

Figures printed:
1. import of N existing flows: calls (1 list page per 100 + 2 per flow) and wall time;
2. the plan right after: number of changes (target 0) and Graph calls;
3. drift with nothing changed: calls (target: the paged list only, no downloads);
4. drift after k flows were edited on Meta: calls (list + 2 per edited flow) and findings.

Run: ``.venv/bin/python benchmarks/import_drift.py [--flows 200] [--latency-ms 150] [--edited 10]``
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from flowops.connect import LOCAL_WABA_ID
from flowops.drift.compare import detect
from flowops.emulator import EmulatorHandle, start_emulator
from flowops.graph.client import GraphClient
from flowops.lock import file as lockfile
from flowops.manifest import load
from flowops.onboard.importer import import_flows
from flowops.pipeline import engine

FLOW = Path(__file__).resolve().parent.parent / "flowops" / "templates" / "project" / "welcome.json"
ENV = "bench"
T = TypeVar("T")


def setup(root: Path, url: str, n: int) -> tuple[Path, GraphClient]:
    manifest = root / "flows.yaml"
    environment = f'  {ENV}: {{emulator: true, graph_url: "{url}"}}'
    manifest.write_text(f"version: 1\nenvironments:\n{environment}\nflows: {{}}\n", "utf-8")
    api = GraphClient(token="bench", waba_id=LOCAL_WABA_ID, base_url=url)
    raw = FLOW.read_bytes()
    for i in range(n):
        api.create_flow(f"Existing flow {i:04}", ("OTHER",), flow_json=raw, publish=i % 2 == 0)
    return manifest, api


def timed_calls(emu: EmulatorHandle, action: Callable[[], T]) -> tuple[T, int, float]:
    emu.call_log.clear()
    started = time.perf_counter()
    result = action()
    return result, len(emu.call_log), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flows", type=int, default=200)
    parser.add_argument("--latency-ms", type=int, default=150)
    parser.add_argument("--edited", type=int, default=10)
    args = parser.parse_args()
    print(f"{args.flows} flows on the emulator, latency {args.latency_ms} ms per API call")
    with tempfile.TemporaryDirectory() as tmp, start_emulator() as emu:
        manifest, api = setup(Path(tmp), emu.url, args.flows)
        emu.faults.latency_ms = args.latency_ms
        lock = import_then_plan(emu, manifest, api)
        drift_before_and_after_edits(emu, manifest, api, lock, args.edited)


def import_then_plan(emu: EmulatorHandle, manifest: Path, api: GraphClient) -> lockfile.Lock:
    env = load(manifest).environments[ENV]
    result, calls, seconds = timed_calls(emu, lambda: import_flows(manifest, env, api, (), True))
    print(f"1. import --all: {len(result.imported)} flows, {calls} calls, {seconds:.1f} s")
    project = engine.open_project(manifest, ENV)
    lock = lockfile.load(project.lock_path)
    plan, calls, seconds = timed_calls(
        emu, lambda: engine.plan(project, api, engine.options_for(project, lock), lock)
    )
    pending = len(plan.pending())
    print(f"2. plan after import: {pending} changes (target 0), {calls} calls, {seconds:.1f} s")
    return lock


def drift_before_and_after_edits(
    emu: EmulatorHandle, manifest: Path, api: GraphClient, lock: lockfile.Lock, edited: int
) -> None:
    env = load(manifest).environments[ENV]
    _, calls, seconds = timed_calls(emu, lambda: detect(load(manifest), env, api))
    print(f"3. drift, nothing changed: {calls} calls, {seconds:.1f} s")
    ids = [entry.flow_id for entry in list(lock.entries(ENV).values())[:edited]]
    latency, emu.faults.latency_ms = emu.faults.latency_ms, 0
    for flow_id in ids:
        api.update_metadata(flow_id, categories=("SURVEY",))
    emu.faults.latency_ms = latency
    report, calls, seconds = timed_calls(emu, lambda: detect(load(manifest), env, api))
    found = len(report.items)
    print(f"4. drift, {len(ids)} edited on Meta: {found} findings, {calls} calls, {seconds:.1f} s")


if __name__ == "__main__":
    main()

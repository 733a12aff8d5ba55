"""Graph calls and wall time of plan/apply for N flows against the emulator with latency.

Figures printed (targets from the design):
1. apply of N new flows at default concurrency: calls (N creates + list pages) and wall time;
2. a no-change plan: Graph calls (target ≤ 5 for 500 flows: one paged list, no downloads);
3. applying k mixed changes: writes vs the documented minimum (docs/api-calls.md);
4. the same N creates one at a time (concurrency 1): wall time; target default ≤ 1/5 of it.

Flows are generated from the example Flow JSON files in ``whatsapp_flows/``.
Run: ``.venv/bin/python benchmarks/plan_apply.py [--flows 500] [--latency-ms 150]
[--serial-flows N]`` (``--serial-flows`` below N measures serial on a subset and
extrapolates linearly; the output says so).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from flowops.connect import LOCAL_WABA_ID
from flowops.emulator import FaultConfig, start_emulator
from flowops.graph.client import GraphClient
from flowops.lock import file as lockfile
from flowops.pipeline import engine

EXAMPLES = Path(__file__).resolve().parent.parent / "whatsapp_flows"
ENV = "bench"


def write_project(root: Path, n: int, url: str) -> Path:
    examples = sorted(EXAMPLES.glob("*.json"))
    (root / "flows").mkdir(parents=True)
    lines = [
        "version: 1",
        "environments:",
        f'  {ENV}: {{emulator: true, graph_url: "{url}"}}',
        "flows:",
    ]
    for i in range(n):
        doc = json.loads(examples[i % len(examples)].read_text(encoding="utf-8"))
        doc["screens"][0]["title"] = f"{doc['screens'][0]['title'][:20]} {i}"
        (root / "flows" / f"f{i:04}.json").write_text(json.dumps(doc, indent=2), encoding="utf-8")
        lines += [
            f"  f{i:04}:",
            f"    name: bench_flow_{i:04}",
            f"    file: flows/f{i:04}.json",
            f"    flow_definition_name: trad_{i:04}",
            "    endpoint_uri: https://e.example/x",
        ]
    manifest = root / "flows.yaml"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


def run(manifest: Path, url: str, concurrency: int | None = None) -> tuple[int, int, float]:
    """plan + apply; returns (calls, writes, seconds of apply)."""
    project = engine.open_project(manifest, ENV)
    api = GraphClient(token="bench", waba_id=LOCAL_WABA_ID, base_url=url)
    lock = lockfile.load(project.lock_path)
    plan = engine.plan(project, api, engine.options_for(project, lock), lock)
    started = time.perf_counter()
    result, calls = engine.apply(project, plan, api, concurrency=concurrency)
    elapsed = time.perf_counter() - started
    assert result.ok, result.failed[:3]
    return plan.read_calls + calls.total, calls.writes, elapsed


def no_change_calls(manifest: Path, url: str) -> int:
    project = engine.open_project(manifest, ENV)
    api = GraphClient(token="bench", waba_id=LOCAL_WABA_ID, base_url=url)
    lock = lockfile.load(project.lock_path)
    plan = engine.plan(project, api, engine.options_for(project, lock), lock)
    assert not plan.has_changes
    return plan.read_calls


def make_changes(manifest: Path, edits: int, links: int, renames: int) -> int:
    """Edit published JSON (2 writes each), links (0), renames (metadata + publish = 2)."""
    root = manifest.parent
    for i in range(edits):
        path = root / "flows" / f"f{i:04}.json"
        path.write_text(
            path.read_text(encoding="utf-8")
            .replace('"version"', '"version"', 1)
            .replace(f' {i}"', f' {i} (edited)"', 1),
            encoding="utf-8",
        )
    text = manifest.read_text(encoding="utf-8")
    for i in range(edits, edits + links):
        text = text.replace(f"trad_{i:04}", f"trad_{i:04}_v2")
    for i in range(edits + links, edits + links + renames):
        text = text.replace(f"name: bench_flow_{i:04}\n", f"name: bench_flow_{i:04}_renamed\n")
    manifest.write_text(text, encoding="utf-8")
    return 2 * edits + 2 * renames


def creates(n: int, latency: int, concurrency: int | None) -> tuple[int, int, float]:
    with (
        tempfile.TemporaryDirectory() as tmp,
        start_emulator(faults=FaultConfig(latency_ms=latency)) as emu,
    ):
        manifest = write_project(Path(tmp), n, emu.url)
        return run(manifest, emu.url, concurrency)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flows", type=int, default=500)
    parser.add_argument("--latency-ms", type=int, default=150)
    parser.add_argument("--serial-flows", type=int, default=None)
    args = parser.parse_args()
    n, latency = args.flows, args.latency_ms
    print(f"{n} flows, emulator latency {latency} ms per API call")
    with (
        tempfile.TemporaryDirectory() as tmp,
        start_emulator(faults=FaultConfig(latency_ms=latency)) as emu,
    ):
        manifest = write_project(Path(tmp), n, emu.url)
        calls, writes, parallel = run(manifest, emu.url)
        print(
            f"1. first apply (default concurrency): {calls} calls ({writes} writes = "
            f"{n} creates), apply wall time {parallel:.1f} s"
        )
        reads = no_change_calls(manifest, emu.url)
        print(f"2. no-change plan: {reads} Graph calls (target <= {max(5, -(-n // 100))})")
        minimum = make_changes(manifest, edits=5, links=3, renames=2)
        calls, writes, _ = run(manifest, emu.url)
        print(
            f"3. 10 changes (5 JSON edits of published flows, 3 link-only, 2 renames): "
            f"{writes} writes (documented minimum {minimum}), {calls} calls in all "
            f"including the plan's and the post-apply paged lists"
        )
    serial_n = min(args.serial_flows or n, n)
    _, _, serial = creates(serial_n, latency, concurrency=1)
    note = "" if serial_n == n else f" (measured on {serial_n} flows, extrapolated linearly)"
    serial_total = serial * n / serial_n
    print(
        f"4. the same {n} creates one at a time: {serial_total:.1f} s{note}; "
        f"default/serial = {parallel / serial_total:.2f} (target <= 0.20)"
    )


if __name__ == "__main__":
    main()

"""Manifest speed: loading and checking flows.yaml, and ``flowops validate`` of the example.

Targets: the shipped example (manifest + its 3 flows) validates in ≤ 20 ms; a manifest
with N flows (default 500) loads in ≤ 100 ms. Best of 5 runs, after one warm-up.
Run: ``.venv/bin/python benchmarks/manifest.py [--flows N]``
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from flowops.manifest import load_with_problems
from flowops.validate.project import validate_project

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_TARGET_MS = 20.0
LARGE_TARGET_MS = 100.0
LOAD_TARGET_MS = 5.0


def best_ms(fn: Callable[[], object], runs: int = 5) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def large_manifest(root: Path, count: int) -> Path:
    (root / "whatsapp_flows").mkdir()
    (root / "whatsapp_flows" / "f.json").write_text("{}")
    names = "".join(f"  - flow_{i}\n" for i in range(count))
    lines = ["version: 1", "traditional_flows:", names.rstrip("\n"), "flows:"]
    for i in range(count):
        lines += [
            f"  flow_{i}:",
            "    file: whatsapp_flows/f.json",
            "    categories: [OTHER]",
            f"    flow_definition_name: flow_{i}",
            f"    description: Flow number {i}",
        ]
    path = root / "flows.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def report(label: str, ms: float, target: float) -> None:
    verdict = "ok" if ms <= target else "SLOW"
    print(f"{label:<44} {ms:8.2f} ms  (target ≤ {target:.0f} ms) {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--flows", type=int, default=500)
    args = parser.parse_args()
    example = REPO / "flows.yaml"
    report("load shipped flows.yaml", best_ms(lambda: load_with_problems(example)), LOAD_TARGET_MS)
    report(
        "validate shipped example (3 flows)",
        best_ms(lambda: validate_project(example)),
        EXAMPLE_TARGET_MS,
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = large_manifest(Path(tmp), args.flows)
        ms = best_ms(lambda: load_with_problems(path))
        report(f"load manifest with {args.flows} flows", ms, LARGE_TARGET_MS)


if __name__ == "__main__":
    main()

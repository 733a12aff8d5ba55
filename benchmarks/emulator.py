"""Cost of the local emulator per Graph call, through the real GraphClient on loopback.

1. create+publish N flows (one POST each) with state in memory. Target: ≤ 3 ms per call.
2. The same with a state file (saved after every change). Target: ≤ 25 ms per call at
   N = 300 (every save rewrites the whole file).
3. Listing all N flows in pages of 100. Target: ≤ 10 ms per page.
Run: ``.venv/bin/python benchmarks/emulator.py [--flows N]``
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from flowops.emulator import start_emulator
from flowops.graph.client import GraphClient

DOC = (Path(__file__).parent.parent / "tests" / "data" / "emulator" / "valid.json").read_bytes()
WABA = "100000000000001"
TARGETS_MS = {"memory": 3.0, "file": 25.0, "page": 10.0}


def measure(flows: int, state: Path | None) -> tuple[float, float]:
    """(ms per create call, ms per list page)."""
    with start_emulator(state_path=state) as emu:
        client = GraphClient(token="benchmark", waba_id=WABA, base_url=emu.url)
        started = time.perf_counter()
        for n in range(flows):
            client.create_flow(f"flow-{n}", ("OTHER",), flow_json=DOC, publish=True)
        per_call = (time.perf_counter() - started) * 1000 / flows
        started = time.perf_counter()
        listed = list(client.list_flows(page_size=100))
        pages = max(1, -(-len(listed) // 100))
        return per_call, (time.perf_counter() - started) * 1000 / pages


def report(label: str, value: float, target: float) -> bool:
    ok = value <= target
    print(f"{label:<34} {value:8.2f} ms   target ≤ {target:g} ms   {'ok' if ok else 'SLOW'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--flows", type=int, default=300)
    flows = parser.parse_args().flows
    memory_call, page = measure(flows, None)
    with tempfile.TemporaryDirectory() as tmp:
        file_call, _ = measure(flows, Path(tmp) / "emulator.json")
    print(f"emulator, {flows} flows created and published, then listed")
    results = [
        report("create+publish, state in memory", memory_call, TARGETS_MS["memory"]),
        report("create+publish, state file", file_call, TARGETS_MS["file"]),
        report("list, per page of 100", page, TARGETS_MS["page"]),
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Cost of the local emulator per Graph call, through the real GraphClient on loopback.

1. create+publish N flows (one POST each) with state in memory. Target: ≤ 3 ms per call.
2. The same with a state file (each change appended to its journal). Target: ≤ 25 ms per
   call at N = 300.
2b. One metadata edit with ~66 MB already stored (200 flows of 330 KB). Target: ≤ 25 ms per
   call: a write costs the flows it touches, not the whole state (0.40 s when it did).
3. Listing all N flows in pages of 100. Target: ≤ 10 ms per page.
4. Chaos: M flows created, uploaded and published while 30% of calls fail (rate limits,
   HTTP 500s, dropped connections, answers lost after Meta acted). Prints calls, retries by
   reason and the backoff the client would have slept; exits 1 unless exactly the M flows
   asked for exist, all PUBLISHED.
Run: ``.venv/bin/python benchmarks/emulator.py [--flows N] [--chaos-flows M] [--seed S]``
"""

from __future__ import annotations

import argparse
import json
import logging
import tempfile
import time
from pathlib import Path

from flowops.emulator import FaultConfig, start_emulator
from flowops.emulator.flow import EmuFlow
from flowops.emulator.model import FlowsModel
from flowops.graph.client import GraphClient
from flowops.graph.retry import RetryPolicy

DOC = (Path(__file__).parent.parent / "tests" / "data" / "emulator" / "valid.json").read_bytes()
WABA = "100000000000001"
TARGETS_MS = {"memory": 3.0, "file": 25.0, "page": 10.0}
CHAOS = {"rate_limit": 0.10, "server_error": 0.08, "drop_connection": 0.04, "lose_response": 0.08}


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


def big_state_write(flows: int = 200, pad: int = 250_000) -> tuple[float, float]:
    """(MB stored, ms per metadata edit) for a state file written beforehand."""
    model = FlowsModel()
    model.wabas.add(WABA)
    for n in range(flows):
        flow = EmuFlow(str(10**15 + n), WABA, f"big-{n}", ["OTHER"], n + 1)
        flow.draft_json = DOC + b" " * pad
        model.flows[flow.id] = flow
    model.next_seq = flows + 1
    with tempfile.TemporaryDirectory() as tmp:
        state = Path(tmp) / "emulator.json"
        state.write_text(json.dumps(model.to_state()))
        with start_emulator(state_path=state) as emu:
            client = GraphClient(token="benchmark", waba_id=WABA, base_url=emu.url)
            started = time.perf_counter()
            for n in range(20):
                client.update_metadata(str(10**15 + n), name=f"renamed-{n}")
            per_call = (time.perf_counter() - started) * 1000 / 20
        return state.stat().st_size / 1e6, per_call


def report(label: str, value: float, target: float) -> bool:
    ok = value <= target
    print(f"{label:<34} {value:8.2f} ms   target ≤ {target:g} ms   {'ok' if ok else 'SLOW'}")
    return ok


def chaos(flows: int, seed: int) -> bool:
    """Exactly ``flows`` published flows despite 30% faults; prints what it took."""
    logging.getLogger("flowops.graph").setLevel(logging.ERROR)  # one warning per retry
    slept: list[float] = []
    policy = RetryPolicy(max_attempts=12, sleep=slept.append)
    with start_emulator(faults=FaultConfig(seed=seed, **CHAOS)) as emu:
        client = GraphClient(token="benchmark", waba_id=WABA, base_url=emu.url, retry=policy)
        started = time.perf_counter()
        for n in range(flows):
            flow_id = client.create_flow(f"chaos-{n}", ("OTHER",)).id
            client.upload_flow_json(flow_id, DOC)
            client.publish(flow_id)
        elapsed = time.perf_counter() - started
        emu.faults.rate_limit = emu.faults.server_error = 0.0
        emu.faults.drop_connection = emu.faults.lose_response = 0.0
        listed = [(f.name, f.status) for f in client.list_flows()]
    exact = sorted(listed) == sorted((f"chaos-{n}", "PUBLISHED") for n in range(flows))
    print(f"chaos, {flows} flows x 3 calls, 30% faults, seed {seed}: {client.stats.summary()}")
    verdict = "exactly those asked for" if exact else "NOT those asked for"
    print(f"  {elapsed:.2f} s wall, {sum(slept):.1f} s of backoff skipped; ", end="")
    print(f"{len(listed)} flows on Meta, {verdict}")
    return exact


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--flows", type=int, default=300)
    parser.add_argument("--chaos-flows", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    flows = args.flows
    memory_call, page = measure(flows, None)
    with tempfile.TemporaryDirectory() as tmp:
        file_call, _ = measure(flows, Path(tmp) / "emulator.json")
    stored_mb, big_call = big_state_write()
    print(f"emulator, {flows} flows created and published, then listed")
    results = [
        report("create+publish, state in memory", memory_call, TARGETS_MS["memory"]),
        report("create+publish, state file", file_call, TARGETS_MS["file"]),
        report(f"metadata edit, {stored_mb:.0f} MB stored", big_call, TARGETS_MS["file"]),
        report("list, per page of 100", page, TARGETS_MS["page"]),
        chaos(args.chaos_flows, args.seed),
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())

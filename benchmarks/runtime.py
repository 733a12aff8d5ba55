"""Runtime speed: time per ``Resolver.resolve()`` and load time of a 10,000-flow snapshot.

Targets: resolve ≤ 5 µs (hits and misses), snapshot load ≤ 100 ms.
Run: ``.venv/bin/python benchmarks/runtime.py [--flows N]``
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path

from flowops.lock import file as lockfile
from flowops.lock.file import Lock, LockEntry
from flowops.runtime import Resolver, files, load_lock, load_snapshot

ENV = "production"
STATUSES = ("PUBLISHED", "PUBLISHED", "PUBLISHED", "DRAFT", "THROTTLED", "DEPRECATED")
RESOLVE_TARGET_US = 5.0
LOAD_TARGET_MS = 100.0


def make_lock(count: int) -> Lock:
    lock = Lock()
    for i in range(count):
        entry = LockEntry(
            flow_id=str(1_000_000_000_000_000 + i),
            name=f"flow_{i:05d}",
            status=STATUSES[i % len(STATUSES)],
            ever_published=i % 2 == 0,
            flow_definition_name=f"traditional_{i:05d}",
            is_active=i % 10 != 0,
            entry_screen="WELCOME",
            file=f"whatsapp_flows/flow_{i:05d}.json",
        )
        lock.put(ENV, f"flow_{i:05d}", entry)
    return lock


def best_ms(action: Callable[[], object], repeat: int = 7) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def per_call_us(resolver: Resolver, names: list[str], rounds: int) -> float:
    resolve = resolver.resolve

    def run() -> None:
        for name in names:
            resolve(name)

    best = min(timeit.repeat(run, number=rounds, repeat=5))
    return best / (rounds * len(names)) * 1e6


def report(label: str, value: float, unit: str, target: float) -> bool:
    ok = value <= target
    print(f"{label:<44} {value:9.3f} {unit}  (target ≤ {target:g} {unit}) {'OK' if ok else 'SLOW'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--flows", type=int, default=10_000)
    count = parser.parse_args().flows
    with tempfile.TemporaryDirectory() as tmp:
        lock_file, snap_file = Path(tmp) / "flows.lock", Path(tmp) / "flows.runtime.json"
        lockfile.save(make_lock(count), lock_file)
        files.write(load_lock(lock_file, ENV), snap_file)
        size_kb = snap_file.stat().st_size / 1024
        print(
            f"{count} flows; snapshot file {size_kb:.0f} KiB, lock file "
            f"{lock_file.stat().st_size / 1024:.0f} KiB"
        )
        ok = run_load(lock_file, snap_file)
        ok = run_resolve(snap_file, count) and ok
    return 0 if ok else 1


def run_load(lock_file: Path, snap_file: Path) -> bool:
    snap_best, snap_median = best_ms(lambda: load_snapshot(snap_file, ENV))
    lock_best, lock_median = best_ms(lambda: load_lock(lock_file, ENV))
    print(
        f"{'load flows.lock (for comparison)':<44} {lock_best:9.3f} ms  (median {lock_median:.1f})"
    )
    return report("load snapshot file (best of 7)", snap_best, "ms", LOAD_TARGET_MS) and (
        snap_median <= LOAD_TARGET_MS
    )


def run_resolve(snap_file: Path, count: int) -> bool:
    names = [f"traditional_{i:05d}" for i in range(count)]
    cold = []
    for _ in range(3):  # a fresh snapshot each time: every name is decided on first use
        resolver = Resolver.from_snapshot(snap_file, ENV)
        start = time.perf_counter()
        for name in names:
            resolver.resolve(name)
        cold.append((time.perf_counter() - start) / count * 1e6)
    print(f"{'first resolve() of each flow (decides, cold)':<44} {min(cold):9.3f} µs  (best of 3)")
    hits = [f"traditional_{i:05d}" for i in range(0, count, max(1, count // 1000))]
    misses = [f"unknown_{i}" for i in range(len(hits))]
    rounds = 200
    hit_us = per_call_us(resolver, hits, rounds)
    miss_us = per_call_us(resolver, misses, rounds)
    calls = rounds * len(hits)
    print(f"resolve: {calls} calls per timing, best of 5, reload check every 1.0 s active")
    ok = report("resolve() hit (linked traditional flow)", hit_us, "µs", RESOLVE_TARGET_US)
    return report("resolve() miss (nothing linked)", miss_us, "µs", RESOLVE_TARGET_US) and ok


if __name__ == "__main__":
    raise SystemExit(main())

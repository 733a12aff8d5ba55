"""Flow JSON validation speed against the floor of reading and parsing the same files.

Generates 1,000 distinct flow files from the repository's example flows and the valid
test fixtures, then times the floor (read + ``json.loads``) and full validation
(``validate_text`` on each file's bytes) in the same run: rounds alternate between them so
a busy machine slows both alike, and the best of 7 rounds counts. Target: full ≤ 4× the floor.
Also times the corpus's largest documents when ../shared/corpus (beside the checkout) is present.
Run: ``.venv/bin/python benchmarks/validate.py [--files N]``
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from flowops.flowjson import parse, validate_text
from flowops.flowjson.validate import check

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    *sorted((ROOT / "whatsapp_flows").glob("*.json")),
    ROOT / "flowops" / "templates" / "project" / "welcome.json",
    *sorted((ROOT / "tests" / "data" / "flowjson" / "valid").glob("*.json")),
]
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "flow-json"
TARGET_RATIO = 4.0


def letters(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = chr(65 + r) + out
        if n == 0:
            return out


def variant(text: str, index: int) -> str:
    """The same flow with every screen id renamed (references included)."""
    suffix = "_" + letters(index)
    for screen in json.loads(text)["screens"]:
        old = screen["id"]
        text = re.sub(rf'"{old}"', f'"{old}{suffix}"', text)
        text = text.replace(f"screen.{old}.", f"screen.{old}{suffix}.")
    return text


def generate(directory: Path, count: int) -> list[Path]:
    texts = [p.read_text(encoding="utf-8") for p in SOURCES if p.exists()]
    paths = []
    for i in range(count):
        path = directory / f"flow_{i:04d}.json"
        path.write_text(variant(texts[i % len(texts)], i), encoding="utf-8")
        paths.append(path)
    return paths


ROUNDS = 7


def interleaved(works: dict[str, Callable[[], None]]) -> dict[str, tuple[float, float]]:
    """Best (wall-clock, process CPU) time of each work over ``ROUNDS`` rounds."""
    wall = dict.fromkeys(works, float("inf"))
    cpu = dict.fromkeys(works, float("inf"))
    for _ in range(ROUNDS):
        for name, work in works.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            work()
            cpu[name] = min(cpu[name], time.process_time() - start_cpu)
            wall[name] = min(wall[name], time.perf_counter() - start)
    return {name: (wall[name], cpu[name]) for name in works}


def best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def floor(paths: list[Path]) -> None:
    for path in paths:
        json.loads(path.read_bytes())


def full(paths: list[Path]) -> None:
    for path in paths:
        if any(p.is_error for p in validate_text(path.read_bytes(), path.name)):
            raise SystemExit(f"benchmark input {path.name} is invalid")


def structure_only(paths: list[Path]) -> None:
    """Read, decode, parse (duplicate keys rejected), version and schema: no semantic rules."""
    for path in paths:
        text = parse.decode(path.read_bytes())
        if isinstance(text, str):
            check(parse.loads(text), rules=False)


def large_documents() -> None:
    if not CORPUS.is_dir():
        print("corpus not present: skipping the large-document timing")
        return
    big = sorted(CORPUS.rglob("*.json"), key=lambda p: p.stat().st_size)[-2:]
    for path in big:
        data = path.read_bytes()
        seconds = best_of(3, lambda: validate_text(data))  # noqa: B023 (used at once)
        loads = best_of(3, lambda: json.loads(data))  # noqa: B023
        size = len(data) / 1e6
        print(
            f"{path.name}: {size:.1f} MB,"
            f" validate {seconds * 1e3:.0f} ms, json.loads {loads * 1e3:.0f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    count = parser.parse_args().files
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp), count)
        full(paths)  # warm-up: compile validators, fill caches
        times = interleaved(
            {
                "floor": lambda: floor(paths),
                "full": lambda: full(paths),
                "structure": lambda: structure_only(paths),
            }
        )
    (base, base_cpu), (total, total_cpu) = times["floor"], times["full"]
    structure = times["structure"][0]
    print(f"floor (read + json.loads): {count / base:,.0f} files/s")
    print(f"validate_text:             {count / total:,.0f} files/s")
    ratio = total / base
    verdict = "OK" if ratio <= TARGET_RATIO else "SLOWER THAN TARGET"
    print(f"ratio: {ratio:.2f}x the floor (target <= {TARGET_RATIO:.0f}x) {verdict}")
    print(f"same, in process CPU time (steadier on a shared machine): {total_cpu / base_cpu:.2f}x")
    print(f"parse + version + schema only (no semantic rules): {structure / base:.2f}x the floor")
    large_documents()


if __name__ == "__main__":
    main()

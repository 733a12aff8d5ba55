"""How validate, plan and apply scale from 100 to 10,000 flows, and how fast the CLI starts.

For each N in ``--sizes`` a project of N flows is generated (the example Flow JSON files,
each copy with its own screen title; one in three uses a data endpoint) against an emulator
in this process that sleeps ``--latency-ms`` on every Graph call. Every step runs the real
``flowops`` command as a child process, so CPU (user + system) and peak RSS are the
command's own; the emulator's work is done here and is not counted. Calls come from the
emulator's call log.

Steps, per N:
  validate   ``flowops validate`` of the project, and ``flowops validate flows/`` (the same
             files), against the floor: reading and ``json.loads`` of every flow file here.
  apply      the first apply with default settings (``apply --auto-approve``), rerun while it
             exits 1 (a call-budget stop) up to a few times: runs, calls and wall time against
             the latency floor = (list pages + other calls ÷ concurrency 8) × latency.
  plan       a no-change ``flowops plan``.
  edit       10 published flows edited, then ``apply --auto-approve`` (20 writes).
Start-up: ``flowops --help`` and ``flowops validate`` of one small file, against
``python -c pass``, in CPU time.

Each figure is the best of ``--repeat`` runs (CPU time is steadier than wall time on a
shared machine); the first apply runs once. The goals (from the scaling issue) are printed
with each ratio; nothing is asserted.
Run: ``.venv/bin/python benchmarks/scale.py [--sizes 100,1000,10000] [--quick]
[--latency-ms 150] [--repeat 3] [--steps validate,apply,plan,edit,startup] [--max-calls N]``
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from flowops.emulator import EmulatorHandle, FaultConfig, start_emulator

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "whatsapp_flows").glob("*.json"))
SMALL_FILE = ROOT / "whatsapp_flows" / "date_picker.json"
ENV = "bench"
CONCURRENCY = 8  # settings.concurrency's default: the benchmark changes no setting
PAGE = 100  # flows per page of the Graph list edge
EDITS = 10
STEPS = ("validate", "apply", "plan", "edit", "startup")


@dataclass
class Run:
    """One child process: exit code, wall and CPU seconds, peak RSS and its Graph calls."""

    code: int
    wall: float
    cpu: float
    rss_mb: float
    calls: int = 0
    writes: int = 0
    pages: int = 0
    latent: int = 0  # calls the emulator delays (downloads are not delayed)
    runs: int = 1

    def plus(self, other: Run) -> Run:
        return Run(
            other.code,
            self.wall + other.wall,
            self.cpu + other.cpu,
            max(self.rss_mb, other.rss_mb),
            self.calls + other.calls,
            self.writes + other.writes,
            self.pages + other.pages,
            self.latent + other.latent,
            self.runs + other.runs,
        )


def flowops_command() -> list[str]:
    script = Path(sys.executable).with_name("flowops")
    return [str(script)] if script.exists() else [sys.executable, "-m", "flowops"]


# A small parent for each measured command: the child's peak RSS then starts from this
# process's few MB, not from the benchmark's (a forked child counts its parent's pages).
TRAMPOLINE = """
import json, os, sys, time
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.dup2(2, 1)  # the command's output goes to stderr; stdout carries the figures
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - started
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps([os.waitstatus_to_exitcode(status), wall, cpu, usage.ru_maxrss]))
"""


def spawn(args: Sequence[str], cwd: Path, emu: EmulatorHandle | None = None) -> Run:
    """Run a command to the end; wall, CPU and peak RSS of that command alone."""
    before = len(emu.call_log) if emu else 0
    env = {**os.environ, "NO_COLOR": "1"}
    with tempfile.TemporaryFile() as out:
        wrapped = [sys.executable, "-c", TRAMPOLINE, *args]
        done = subprocess.run(wrapped, cwd=cwd, stdout=subprocess.PIPE, stderr=out, env=env)
        code, wall, cpu, rss_kb = json.loads(done.stdout)
        if code not in (0, 1, 2):
            out.seek(0)
            sys.stderr.write(out.read()[-3000:].decode("utf-8", "replace"))
    run = Run(code, wall, cpu, rss_kb / 1024)
    return _with_calls(run, emu, before) if emu else run


def _with_calls(run: Run, emu: EmulatorHandle, before: int) -> Run:
    calls = emu.call_log.calls()[before:]
    run.calls = len(calls)
    run.writes = sum(1 for c in calls if c.is_write)
    run.pages = sum(1 for c in calls if c.method == "GET" and c.path.endswith("/flows"))
    run.latent = sum(1 for c in calls if not c.path.startswith("/_emulator"))
    return run


def best(runs: Sequence[Run]) -> Run:
    """The run with the least CPU, with the least wall time of all."""
    chosen = min(runs, key=lambda r: r.cpu)
    return Run(**{**chosen.__dict__, "wall": min(r.wall for r in runs)})


def flowops(project: Path, *args: str, emu: EmulatorHandle | None = None) -> Run:
    return spawn([*flowops_command(), "-m", "flows.yaml", *args], project, emu)


# --- the generated project ------------------------------------------------------------


def write_project(root: Path, n: int, url: str, max_calls: int | None = None) -> None:
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES]
    (root / "flows").mkdir(parents=True)
    for i in range(n):
        (root / "flows" / f"f{i:05}.json").write_text(
            retitled(texts[i % len(texts)], i), encoding="utf-8"
        )
    lines = [
        "version: 1",
        "defaults: {categories: [OTHER], publish: true}",
        *([f"settings: {{max_calls: {max_calls}}}"] if max_calls else []),
        "environments:",
        f'  {ENV}: {{emulator: true, graph_url: "{url}"}}',
        "flows:",
    ]
    for i in range(n):
        lines += [
            f"  f{i:05}:",
            f"    name: bench_flow_{i:05}",
            f"    file: flows/f{i:05}.json",
            f"    flow_definition_name: trad_{i:05}",
            "    endpoint_uri: https://e.example/x",
        ]
    (root / "flows.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def retitled(text: str, i: int, tag: str = "") -> str:
    doc = json.loads(text)
    doc["screens"][0]["title"] = f"{doc['screens'][0]['title'][:16]} {i}{tag}"
    return json.dumps(doc, indent=2) + "\n"


def edit_flows(project: Path, round_: int) -> None:
    for i in range(EDITS):
        path = project / "flows" / f"f{i:05}.json"
        path.write_text(retitled(path.read_text(encoding="utf-8"), i, f" e{round_}"), "utf-8")


def floor_cpu(project: Path) -> float:
    """CPU seconds to read and ``json.loads`` every flow file (the least validate can do)."""
    files = sorted((project / "flows").glob("*.json"))
    started = time.process_time()
    for path in files:
        json.loads(path.read_bytes())
    return time.process_time() - started


# --- the steps --------------------------------------------------------------------------


@dataclass
class Figures:
    n: int
    latency_ms: int
    fixed: float  # CPU seconds of start-up, taken off before dividing by N
    rows: list[tuple[str, Run, str]] = field(default_factory=list)
    ratios: list[tuple[str, float, str]] = field(default_factory=list)

    def add(self, step: str, run: Run, note: str = "") -> None:
        self.rows.append((step, run, note))
        print(row(self, step, run, note), flush=True)

    def net_per_flow(self, run: Run) -> float:
        return max(run.cpu - self.fixed, 0.0) / self.n


def repeated(times: int, work: Callable[[], Run]) -> Run:
    return best([work() for _ in range(times)])


def step_validate(project: Path, figures: Figures, repeat: int) -> None:
    run = repeated(repeat, lambda: flowops(project, "validate"))
    floor = min(floor_cpu(project) for _ in range(repeat))
    figures.add("validate", run, f"floor {floor:.2f} s CPU; {run.cpu / floor:.1f}x the floor")
    figures.ratios.append(("validate CPU / floor", run.cpu / floor, "< 5 at 10,000 flows"))
    folder = repeated(repeat, lambda: flowops(project, "validate", "flows"))
    figures.add("validate flows/", folder, "the same files named by folder")


def step_first_apply(project: Path, emu: EmulatorHandle, figures: Figures) -> None:
    n, latency = figures.n, figures.latency_ms / 1000
    total = apply_once(project, emu)
    while total.code == 1 and total.runs < 3 + math.ceil(n / 1000):
        total = total.plus(apply_once(project, emu))
    floor = (total.pages + (total.latent - total.pages) / CONCURRENCY) * latency
    minimum = (1 + math.ceil(n / PAGE) + n / CONCURRENCY) * latency
    note = (
        f"{total.runs} run(s), last exit {total.code}; floor {floor:.1f} s for these calls,"
        f" {minimum:.1f} s for the fewest ({n} creates + {1 + math.ceil(n / PAGE)} pages)"
    )
    figures.add("first apply", total, note)
    figures.ratios.append(("first apply wall / floor (fewest)", total.wall / minimum, "<= 1.25"))
    figures.ratios.append(("first apply runs", total.runs, "1, or as the plan says"))


def apply_once(project: Path, emu: EmulatorHandle) -> Run:
    return flowops(project, "apply", "--env", ENV, "--auto-approve", emu=emu)


def step_plan(project: Path, emu: EmulatorHandle, figures: Figures, repeat: int) -> None:
    plan = lambda: flowops(project, "plan", "--env", ENV, "--detailed-exitcode", emu=emu)  # noqa: E731
    run = repeated(repeat, plan)
    verdict = "no changes" if run.code == 0 else f"exit {run.code}: NOT a no-change plan"
    figures.add("no-change plan", run, f"{verdict}; {run.pages} list page(s)")


def step_edit(project: Path, emu: EmulatorHandle, figures: Figures, repeat: int) -> None:
    runs = []
    for round_ in range(repeat):
        edit_flows(project, round_)
        runs.append(apply_once(project, emu))
    run = best(runs)
    note = f"exit {run.code}; documented minimum {2 * EDITS} writes"
    figures.add(f"{EDITS}-edit apply", run, note)


def measure_size(n: int, args: argparse.Namespace, fixed: float) -> Figures:
    figures = Figures(n, args.latency_ms, fixed)
    with (
        tempfile.TemporaryDirectory() as tmp,
        start_emulator(faults=FaultConfig(latency_ms=args.latency_ms)) as emu,
    ):
        project = Path(tmp)
        write_project(project, n, emu.url, args.max_calls)
        if "validate" in args.steps:
            step_validate(project, figures, args.repeat)
        if {"apply", "plan", "edit"} & set(args.steps):
            step_first_apply(project, emu, figures)
        if "plan" in args.steps:
            step_plan(project, emu, figures, args.repeat)
        if "edit" in args.steps:
            step_edit(project, emu, figures, args.repeat)
    return figures


# --- start-up ---------------------------------------------------------------------------


def startup(times: int) -> dict[str, Run]:
    """Interleaved, so a busy machine slows all three alike; best CPU of ``times`` each."""
    works = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "flowops --help": [*flowops_command(), "--help"],
        "flowops validate one file": [
            *flowops_command(),
            "validate",
            str(SMALL_FILE.relative_to(ROOT)),
        ],
    }
    runs: dict[str, list[Run]] = {name: [] for name in works}
    for _ in range(times):
        for name, command in works.items():
            runs[name].append(spawn(command, ROOT))
    return {name: best(found) for name, found in runs.items()}


def print_startup(found: dict[str, Run], times: int) -> None:
    base = found["python -c pass"].cpu
    print(f"\nstart-up (best of {times}, CPU; `python -c pass` = {base * 1000:.0f} ms):")
    goals = {"flowops --help": 80, "flowops validate one file": 120}
    for name, run in found.items():
        extra = (run.cpu - base) * 1000
        goal = f" (goal <= {goals[name]} ms)" if name in goals else ""
        print(
            f"  {name:28} CPU {run.cpu * 1000:5.0f} ms, +{extra:4.0f} ms over python{goal},"
            f" wall {run.wall * 1000:5.0f} ms, peak RSS {run.rss_mb:.0f} MB"
        )


# --- output -----------------------------------------------------------------------------

HEADER = (
    f"{'N':>6} {'step':16} {'calls':>6} {'writes':>6} {'wall s':>8} {'CPU s':>7}"
    f" {'ms/flow':>8} {'net':>6} {'RSS MB':>7}  note"
)


def row(figures: Figures, step: str, run: Run, note: str) -> str:
    n = figures.n
    return (
        f"{n:>6} {step:16} {run.calls:>6} {run.writes:>6} {run.wall:>8.2f} {run.cpu:>7.2f}"
        f" {run.cpu * 1000 / n:>8.3f} {figures.net_per_flow(run) * 1000:>6.3f}"
        f" {run.rss_mb:>7.0f}  {note}"
    )


def print_ratios(all_figures: list[Figures]) -> None:
    print("\nratios (goal in brackets):")
    for figures in all_figures:
        for name, value, goal in figures.ratios:
            print(f"  N={figures.n:<6} {name:38} {value:6.2f}  [{goal}]")
    if len(all_figures) > 1:
        print_growth(all_figures[0], all_figures[-1])


def print_growth(small: Figures, large: Figures) -> None:
    """Per-flow CPU at the largest N over the smallest: flat is 1.0 (goal <= 1.5)."""
    small_rows = {step: run for step, run, _ in small.rows}
    for step, run, _ in large.rows:
        if step in small_rows and step != "first apply":
            base = small.net_per_flow(small_rows[step])
            growth = large.net_per_flow(run) / base if base else math.inf
            print(
                f"  {step} net CPU per flow, N={large.n:,} / N={small.n:,}: {growth:.2f}"
                f"  [<= 1.5 for validate and no-change plan]"
            )
        if step in small_rows:
            mb = (run.rss_mb - small_rows[step].rss_mb) * 1000 / (large.n - small.n)
            print(f"  {step} peak RSS growth: {mb:.1f} MB per 1,000 flows")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated N")
    parser.add_argument("--latency-ms", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--steps", default=",".join(STEPS), help=f"any of {','.join(STEPS)}")
    parser.add_argument("--quick", action="store_true", help="N = 50,200, one run each")
    parser.add_argument(
        "--max-calls", type=int, help="settings.max_calls of the generated project (default: 1000)"
    )
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.repeat = "50,200", 1
    args.sizes = [int(s) for s in args.sizes.split(",")]
    args.steps = args.steps.split(",")
    return args


def main() -> None:
    args = parse_args()
    times = max(5, args.repeat * 3) if "startup" in args.steps else 1
    found = startup(times)
    fixed = found["flowops validate one file"].cpu
    print(f"flows {args.sizes}, emulator latency {args.latency_ms} ms, best of {args.repeat}")
    if args.max_calls:
        print(f"settings.max_calls: {args.max_calls} (changed from the default)")
    print(f"net = CPU ms per flow less the start-up ({fixed * 1000:.0f} ms, validate of one file)")
    print(HEADER)
    all_figures = [measure_size(n, args, fixed) for n in args.sizes]
    print_ratios(all_figures)
    if "startup" in args.steps:
        print_startup(found, times)


if __name__ == "__main__":
    main()

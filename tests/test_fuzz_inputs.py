"""A seeded, bounded fuzz of what outsiders can send in a pull request: Flow JSON and flows.yaml.

Thousands of mutations of real documents (structural edits, hostile values, byte damage,
regions repeated into a few hundred KB) run in process. Every case must end as problems
(never an exception: that is exit 3), every CLI case as exit 0 or 1 with no traceback and
no "Internal error", and no case may take seconds or grow memory by hundreds of MB: the
bounds are far above what the limits allow (README "Limits"), so they catch only
superlinear work or unbounded allocation, not a slow machine.
"""

from __future__ import annotations

import json
import random
import resource
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from flowops.cli import cli
from flowops.flowjson import validate_text
from flowops.validate import validate_project

REPO = Path(__file__).parent.parent
SOURCES = sorted(
    [
        *(REPO / "whatsapp_flows").glob("*.json"),
        *(REPO / "tests" / "data" / "flowjson" / "valid").glob("*.json"),
    ]
)
CASE_SECONDS = 60.0  # one case: catches a blow-up, not a busy machine (most take hundredths)
GROWTH_BYTES = 600_000_000  # peak memory growth over a whole suite

HOSTILE_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    1.5,
    "",
    "x",
    [],
    {},
    "${" * 5000,
    "${data." + "a." * 3000,
    "`" * 3000,
    "\ud800",
    "\udfff x",
    "x" * 300_000,
    "EAAG" + "a1B2" * 20,
    "../" * 50,
    "\x00",
    {"type": "If", "condition": "${data.c}", "then": []},
    json.loads("[" * 70 + "]" * 70),
    {"__example__": {"a": [{"b": "c"}] * 50}},
]
HOSTILE_TEXT = [
    "NaN",
    "-Infinity",
    "1e999",
    "9" * 5000,
    '"\\ud800"',
    '"\\udfff"',
    "[" * 3000,
    "{" * 3000,
    '{"a":1,"a":2}',
    "\ufeff",
    "\x00",
    '"${${${${"',
    ",,,,",
]


@contextmanager
def bounded() -> Iterator[Callable[[], None]]:
    """Yields ``tick()``, which fails the test when one case ran for seconds."""
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    started = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        assert now - started[0] < CASE_SECONDS, f"one case took {now - started[0]:.1f} s"
        started[0] = now

    yield tick
    growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - peak_before
    assert growth < GROWTH_BYTES, f"peak memory grew by {growth / 1e6:.0f} MB"


# -- Flow JSON -----------------------------------------------------------------------------


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, child in items:
        yield from _paths(child, (*path, key))


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return doc


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def mutate_structure(doc: Any, rnd: random.Random) -> Any:
    for _ in range(rnd.randint(1, 3)):
        paths = list(_paths(doc))
        path = rnd.choice(paths)
        op = rnd.randrange(5)
        if op == 0:
            doc = _set(doc, path, rnd.choice(HOSTILE_VALUES))
        elif op == 1 and path:
            parent = _get(doc, path[:-1])
            if isinstance(parent, dict):
                parent.pop(path[-1], None)
            elif isinstance(parent, list) and parent:
                parent.pop(min(path[-1], len(parent) - 1))
        elif op == 2:
            target = _get(doc, path)
            if isinstance(target, dict):
                target[rnd.choice(["tpye", "on-click", "x" * 2000, "\ud800", "__proto__"])] = 1
        elif op == 3:
            target = _get(doc, path)
            if isinstance(target, list):
                target.extend(json.loads(json.dumps(target)) * rnd.randint(1, 4))
        else:
            moved = json.loads(json.dumps(_get(doc, rnd.choice(paths))))
            doc = _set(doc, path, moved)
    return doc


def mutate_text(text: str, rnd: random.Random) -> str | bytes:
    for _ in range(rnd.randint(1, 3)):
        at = rnd.randrange(len(text) + 1)
        op = rnd.randrange(6)
        if op == 0:
            text = text[:at] + rnd.choice(HOSTILE_TEXT) + text[at:]
        elif op == 1:
            text = text[:at] + text[at + rnd.randint(1, 30) :]
        elif op == 2:
            text = text[:at]
        elif op == 3:  # a region repeated into a few hundred KB: superlinear work shows
            end = min(len(text), at + rnd.randint(1, 60))
            text = text[:at] + text[at:end] * (300_000 // max(1, end - at)) + text[end:]
        elif op == 4:
            text = text.replace('"', "'", 1) if rnd.random() < 0.5 else text.replace(":", "", 1)
        else:
            return text.encode(rnd.choice(["utf-16", "utf-32", "latin-1", "utf-8"]), "replace")
    return text


def flow_json_cases(count: int, seed: int) -> Iterator[str | bytes]:
    rnd = random.Random(seed)
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in SOURCES]
    for _ in range(count):
        doc = json.loads(json.dumps(rnd.choice(docs)))
        if rnd.random() < 0.5:
            yield json.dumps(mutate_structure(doc, rnd), indent=rnd.choice([None, 2]))
        else:
            yield mutate_text(json.dumps(doc, indent=2), rnd)


def test_mutated_flow_json_always_ends_in_problems_never_an_exception() -> None:
    outcomes = {"valid": 0, "invalid": 0}
    with bounded() as tick:
        for case, data in enumerate(flow_json_cases(2500, seed=20261207)):
            problems = validate_text(data, f"case-{case}.json", will_publish=case % 2 == 0)
            tick()
            assert all(p.line >= 0 and p.col >= 0 and p.code and p.message for p in problems)
            outcomes["invalid" if any(p.is_error for p in problems) else "valid"] += 1
    assert outcomes["invalid"] > 1000 and outcomes["valid"] > 50, outcomes


# -- flows.yaml ----------------------------------------------------------------------------

YAML_SNIPPETS = [
    "~",
    "[]",
    "{}",
    "!!float x",
    "!!int 0x",
    "!!bool x",
    "!!timestamp x",
    "!!binary ===",
    "!!python/object:os.system x",
    "9" * 5000,
    '"a\\0b"',
    "a" * 300,
    "&a [*a]",
    "*undefined",
    "{<<: *d}",
    "[" * 200 + "]" * 200,
    "EAA-fake-token-for-tests-FUZZVALUE",
    ".inf",
    "'\\ud800'",
    '"\\ud800"',
]
BOMBS = [
    "l0: &l0 [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10)),
    "m0: &m0 {k: 1}\n"
    + "".join(f"m{i}: &m{i} {{<<: [*m{i - 1}, *m{i - 1}]}}\n" for i in range(1, 40)),
]


def mutate_manifest(lines: list[str], rnd: random.Random) -> str:
    out = list(lines)
    for _ in range(rnd.randint(1, 3)):
        i = rnd.randrange(len(out))
        op = rnd.random()
        if op < 0.25:
            del out[i]
        elif op < 0.6 and ":" in out[i]:
            out[i] = out[i][: out[i].index(":") + 1] + " " + rnd.choice(YAML_SNIPPETS)
        elif op < 0.7:
            out.insert(i, rnd.choice(YAML_SNIPPETS) + ": 1")
        elif op < 0.8:
            out.insert(rnd.randrange(len(out)), rnd.choice(BOMBS))
        elif op < 0.9:
            out.insert(i, out[rnd.randrange(len(out))])
        else:
            pos = rnd.randrange(len(out[i]) + 1)
            out[i] = out[i][:pos] + rnd.choice(" :-[]{}#&*!|>\t\"'") + out[i][pos:]
    return "\n".join(out) + "\n"


@pytest.fixture
def manifest_path(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "whatsapp_flows", tmp_path / "whatsapp_flows")
    shutil.copy(REPO / "traditional_flows.yaml", tmp_path)
    return tmp_path / "flows.yaml"


def test_mutated_manifests_always_end_in_problems_never_an_exception(manifest_path: Path) -> None:
    rnd = random.Random(20261208)
    lines = (REPO / "flows.yaml").read_text(encoding="utf-8").splitlines()
    broken = 0
    with bounded() as tick:
        for _ in range(700):
            manifest_path.write_text(mutate_manifest(lines, rnd), encoding="utf-8")
            report = validate_project(manifest_path)
            tick()
            assert all(p.line >= 0 and p.code and p.message for p in report.problems)
            broken += report.errors > 0
    assert broken > 300


# -- the same through the command line: exit 0 or 1, nothing that looks like a crash -------


def test_fuzzed_inputs_through_validate_exit_0_or_1_without_a_traceback(
    manifest_path: Path,
) -> None:
    rnd = random.Random(20261209)
    lines = (REPO / "flows.yaml").read_text(encoding="utf-8").splitlines()
    flows = flow_json_cases(120, seed=20261210)
    runner = CliRunner()
    codes = set()
    with bounded() as tick:
        for data in flows:
            manifest_path.write_text(mutate_manifest(lines, rnd), encoding="utf-8")
            flow = manifest_path.parent / "whatsapp_flows" / "tour_inquiry.json"
            flow.write_bytes(
                data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
            )
            output = rnd.choice(["text", "json", "github"])
            result = runner.invoke(cli, ["-m", str(manifest_path), "validate", "--format", output])
            tick()
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                result.output
            )
            assert result.exit_code in (0, 1), result.output
            assert "Traceback" not in result.output and "Internal error" not in result.output
            codes.add(result.exit_code)
    assert codes == {0, 1} or codes == {1}

"""Mangled manifests give problems, never exceptions (an exception would exit 3)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from flowops.validate.project import validate_project

REPO = Path(__file__).parent.parent
SNIPPETS = ("~", "[]", "{}", "1", "true", '"x"', "[OTHER, 3]", "{a: 1}", "2026-01-01", ".inf")


def mangle(lines: list[str], rnd: random.Random) -> str:
    out = list(lines)
    for _ in range(rnd.randint(1, 3)):
        i = rnd.randrange(len(out))
        op = rnd.random()
        if op < 0.3:
            del out[i]
        elif op < 0.6 and ":" in out[i]:
            out[i] = out[i][: out[i].index(":") + 1] + " " + rnd.choice(SNIPPETS)
        elif op < 0.8:
            out.insert(i, out[rnd.randrange(len(out))])
        else:
            pos = rnd.randrange(len(out[i]) + 1)
            out[i] = out[i][:pos] + rnd.choice(" :-[]{}#&*!|>") + out[i][pos:]
    return "\n".join(out) + "\n"


def test_mangled_example_manifests_never_raise(tmp_path: Path) -> None:
    shutil.copytree(REPO / "whatsapp_flows", tmp_path / "whatsapp_flows")
    shutil.copy(REPO / "traditional_flows.yaml", tmp_path)
    lines = (REPO / "flows.yaml").read_text(encoding="utf-8").splitlines()
    rnd = random.Random(20261124)
    broken = 0
    for _ in range(300):
        (tmp_path / "flows.yaml").write_text(mangle(lines, rnd), encoding="utf-8")
        report = validate_project(tmp_path / "flows.yaml")
        assert all(p.line >= 0 and p.code and p.message for p in report.problems)
        broken += report.errors > 0
    assert broken > 100  # the mutations really do break the manifest

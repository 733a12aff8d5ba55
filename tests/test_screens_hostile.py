"""Flow JSON of any shape is drawn or refused with problems: the renderer never raises."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from flowops.cli import cli
from flowops.cli.errors import run_guarded
from flowops.preview.session import first, show
from flowops.screens import flow_pages, screen_ids
from tests.test_fuzz_inputs import HOSTILE_VALUES, _paths, _set, bounded, flow_json_cases

DATA = Path(__file__).parent / "data"
COMPONENTS = DATA / "screens" / "components.json"
ODD_VALUES: list[Any] = [["TextBody"], {}, [], 7, None, True, ["A"], {"a": 1}]


def components_doc() -> Any:
    return json.loads(COMPONENTS.read_text(encoding="utf-8"))


def draw_everything(doc: Any) -> None:
    flow_pages(doc, theme="dark", title="t")
    for sid in screen_ids(doc):
        show(doc, sid, None, {})
    if screen_ids(doc):
        first(doc)


@pytest.mark.parametrize("value", ODD_VALUES, ids=repr)
def test_every_member_of_every_component_may_hold_any_value(value: Any) -> None:
    base = components_doc()
    for path in list(_paths(base)):
        if path and path[0] == "screens":
            doc = _set(json.loads(json.dumps(base)), path, json.loads(json.dumps(value)))
            draw_everything(doc)


def test_mutated_flow_json_is_always_drawn_without_an_exception() -> None:
    drawn = 0
    rnd = random.Random(20261207)
    with bounded() as tick:
        for data in flow_json_cases(400, seed=20261211):
            try:
                doc = json.loads(data)
            except (ValueError, RecursionError):
                continue
            for _ in range(2):
                paths = list(_paths(doc))
                value = json.loads(json.dumps(rnd.choice([*HOSTILE_VALUES, *ODD_VALUES])))
                doc = _set(doc, rnd.choice(paths), value)
            draw_everything(doc)
            drawn += 1
            tick()
    assert drawn > 150


def broken_flow(tmp_path: Path, screen_member: str, value: Any) -> Path:
    doc = components_doc()
    if screen_member == "type":
        doc["screens"][0]["layout"]["children"][0]["type"] = value
    else:
        doc["screens"][0][screen_member] = value
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return path


COMMANDS = [["render", "--out", "o"], ["preview", "--local", "--port", "0"]]


@pytest.mark.parametrize(
    ("member", "value"), [("type", ["TextBody"]), ("type", {}), ("id", ["A"])], ids=repr
)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_flow_with_validation_errors_is_refused_with_its_problems(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    member: str,
    value: Any,
    command: list[str],
) -> None:
    path = broken_flow(tmp_path, member, value)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.argv", ["flowops", command[0], str(path), *command[1:]])
    assert run_guarded(cli) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err and "not drawn" in err and "Traceback" not in err
    assert f"flowops validate {path}" in err
    assert not (tmp_path / "o").exists()

"""One project whose plan holds every action at once, rendered as text, markdown and JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flowops.plan.model import Plan
from flowops.report import Result, render
from tests.fakes_flows import World, edit_flow

EXTRA = {
    "a_edit_pub": "",
    "b_draft": "    publish: false\n",
    "c_rename": "",
    "d_meta": "",
    "e_publish": "    publish: false\n",
    "f_link": "",
    "g_clone": "    update_strategy: clone\n",
    "h_deprecate": "",
    "i_delete": "    publish: false\n",
    "j_forget": "",
    "k_protect": "    protect: true\n",
}
ACTIONS = {
    "l_create": "create",
    "m_adopt": "adopt",
    "g_clone": "replace",
    "a_edit_pub": "edit_published",
    "b_draft": "update_json",
    "c_rename": "rename",
    "d_meta": "update_metadata",
    "e_publish": "publish",
    "f_link": "link_only",
    "h_deprecate": "deprecate",
    "i_delete": "delete",
    "j_forget": "forget",
    "k_protect": "noop",
}


def _entry(key: str, extra: str = "", link: str = "null") -> str:
    return (
        f"  {key}:\n    name: {key}\n    file: whatsapp_flows/{key}.json\n"
        f"    flow_definition_name: {link}\n{extra}"
    )


def _edit_git(w: World) -> None:
    for key in ("a_edit_pub", "b_draft", "g_clone"):
        edit_flow(w.root, f"whatsapp_flows/{key}.json", '"Good"', '"Great"')
    text = w.manifest.read_text()
    for key in ("h_deprecate", "i_delete", "j_forget", "k_protect", "c_rename", "d_meta"):
        text = text.replace(_entry(key, EXTRA[key]), "")
    text = text.replace(_entry("e_publish", EXTRA["e_publish"]), _entry("e_publish"))
    text = text.replace(_entry("f_link"), _entry("f_link", link="support_flow"))
    renamed = _entry("c_rename").replace("name: c_rename", "name: c_renamed")
    recat = _entry("d_meta", "    categories: [SURVEY, OTHER]\n")
    w.manifest.write_text(text + renamed + recat + _entry("l_create") + _entry("m_adopt"))


def _build(w: World) -> Plan:
    survey = (w.root / "whatsapp_flows" / "survey.json").read_text()
    for key in [*EXTRA, "l_create", "m_adopt"]:
        text = survey.replace("Rate us", f"Rate {key}")
        (w.root / "whatsapp_flows" / f"{key}.json").write_text(text)
    w.manifest.write_text(w.manifest.read_text() + "".join(_entry(k, e) for k, e in EXTRA.items()))
    w.converge()
    gone = w.lock()["j_forget"].flow_id
    _edit_git(w)
    w.api.deprecate(gone)
    raw = (w.root / "whatsapp_flows" / "m_adopt.json").read_bytes()
    w.api.create_flow("m_adopt", ("OTHER",), flow_json=raw, publish=True)
    return w.plan(prune=True)


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    world = World(Path(tmp_path_factory.mktemp("every")))
    try:
        yield _build(world).to_dict()
    finally:
        world.stop()


def test_the_plan_holds_every_action(plan: dict[str, Any]) -> None:
    got = {c["key"]: c["action"] for c in plan["changes"] if c["key"] in ACTIONS}
    assert got == ACTIONS


def test_text_spells_values_as_yaml_not_python(plan: dict[str, Any]) -> None:
    text = render(Result("plan", plan), "text")
    assert 'flow_definition_name: null → "support_flow"' in text
    assert 'categories: ["OTHER"] → ["OTHER", "SURVEY"]' in text
    assert 'rename (same flow id): name: "c_rename" → "c_renamed"' in text
    assert not re.search(r"\b(True|False|None)\b", text)
    assert "lock only" not in _block(text, "m_adopt")  # adopt explains itself


def test_text_explains_live_edits_and_counts_each_kind(plan: dict[str, Any]) -> None:
    text = render(Result("plan", plan), "text")
    assert "last published version keeps serving, then it is republished" in _block(
        text, "a_edit_pub"
    )
    assert "= keep k_protect" in text
    assert text.rstrip().endswith(
        "Plan: 2 to create, 7 to update, 1 to deprecate, 1 to delete, 1 to drop from the lock."
    )


def test_markdown_lists_every_flow_and_labels_actions(plan: dict[str, Any]) -> None:
    md = render(Result("plan", plan), "markdown")
    for key in ACTIONS:
        assert f" {key} (" in md or f" {key}`" in md, key
    assert "`a_edit_pub` (edit published)" in md
    assert "<code>= keep k_protect" in md
    assert not re.search(r"\b(True|False|None)\b", md)


def test_json_round_trips_with_counts(plan: dict[str, Any]) -> None:
    text = render(Result("plan", plan), "json")
    again = Plan.from_dict(json.loads(text)).to_dict()
    assert again == plan
    assert plan["summary"]["delete"] == 1 and plan["summary"]["forget"] == 1


def _block(text: str, key: str) -> str:
    start = text.index(f" {key} (")
    return text[start : text.index("\n\n", start)]

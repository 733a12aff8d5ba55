"""Meta's facts have one home (``flowops.meta``) and every part of flowops agrees with it."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from flowops import meta
from flowops.drift.status import usable
from flowops.lock import LockEntry
from flowops.runtime import Facts, decide

ROOT = Path(__file__).resolve().parent.parent
HOME = ROOT / "flowops" / "meta.py"


def literals_outside_home() -> list[str]:
    """Status names and Flow error codes written as literals anywhere but flowops/meta.py."""
    found = []
    for path in sorted((ROOT / "flowops").rglob("*.py")):
        if path == HOME:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            value = node.value if isinstance(node, ast.Constant) else None
            code = isinstance(value, int) and value in meta.FLOW_STATE_CODES
            if value in meta.STATUSES or code:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {value!r}")
    return found


def test_statuses_and_flow_error_codes_are_named_only_in_flowops_meta() -> None:
    assert literals_outside_home() == []


@pytest.mark.parametrize("status", [*meta.STATUSES, "SOMETHING_NEW"])
@pytest.mark.parametrize("ever_published", [False, True])
def test_status_command_and_runtime_agree_on_which_flows_serve(
    status: str, ever_published: bool
) -> None:
    entry = LockEntry("1", "n", status=status, ever_published=ever_published)
    entry = entry.evolve(flow_definition_name="old_flow", is_active=True)
    facts = Facts("old_flow", "k", "n", "1", None, status, ever_published, True)
    by_status, _, flagged = usable(entry, status)
    assert decide("old_flow", [facts]).usable is by_status
    assert by_status is meta.servable(status, ever_published)
    assert flagged is (status == meta.THROTTLED)


def test_the_manifest_schema_limits_names_and_categories_as_meta_does() -> None:
    schema = json.loads((ROOT / "schemas" / "flows.schema.json").read_text(encoding="utf-8"))
    props = schema["$defs"]["flow"]["properties"]
    assert props["name"]["maxLength"] == meta.MAX_FLOW_NAME
    assert props["categories"]["items"]["enum"] == list(meta.CATEGORIES)

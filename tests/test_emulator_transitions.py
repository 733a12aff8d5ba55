"""Every Flows API operation from every status, over HTTP through the real client.

Meta documents DRAFT→{deleted, PUBLISHED}; PUBLISHED→{DRAFT (by editing), DEPRECATED,
THROTTLED}; THROTTLED→{PUBLISHED, DEPRECATED, BLOCKED}; BLOCKED→{THROTTLED, DEPRECATED};
DEPRECATED→none. Anything else must be refused with Meta's error code.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

from flowops.emulator import EmulatorHandle
from flowops.emulator.errors import ApiError
from flowops.graph.client import GraphClient
from flowops.graph.errors import GraphError
from flowops.graph.retry import NO_RETRY
from tests.emulator_wire import TOKEN

VALID = (Path(__file__).parent / "data" / "emulator" / "valid.json").read_bytes()
WABA = "104000000000555"
GONE = "gone"
_names = itertools.count()


@pytest.fixture
def client(module_emu: EmulatorHandle) -> GraphClient:
    return GraphClient(token=TOKEN, waba_id=WABA, base_url=module_emu.url, retry=NO_RETRY)


def flow_in(client: GraphClient, module_emu: EmulatorHandle, state: str) -> str:
    """A new flow in ``state``; ``EDITED`` is a DRAFT that has a published version."""
    publish = state != "DRAFT"
    flow_id = client.create_flow(
        f"t-{next(_names)}", ("OTHER",), flow_json=VALID, publish=publish
    ).id
    if state == "EDITED":
        client.upload_flow_json(flow_id, VALID + b"\n")
    if state == "DEPRECATED":
        client.deprecate(flow_id)
    for health in {"THROTTLED": ["THROTTLED"], "BLOCKED": ["THROTTLED", "BLOCKED"]}.get(state, []):
        module_emu.set_health(flow_id, health)
    return flow_id


OPERATIONS: dict[str, Callable[[GraphClient, str], object]] = {
    "upload": lambda api, flow_id: api.upload_flow_json(flow_id, VALID + b" "),
    "rename": lambda api, flow_id: api.update_metadata(flow_id, name=f"r-{next(_names)}"),
    "publish": lambda api, flow_id: api.publish(flow_id),
    "deprecate": lambda api, flow_id: api.deprecate(flow_id),
    "delete": lambda api, flow_id: api.delete(flow_id),
}
# state → what upload, rename, publish, deprecate, delete give: the status afterwards,
# "gone", or Meta's error code. Deprecating twice is 139003 on the wire (test_emulator_api);
# the client takes it as done.
D, P, X = "DRAFT", "PUBLISHED", "DEPRECATED"
EXPECTED: dict[str, tuple[str | int, ...]] = {
    "DRAFT":      (D,      D,      P,      139003, GONE),
    "PUBLISHED":  (D,      D,      139002, X,      139004),
    "EDITED":     (D,      D,      P,      X,      139004),
    "DEPRECATED": (139001, 139001, 139002, X,      139004),
    "THROTTLED":  (139001, 139001, 139002, X,      139004),
    "BLOCKED":    (139001, 139001, 139002, X,      139004),
}  # fmt: skip


def outcome(client: GraphClient, flow_id: str, operation: str) -> str | int:
    try:
        OPERATIONS[operation](client, flow_id)
    except GraphError as exc:
        return exc.code
    try:
        return client.get_flow(flow_id).status
    except GraphError as exc:
        assert exc.code == 100
        return GONE


@pytest.mark.parametrize(("state", "operation"), [(s, o) for s in EXPECTED for o in OPERATIONS])
def test_operation_from_status(
    client: GraphClient, module_emu: EmulatorHandle, state: str, operation: str
) -> None:
    flow_id = flow_in(client, module_emu, state)
    status_before = module_emu.model.get(flow_id).status
    result = outcome(client, flow_id, operation)
    assert result == EXPECTED[state][list(OPERATIONS).index(operation)]
    if isinstance(result, int):  # a refusal changes nothing
        assert module_emu.model.get(flow_id).status == status_before


HEALTH_MOVES = [
    ("PUBLISHED", "THROTTLED", True),
    ("PUBLISHED", "BLOCKED", False),
    ("THROTTLED", "PUBLISHED", True),
    ("THROTTLED", "BLOCKED", True),
    ("BLOCKED", "THROTTLED", True),
    ("BLOCKED", "PUBLISHED", False),
    ("DRAFT", "THROTTLED", False),
    ("DEPRECATED", "PUBLISHED", False),
]


@pytest.mark.parametrize(("state", "target", "allowed"), HEALTH_MOVES)
def test_monitoring_moves_only_along_documented_edges(
    client: GraphClient, module_emu: EmulatorHandle, state: str, target: str, allowed: bool
) -> None:
    flow_id = flow_in(client, module_emu, state)
    if allowed:
        module_emu.set_health(flow_id, target)
    else:
        with pytest.raises(ApiError) as refused:
            module_emu.set_health(flow_id, target)
        assert "not a transition" in refused.value.body.user_msg
    assert client.get_flow(flow_id).status == (target if allowed else state)

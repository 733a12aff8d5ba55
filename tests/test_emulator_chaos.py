"""30% injected faults (rate limits, HTTP 500s, dropped connections, answers lost after
Meta acted): the real client over HTTP still ends with exactly the flows asked for.

Run with ``pytest -s`` to see the retries made.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from flowops.emulator import EmulatorHandle, FaultConfig, start_emulator
from flowops.graph.client import GraphClient
from flowops.graph.retry import RetryPolicy

VALID = (Path(__file__).parent / "data" / "emulator" / "valid.json").read_bytes()
WABA = "104000000000777"
FLOWS = 30
# 10% + 8% + 4% + 8% = 30% of API calls fail or lose their answer.
CHAOS = {"rate_limit": 0.10, "server_error": 0.08, "drop_connection": 0.04, "lose_response": 0.08}
FAULT_KINDS = {"rate_limit", "server_error", "drop_connection", "lose_response"}


def deploy(client: GraphClient, n: int) -> None:
    """Even flows in three calls (create, upload, publish); odd ones in a single create."""
    name = f"chaos-{n:02}"
    if n % 2:
        client.create_flow(name, ("OTHER",), flow_json=VALID, publish=True)
        return
    flow_id = client.create_flow(name, ("OTHER",)).id
    assert client.upload_flow_json(flow_id, VALID) == ()
    client.publish(flow_id)


def run_chaos(seed: int) -> tuple[EmulatorHandle, GraphClient]:
    emu = start_emulator(faults=FaultConfig(seed=seed, **CHAOS))
    policy = RetryPolicy(max_attempts=12, sleep=lambda _s: None)
    client = GraphClient(token="chaos", waba_id=WABA, base_url=emu.url, retry=policy)
    for n in range(FLOWS):
        deploy(client, n)
    emu.faults.rate_limit = emu.faults.server_error = 0.0
    emu.faults.drop_connection = emu.faults.lose_response = 0.0
    return emu, client


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_thirty_percent_faults_end_with_exactly_the_flows_asked_for(seed: int) -> None:
    emu, client = run_chaos(seed)
    try:
        faults = Counter(c.fault for c in emu.call_log.calls() if c.fault)
        print(f"\nseed {seed}: faults injected {dict(sorted(faults.items()))}")
        print(f"seed {seed}: client {client.stats.summary()}")
        flows = list(client.list_flows())
        names = sorted(f.name for f in flows)
        assert names == [f"chaos-{n:02}" for n in range(FLOWS)]  # none lost, none twice
        assert {f.status for f in flows} == {"PUBLISHED"}
        assert all(emu.model.get(f.id).published_json == VALID for f in flows)
        assert set(faults) == FAULT_KINDS
        lost_creates = [
            c
            for c in emu.call_log.calls()
            if c.fault == "lose_response" and c.method == "POST" and c.path.endswith("/flows")
        ]
        assert lost_creates, "the seed must lose a create's answer after Meta made the flow"
        assert client.stats.retries == sum(faults.values())
    finally:
        emu.stop()

"""Start and stop an emulator in this process; the handle gives tests its model and log."""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType

from flowops.emulator.calllog import CallLog
from flowops.emulator.faults import FaultConfig, FaultInjector
from flowops.emulator.model import FlowsModel
from flowops.emulator.server import EmulatorServer
from flowops.emulator.store import StateStore


class EmulatorHandle:
    """A running emulator. ``url`` is ``http://127.0.0.1:PORT`` (add ``/v23.0/...``)."""

    def __init__(self, server: EmulatorServer) -> None:
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, args=(0.05,), name="flowops-emulator", daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        return self._server.base_url

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def call_log(self) -> CallLog:
        return self._server.call_log

    @property
    def model(self) -> FlowsModel:
        """The in-memory model. Read freely; change it through ``set_health`` to persist."""
        return self._server.store.model

    @property
    def faults(self) -> FaultConfig:
        """Mutable: tests flip probabilities between calls."""
        return self._server.injector.config

    def reseed_faults(self, seed: int) -> None:
        """Restart the fault sequence, as if started with ``FaultConfig(seed=seed)``."""
        self._server.injector.reseed(seed)

    def set_health(self, flow_id: str, status: str) -> None:
        """Meta's monitoring: move a published flow to THROTTLED / BLOCKED and back."""
        with self._server.store.transaction() as model:
            model.set_health(flow_id, status)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.close_connections()
        self._server.server_close()
        self._thread.join(timeout=5)
        self._server.store.close()

    def __enter__(self) -> EmulatorHandle:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def start_emulator(
    *,
    state_path: Path | None = None,
    token: str | None = None,
    port: int = 0,
    faults: FaultConfig | None = None,
    legacy_immutable_published: bool = False,
) -> EmulatorHandle:
    """Serve on 127.0.0.1 (``port=0`` picks a free port) in a background thread."""
    model = FlowsModel(legacy_immutable_published=legacy_immutable_published)
    store = StateStore(model, state_path)
    with store.transaction():
        pass  # load the state file now, so a broken one fails here and not on first request
    server = EmulatorServer(port, store, FaultInjector(faults), token)
    return EmulatorHandle(server)

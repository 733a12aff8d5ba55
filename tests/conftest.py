"""Shared pytest fixtures. Append new fixtures below; keep each one small."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flowops.emulator import EmulatorHandle, start_emulator
from flowops.onboard import scaffold
from tests.emulator_wire import TOKEN as EMU_TOKEN

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def _is_loopback(host: object) -> bool:
    if not isinstance(host, str):
        return False
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _address_allowed(address: Any) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    return isinstance(address, tuple) and _is_loopback(address[0])


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test may reach the network: only loopback (the local emulator) is reachable.

    The one exception is opt-in recording of Graph cassettes (``FLOWOPS_RECORD=1``).
    """
    if os.environ.get("FLOWOPS_RECORD") == "1":
        yield
        return
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def guard(address: Any) -> None:
        if not _address_allowed(address):
            raise RuntimeError(f"tests must not use the network (tried to reach {address!r})")

    def connect(self: socket.socket, address: Any) -> None:
        guard(address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        guard(address)
        return real_connect_ex(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None and not _is_loopback(
            host.decode() if isinstance(host, bytes) else host
        ):
            raise RuntimeError(f"tests must not use the network (tried to resolve {host!r})")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield


@pytest.fixture
def emu() -> Iterator[EmulatorHandle]:
    """A fresh local Graph API emulator that wants ``tests.emulator_wire.TOKEN``."""
    with start_emulator(token=EMU_TOKEN) as handle:
        yield handle


@pytest.fixture(scope="module")
def module_emu() -> Iterator[EmulatorHandle]:
    """One emulator for a whole test module (same token), where tests need no fresh state."""
    with start_emulator(token=EMU_TOKEN) as handle:
        yield handle


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A repository as ``flowops init`` leaves it (no workflows): flows.yaml, the local
    emulator environment, an empty whatsapp_flows/."""
    scaffold(tmp_path, workflows=False)
    return tmp_path

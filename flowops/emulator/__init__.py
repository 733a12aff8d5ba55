"""A local emulator of Meta's WhatsApp Flows Graph API (loopback HTTP, optional state file)."""

from __future__ import annotations

from flowops.emulator.faults import FaultConfig
from flowops.emulator.handle import EmulatorHandle, start_emulator

__all__ = ["EmulatorHandle", "FaultConfig", "start_emulator"]

"""flows.yaml: load, check and resolve per environment."""

from __future__ import annotations

from flowops.manifest.build import flows_for
from flowops.manifest.loader import load, load_with_problems

__all__ = ["flows_for", "load", "load_with_problems"]

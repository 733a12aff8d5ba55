"""Runtime: answer "is there a usable WhatsApp Flow for traditional flow X?" from flows.lock.

```python
from flowops.runtime import Resolver, Resolution, build_flow_message

resolver = Resolver.from_lock("flows.lock", env="production")
result = resolver.resolve("tour_inquiry_flow")
if isinstance(result, Resolution):
    payload = build_flow_message(result, to="15551234567", cta="Book a tour", body="…")
```
"""

from __future__ import annotations

from flowops.runtime.decision import decide, not_linked
from flowops.runtime.files import SnapshotError, load_lock, load_snapshot, write
from flowops.runtime.message import FlowMessageError, build_flow_message
from flowops.runtime.outcome import Check, Decision, Facts, Fallback, Resolution
from flowops.runtime.resolver import Resolver
from flowops.runtime.snapshot import Snapshot, build, from_lock

__all__ = [
    "Check",
    "Decision",
    "Facts",
    "Fallback",
    "FlowMessageError",
    "Resolution",
    "Resolver",
    "Snapshot",
    "SnapshotError",
    "build",
    "build_flow_message",
    "decide",
    "from_lock",
    "load_lock",
    "load_snapshot",
    "not_linked",
    "write",
]

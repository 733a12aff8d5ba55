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

from flowops.runtime.completion import (
    Completion,
    CompletionError,
    check_payload,
    nfm_messages,
    parse_completion,
)
from flowops.runtime.decision import decide, not_linked
from flowops.runtime.files import SnapshotError, load_lock, load_snapshot, write
from flowops.runtime.message import FlowMessageError, build_flow_message
from flowops.runtime.outcome import Check, Decision, Facts, Fallback, Resolution
from flowops.runtime.resolver import Resolver
from flowops.runtime.snapshot import Snapshot, build, from_lock
from flowops.runtime.token import FlowTokenError, flow_token

__all__ = [
    "Check",
    "Completion",
    "CompletionError",
    "Decision",
    "Facts",
    "Fallback",
    "FlowMessageError",
    "FlowTokenError",
    "Resolution",
    "Resolver",
    "Snapshot",
    "SnapshotError",
    "build",
    "build_flow_message",
    "check_payload",
    "decide",
    "flow_token",
    "from_lock",
    "load_lock",
    "load_snapshot",
    "nfm_messages",
    "not_linked",
    "parse_completion",
    "write",
]

"""Completions in Django: parse the ``nfm_reply`` webhook, check it, store it, send a signal.

```python
from flowops.contrib.django import flow_completed, flow_token, handle_webhook

payload = build_flow_message(decision, ..., flow_token=flow_token(decision, context=contact_id))
# in the webhook view:
handle_webhook(json.loads(request.body))  # flow_completed fires once per completion
```
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.dispatch import Signal

from flowops.contrib.django import bridge, conf, mirror, runtime
from flowops.contrib.django.records import FlowRecord

flow_completed = Signal()  # kwargs: completion, record, response (the stored row or None)


def flow_token(resolution: bridge.Resolution, context: str = "") -> str:
    """A signed token for ``build_flow_message``; the secret comes from the settings."""
    return bridge.flow_token(resolution, secret=conf.get().secret(), context=context)


def handle_webhook(body: object) -> list[bridge.Completion]:
    """Every flow completion in a ``messages`` webhook body; raises on the first bad one."""
    return [handle_completion(message) for message in bridge.nfm_messages(body)]


def handle_completion(message: Mapping[str, Any]) -> bridge.Completion:
    """``CompletionError`` for a forged or stale token and for data the flow does not declare."""
    completion = bridge.parse_completion(message, secret=conf.get().secret())
    record = runtime.flows().filter(name=completion.key).first()
    if record is None:
        raise bridge.CompletionError(
            f"flow_token names flow {completion.key!r}, which flows.yaml no longer manages"
        )
    bridge.check_payload(completion, record.flow_json)
    row = _store(completion, record)
    flow_completed.send(sender=FlowRecord, completion=completion, record=record, response=row)
    return completion


def _store(completion: bridge.Completion, record: FlowRecord) -> Any:
    model = mirror.response_model()
    target = mirror.row_for(record) if model is not None else None
    if model is None or target is None:
        return None
    return model._default_manager.create(
        whatsapp_flow=target, flow_token=completion.token, response_data=completion.data
    )

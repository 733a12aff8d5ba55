"""Completions: the ``nfm_reply`` message Meta's webhook delivers when a contact finishes a flow.

```python
for message in nfm_messages(webhook_body):
    done = parse_completion(message, secret=SECRET)      # which flow, what data
    check_payload(done, flow_json)                        # against the terminal screen's payload
```
The message is ``{"type": "interactive", "interactive": {"type": "nfm_reply", "nfm_reply":
{"name": "flow", "body": "Sent", "response_json": "<JSON string>"}}}``; ``response_json``
holds the ``flow_token`` (see ``flowops.runtime.token``) and the ``complete`` action's payload.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from flowops.runtime.token import FlowTokenError, read_token

RESPONSE_MAX = 1_000_000  # characters; Meta drops larger payloads anyway
DEFAULT_MAX_AGE = 30 * 24 * 3600.0


class CompletionError(ValueError):
    """The webhook message is not a usable completion of a flow this bot sent."""


@dataclass(frozen=True)
class Completion:
    key: str
    traditional_flow: str | None
    flow_id: str
    context: str
    issued_at: int
    data: dict[str, Any]
    token: str = ""
    sender: str | None = None
    message_id: str | None = None


def nfm_messages(body: object) -> Iterator[Mapping[str, Any]]:
    """The flow completions in a ``messages`` webhook body (other messages are skipped)."""
    for entry in _list(body, "entry"):
        for change in _list(entry, "changes"):
            for message in _list(change.get("value"), "messages"):
                if _interactive(message).get("type") == "nfm_reply":
                    yield message


def parse_completion(
    message: Mapping[str, Any],
    *,
    secret: bytes | str,
    max_age: float | None = DEFAULT_MAX_AGE,
    now: float | None = None,
) -> Completion:
    response = _response(message)
    raw = response.pop("flow_token", None)
    try:
        token = read_token(raw, secret=secret, max_age=max_age, now=now)
    except FlowTokenError as exc:
        raise CompletionError(str(exc)) from None
    return Completion(
        token.key,
        token.traditional_flow,
        token.flow_id,
        token.context,
        token.issued_at,
        response,
        raw,
        _str(message.get("from")),
        _str(message.get("id")),
    )


def _response(message: object) -> dict[str, Any]:
    reply = _interactive(message)
    if reply.get("type") != "nfm_reply" or not isinstance(reply.get("nfm_reply"), dict):
        raise CompletionError("not a flow completion: interactive.type is not 'nfm_reply'")
    text = reply["nfm_reply"].get("response_json")
    if not isinstance(text, str) or len(text) > RESPONSE_MAX:
        raise CompletionError(
            f"nfm_reply.response_json must be a JSON string of at most {RESPONSE_MAX} characters"
        )
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise CompletionError(f"nfm_reply.response_json is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise CompletionError("nfm_reply.response_json must be a JSON object")
    return data


def _interactive(message: object) -> dict[str, Any]:
    if not isinstance(message, Mapping) or message.get("type") != "interactive":
        return {}
    value = message.get("interactive")
    return value if isinstance(value, dict) else {}


def _list(parent: object, name: str) -> list[Any]:
    value = parent.get(name) if isinstance(parent, Mapping) else None
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def complete_payloads(flow_json: object) -> list[dict[str, Any]]:
    """Every ``complete`` action payload on the flow's terminal screens, in screen order."""
    screens = flow_json.get("screens") if isinstance(flow_json, Mapping) else None
    found: list[dict[str, Any]] = []
    for screen in screens if isinstance(screens, list) else ():
        if isinstance(screen, Mapping) and screen.get("terminal") is True:
            _collect(screen.get("layout"), found, depth=0)
    return found


def _collect(node: object, found: list[dict[str, Any]], depth: int) -> None:
    if depth > 64:
        return
    if isinstance(node, list):
        for item in node:
            _collect(item, found, depth + 1)
    elif isinstance(node, Mapping):
        action = node.get("on-click-action")
        if isinstance(action, Mapping) and action.get("name") == "complete":
            payload = action.get("payload")
            found.append(dict(payload) if isinstance(payload, Mapping) else {})
        for value in node.values():
            if isinstance(value, (list, Mapping)):
                _collect(value, found, depth + 1)


def check_payload(completion: Completion, flow_json: object) -> None:
    """The data must fit a ``complete`` payload the flow declares; ``CompletionError`` if not.

    Extra keys are errors. A missing key is accepted only where the payload takes it from a
    form field (``${form.…}``): WhatsApp may leave out an optional field the contact skipped.
    """
    payloads = complete_payloads(flow_json)
    if not payloads:
        raise CompletionError(
            f"flow {completion.key!r} declares no complete action on a terminal screen"
        )
    problems = [_mismatch(completion.data, payload) for payload in payloads]
    if all(problems):
        raise CompletionError(
            f"completion of flow {completion.key!r} does not match: {problems[0]}"
        )


def _mismatch(data: Mapping[str, Any], payload: Mapping[str, Any]) -> str:
    extra = sorted(set(data) - set(payload))
    if extra:
        return f"unexpected field(s) {', '.join(extra)} (declared: {', '.join(sorted(payload))})"
    missing = sorted(k for k in payload if k not in data and not _from_form(payload[k]))
    if missing:
        return f"missing field(s) {', '.join(missing)}"
    return ""


def _from_form(value: object) -> bool:
    return isinstance(value, str) and value.startswith("${form.")

"""What one tap leads to: the next screen, the completion payload, or an endpoint request.

Stateless: the page sends the current screen, its data and every screen's form values
with each request, and gets back what to show. Example values stand in for data a real
message or endpoint would send.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flowops.screens.examples import entry_screen, example_data, find, scope_for
from flowops.screens.page import sheet
from flowops.screens.values import resolve_deep

FLOW_TOKEN = "flowops-preview"
Forms = Mapping[str, Mapping[str, Any]]


class StepError(ValueError):
    """The request names a screen or action this flow does not have."""


def show(doc: Any, screen_id: str, data: Mapping[str, Any] | None, forms: Forms) -> dict[str, Any]:
    """A screen to draw, with the data it was given (its examples fill the rest)."""
    screen = find(doc, screen_id)
    if screen is None:
        raise StepError(f"no screen '{screen_id}' in this flow")
    given = dict(data or {})
    html = sheet(doc, screen, data=given, forms=forms)
    return {"kind": "screen", "screen": screen_id, "data": given, "html": html}


def first(doc: Any) -> dict[str, Any]:
    entry = entry_screen(doc)
    if entry is None:
        raise StepError("this flow has no screens")
    return show(doc, entry, None, {})


@dataclass(frozen=True)
class Tap:
    """One action run on one screen, its payload already resolved."""

    doc: Any
    screen: Mapping[str, Any]
    data: Mapping[str, Any]
    forms: Forms
    action: Mapping[str, Any]
    payload: Any

    @property
    def fields(self) -> dict[str, Any]:
        return self.payload if isinstance(self.payload, dict) else {}


def act(doc: Any, screen_id: str, data: Mapping[str, Any], forms: Forms, action: Any) -> Any:
    """The result of running ``action`` on ``screen_id`` with the typed-in ``forms``."""
    screen = find(doc, screen_id)
    if screen is None or not isinstance(action, Mapping):
        raise StepError("unknown screen or action")
    run = ACTIONS.get(str(action.get("name")))
    if run is None:
        raise StepError(f"unknown action '{action.get('name')}'")
    payload = resolve_deep(action.get("payload", {}), scope_for(doc, screen, data, forms))
    return run(Tap(doc, screen, data, forms, action, payload))


def _navigate(tap: Tap) -> Any:
    target = tap.action.get("next")
    name = target.get("name") if isinstance(target, Mapping) else None
    return show(tap.doc, str(name), tap.fields, tap.forms)


def _complete(tap: Tap) -> Any:
    return {"kind": "complete", "payload": tap.payload, "flow_token": FLOW_TOKEN}


def _update(tap: Tap) -> Any:
    merged = {**example_data(tap.screen), **tap.data, **tap.fields}
    return show(tap.doc, str(tap.screen.get("id")), merged, tap.forms)


def _open_url(tap: Tap) -> Any:
    return {"kind": "open_url", "url": str(tap.action.get("url", ""))}


ACTIONS: dict[str, Callable[[Tap], Any]] = {
    "navigate": _navigate,
    "complete": _complete,
    "data_exchange": lambda tap: exchange(tap.doc, str(tap.screen.get("id")), tap.payload),
    "update_data": _update,
    "open_url": _open_url,
}


def exchange(doc: Any, screen_id: str, payload: Any) -> dict[str, Any]:
    """The request the endpoint would receive (decrypted), and a reply to continue with."""
    request = {
        "version": str(doc.get("data_api_version", "3.0")),
        "action": "data_exchange",
        "screen": screen_id,
        "data": payload,
        "flow_token": FLOW_TOKEN,
    }
    return {"kind": "exchange", "request": request, "response": default_reply(doc, screen_id)}


def default_reply(doc: Any, screen_id: str) -> dict[str, Any]:
    """The first screen the routing model allows next, with its example data; else SUCCESS."""
    routes = doc.get("routing_model")
    targets = routes.get(screen_id) if isinstance(routes, Mapping) else None
    targets = targets if isinstance(targets, list) else []
    target = find(doc, str(targets[0])) if targets else None
    if target is None:
        params = {"flow_token": FLOW_TOKEN}
        return {"screen": "SUCCESS", "data": {"extension_message_response": {"params": params}}}
    return {"screen": str(target.get("id")), "data": example_data(target)}


def reply(doc: Any, response: Any, forms: Forms) -> dict[str, Any]:
    """Continue with an endpoint's reply: ``{"screen": ID, "data": {...}}``."""
    if not isinstance(response, Mapping) or not isinstance(response.get("screen"), str):
        raise StepError('a reply needs "screen" (a screen id or SUCCESS) and "data"')
    given = response.get("data")
    data: Mapping[str, Any] = given if isinstance(given, Mapping) else {}
    if response["screen"] == "SUCCESS":
        params = data.get("extension_message_response", {})
        found = params.get("params", {}) if isinstance(params, Mapping) else {}
        return {"kind": "complete", "payload": found, "flow_token": FLOW_TOKEN}
    return show(doc, response["screen"], dict(data), forms)

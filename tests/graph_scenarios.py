"""Flows API scenarios written once and run against any ``FlowsAPI``.

The Graph client runs them replaying the cassettes in ``tests/cassettes/``; the emulator runs
the same functions over HTTP. Both must give the results stored in
``tests/data/graph/contract/<name>.json`` after ``normalise()``.

Rules for every scenario: it starts from an empty WhatsApp Business Account, creates the flows
it needs (names start with ``contract-``) and returns plain values. ``normalise`` makes the
comparison explicit:

* values under ``id`` / ``*_id`` keys become ``<id-1>``, ``<id-2>`` … in order of appearance;
* timestamps (``updated_at``, ``expires_at``) become ``<time>``, URLs (``preview_url``,
  ``download_url``) become ``<url>``;
* a validation error keeps ``error``, ``error_type``, ``line_start``, ``column_start`` and
  its pointer paths; Meta's wording and span ends are not reproducible offline;
* an expected failure becomes ``{"error": <exception class>, "code": <Graph code>}``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flowops.graph.errors import GraphError
from flowops.graph.types import FlowsAPI, ValidationError

DATA = Path(__file__).parent / "data" / "graph"
VALID = (DATA / "valid.json").read_bytes()
INVALID = (DATA / "invalid.json").read_bytes()
STATUS = ("id", "status")
TIME_KEYS = frozenset({"updated_at", "expires_at"})
URL_KEYS = frozenset({"preview_url", "download_url"})

Scenario = Callable[[FlowsAPI], dict[str, Any]]


def outcome(call: Callable[[], object]) -> dict[str, Any]:
    try:
        return {"ok": call()}
    except GraphError as exc:
        return {"error": type(exc).__name__, "code": exc.code}


def create_plain(api: FlowsAPI) -> dict[str, Any]:
    created = api.create_flow("contract-plain", ("SIGN_UP",))
    return {"created": created, "flow": api.get_flow(created.id)}


def create_published(api: FlowsAPI) -> dict[str, Any]:
    created = api.create_flow("contract-published", ("OTHER",), flow_json=VALID, publish=True)
    return {"created": created, "flow": api.get_flow(created.id)}


def create_invalid(api: FlowsAPI) -> dict[str, Any]:
    created = api.create_flow("contract-invalid", ("OTHER",), flow_json=INVALID)
    return {"created": created, "flow": api.get_flow(created.id)}


def list_two_pages(api: FlowsAPI) -> dict[str, Any]:
    for name in ("contract-list-a", "contract-list-b", "contract-list-c"):
        api.create_flow(name, ("OTHER",))
    flows = sorted(api.list_flows(page_size=2), key=lambda flow: flow.name)
    return {"flows": [(f.name, f.status, f.categories) for f in flows]}


def update_metadata(api: FlowsAPI) -> dict[str, Any]:
    created = api.create_flow("contract-update", ("OTHER",))
    api.update_metadata(created.id, name="contract-renamed", categories=("SURVEY", "OTHER"))
    return {"flow": api.get_flow(created.id)}


def upload(api: FlowsAPI) -> dict[str, Any]:
    created = api.create_flow("contract-upload", ("OTHER",))
    clean = api.upload_flow_json(created.id, VALID)
    broken = api.upload_flow_json(created.id, INVALID)
    return {"clean": clean, "broken": broken, "flow": api.get_flow(created.id)}


def assets(api: FlowsAPI) -> dict[str, Any]:
    created = api.create_flow("contract-assets", ("OTHER",), flow_json=VALID)
    listed = api.list_assets(created.id)
    data = api.download_asset(listed[0].download_url)
    return {"assets": listed, "same_json": json.loads(data) == json.loads(VALID)}


def publish(api: FlowsAPI) -> dict[str, Any]:
    created = api.create_flow("contract-publish", ("OTHER",), flow_json=VALID)
    api.publish(created.id)
    return {"flow": api.get_flow(created.id, fields=STATUS)}


def deprecate(api: FlowsAPI) -> dict[str, Any]:
    created = api.create_flow("contract-deprecate", ("OTHER",), flow_json=VALID, publish=True)
    api.deprecate(created.id)
    again = outcome(lambda: api.deprecate(created.id))
    flow = api.get_flow(created.id, fields=STATUS)
    draft = api.create_flow("contract-deprecate-draft", ("OTHER",))
    refused = outcome(lambda: api.deprecate(draft.id))
    return {"again": again, "flow": flow, "draft_refused": refused}


def delete(api: FlowsAPI) -> dict[str, Any]:
    draft = api.create_flow("contract-delete", ("OTHER",))
    api.delete(draft.id)
    gone = outcome(lambda: api.get_flow(draft.id))
    live = api.create_flow("contract-delete-live", ("OTHER",), flow_json=VALID, publish=True)
    return {"gone": gone, "published_refused": outcome(lambda: api.delete(live.id))}


def preview(api: FlowsAPI) -> dict[str, Any]:
    created = api.create_flow("contract-preview", ("OTHER",), flow_json=VALID)
    return {"preview": api.preview(created.id)}


def duplicate_name(api: FlowsAPI) -> dict[str, Any]:
    api.create_flow("contract-dup", ("OTHER",))
    return {"second": outcome(lambda: api.create_flow("contract-dup", ("OTHER",)))}


def auth_error(api: FlowsAPI) -> dict[str, Any]:
    return {"listed": outcome(lambda: list(api.list_flows()))}


def rate_limit_then_success(api: FlowsAPI) -> dict[str, Any]:
    created = api.create_flow("contract-rate-limit", ("OTHER",))
    return {"flow": api.get_flow(created.id, fields=STATUS)}


# Shared contract: the emulator must give the same normalised results.
SCENARIOS: dict[str, Scenario] = {
    fn.__name__: fn
    for fn in (
        create_plain,
        create_published,
        create_invalid,
        list_two_pages,
        update_metadata,
        upload,
        assets,
        publish,
        deprecate,
        delete,
        preview,
        duplicate_name,
    )
}
# Only against recorded answers: the emulator accepts any token and has no rate limit.
CASSETTE_ONLY: dict[str, Scenario] = {
    fn.__name__: fn for fn in (auth_error, rate_limit_then_success)
}


def expected(name: str) -> Any:
    return json.loads((DATA / "contract" / f"{name}.json").read_text(encoding="utf-8"))


def normalise(value: object) -> Any:
    ids: dict[str, str] = {}

    def walk(item: object, key: str) -> Any:
        if isinstance(item, ValidationError):
            return _error_summary(item)
        if dataclasses.is_dataclass(item) and not isinstance(item, type):
            item = {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}
        if isinstance(item, dict):
            return {k: walk(v, k) for k, v in item.items()}
        if isinstance(item, (list, tuple)):
            return [walk(v, key) for v in item]
        if isinstance(item, str) and item:
            return _placeholder(item, key, ids)
        return item

    return walk(value, "")


def _placeholder(text: str, key: str, ids: dict[str, str]) -> str:
    if key == "id" or key.endswith("_id"):
        return ids.setdefault(text, f"<id-{len(ids) + 1}>")
    if key in TIME_KEYS:
        return "<time>"
    return "<url>" if key in URL_KEYS else text


def _error_summary(error: ValidationError) -> dict[str, Any]:
    return {
        "error": error.error,
        "error_type": error.error_type,
        "line_start": error.line_start,
        "column_start": error.column_start,
        "paths": [pointer.path for pointer in error.pointers],
    }

"""``GraphClient``: Meta's Flows API over HTTPS. The only module that imports requests.

Recovery decisions for calls whose answer was lost (timeout, reset, 5xx after sending):

* create is not idempotent: before resending, look the flow up by name and return it if
  it exists (and finish a requested publish when the flow is a valid DRAFT).
* upload, update and publish are idempotent on Meta and are simply resent; a publish
  resend that gets 139002 ("not a draft") succeeds when the flow is now PUBLISHED.
* delete: a resend that gets 100 (flow not found) succeeds.
* deprecate: 139003 means "not published" or "already deprecated"; the client reads the
  status and succeeds only when the flow is DEPRECATED (the target state).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

from flowops import meta
from flowops.errors import ConfigError
from flowops.graph.errors import FlowStateError, GraphError, TransportError, from_envelope
from flowops.graph.fields import ASSET
from flowops.graph.parse import (
    create_body,
    metadata_body,
    next_cursor,
    page_items,
    parse_asset,
    parse_created,
    parse_preview,
    parse_remote_flow,
    parse_validation_errors,
)
from flowops.graph.retry import ClientStats, RetryPolicy, call_with_retries
from flowops.graph.types import LIST_FIELDS, Asset, CreatedFlow, Preview, RemoteFlow
from flowops.graph.types import ValidationError as FlowValidationError
from flowops.meta import DEPRECATED, DRAFT, PUBLISHED

log = logging.getLogger("flowops.graph")
ASSET_FIELDS = ",".join(ASSET.fields)
LOOKUP_FIELDS = ("id", "name", "status", "validation_errors")
REDACTED = "[REDACTED]"
MIN_SECRET_LENGTH = 16  # Meta tokens are far longer; emulator tokens may be "local"


class _Secret:
    """Holds the token so that ``repr``/``vars`` of the client never show it."""

    __slots__ = ("value",)

    def __init__(self, value: str) -> None:
        self.value = value

    def __repr__(self) -> str:
        return "<redacted>"


class GraphClient:
    """Implements ``flowops.graph.types.FlowsAPI`` for one WhatsApp Business Account."""

    def __init__(
        self,
        *,
        token: str,
        waba_id: str,
        api_version: str = "v23.0",
        base_url: str = "https://graph.facebook.com",
        session: requests.Session | None = None,
        retry: RetryPolicy | None = None,
        timeout: float = 30.0,
    ) -> None:
        if not token:
            raise ConfigError("No access token for the Graph API.")
        self._token = _Secret(token)
        self.waba_id = waba_id
        self.api_version = api_version if api_version.startswith("v") else f"v{api_version}"
        self.base_url = base_url.rstrip("/")
        self.retry = retry or RetryPolicy()
        self.timeout = timeout
        self.stats = ClientStats()
        self._session = session or requests.Session()

    def __repr__(self) -> str:
        return (
            f"GraphClient(waba_id={self.waba_id!r}, base_url={self.base_url!r}, "
            f"api_version={self.api_version!r})"
        )

    # -- reads ---------------------------------------------------------------------------

    def list_flows(
        self, fields: tuple[str, ...] = LIST_FIELDS, page_size: int = 100
    ) -> Iterator[RemoteFlow]:
        params = {"fields": ",".join(fields), "limit": str(page_size)}
        for item in self._paged(f"{self.waba_id}/flows", params):
            yield parse_remote_flow(item)

    def get_flow(self, flow_id: str, fields: tuple[str, ...] = LIST_FIELDS) -> RemoteFlow:
        return parse_remote_flow(self._call("GET", flow_id, params={"fields": ",".join(fields)}))

    def list_assets(self, flow_id: str) -> list[Asset]:
        items = self._paged(f"{flow_id}/assets", {"fields": ASSET_FIELDS})
        return [parse_asset(item) for item in items]

    def download_asset(self, url: str) -> bytes:
        """The bearer token goes only to the Graph host itself, never to a CDN."""
        absolute = urljoin(self.base_url + "/", url)
        headers = self._auth() if _same_origin(absolute, self.base_url) else {}
        label = f"GET {urlsplit(absolute).netloc}{urlsplit(absolute).path}"

        def attempt(_after_lost: bool) -> bytes:
            response = self._http("GET", absolute, label, headers=headers)
            if response.status_code >= 400:
                raise self._error(response, label)
            return response.content

        return call_with_retries(attempt, self.retry, self.stats, label)

    def preview(self, flow_id: str, *, invalidate: bool = False) -> Preview:
        fields = f"preview.invalidate({'true' if invalidate else 'false'})"
        return parse_preview(self._call("GET", flow_id, params={"fields": fields}))

    # -- writes --------------------------------------------------------------------------

    def create_flow(
        self,
        name: str,
        categories: tuple[str, ...],
        *,
        flow_json: bytes | None = None,
        publish: bool = False,
        clone_flow_id: str | None = None,
        endpoint_uri: str | None = None,
    ) -> CreatedFlow:
        body = create_body(name, categories, flow_json, publish, clone_flow_id, endpoint_uri)
        path = f"{self.waba_id}/flows"

        return call_with_retries(
            lambda after_lost: self._create_once(path, body, name, publish, after_lost),
            self.retry,
            self.stats,
            f"POST /{path}",
        )

    def update_metadata(
        self,
        flow_id: str,
        *,
        name: str | None = None,
        categories: tuple[str, ...] | None = None,
        endpoint_uri: str | None = None,
        application_id: str | None = None,
    ) -> None:
        body = metadata_body(name, categories, endpoint_uri, application_id)
        self._call("POST", flow_id, json=body)

    def upload_flow_json(self, flow_id: str, data: bytes) -> tuple[FlowValidationError, ...]:
        """Sends the file's exact bytes so Meta's line numbers match the file in git."""
        files = {"file": ("flow.json", data, "application/json")}
        form = {"name": "flow.json", "asset_type": "FLOW_JSON"}
        body = self._call("POST", f"{flow_id}/assets", data=form, files=files)
        return parse_validation_errors(body.get("validation_errors"))

    def publish(self, flow_id: str) -> None:
        def attempt(after_lost: bool) -> None:
            try:
                self._send("POST", f"{flow_id}/publish")
            except FlowStateError as exc:
                if not (
                    after_lost
                    and exc.code == meta.PUBLISH_FAILED
                    and self._status(flow_id) == PUBLISHED
                ):
                    raise

        call_with_retries(attempt, self.retry, self.stats, f"POST /{flow_id}/publish")

    def deprecate(self, flow_id: str) -> None:
        try:
            self._call("POST", f"{flow_id}/deprecate")
        except FlowStateError as exc:
            if exc.code != meta.DEPRECATE_FAILED or self._status(flow_id) != DEPRECATED:
                raise

    def delete(self, flow_id: str) -> None:
        def attempt(after_lost: bool) -> None:
            try:
                self._send("DELETE", flow_id)
            except GraphError as exc:
                if not (after_lost and exc.code == meta.NOT_FOUND_OR_INVALID):
                    raise

        call_with_retries(attempt, self.retry, self.stats, f"DELETE /{flow_id}")

    # -- helpers -------------------------------------------------------------------------

    def _create_once(
        self, path: str, body: dict[str, Any], name: str, publish: bool, after_lost: bool
    ) -> CreatedFlow:
        """After a lost answer, look the flow up by name before (and instead of) resending."""
        found = self._find_created(name, publish) if after_lost else None
        if found is not None:
            return found
        try:
            return parse_created(self._send("POST", path, json=body))
        except GraphError as exc:
            if not (after_lost and exc.code == meta.NOT_FOUND_OR_INVALID):
                raise
            found = self._find_created(name, publish)  # "name not unique": the lost one landed
            if found is None:
                raise
            return found

    def _status(self, flow_id: str) -> str:
        return self.get_flow(flow_id, fields=("id", "status")).status

    def _find_created(self, name: str, publish: bool) -> CreatedFlow | None:
        for flow in self.list_flows(fields=LOOKUP_FIELDS):
            if flow.name == name:
                log.info("create of %r: answer was lost; found flow %s", name, flow.id)
                if publish and flow.status == DRAFT and not flow.validation_errors:
                    self.publish(flow.id)
                return CreatedFlow(flow.id, True, flow.validation_errors)
        return None

    def _paged(self, path: str, params: dict[str, str]) -> Iterator[dict[str, Any]]:
        seen: set[str] = set()
        while True:
            body = self._call("GET", path, params=params)
            yield from page_items(body)
            cursor = next_cursor(body)
            if cursor is None:
                return
            if cursor in seen:
                raise TransportError(f"GET /{path}: Meta repeated a paging cursor", reason="paging")
            seen.add(cursor)
            params = {**params, "after": cursor}

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        label = f"{method} /{path}"
        return call_with_retries(
            lambda _after_lost: self._send(method, path, **kwargs), self.retry, self.stats, label
        )

    def _send(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        label = f"{method} /{path}"
        url = f"{self.base_url}/{self.api_version}/{path}"
        response = self._http(method, url, label, headers=self._auth(), **kwargs)
        body = self._json(response)
        if response.status_code >= 400 or body is None or "error" in body:
            raise self._error(response, label)
        return body

    def _http(self, method: str, url: str, label: str, **kwargs: Any) -> requests.Response:
        self.stats.record_call()
        started = time.monotonic()
        failure: TransportError | None = None
        try:
            response = self._session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.RequestException as exc:
            failure = transport_error(exc, label)
        if failure is not None:  # raised outside ``except``: requests' text may quote secrets
            raise failure
        log.debug("%s -> %s (%.3fs)", label, response.status_code, time.monotonic() - started)
        return response

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token.value}"}

    def _text(self, response: requests.Response) -> str:
        """Scrubs an echoed token; a short placeholder (the emulator's) would mangle data."""
        text = response.content.decode("utf-8", "replace")
        token = self._token.value
        return text.replace(token, REDACTED) if len(token) >= MIN_SECRET_LENGTH else text

    def _json(self, response: requests.Response) -> dict[str, Any] | None:
        try:
            body = json.loads(self._text(response))
        except ValueError:
            return None
        return body if isinstance(body, dict) else None

    def _error(self, response: requests.Response, label: str) -> GraphError:
        body = self._json(response)
        status = response.status_code
        if body is None:
            message = f"{label}: HTTP {status} with an answer that is not JSON"
            return TransportError(message, reason="bad_response", http_status=status)
        return from_envelope(body, status, retry_after(response.headers.get("Retry-After")))


def transport_error(exc: requests.RequestException, label: str) -> TransportError:
    """Built from the exception class only: its text may quote URLs or headers."""
    if isinstance(exc, requests.ConnectTimeout):
        return TransportError(
            f"{label}: timed out connecting", reason="timeout", request_sent=False
        )
    if isinstance(exc, requests.Timeout):
        return TransportError(f"{label}: timed out waiting for Meta's answer", reason="timeout")
    kind = type(exc).__name__
    return TransportError(f"{label}: connection failed ({kind})", reason="connection")


def retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


def _same_origin(url: str, base_url: str) -> bool:
    a, b = urlsplit(url), urlsplit(base_url)
    return (a.scheme, a.netloc.lower()) == (b.scheme, b.netloc.lower())

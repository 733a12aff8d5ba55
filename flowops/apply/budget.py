"""A FlowsAPI wrapper that counts Graph calls and stops cleanly at the call budget."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator

from flowops.errors import FlowopsError
from flowops.graph import (
    LIST_FIELDS,
    Asset,
    CreatedFlow,
    FlowsAPI,
    Preview,
    RemoteFlow,
    ValidationError,
)


class BudgetExceeded(FlowopsError):
    """The run reached ``settings.max_calls``; nothing half-done is left unrecorded."""


class CountingAPI:
    """Counts calls per operation (a paged list counts one call per page).

    ``reserve`` calls of the budget are kept until ``release()``: the writes stop short of
    them, so the reads that record Meta's answers in the lock always fit.
    """

    def __init__(self, api: FlowsAPI, max_calls: int | None = None, reserve: int = 0) -> None:
        self._api = api
        self._max = max_calls
        self._reserve = reserve
        self._lock = threading.Lock()
        self.calls: Counter[str] = Counter()

    def release(self) -> None:
        with self._lock:
            self._reserve = 0

    @property
    def total(self) -> int:
        return sum(self.calls.values())

    @property
    def writes(self) -> int:
        reads = ("list_flows", "get_flow", "list_assets", "download_asset", "preview")
        return sum(n for op, n in self.calls.items() if op not in reads)

    def _count(self, op: str) -> None:
        with self._lock:
            if self._max is not None and self.total >= self._max - self._reserve:
                raise BudgetExceeded(
                    f"stopped at the call budget of {self._max} Graph API calls",
                    hint="the lock file records every finished step; run apply again to "
                    "continue, or raise settings.max_calls in flows.yaml",
                )
            self.calls[op] += 1

    def list_flows(
        self, fields: tuple[str, ...] = LIST_FIELDS, page_size: int = 100
    ) -> Iterator[RemoteFlow]:
        self._count("list_flows")
        for n, flow in enumerate(self._api.list_flows(fields, page_size)):
            if n and n % page_size == 0:
                self._count("list_flows")  # item 100, 200 … arrived with a new page
            yield flow

    def get_flow(self, flow_id: str, fields: tuple[str, ...] = LIST_FIELDS) -> RemoteFlow:
        self._count("get_flow")
        return self._api.get_flow(flow_id, fields)

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
        self._count("create_flow")
        return self._api.create_flow(
            name,
            categories,
            flow_json=flow_json,
            publish=publish,
            clone_flow_id=clone_flow_id,
            endpoint_uri=endpoint_uri,
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
        self._count("update_metadata")
        self._api.update_metadata(
            flow_id,
            name=name,
            categories=categories,
            endpoint_uri=endpoint_uri,
            application_id=application_id,
        )

    def upload_flow_json(self, flow_id: str, data: bytes) -> tuple[ValidationError, ...]:
        self._count("upload_flow_json")
        return self._api.upload_flow_json(flow_id, data)

    def list_assets(self, flow_id: str) -> list[Asset]:
        self._count("list_assets")
        return self._api.list_assets(flow_id)

    def download_asset(self, url: str) -> bytes:
        self._count("download_asset")
        return self._api.download_asset(url)

    def publish(self, flow_id: str) -> None:
        self._count("publish")
        self._api.publish(flow_id)

    def deprecate(self, flow_id: str) -> None:
        self._count("deprecate")
        self._api.deprecate(flow_id)

    def delete(self, flow_id: str) -> None:
        self._count("delete")
        self._api.delete(flow_id)

    def preview(self, flow_id: str, *, invalidate: bool = False) -> Preview:
        self._count("preview")
        return self._api.preview(flow_id, invalidate=invalidate)

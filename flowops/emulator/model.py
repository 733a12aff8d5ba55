"""An in-memory model of Meta's flows for any number of WABAs. No HTTP, no files.

Methods raise ``ApiError`` exactly where Meta would refuse; callers serialise access.
"""

from __future__ import annotations

import random
import secrets
import time
from typing import Any

from flowops.emulator import checks, errors, lifecycle
from flowops.emulator.flow import Clock, EmuFlow
from flowops.emulator.validation import validation_errors
from flowops.meta import LIVE, PUBLISHED

STATE_FORMAT = 1
PREVIEW_DAYS = 30


class FlowsModel:
    def __init__(self, *, legacy_immutable_published: bool = False) -> None:
        self.legacy_immutable_published = legacy_immutable_published
        self.flows: dict[str, EmuFlow] = {}
        self.wabas: set[str] = set()
        self.public_keys: dict[str, str] = {}  # phone number id -> business public key (PEM)
        self.clock = Clock()
        self.next_seq = 1
        self.revision = 0  # bumped on every change; the store saves when it moves
        self.changed: set[str] = set()  # ids of flows changed (or deleted) since the last save
        self._rng = random.Random()

    def create(
        self,
        waba_id: str,
        name: str,
        categories: list[str],
        *,
        flow_json: bytes | None = None,
        publish: bool = False,
        clone_flow_id: str | None = None,
        endpoint_uri: str | None = None,
    ) -> EmuFlow:
        self._use_waba(waba_id)
        checks.check_name(self.flows.values(), waba_id, name, None)
        checks.check_categories(categories)
        flow = EmuFlow(self._new_id(), waba_id, name, list(categories), self.next_seq)
        if clone_flow_id:
            _copy_from(flow, self.get(clone_flow_id))
        if endpoint_uri:
            flow.endpoint_uri = endpoint_uri
        if flow_json is not None:
            _store_json(flow, flow_json)
            if publish and not flow.validation_errors:
                lifecycle.publish(flow)
        self.next_seq += 1
        self.flows[flow.id] = flow
        self._touch(flow)
        return flow

    def migrated_copy(self, waba_id: str, source: EmuFlow) -> EmuFlow:
        """A copy under the same name in another WABA; a published source stays published."""
        flow = self.create(waba_id, source.name, list(source.categories), clone_flow_id=source.id)
        if source.status in LIVE:
            flow.status = PUBLISHED
            flow.published_json = source.published_json or source.draft_json
        return flow

    def set_public_key(self, phone_id: str, pem: str) -> None:
        self.public_keys[phone_id] = pem
        self.revision += 1

    def get(self, flow_id: str) -> EmuFlow:
        flow = self.flows.get(flow_id)
        if flow is None:
            raise errors.unknown_object(flow_id)
        return flow

    def flows_of(self, waba_id: str) -> list[EmuFlow]:
        """Newest first, like Meta's list edge."""
        self._use_waba(waba_id)
        found = [f for f in self.flows.values() if f.waba_id == waba_id]
        return sorted(found, key=lambda f: f.seq, reverse=True)

    def update(self, flow_id: str, changes: dict[str, Any]) -> None:
        flow = self.get(flow_id)
        if not changes:
            return
        lifecycle.check_editable(flow, legacy_immutable_published=self.legacy_immutable_published)
        if "name" in changes:
            checks.check_name(self.flows.values(), flow.waba_id, changes["name"], flow.id)
        if "categories" in changes:
            checks.check_categories(changes["categories"])
        _apply_metadata(flow, changes)
        self._edited(flow)

    def upload(self, flow_id: str, data: bytes) -> list[dict[str, Any]]:
        flow = self.get(flow_id)
        lifecycle.check_editable(flow, legacy_immutable_published=self.legacy_immutable_published)
        _store_json(flow, data)
        self._edited(flow)
        return flow.validation_errors

    def publish(self, flow_id: str) -> None:
        flow = self.get(flow_id)
        lifecycle.publish(flow)
        self._touch(flow)

    def deprecate(self, flow_id: str) -> None:
        flow = self.get(flow_id)
        lifecycle.deprecate(flow)
        self._touch(flow)

    def delete(self, flow_id: str) -> None:
        lifecycle.check_deletable(self.get(flow_id))
        del self.flows[flow_id]
        self.changed.add(flow_id)
        self.revision += 1

    def set_health(self, flow_id: str, status: str) -> None:
        """Admin hook standing in for Meta's monitoring (THROTTLED / BLOCKED / recovery)."""
        flow = self.get(flow_id)
        lifecycle.set_health(flow, status)
        self._touch(flow)

    def preview(self, flow_id: str, *, invalidate: bool) -> tuple[str, int]:
        """A link kept until ``invalidate=True`` asks for a new one (30 days of validity)."""
        flow = self.get(flow_id)
        if invalidate or not flow.preview_token:
            flow.preview_token = secrets.token_urlsafe(24)
            flow.preview_expires = int(time.time()) + PREVIEW_DAYS * 86400
            self.changed.add(flow.id)
            self.revision += 1
        return flow.preview_token, flow.preview_expires

    def to_state(self) -> dict[str, Any]:
        flows = [f.to_dict() for f in sorted(self.flows.values(), key=lambda f: f.seq)]
        return {**self.meta_state(), "flows": flows}

    def meta_state(self) -> dict[str, Any]:
        """Everything but the flows (the store journals it with every change)."""
        return {
            "format": STATE_FORMAT,
            "clock": self.clock.last,
            "next_seq": self.next_seq,
            "wabas": sorted(self.wabas),
            "public_keys": dict(self.public_keys),
        }

    def load_state(self, state: dict[str, Any]) -> None:
        flows = [EmuFlow.from_dict(item) for item in state.get("flows", [])]
        self.flows = {f.id: f for f in flows}
        self.load_meta(state)

    def load_meta(self, state: dict[str, Any]) -> None:
        self.wabas = set(state.get("wabas", []))
        self.public_keys = dict(state.get("public_keys", {}))
        self.clock = Clock(int(state.get("clock", 0)))
        self.next_seq = int(state.get("next_seq", len(self.flows) + 1))

    def _use_waba(self, waba_id: str) -> None:
        """Any numeric id not taken by a flow is a WABA, created on first use."""
        if waba_id in self.flows:
            raise errors.ApiError(
                100, "(#100) Tried accessing nonexisting field (flows) on node type (WhatsAppFlow)"
            )
        if waba_id not in self.wabas:
            self.wabas.add(waba_id)
            self.revision += 1

    def _edited(self, flow: EmuFlow) -> None:
        lifecycle.mark_edited(flow)
        self._touch(flow)

    def _touch(self, flow: EmuFlow) -> None:
        flow.updated_at = self.clock.tick()
        self.changed.add(flow.id)
        self.revision += 1

    def _new_id(self) -> str:
        while True:
            candidate = str(self._rng.randrange(10**15, 10**16))
            if candidate not in self.flows and candidate not in self.wabas:
                return candidate


def _apply_metadata(flow: EmuFlow, changes: dict[str, Any]) -> None:
    flow.name = changes.get("name", flow.name)
    flow.categories = list(changes.get("categories", flow.categories))
    if "endpoint_uri" in changes:
        flow.endpoint_uri = changes["endpoint_uri"] or None
    if "application_id" in changes:
        flow.application_id = changes["application_id"] or None


def _copy_from(flow: EmuFlow, source: EmuFlow) -> None:
    flow.draft_json = source.draft_json
    flow.validation_errors = [dict(e) for e in source.validation_errors]
    flow.endpoint_uri = source.endpoint_uri


def _store_json(flow: EmuFlow, data: bytes) -> None:
    flow.draft_json = bytes(data)
    flow.validation_errors = validation_errors(data)

"""Run the management command as bot teams do, capturing what it prints."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest

from tests.fakes_flows import FakeFlowsAPI


@dataclass
class Run:
    out: str
    err: str


def sync(*args: str) -> Run:
    from django.core.management import call_command

    out, err = io.StringIO(), io.StringIO()
    call_command("sync_whatsapp_flows", *args, stdout=out, stderr=err)
    return Run(out.getvalue(), err.getvalue())


def fake_meta(monkeypatch: pytest.MonkeyPatch, api: FakeFlowsAPI) -> FakeFlowsAPI:
    """Route the command's Graph API calls to ``api`` (an in-memory Meta that records calls)."""
    from flowops.contrib.django import bridge

    @contextmanager
    def connect(project: Any, token: str | None = None) -> Iterator[FakeFlowsAPI]:
        yield api

    monkeypatch.setattr(bridge, "connect", connect)
    return api

"""``FLOWOPS["TOKEN"]``: the access token from a callable (e.g. the old MetaAppConfig row)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("django")

from flowops.contrib.django import bridge
from tests.django_integration.commands import sync


def token_from_database() -> str:
    return "EAAtest-from-db"


def test_the_token_callable_stands_in_for_token_env_and_is_restored(
    project: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = project / "flows.yaml"
    manifest.write_text(
        manifest.read_text().replace(
            "  local: {emulator: true}",
            "  local: {emulator: true}\n  production: {waba_id: '1', token_env: BOT_TOKEN}",
        )
    )
    settings.FLOWOPS = {**settings.FLOWOPS, "TOKEN": f"{__name__}.token_from_database"}
    monkeypatch.delenv("BOT_TOKEN", raising=False)
    seen: list[str | None] = []

    @contextmanager
    def capture(root: Path, env: Any) -> Iterator[Any]:
        seen.append(os.environ.get(env.token_env))
        raise bridge.FlowopsError("stop here")
        yield

    monkeypatch.setattr(bridge, "open_environment", capture)
    with pytest.raises(Exception, match="stop here"):
        sync("--env", "production")
    assert seen == ["EAAtest-from-db"]
    assert "BOT_TOKEN" not in os.environ

"""Django is optional: without it every module here skips; with it, settings are configured."""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent

if importlib.util.find_spec("django") is not None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.django_integration.settings")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, verbosity=0)


@pytest.fixture(autouse=True)
def rollback() -> Iterator[None]:
    """Every test starts from empty tables."""
    from django.db import transaction

    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def project(tmp_path: Path, settings: Any) -> Path:
    """A copy of project/ (flows.yaml + Flow JSON, local emulator) that FLOWOPS points at."""
    root = tmp_path / "project"
    shutil.copytree(HERE / "project", root)
    settings.FLOWOPS = {**settings.FLOWOPS, "MANIFEST": root / "flows.yaml"}
    return root


@pytest.fixture
def settings() -> Iterator[Any]:
    """Like pytest-django's: assignments are undone after the test (setting_changed fires)."""
    from django.conf import settings as django_settings
    from django.test.utils import override_settings

    class Overrides:
        def __setattr__(self, name: str, value: Any) -> None:
            override = override_settings(**{name: value})
            override.enable()
            undo.append(override)

        def __getattr__(self, name: str) -> Any:
            return getattr(django_settings, name)

    undo: list[Any] = []
    yield Overrides()
    for override in reversed(undo):
        override.disable()

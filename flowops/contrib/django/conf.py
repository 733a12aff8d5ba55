"""The ``FLOWOPS`` settings dict, read on first use and re-read when a test overrides it.

```python
FLOWOPS = {
    "MANIFEST": BASE_DIR / "flows.yaml",              # required
    "ENVIRONMENT": "production",                       # required: never defaults to the emulator
    "SNAPSHOT": None,                                  # `flowops export-runtime` output
    "TRADITIONAL_FLOWS": "bot.flows.traditional_names",  # callable -> iterable of Flow names
    "TRADITIONAL_FLOW_MODEL": "bot.Flow",              # for the lazy ``flow_definition``
    "TOKEN": None,                                     # callable -> access token (else token_env)
    "MIRROR_MODEL": "bot.WhatsAppFlow",                # optional mirror of every managed flow
    "MIRROR_DEFAULTS": None,                           # callable(record) -> extra required fields
    "RESPONSE_MODEL": None,                            # stores completions (WhatsAppFlowResponse)
    "FLOW_TOKEN_SECRET": None,                         # signs flow tokens; default from SECRET_KEY
}
```
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from os import PathLike
from pathlib import Path
from typing import Any

from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

REQUIRED = ("MANIFEST", "ENVIRONMENT")
OPTIONAL = (
    "SNAPSHOT",
    "TRADITIONAL_FLOWS",
    "TRADITIONAL_FLOW_MODEL",
    "TOKEN",
    "MIRROR_MODEL",
    "MIRROR_DEFAULTS",
    "RESPONSE_MODEL",
    "FLOW_TOKEN_SECRET",
)
CALLABLES = ("TRADITIONAL_FLOWS", "TOKEN", "MIRROR_DEFAULTS")
KNOWN = REQUIRED + OPTIONAL


@dataclass(frozen=True)
class FlowopsSettings:
    manifest: Path
    environment: str
    snapshot: Path | None = None
    traditional_flows: str | None = None
    traditional_flow_model: str | None = None
    token: str | None = None
    mirror_model: str | None = None
    mirror_defaults: str | None = None
    response_model: str | None = None
    flow_token_secret: str | None = None

    def secret(self) -> bytes:
        """The flow-token key: its own setting, else derived from SECRET_KEY (never equal to it)."""
        if self.flow_token_secret:
            return self.flow_token_secret.encode("utf-8")
        return b"flowops.flow-token:" + str(django_settings.SECRET_KEY).encode("utf-8")


_cached: FlowopsSettings | None = None


def raw() -> Any:
    return getattr(django_settings, "FLOWOPS", None)


def get() -> FlowopsSettings:
    """The settings, or ImproperlyConfigured naming what is wrong (``manage.py check`` too)."""
    global _cached
    if _cached is None:
        _cached = parse(raw())
    return _cached


def parse(value: Any) -> FlowopsSettings:
    if not isinstance(value, dict):
        raise ImproperlyConfigured(
            "settings.FLOWOPS must be a dict with at least MANIFEST and ENVIRONMENT"
        )
    for key in REQUIRED:
        if not value.get(key):
            raise ImproperlyConfigured(f"settings.FLOWOPS[{key!r}] is required")
    for key in KNOWN:
        if value.get(key) is not None and not isinstance(value[key], (str, PathLike)):
            raise ImproperlyConfigured(
                f"settings.FLOWOPS[{key!r}] must be a string or a path, "
                f"not {type(value[key]).__name__}"
            )
    snapshot = value.get("SNAPSHOT")
    return FlowopsSettings(
        manifest=Path(value["MANIFEST"]),
        environment=str(value["ENVIRONMENT"]),
        snapshot=Path(snapshot) if snapshot else None,
        **{key.lower(): _text(value.get(key)) for key in OPTIONAL if key != "SNAPSHOT"},
    )


def _text(value: Any) -> str | None:
    return str(value) if value else None


def import_callable(dotted: str) -> Callable[..., Any]:
    """``"package.module.name"`` → the object; ImproperlyConfigured if it cannot be imported."""
    module_name, _, attr = dotted.rpartition(".")
    try:
        target = getattr(import_module(module_name), attr) if module_name else None
    except (ImportError, AttributeError) as exc:
        raise ImproperlyConfigured(f"cannot import {dotted!r}: {exc}") from None
    if not callable(target):
        raise ImproperlyConfigured(f"{dotted!r} is not a callable 'package.module.name'")
    return target


#: Called after FLOWOPS or SECRET_KEY changes; modules that cache what they built add to it.
on_reload: list[Callable[[], None]] = []


@receiver(setting_changed)
def _reload(*, setting: str, **_: Any) -> None:
    global _cached
    if setting in ("FLOWOPS", "SECRET_KEY"):
        _cached = None
        for forget in on_reload:
            forget()

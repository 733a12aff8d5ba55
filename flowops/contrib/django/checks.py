"""``manage.py check``: settings, files, dotted paths, the mirror model, and broken links.

Ids: flowops.E001 FLOWOPS missing or malformed · E002 unknown key · E003 manifest invalid ·
E004 environment unknown · E005 dotted path does not import · E006 a model setting unusable ·
E007 snapshot missing · W001 lock file missing · W002 emulator environment with DEBUG off ·
W003 a link to a traditional flow that is not in the database · W004 no manifest yet ·
W005 the links were not checked: the traditional flows could not be read.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.conf import settings as django_settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError

from flowops.contrib.django import bridge, conf, mirror
from flowops.contrib.django.catalogue import traditional_names

Messages = list[checks.CheckMessage]


def register_all() -> None:
    checks.register(check_settings, "flowops")
    checks.register(check_links, "flowops", checks.Tags.database)


def _error(n: int, msg: str, hint: str | None = None) -> checks.Error:
    return checks.Error(msg, hint=hint, id=f"flowops.E{n:03d}")


def _warning(n: int, msg: str, hint: str | None = None) -> checks.Warning:
    return checks.Warning(msg, hint=hint, id=f"flowops.W{n:03d}")


def check_settings(app_configs: Any = None, **_: Any) -> Messages:
    value = conf.raw()
    unknown = _unknown_keys(value)
    try:
        settings = conf.parse(value)
    except ImproperlyConfigured as exc:
        return [*unknown, _error(1, str(exc), 'FLOWOPS = {"MANIFEST": ..., "ENVIRONMENT": ...}')]
    messages = unknown + _callables(value) + _models(value)
    return messages + _project(settings)


def _unknown_keys(value: Any) -> Messages:
    if not isinstance(value, dict):
        return []
    return [
        _error(2, f"unknown key FLOWOPS[{key!r}].{bridge.did_you_mean(str(key), conf.KNOWN)}")
        for key in value
        if key not in conf.KNOWN
    ]


def _callables(value: dict[str, Any]) -> Messages:
    messages: Messages = []
    for key in conf.CALLABLES:
        if value.get(key):
            try:
                conf.import_callable(str(value[key]))
            except ImproperlyConfigured as exc:
                messages.append(_error(5, f"FLOWOPS[{key!r}]: {exc}"))
    return messages


MODELS = (
    ("MIRROR_MODEL", mirror.REQUIRED),
    ("RESPONSE_MODEL", mirror.RESPONSE_FIELDS),
    ("TRADITIONAL_FLOW_MODEL", ("name",)),
)


def _models(value: dict[str, Any]) -> Messages:
    messages: Messages = []
    for key, required in MODELS:
        if value.get(key):
            messages += _model(key, str(value[key]), required)
    return messages


def _model(key: str, label: str, required: tuple[str, ...]) -> Messages:
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError) as exc:
        return [_error(6, f"FLOWOPS[{key!r}]: {exc}", "use 'app_label.ModelName'")]
    missing = mirror.missing_fields(model, required)
    if missing:
        return [_error(6, f"FLOWOPS[{key!r}]: {label} lacks field(s) {', '.join(missing)}")]
    return []


def _project(settings: conf.FlowopsSettings) -> Messages:
    if not settings.manifest.is_file():
        hint = "create it, or convert the old definitions: manage.py migrate_flow_definitions"
        return [_warning(4, f"FLOWOPS['MANIFEST']: {settings.manifest} does not exist", hint)]
    try:
        source = bridge.locate(settings.manifest, settings.environment)
    except bridge.ProblemsError as exc:
        return [_error(3, f"{exc.message}\n{bridge.problems_text(exc)}")]
    except bridge.FlowopsError as exc:
        return [_error(4, f"FLOWOPS['ENVIRONMENT']: {exc.message}", exc.hint or None)]
    return _files(settings, source)


def _files(settings: conf.FlowopsSettings, source: bridge.RuntimeSource) -> Messages:
    messages: Messages = []
    if settings.snapshot is not None and not settings.snapshot.is_file():
        hint = f"write it with flowops export-runtime --env {settings.environment}"
        messages.append(_error(7, f"FLOWOPS['SNAPSHOT']: {settings.snapshot} not found", hint))
    if not source.lock_file.is_file():
        hint = "run manage.py sync_whatsapp_flows (or flowops apply) to write it"
        messages.append(_warning(1, f"lock file {source.shown()} not found yet", hint))
    if source.manifest.environment(settings.environment).emulator and not django_settings.DEBUG:
        hint = "set FLOWOPS['ENVIRONMENT'] to a real environment of flows.yaml in production"
        messages.append(_warning(2, f"environment {settings.environment!r} is the emulator", hint))
    return messages


def check_links(app_configs: Any = None, **_: Any) -> Messages:
    """Links to traditional flows missing from the database; W005 when it cannot be read."""
    try:
        settings = conf.get()
        source = bridge.locate(settings.manifest, settings.environment)
    except (ImproperlyConfigured, bridge.FlowopsError):
        return []  # the settings check reports bad settings
    try:
        known = traditional_names()
    except DatabaseError as exc:
        return [_unread(exc)]
    except ImproperlyConfigured:
        return []  # E005 names the dotted path that does not import
    if known is None or not apps.ready:
        return []
    return [
        _warning(
            3,
            f'flows.yaml: flow {key!r} links to traditional flow "{spec.flow_definition_name}", '
            "which is not in the database",
            "create that Flow, or set flow_definition_name to null or to an existing flow",
        )
        for key, spec in sorted(source.manifest.flows.items())
        if spec.flow_definition_name and spec.flow_definition_name not in known
    ]


def _unread(exc: DatabaseError) -> checks.Warning:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return _warning(
        5,
        "links to traditional flows were not checked: the traditional-flow table could not "
        f"be read ({reason})",
        "run manage.py migrate (or check that the database is reachable), then check again",
    )

"""Turn the old definitions into ``whatsapp_flows/<key>.json`` + flows.yaml entries.

Each entry's ``name`` is the name the old command gave the flow on Meta
(``<friendly name or name>_<suffix>``), so the first plan adopts the existing flow instead
of creating a duplicate. ``publish: false`` keeps the old rule that only ``--publish``
publishes; ``categories`` default to ``[OTHER]`` as the old command hard-coded.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from flowops.contrib.django import bridge
from flowops.contrib.django.legacy import Definition

STARTER = """\
# The WhatsApp Flows of this bot, migrated from the old flows/definitions/ modules.
# `manage.py sync_whatsapp_flows` (or `flowops plan` / `flowops apply`) applies them.
version: 1

defaults:
  categories: [OTHER]

environments:
  # The built-in emulator of Meta's Flows API: no account or token needed.
  local:
    emulator: true
  # A real WhatsApp Business Account; the token is read from the variable token_env names.
  # production:
  #   waba_id: "123456789012345"
  #   token_env: WHATSAPP_TOKEN

flows: {}
"""

Write = Callable[[str], None]


@dataclass
class Outcome:
    added: list[tuple[str, str]] = field(default_factory=list)  # (key, Meta name)
    kept: list[str] = field(default_factory=list)  # already in flows.yaml


def meta_name(metadata: dict[str, Any], key: str, suffix: str) -> str:
    """The old command's name on Meta: ``f"{friendly_name or name}_{suffix}"``."""
    return f"{metadata.get('friendly_name') or key}_{suffix}"


def migrate(definitions: list[Definition], manifest: Path, suffix: str) -> Outcome:
    """Checks every target file first, so a refusal leaves nothing half-written."""
    text = manifest.read_text(encoding="utf-8") if manifest.is_file() else STARTER
    existing = _keys(text, manifest)
    new = [d for d in definitions if d.key not in existing]
    documents = {d.key: _json_text(d) for d in new}
    for definition in new:
        _check_free(manifest.parent, definition, documents[definition.key])
    for definition in new:
        path = manifest.parent / _file(definition)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(documents[definition.key], encoding="utf-8")
    entries = [_entry(d, manifest.parent, suffix) for d in new]
    if entries or not manifest.is_file():
        manifest.write_text(bridge.append_flows(text, entries), encoding="utf-8")
    added = [(d.key, meta_name(d.metadata, d.key, suffix)) for d in new]
    return Outcome(added, [d.key for d in definitions if d.key in existing])


def _keys(text: str, manifest: Path) -> set[str]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        raise bridge.FlowopsError(
            f"{manifest.name}{where}: not valid YAML; fix it before adding flows to it"
        ) from None
    flows = data.get("flows") if isinstance(data, dict) else None
    return set(flows) if isinstance(flows, dict) else set()


def _file(definition: Definition) -> str:
    return f"whatsapp_flows/{definition.key}.json"


def _json_text(definition: Definition) -> str:
    return json.dumps(definition.flow_json, indent=2, ensure_ascii=False) + "\n"


def _check_free(root: Path, definition: Definition, text: str) -> None:
    path = root / _file(definition)
    if path.exists() and path.read_text(encoding="utf-8") != text:
        raise bridge.FlowopsError(
            f"{_file(definition)} exists with other content than {definition.source.name} defines",
            hint="move it away (or add the flow to flows.yaml by hand) and run again",
        )


def _entry(definition: Definition, root: Path, suffix: str) -> tuple[str, dict[str, object], str]:
    values = _values(definition, _file(definition), suffix)
    return definition.key, values, _comment(definition, root)


def _values(definition: Definition, file: str, suffix: str) -> dict[str, object]:
    meta = definition.metadata
    return {
        "name": meta_name(meta, definition.key, suffix),
        "friendly_name": str(meta.get("friendly_name") or ""),
        "description": str(meta.get("description") or ""),
        "file": file,
        "flow_definition_name": meta.get("flow_definition_name") or None,
        "is_active": bool(meta.get("is_active", False)),  # the old model's default
        "publish": False,
    }


def _comment(definition: Definition, root: Path) -> str:
    source = definition.source.resolve()
    shown = source.relative_to(root.resolve()) if source.is_relative_to(root.resolve()) else source
    return f"migrated from {shown.as_posix() if not shown.is_absolute() else source.name}"

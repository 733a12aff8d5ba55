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
    text = manifest.read_text(encoding="utf-8") if manifest.is_file() else STARTER
    existing = _keys(text)
    outcome = Outcome()
    entries = []
    for definition in definitions:
        if definition.key in existing:
            outcome.kept.append(definition.key)
            continue
        file = _write_json(manifest.parent, definition)
        entries.append(
            (
                definition.key,
                _values(definition, file, suffix),
                _comment(definition, manifest.parent),
            )
        )
        outcome.added.append(
            (definition.key, meta_name(definition.metadata, definition.key, suffix))
        )
    if entries or not manifest.is_file():
        manifest.write_text(bridge.append_flows(text, entries), encoding="utf-8")
    return outcome


def _keys(text: str) -> set[str]:
    data = yaml.safe_load(text)
    flows = data.get("flows") if isinstance(data, dict) else None
    return set(flows) if isinstance(flows, dict) else set()


def _write_json(root: Path, definition: Definition) -> str:
    file = f"whatsapp_flows/{definition.key}.json"
    path = root / file
    text = json.dumps(definition.flow_json, indent=2, ensure_ascii=False) + "\n"
    if path.exists() and path.read_text(encoding="utf-8") != text:
        raise bridge.FlowopsError(
            f"{file} exists with other content than {definition.source.name} defines",
            hint="move it away (or add the flow to flows.yaml by hand) and run again",
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return file


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

"""What git wants: each managed flow's spec plus its Flow JSON, hashed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from flowops.errors import FlowopsError
from flowops.flowjson import entry_screen
from flowops.lock import LockEntry, content_sha256, metadata_sha256, metadata_summary
from flowops.manifest import FlowSpec, Manifest


@dataclass(frozen=True)
class DesiredFlow:
    spec: FlowSpec
    raw: bytes  # the file's exact bytes: uploads send these, so Meta's line:col match git
    doc: Any
    content_sha256: str
    entry_screen: str | None

    @property
    def key(self) -> str:
        return self.spec.key

    def meta_name(self, entry: LockEntry | None) -> str:
        """The name the flow should carry on Meta: a clone keeps its suffixed name."""
        if entry is not None and entry.manifest_name == self.spec.name:
            return entry.name
        return self.spec.name

    def metadata(self, entry: LockEntry | None) -> dict[str, Any]:
        spec = self.spec
        return metadata_summary(self.meta_name(entry), spec.categories, spec.endpoint_uri)

    def metadata_sha256(self, entry: LockEntry | None) -> str:
        spec = self.spec
        return metadata_sha256(self.meta_name(entry), spec.categories, spec.endpoint_uri)


def load_desired(manifest: Manifest, specs: dict[str, FlowSpec]) -> dict[str, DesiredFlow]:
    return {key: load_one(manifest, spec) for key, spec in specs.items()}


def load_one(manifest: Manifest, spec: FlowSpec) -> DesiredFlow:
    path = manifest.flow_path(spec)
    try:
        raw = path.read_bytes()
        doc = json.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FlowopsError(
            f"{spec.file}: cannot read flow '{spec.key}' ({exc})",
            hint="run `flowops validate` to see the problem with its position",
        ) from None
    entry = spec.entry_screen or (entry_screen(doc) if isinstance(doc, dict) else None)
    return DesiredFlow(spec, raw, doc, content_sha256(doc), entry)

"""Which flows on Meta ``flowops import`` adopts, and the keys and file names they get."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from flowops.errors import FlowopsError
from flowops.graph import RemoteFlow
from flowops.meta import DEPRECATED, DRAFT

_NOT_KEY = re.compile(r"[^a-z0-9]+")


@dataclass
class Candidate:
    """A flow chosen for import: its listing, its exact bytes, and where it will live."""

    flow: RemoteFlow
    raw: bytes
    key: str = ""
    file: str = ""

    def manifest_values(self) -> dict[str, object]:
        flow = self.flow
        values: dict[str, object] = {
            "file": self.file,
            "name": flow.name,
            "friendly_name": flow.name,
            "categories": list(flow.categories) or ["OTHER"],
            "flow_definition_name": None,
            "publish": flow.status != DRAFT,
        }
        if flow.endpoint_uri:
            values["endpoint_uri"] = flow.endpoint_uri
        return values

    def comment(self) -> str:
        return f"imported from Meta flow {self.flow.id} ({self.flow.status}) by flowops import"


def choose(
    remote: Sequence[RemoteFlow], names: Sequence[str], all_flows: bool, managed: Mapping[str, str]
) -> tuple[list[RemoteFlow], list[tuple[str, str]]]:
    """Flows to import, and ``(name, reason)`` for those left out."""
    check_selection(names, all_flows)
    if names:
        return _named(remote, names, managed)
    return _everything(remote, managed)


def check_selection(names: Sequence[str], all_flows: bool) -> None:
    """Exactly one of: flow names, or ``--all``."""
    if names and all_flows:
        raise FlowopsError(
            f"both flow names ({', '.join(names)}) and --all were given",
            hint="pass --all alone to import every flow not managed yet, or only the names",
        )
    if not names and not all_flows:
        raise FlowopsError(
            "say which flows to import", hint="name them (flowops import NAME …) or pass --all"
        )


def _named(
    remote: Sequence[RemoteFlow], names: Sequence[str], managed: Mapping[str, str]
) -> tuple[list[RemoteFlow], list[tuple[str, str]]]:
    by_name = {f.name: f for f in remote}
    missing = [n for n in names if n not in by_name]
    if missing:
        raise FlowopsError(
            f"not on Meta: {', '.join(missing)}",
            hint="names are case-sensitive; on Meta now: " + _sample(by_name),
        )
    flows = [by_name[n] for n in dict.fromkeys(names)]
    return _split_managed(flows, managed)


def _everything(
    remote: Sequence[RemoteFlow], managed: Mapping[str, str]
) -> tuple[list[RemoteFlow], list[tuple[str, str]]]:
    live = [f for f in remote if f.status != DEPRECATED]
    picked, skipped = _split_managed(live, managed)
    skipped += [
        (f.name, "deprecated (name it to import it anyway)")
        for f in remote
        if f.status == DEPRECATED and f.id not in managed
    ]
    return picked, skipped


def _split_managed(
    flows: Iterable[RemoteFlow], managed: Mapping[str, str]
) -> tuple[list[RemoteFlow], list[tuple[str, str]]]:
    picked: list[RemoteFlow] = []
    skipped: list[tuple[str, str]] = []
    for flow in flows:
        owner = managed.get(flow.id) or managed.get(flow.name)
        if owner:
            skipped.append((flow.name, f"already managed as '{owner}'"))
        else:
            picked.append(flow)
    return picked, skipped


def _sample(by_name: Mapping[str, RemoteFlow]) -> str:
    names = sorted(by_name)
    shown = ", ".join(names[:10])
    return (shown + (" …" if len(names) > 10 else "")) or "(none)"


def slug(name: str) -> str:
    """A manifest key (``[a-z][a-z0-9_]*``) from a flow name."""
    key = _NOT_KEY.sub("_", name.lower()).strip("_") or "flow"
    return key if key[0].isalpha() else f"flow_{key}"


def unique_key(name: str, taken: set[str], folder: Path) -> str:
    """``slug(name)``, numbered when the key or its JSON file already exists."""
    base = slug(name)
    key, n = base, 2
    while key in taken or (folder / f"{key}.json").exists():
        key, n = f"{base}_{n}", n + 1
    return key

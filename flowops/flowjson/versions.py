"""Flow JSON versions and their lifecycle (Meta freezes old versions: no new publishing)."""

from __future__ import annotations

import functools
import json

from flowops.flowjson.findings import Finding, Version, parse_version
from flowops.problems import Severity

KNOWN: tuple[Version, ...] = (
    (2, 1),
    (3, 0),
    (3, 1),
    (4, 0),
    (5, 0),
    (5, 1),
    (6, 0),
    (6, 1),
    (6, 2),
    (6, 3),
    (7, 0),
    (7, 1),
    (7, 2),
    (7, 3),
)
LATEST: Version = KNOWN[-1]
FROZEN_UNTIL: Version = (5, 0)  # 2.1 … 5.0 are frozen: Meta refuses to publish them


def text(version: Version) -> str:
    return f"{version[0]}.{version[1]}"


def is_known(version: Version) -> bool:
    return version in KNOWN


def is_frozen(version: Version) -> bool:
    return version <= FROZEN_UNTIL


def publishable() -> list[Version]:
    return [v for v in KNOWN if not is_frozen(v)]


@functools.cache
def publishable_text() -> str:
    """``"5.1, 6.0–6.3, 7.0–7.3"``: publishable versions grouped by major."""
    groups: dict[int, list[Version]] = {}
    for v in publishable():
        groups.setdefault(v[0], []).append(v)
    parts = []
    for vs in groups.values():
        first, last = text(vs[0]), text(vs[-1])
        parts.append(first if first == last else f"{first}–{last}")
    return ", ".join(parts)


def check_version(
    doc: dict[str, object], will_publish: bool | None
) -> tuple[Version | None, list[Finding]]:
    """The document's version if it can be validated, plus any finding about it."""
    if "version" not in doc:
        return None, [_missing()]
    raw = doc["version"]
    version = parse_version(raw)
    if version is None:
        return None, [_malformed(raw)]
    if not is_known(version):
        return None, [_unsupported(raw)]
    if is_frozen(version):
        return version, [_frozen(version, will_publish)]
    return version, []


def _missing() -> Finding:
    return Finding(
        "",
        "MISSING_FLOW_JSON_VERSION",
        "the Flow JSON has no `version`",
        hint=f'Add "version": "{text(LATEST)}" at the top level.',
    )


def _malformed(raw: object) -> Finding:
    return Finding(
        "/version",
        "INVALID_FLOW_JSON_VERSION",
        f'`version` must be a string like "{text(LATEST)}", not {json.dumps(raw)}',
        hint=f"Use one of: {', '.join(text(v) for v in KNOWN)}.",
    )


def _unsupported(raw: object) -> Finding:
    return Finding(
        "/version",
        "UNSUPPORTED_FLOW_JSON_VERSION",
        f"Flow JSON version {raw} does not exist or is not supported"
        f" (known: {text(KNOWN[0])}–{text(LATEST)})",
        hint=f"Use a publishable version: {publishable_text()} (latest {text(LATEST)}).",
    )


def _frozen(version: Version, will_publish: bool | None) -> Finding:
    severity = Severity.ERROR if will_publish else Severity.WARNING
    return Finding(
        "/version",
        "FROZEN_FLOW_JSON_VERSION",
        f"Flow JSON {text(version)} is frozen: Meta no longer publishes flows that use it",
        severity=severity,
        hint=f"Upgrade `version` to a publishable one: {publishable_text()}"
        f" (latest {text(LATEST)}).",
    )

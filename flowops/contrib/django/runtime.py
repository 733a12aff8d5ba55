"""One resolver and one set of records per process, built on first use.

Nothing is read at import time or in ``AppConfig.ready``. After a fork (gunicorn, celery
prefork) the child builds its own on first use: the process id is part of the cache key.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from flowops.contrib.django import bridge, conf, records

_lock = threading.Lock()
_resolver: tuple[int, bridge.Resolver] | None = None
_records: tuple[int, tuple[int, int], records.FlowRecords] | None = None


def reset() -> None:
    """Forget what was built (settings changed); the next call builds again."""
    global _resolver, _records
    with _lock:
        _resolver = _records = None
        _sources.clear()


conf.on_reload.append(reset)


def resolver() -> bridge.Resolver:
    global _resolver
    cached = _resolver
    if cached is not None and cached[0] == os.getpid():
        return cached[1]
    with _lock:
        if _resolver is None or _resolver[0] != os.getpid():
            _resolver = (os.getpid(), _build_resolver())
        return _resolver[1]


def _build_resolver() -> bridge.Resolver:
    settings = conf.get()
    if settings.snapshot is not None:
        return bridge.Resolver.from_snapshot(settings.snapshot, settings.environment)
    return bridge.Resolver.from_lock(_source().lock_file, settings.environment)


def _source() -> bridge.RuntimeSource:
    settings = conf.get()
    return bridge.locate(settings.manifest, settings.environment)


def resolve(traditional_flow: str) -> bridge.Decision:
    """The WhatsApp Flow to send instead of ``traditional_flow`` (``Resolution``), or why not."""
    return resolver().resolve(traditional_flow)


def flows() -> records.FlowRecords:
    """Every managed flow (components too), from the lock; rebuilt when the lock changes."""
    global _records
    source = _source_cached()
    stamp = _stamp(source.lock_file)
    cached = _records
    if cached is not None and cached[0] == os.getpid() and cached[1] == stamp:
        return cached[2]
    entries = bridge.lock_entries(source.lock_file, conf.get().environment)
    built = records.build(entries, source.manifest.flows, source.manifest.root)
    _records = (os.getpid(), stamp, built)
    return built


_sources: dict[tuple[Path, str], bridge.RuntimeSource] = {}


def _source_cached() -> bridge.RuntimeSource:
    settings = conf.get()
    key = (settings.manifest, settings.environment)
    if key not in _sources:
        _sources[key] = _source()
    return _sources[key]


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return (0, 0)
    return (info.st_mtime_ns, info.st_size)

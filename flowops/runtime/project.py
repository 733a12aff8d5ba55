"""Find an environment's lock file from flows.yaml, for the runtime commands."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flowops import manifest as manifests
from flowops.manifest import Manifest
from flowops.paths import lock_path


@dataclass(frozen=True)
class RuntimeSource:
    manifest: Manifest
    env: str
    lock_file: Path

    def shown(self) -> str:
        """The lock file relative to the repository root, as people know it."""
        try:
            return self.lock_file.relative_to(self.manifest.root).as_posix()
        except ValueError:
            return str(self.lock_file)


def locate(manifest_path: Path, env: str) -> RuntimeSource:
    manifest = manifests.load(manifest_path)
    return RuntimeSource(manifest, env, lock_path(manifest.root, manifest.environment(env)))

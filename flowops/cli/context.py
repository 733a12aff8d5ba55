from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CliContext:
    manifest_path: Path
    traceback: bool = False

    @property
    def root(self) -> Path:
        return self.manifest_path.parent

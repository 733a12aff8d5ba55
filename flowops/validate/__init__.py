"""`flowops validate`: the manifest and the Flow JSON files it names; never raises on bad input."""

from __future__ import annotations

from flowops.validate.paths import validate_paths
from flowops.validate.project import validate_project

__all__ = [
    "validate_paths",
    "validate_project",
]

"""Where the JSON Schemas live: `flowops/_schemas` in a wheel, else the repo's `schemas/`."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def schemas_dir() -> Path:
    bundled = _PACKAGE_DIR / "_schemas"
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent / "schemas"


def schema_path(*parts: str) -> Path:
    return schemas_dir().joinpath(*parts)

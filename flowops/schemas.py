"""Where the JSON Schemas live: `flowops/_schemas` in a wheel, else the repo's `schemas/`."""

from __future__ import annotations

from pathlib import Path

from flowops import REPOSITORY, __version__

_PACKAGE_DIR = Path(__file__).resolve().parent
FLOWS_SCHEMA = "flows.schema.json"
# The manifest schema of this very version, served from the tag the release workflow builds.
FLOWS_SCHEMA_URL = (
    REPOSITORY.replace("https://github.com/", "https://raw.githubusercontent.com/")
    + f"/v{__version__}/schemas/{FLOWS_SCHEMA}"
)


def schemas_dir() -> Path:
    bundled = _PACKAGE_DIR / "_schemas"
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent / "schemas"


def schema_path(*parts: str) -> Path:
    return schemas_dir().joinpath(*parts)

"""Release-readiness: the distribution name, metadata, and the release workflow."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from flowops import DISTRIBUTION, REPOSITORY

ROOT = Path(__file__).parent.parent
PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def _release() -> dict[str, Any]:
    text = (ROOT / ".github/workflows/release.yml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as True
    return data


def test_distribution_name_is_the_one_the_code_and_readme_give() -> None:
    assert re.search(rf'^name = "{DISTRIBUTION}"$', PYPROJECT, re.M)
    assert DISTRIBUTION != "flowops"  # another project's name on PyPI
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"pip install {DISTRIBUTION}" in readme
    assert 'flowops = "flowops.cli:main"' in PYPROJECT  # the command keeps its name


def test_version_has_one_home_and_the_metadata_is_release_ready() -> None:
    assert 'dynamic = ["version"]' in PYPROJECT
    assert re.search(r'^\[tool\.hatch\.version\]\npath = "flowops/__init__.py"$', PYPROJECT, re.M)
    assert not re.search(r"^version = ", PYPROJECT, re.M)
    for field in ("license-files", "keywords", "classifiers"):
        assert re.search(rf"^{field} = ", PYPROJECT, re.M), field
    urls = dict(re.findall(r'^(\w+) = "(https://[^"]+)"$', PYPROJECT, re.M))
    assert urls["Source"] == REPOSITORY and urls["Issues"] == f"{REPOSITORY}/issues"


def test_license_file_is_the_mit_text_pyproject_declares() -> None:
    assert 'license = "MIT"' in PYPROJECT
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Permission is hereby granted, free of charge" in text


def test_release_publishes_checked_files_on_a_version_tag_with_trusted_publishing() -> None:
    release = _release()
    assert release["on"] == {"push": {"tags": ["v*"]}}
    assert release["permissions"] == {"contents": "read"}
    build, publish = release["jobs"]["build"], release["jobs"]["publish"]
    build_runs = "\n".join(str(step.get("run", "")) for step in build["steps"])
    assert '"$GITHUB_REF_NAME" != "v$version"' in build_runs
    assert "scripts/check-dist dist" in build_runs
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    uses = [str(step.get("uses", "")) for step in publish["steps"]]
    assert "pypa/gh-action-pypi-publish@release/v1" in uses
    assert not any("password" in str(step.get("with", {})) for step in publish["steps"])


def test_ci_builds_checks_and_installs_the_distribution() -> None:
    test_script = (ROOT / "scripts/test").read_text(encoding="utf-8")
    assert "\nscripts/check-dist\n" in test_script
    check = (ROOT / "scripts/check-dist").read_text(encoding="utf-8")
    assert "twine check --strict" in check
    assert '--only-binary "$name"' in check and '--no-binary "$name"' in check
    assert '--no-index --find-links "$dist"' in check

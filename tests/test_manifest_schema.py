"""schemas/flows.schema.json: what editors show must be complete and agree with the loader."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from flowops.manifest.model import Environment, FlowSpec, Settings
from flowops.manifest.schema import schema_file
from flowops.meta import CATEGORIES

REPO = Path(__file__).parent.parent


def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_file().read_text(encoding="utf-8"))
    return loaded


def properties(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{path}/{name}", sub
        for key, sub in node.items():
            if key != "if":  # conditions, not documentation
                yield from properties(sub, f"{path}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from properties(sub, f"{path}/{i}")


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


def test_every_property_has_a_description() -> None:
    missing = [path for path, sub in properties(schema()) if not sub.get("description")]
    assert missing == []


def test_shipped_manifest_matches_the_schema() -> None:
    data = yaml.safe_load((REPO / "flows.yaml").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema()).validate(data)


def test_schema_keys_match_the_model() -> None:
    defs = schema()["$defs"]
    flow_keys = set(defs["flow"]["properties"]) - {"file", "overrides"}
    assert flow_keys <= set(FlowSpec.__dataclass_fields__)
    env_keys = set(schema()["properties"]["environments"]["additionalProperties"]["properties"])
    assert env_keys <= set(Environment.__dataclass_fields__)
    assert set(schema()["properties"]["settings"]["properties"]) == set(
        Settings.__dataclass_fields__
    )
    assert defs["flow"]["properties"]["categories"]["items"]["enum"] == list(CATEGORIES)


def test_schema_file_is_found_through_the_shared_locator(monkeypatch: Any, tmp_path: Path) -> None:
    import flowops.schemas as locator

    (tmp_path / "flowops" / "_schemas").mkdir(parents=True)
    (tmp_path / "flowops" / "_schemas" / "flows.schema.json").write_text("{}")
    monkeypatch.setattr(locator, "_PACKAGE_DIR", tmp_path / "flowops")
    assert schema_file() == tmp_path / "flowops" / "_schemas" / "flows.schema.json"


def test_readme_documents_every_manifest_problem_code() -> None:
    import re

    sources = "".join(p.read_text(encoding="utf-8") for p in (REPO / "flowops").rglob("*.py"))
    codes = set(re.findall(r"MANIFEST_[A-Z_]*[A-Z]", sources))
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert codes and sorted(c for c in codes if f"`{c}`" not in readme) == []

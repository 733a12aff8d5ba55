"""Files the manifest needs but cannot read: each named, with where and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowops.manifest import load_with_problems
from flowops.problems import Problem

FLOW = '{"version": "7.3", "screens": []}'


def write(root: Path, manifest: bytes, catalogue: bytes | None = None) -> Path:
    (root / "whatsapp_flows").mkdir(parents=True, exist_ok=True)
    (root / "whatsapp_flows" / "a.json").write_text(FLOW, encoding="utf-8")
    if catalogue is not None:
        (root / "catalogue.yaml").write_bytes(catalogue)
    (root / "flows.yaml").write_bytes(manifest)
    return root / "flows.yaml"


def only(problems: list[Problem]) -> tuple[str, int, int, str, str, str]:
    (p,) = problems
    return (p.file, p.line, p.col, p.code, p.message, p.hint)


def test_manifest_that_is_not_utf8_points_at_the_bad_byte(tmp_path: Path) -> None:
    path = write(tmp_path, b"version: 1\nflows:\n  a: {file: caf\xe9.json}\n")
    manifest, problems = load_with_problems(path)
    assert manifest is None
    message = "flows.yaml is not valid UTF-8 (byte 0xe9)."
    hint = "Save the file as UTF-8."
    assert only(problems) == ("flows.yaml", 3, 16, "MANIFEST_UNREADABLE", message, hint)


def test_manifest_that_is_a_folder_says_it_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "flows.yaml").mkdir()
    _, problems = load_with_problems(tmp_path / "flows.yaml")
    assert only(problems)[3:5] == ("MANIFEST_UNREADABLE", "Cannot read flows.yaml: Is a directory.")


def test_catalogue_that_is_not_utf8(tmp_path: Path) -> None:
    manifest = b"version: 1\ntraditional_flows: catalogue.yaml\n"
    manifest += b"flows:\n  a: {file: whatsapp_flows/a.json}\n"
    path = write(tmp_path, manifest, catalogue=b"- tour\n- caf\xe9\n")
    _, problems = load_with_problems(path)
    message = "catalogue.yaml is not valid UTF-8 (byte 0xe9)."
    assert only(problems)[:5] == ("catalogue.yaml", 2, 6, "MANIFEST_CATALOGUE_UNREADABLE", message)


def test_flow_file_without_read_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import flowops.manifest.files as files

    path = write(tmp_path, b"version: 1\nflows:\n  a: {file: whatsapp_flows/a.json}\n")
    monkeypatch.setattr(files.os, "access", lambda *_args: False)
    _, problems = load_with_problems(path)
    message = "Cannot read 'whatsapp_flows/a.json' (permission denied)."
    assert only(problems)[:5] == ("flows.yaml", 3, 13, "MANIFEST_FILE_UNREADABLE", message)

"""``flowops preview KEY``: the link reviewers open, never rotated unless asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowops.connect import open_environment
from flowops.manifest.model import Environment
from tests.clirun import run

DATA = Path(__file__).parent / "data" / "import"


@pytest.fixture
def imported(project: Path) -> tuple[Path, str]:
    """A scaffolded repository that imported one published flow from the emulator."""
    with open_environment(project, Environment(name="local", emulator=True)) as conn:
        raw = (DATA / "survey.json").read_bytes()
        flow_id = conn.api.create_flow("Alpha", ("SURVEY",), flow_json=raw, publish=True).id
    assert run(project, "import", "--all").exit_code == 0
    return project, flow_id


def test_preview_prints_a_stable_link_unless_asked_to_invalidate(
    imported: tuple[Path, str],
) -> None:
    root, flow_id = imported
    first = run(root, "preview", "alpha")
    assert first.exit_code == 0, first.output
    assert first.output.startswith(f"https://preview.flowops-emulator.invalid/flows/{flow_id}?")
    assert "note: made up by the local emulator; it opens nothing on WhatsApp" in first.output
    assert "business.facebook.com" not in first.output
    assert run(root, "preview", "alpha").output == first.output
    fresh = run(root, "preview", "alpha", "--invalidate")
    assert fresh.exit_code == 0 and fresh.output != first.output


def test_preview_of_a_flow_not_applied_yet_is_a_clear_error(imported: tuple[Path, str]) -> None:
    root, _ = imported
    result = run(root, "preview", "nope")
    assert result.exit_code == 1
    assert "no flow 'nope' in flows.yaml" in result.output

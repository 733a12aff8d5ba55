from __future__ import annotations

import json

from flowops.drift.model import GIT, META, UNMANAGED, DriftItem, DriftReport
from flowops.report.drift import render_json, render_markdown, render_text

ITEMS = (
    DriftItem(META, "renamed", "tour", "11", "Tour", "renamed on Meta: 'Tour' → 'A|B <x>'"),
    DriftItem(GIT, "not_applied", "new", "", "New", "in flows.yaml but never applied"),
    DriftItem(UNMANAGED, "unmanaged", "", "99", "Legacy", "PUBLISHED; not in flows.yaml"),
)


def test_markdown_escapes_table_cells_and_groups_by_side() -> None:
    text = render_markdown(DriftReport("production", ITEMS))
    assert text.startswith("### flowops drift · `production`\n")
    assert "| tour (flow 11) | renamed | renamed on Meta: 'Tour' → 'A\\|B &lt;x&gt;' |" in text
    assert text.index("#### Changed on Meta") < text.index("#### Not applied yet")
    assert text.index("#### Not applied yet") < text.index("#### On Meta but not managed")


def test_text_headline_counts_each_side() -> None:
    text = render_text(DriftReport("production", ITEMS))
    assert text.splitlines()[0] == (
        "Drift in production: 1 change(s) on Meta outside flowops, "
        "1 change(s) in git not applied yet. 1 unmanaged flow(s) on Meta."
    )
    assert "  → The next `flowops apply` puts git's version back (git wins)." in text


def test_json_is_machine_readable_and_unmanaged_alone_is_not_drift() -> None:
    data = json.loads(render_json(DriftReport("p", ITEMS[2:])))
    assert data == {
        "env": "p",
        "drift": False,
        "items": [
            {
                "side": "unmanaged",
                "kind": "unmanaged",
                "key": "",
                "flow_id": "99",
                "name": "Legacy",
                "detail": "PUBLISHED; not in flows.yaml",
            }
        ],
    }

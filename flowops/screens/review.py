"""The before/after review page: each changed screen side by side, the changes highlighted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flowops.screens.examples import find
from flowops.screens.marks import other_changes, screen_marks
from flowops.screens.markup import esc
from flowops.screens.page import document, phone, sheet

CSS = """
.review{padding:16px 24px}.review h1{font-size:20px;margin:0 0 4px}
.change{margin:24px 0;padding:16px;border:1px solid var(--line);border-radius:12px;
background:var(--sheet)}.change h2{font-size:17px;margin:0 0 4px}
.kind{font-size:12px;font-weight:600;padding:2px 8px;border-radius:10px;margin-left:8px;
background:var(--chip);color:var(--accent)}.kind-removed{color:var(--del)}
.change .note{margin:0;color:var(--muted);font-size:13px}
.change .phones{padding:12px 0 0}.after .phone{box-shadow:0 0 0 4px var(--add)}
.before .phone{opacity:.92}.absent{width:360px;height:740px;display:flex;align-items:center;
justify-content:center;border:2px dashed var(--line);border-radius:28px;color:var(--muted)}
.review .phone{height:auto;min-height:740px}.review .content{overflow:visible;flex:1 0 auto}
.legend{font-size:13px;color:var(--muted)}.legend b{color:var(--add)}.legend i{color:var(--del);
font-style:normal;font-weight:700}
"""
LEGEND = (
    '<p class="legend">Green outline: <b>added or changed</b> in this change; '
    "red outline: <i>removed or replaced</i>. Example values stand in for data.</p>"
)


@dataclass(frozen=True)
class ScreenChange:
    flow: str
    screen: str
    kind: str  # "added" | "removed" | "changed"
    before: Any  # the Flow JSON documents (None when not known)
    after: Any
    note: str = ""


def section(change: ScreenChange) -> str:
    """One changed screen: heading, notes, and the two phones."""
    old = find(change.before, change.screen) if change.before is not None else None
    new = find(change.after, change.screen) if change.after is not None else None
    gone, came = screen_marks(old, new)
    left = _side(change.before, old, gone, "Before", "not in the flow before")
    right = _side(change.after, new, came, "After", "removed by this change")
    notes = [change.note] if change.note else []
    extra = other_changes(old, new)
    if extra:
        notes.append("also changed (not drawn): " + ", ".join(extra))
    note = "".join(f'<p class="note">{esc(n)}</p>' for n in notes)
    head = f"{esc(change.flow)} · {esc(change.screen)}"
    kind = f'<span class="kind kind-{esc(change.kind)}">{esc(change.kind)}</span>'
    return (
        f'<section class="change" id="{esc(change.flow)}-{esc(change.screen)}">'
        f'<h2>{head}{kind}</h2>{note}<div class="phones">{left}{right}</div></section>'
    )


def _side(doc: Any, screen: Any, marks: dict[int, str], label: str, missing: str) -> str:
    css = label.lower()
    if screen is None:
        absent = f'<div class="absent">{esc(missing)}</div>'
        return f'<figure class="shot {css}"><p class="caption">{label}</p>{absent}</figure>'
    return f'<div class="{css}">{phone(sheet(doc, screen, marks=marks), label)}</div>'


def review_page(title: str, changes: list[ScreenChange], *, theme: str = "light") -> str:
    body = "".join(section(c) for c in changes) or '<p class="note">No screen changes.</p>'
    head = f"<h1>{esc(title)}</h1>{LEGEND}"
    return document(title, f'<div class="review">{head}{body}</div>', theme=theme, extra_css=CSS)


def screen_review_page(change: ScreenChange, *, theme: str = "light") -> str:
    """One screen's before/after alone: the page each PNG is taken of."""
    title = f"{change.flow} · {change.screen}"
    return document(
        title, f'<div class="review">{section(change)}</div>', theme=theme, extra_css=CSS
    )

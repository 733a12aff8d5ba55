"""The markdown subset of RichText (and of TextBody/TextCaption with ``markdown: true``).

Headings (``#``, ``##``), **bold**, *italic*, ~~strike~~, bulleted and numbered lists,
[links](https://…), base64 images and tables. The text is escaped first; only these
constructs become markup, so nothing from the Flow JSON reaches the page as HTML.
"""

from __future__ import annotations

import re

from flowops.screens.markup import esc
from flowops.screens.media import data_uri

INLINE = (
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)\*(?!\w)"), r"<em>\1</em>"),
    (re.compile(r"(?<!\w)_(?!\s)(.+?)_(?!\w)"), r"<em>\1</em>"),
    (re.compile(r"~~(.+?)~~"), r"<s>\1</s>"),
)
LINK = re.compile(r"\[([^\]]*)\]\((https?://[^\s)]+)\)")
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^\s)]+)\)")
LIST_ITEM = re.compile(r"^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$")


def inline(text: str) -> str:
    """One line: escaped, then the inline markup of the subset."""
    out = IMAGE.sub(_image, esc(text))
    out = LINK.sub(r'<a href="\2" rel="noreferrer noopener" target="_blank">\1</a>', out)
    for pattern, repl in INLINE:
        out = pattern.sub(repl, out)
    return out


def _image(match: re.Match[str]) -> str:
    src = data_uri(match.group(2).replace("&amp;", "&"))
    return f'<img class="md-img" alt="{match.group(1)}" src="{esc(src)}">' if src else ""


def render(text: str) -> str:
    """Block structure (headings, lists, tables, paragraphs) over ``inline``."""
    blocks: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        i = _block(lines, i, blocks)
    return "".join(blocks)


def _block(lines: list[str], i: int, out: list[str]) -> int:
    line = lines[i]
    heading = re.match(r"^(#{1,2})\s+(.*)$", line)
    if heading:
        level = len(heading.group(1))
        out.append(f'<p class="md-h{level}">{inline(heading.group(2))}</p>')
        return i + 1
    if LIST_ITEM.match(line):
        return _list(lines, i, out)
    if line.lstrip().startswith("|"):
        return _table(lines, i, out)
    if line.strip():
        out.append(f"<p>{inline(line)}</p>")
    return i + 1


def _list(lines: list[str], i: int, out: list[str]) -> int:
    ordered = bool(LIST_ITEM.match(lines[i]).group(2))  # type: ignore[union-attr]
    items = []
    while (
        i < len(lines) and (match := LIST_ITEM.match(lines[i])) and bool(match.group(2)) == ordered
    ):
        items.append(f"<li>{inline(match.group(3))}</li>")
        i += 1
    name = "ol" if ordered else "ul"
    out.append(f"<{name}>{''.join(items)}</{name}>")
    return i


def _table(lines: list[str], i: int, out: list[str]) -> int:
    rows: list[str] = []
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
        if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
            cell = "th" if not rows else "td"
            rows.append("<tr>" + "".join(f"<{cell}>{inline(c)}</{cell}>" for c in cells) + "</tr>")
        i += 1
    out.append(f'<table class="md-table">{"".join(rows)}</table>')
    return i

"""``flowops plan`` output: the plan dict as text, markdown (a PR comment) or JSON."""

from __future__ import annotations

from flowops.report.plan_json import render_json
from flowops.report.plan_markdown import render_markdown
from flowops.report.plan_text import render_text
from flowops.report.result import Reporter, Result


def _markdown(result: Result) -> str:
    """With ``extras["diagrams"]`` (per flow key: Mermaid, preview link), as in pull requests."""
    return render_markdown(result.value, extras=result.extras.get("diagrams"))


REPORTERS: dict[str, Reporter] = {
    "json": lambda result: render_json(result.value),
    "markdown": _markdown,
    "text": lambda result: render_text(result.value, color=result.color),
}

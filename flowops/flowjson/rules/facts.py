"""What one pass over a screen collects for the rules (plain records, no logic)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flowops.flowjson.findings import Finding
from flowops.flowjson.rules.expressions import Expr

INPUT_TYPES = frozenset(
    {
        "TextInput",
        "TextArea",
        "CheckboxGroup",
        "RadioButtonsGroup",
        "Dropdown",
        "DatePicker",
        "CalendarPicker",
        "OptIn",
        "PhotoPicker",
        "DocumentPicker",
        "ChipsSelector",
    }
)


@dataclass(slots=True)
class Comp:
    pointer: str
    node: dict[str, Any]
    ctype: str
    in_form: bool
    in_branch: bool


@dataclass(slots=True)
class Ref:
    pointer: str
    text: str
    ctype: str  # owning component type ("screen" for the title)
    prop: str  # top-level property of the owner the string sits under
    in_form: bool
    exprs: tuple[Expr, ...]  # the `${…}` references in `text`, parsed once


@dataclass(slots=True)
class Act:
    pointer: str
    action: dict[str, Any]
    ctype: str
    in_form: bool


@dataclass(slots=True)
class ScreenFacts:
    index: int
    pointer: str
    screen: dict[str, Any]
    sid: str | None
    terminal: bool
    data: dict[str, Any]
    comps: list[Comp] = field(default_factory=list)
    names: dict[str, list[Comp]] = field(default_factory=dict)
    refs: list[Ref] = field(default_factory=list)
    actions: list[Act] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)  # If/Switch structure
    has_form: bool = False


@dataclass(slots=True)
class Context:
    doc: dict[str, Any]
    version: tuple[int, int]
    screens: list[ScreenFacts]
    by_id: dict[str, ScreenFacts]
    endpoint: bool  # data_api_version is set: the flow talks to an endpoint
    pickers: bool  # some screen has a PhotoPicker or DocumentPicker


def navigate_target(action: dict[str, Any]) -> str | None:
    """The screen id a navigate action goes to, or None for other actions."""
    if action.get("name") != "navigate":
        return None
    nxt = action.get("next")
    name = nxt.get("name") if isinstance(nxt, dict) else None
    return name if isinstance(name, str) else None

"""A flow's screens and the example values (``__example__``) that stand in for real data."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flowops.screens.refs import Scope


def screens(doc: Any) -> list[Mapping[str, Any]]:
    found = doc.get("screens") if isinstance(doc, Mapping) else None
    return [s for s in found if isinstance(s, Mapping)] if isinstance(found, list) else []


def screen_ids(doc: Any) -> list[str]:
    return [str(s.get("id")) for s in screens(doc) if isinstance(s.get("id"), str)]


def find(doc: Any, screen_id: str) -> Mapping[str, Any] | None:
    return next((s for s in screens(doc) if s.get("id") == screen_id), None)


def example_data(screen: Mapping[str, Any]) -> dict[str, Any]:
    model = screen.get("data")
    if not isinstance(model, Mapping):
        return {}
    return {
        str(k): v["__example__"]
        for k, v in model.items()
        if isinstance(v, Mapping) and "__example__" in v
    }


def entry_screen(doc: Any) -> str | None:
    """The first screen (Meta's default when a message names none)."""
    ids = screen_ids(doc)
    return ids[0] if ids else None


def scope_for(
    doc: Any,
    screen: Mapping[str, Any],
    data: Mapping[str, Any] | None = None,
    forms: Mapping[str, Mapping[str, Any]] | None = None,
) -> Scope:
    """What a screen sees: its data (examples, overridden by ``data``) and every screen's form."""
    forms = forms or {}
    others = {
        str(s.get("id")): {"data": example_data(s), "form": dict(forms.get(str(s.get("id")), {}))}
        for s in screens(doc)
    }
    here = str(screen.get("id"))
    mine = {**example_data(screen), **(data or {})}
    others[here] = {"data": mine, "form": dict(forms.get(here, {}))}
    return Scope(data=mine, form=dict(forms.get(here, {})), screens=others)

"""Choices: Dropdown, RadioButtonsGroup, CheckboxGroup, ChipsSelector and OptIn."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from flowops.screens.context import Ctx
from flowops.screens.fields import field, note_missing, required
from flowops.screens.markup import action_attr, attrs, esc
from flowops.screens.media import data_uri
from flowops.screens.refs import as_text

MAX_OPTIONS = 200  # Meta's largest list (Dropdown); more is not drawn


def options(comp: Mapping[str, Any], ctx: Ctx) -> list[Mapping[str, Any]]:
    found = ctx.value(comp, "data-source", [])
    items = found if isinstance(found, list) else []
    return [i for i in items[:MAX_OPTIONS] if isinstance(i, Mapping)]


def _chosen(comp: Mapping[str, Any], ctx: Ctx) -> set[str]:
    value = ctx.current(comp)
    values = value if isinstance(value, list) else [value]
    return {as_text(v) for v in values if v not in (None, "")}


def _pick(comp: Mapping[str, Any], ctx: Ctx) -> tuple[set[str], str]:
    """The chosen ids (noted as missing when required and none) and the field's name."""
    chosen = _chosen(comp, ctx)
    note_missing(comp, ctx, "x" if chosen else "")
    return chosen, str(comp.get("name", ""))


def _events(comp: Mapping[str, Any]) -> dict[str, str | None]:
    return {
        "data_on_select": action_attr(comp.get("on-select-action")),
        "data_on_unselect": action_attr(comp.get("on-unselect-action")),
    }


def dropdown(comp: Mapping[str, Any], ctx: Ctx) -> str:
    chosen, name = _pick(comp, ctx)
    items = "".join(
        f"<option{attrs(value=as_text(i.get('id')), selected=as_text(i.get('id')) in chosen)}"
        f"{attrs(disabled=i.get('enabled') is False)}>{esc(as_text(i.get('title')))}</option>"
        for i in options(comp, ctx)
    )
    blank = "" if chosen else '<option value="" selected></option>'
    control = (
        f"<select{attrs(id=f'f-{name}', name=name, data_empty=not chosen, **_events(comp))}"
        f"{attrs(disabled=ctx.value(comp, 'enabled') is False)}>{blank}{items}</select>"
        '<span class="chevron" aria-hidden="true"></span>'
    )
    return field(comp, ctx, control)


def _item(item: Mapping[str, Any], name: str, kind: str, chosen: set[str]) -> str:
    ident = as_text(item.get("id"))
    image = data_uri(item.get("image"))
    picture = (
        f'<img class="opt-img" alt="{esc(item.get("alt-text"))}" src="{image}">' if image else ""
    )
    lines = "".join(
        f'<span class="opt-{key}">{esc(as_text(item.get(key)))}</span>'
        for key in ("title", "description", "metadata")
        if item.get(key) not in (None, "")
    )
    control = "<input" + attrs(
        type=kind,
        name=name,
        value=ident,
        checked=ident in chosen,
        disabled=item.get("enabled") is False,
    )
    return f'<label class="opt">{picture}<span class="opt-text">{lines}</span>{control}></label>'


def _group(kind: str) -> Callable[[Mapping[str, Any], Ctx], str]:
    def render(comp: Mapping[str, Any], ctx: Ctx) -> str:
        chosen, name = _pick(comp, ctx)
        rows = "".join(_item(i, name, kind, chosen) for i in options(comp, ctx))
        return _fieldset(comp, ctx, "group", f'<div class="opts">{rows}</div>')

    return render


def _fieldset(comp: Mapping[str, Any], ctx: Ctx, css: str, body: str) -> str:
    name = str(comp.get("name", ""))
    label, desc = ctx.text(comp, "label"), ctx.text(comp, "description")
    error = ctx.text(comp, "error-message") or as_text(ctx.errors.get(name))
    data = attrs(data_field=name, data_required=required(comp, ctx), **_events(comp))
    return (
        f'<fieldset class="{css}"{data}>'
        + (f'<legend class="group-label">{esc(label)}</legend>' if label else "")
        + (f'<p class="group-desc">{esc(desc)}</p>' if desc else "")
        + body
        + f'<p class="error"{attrs(hidden=not error)}>{esc(error)}</p></fieldset>'
    )


def chips(comp: Mapping[str, Any], ctx: Ctx) -> str:
    chosen, name = _pick(comp, ctx)
    body = "".join(
        f'<label class="chip"><input{attrs(type="checkbox", name=name, value=as_text(i.get("id")))}'
        f"{attrs(checked=as_text(i.get('id')) in chosen)}><span>{esc(as_text(i.get('title')))}"
        "</span></label>"
        for i in options(comp, ctx)
    )
    return _fieldset(comp, ctx, "group chips", f'<div class="chip-row">{body}</div>')


def opt_in(comp: Mapping[str, Any], ctx: Ctx) -> str:
    checked = ctx.current(comp) is True
    note_missing(comp, ctx, checked)
    name = str(comp.get("name", ""))
    action = action_attr(comp.get("on-click-action"))
    more = f' <button type="button" class="link"{attrs(data_action=action)}>Read more</button>'
    return (
        f'<div class="optin"{attrs(data_field=name, data_required=required(comp, ctx))}>'
        f"<label><input{attrs(type='checkbox', name=name, checked=checked, **_events(comp))}>"
        f"<span>{esc(ctx.text(comp, 'label'))}</span></label>{more if action else ''}</div>"
    )


RENDERERS = {
    "Dropdown": dropdown,
    "RadioButtonsGroup": _group("radio"),
    "CheckboxGroup": _group("checkbox"),
    "ChipsSelector": chips,
    "OptIn": opt_in,
}

"""Typed fields: TextInput, TextArea, DatePicker and CalendarPicker."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from flowops.screens.context import Ctx
from flowops.screens.markup import attrs, esc
from flowops.screens.refs import as_text

INPUT_TYPES = {
    "number": ("number", "decimal"),
    "email": ("email", "email"),
    "password": ("password", None),
    "passcode": ("password", "numeric"),
    "phone": ("tel", "tel"),
}
DEFAULT_MAX_CHARS = 80
DEFAULT_MAX_LENGTH = 600


def required(comp: Mapping[str, Any], ctx: Ctx) -> bool:
    return ctx.value(comp, "required") is True


def note_missing(comp: Mapping[str, Any], ctx: Ctx, value: Any) -> None:
    if required(comp, ctx) and value in (None, "", [], False):
        ctx.missing.append(str(comp.get("name", "")))


def field(comp: Mapping[str, Any], ctx: Ctx, control: str, label: str = "") -> str:
    """The outlined box with a floating label, helper text and error line."""
    name = str(comp.get("name", ""))
    label = label or ctx.text(comp, "label")
    large = " large" if comp.get("label-variant") == "large" else ""
    error = ctx.text(comp, "error-message") or as_text(ctx.errors.get(name))
    return (
        f'<div class="field{large}"{attrs(data_field=name, data_required=required(comp, ctx))}>'
        f'<div class="box">{control}<label class="float" for="f-{esc(name)}">{esc(label)}</label>'
        "</div>"
        + _helper(ctx.text(comp, "helper-text"))
        + f'<p class="error"{attrs(hidden=not error)}>{esc(error)}</p></div>'
    )


def _helper(text: str) -> str:
    return f'<p class="helper">{esc(text)}</p>' if text else ""


def text_input(comp: Mapping[str, Any], ctx: Ctx) -> str:
    value = ctx.current(comp)
    note_missing(comp, ctx, value)
    kind, mode = INPUT_TYPES.get(str(comp.get("input-type")), ("text", None))
    name = str(comp.get("name", ""))
    control = (
        "<input"
        + attrs(
            id=f"f-{name}",
            name=name,
            type=kind,
            inputmode=mode,
            placeholder=" ",
            value=as_text(value) or None,
            maxlength=_int(ctx.value(comp, "max-chars"), DEFAULT_MAX_CHARS),
            data_min=_int(ctx.value(comp, "min-chars")),
            data_pattern=ctx.value(comp, "pattern"),
            data_kind=comp.get("input-type", "text"),
            disabled=ctx.value(comp, "enabled") is False,
        )
        + ">"
    )
    return field(comp, ctx, control)


def text_area(comp: Mapping[str, Any], ctx: Ctx) -> str:
    value = as_text(ctx.current(comp))
    note_missing(comp, ctx, value)
    name = str(comp.get("name", ""))
    limit = _int(ctx.value(comp, "max-length"), DEFAULT_MAX_LENGTH)
    control = (
        "<textarea"
        + attrs(id=f"f-{name}", name=name, placeholder=" ", maxlength=limit, rows=3)
        + attrs(disabled=ctx.value(comp, "enabled") is False)
        + f">{esc(value)}</textarea>"
        + f'<span class="count">{len(value)}/{limit}</span>'
    )
    return field(comp, ctx, control)


def date_picker(comp: Mapping[str, Any], ctx: Ctx) -> str:
    value = _date(ctx.current(comp))
    note_missing(comp, ctx, value)
    return field(comp, ctx, _date_input(comp, ctx, str(comp.get("name", "")), value))


def _date_input(comp: Mapping[str, Any], ctx: Ctx, name: str, value: str) -> str:
    return (
        "<input"
        + attrs(
            id=f"f-{name}",
            name=name,
            type="date",
            placeholder=" ",
            value=value or None,
            min=_date(ctx.value(comp, "min-date")) or None,
            max=_date(ctx.value(comp, "max-date")) or None,
            data_empty=not value,
            disabled=ctx.value(comp, "enabled") is False,
        )
        + ">"
    )


def calendar_picker(comp: Mapping[str, Any], ctx: Ctx) -> str:
    if comp.get("mode") != "range":
        return date_picker(comp, ctx)
    name = str(comp.get("name", ""))
    value = ctx.current(comp)
    value = value if isinstance(value, Mapping) else {}
    note_missing(comp, ctx, value.get("start-date"))
    label = ctx.value(comp, "label")
    labels = label if isinstance(label, Mapping) else {"start-date": label, "end-date": ""}
    parts = [
        field(
            {**comp, "name": f"{name}.{key}", "helper-text": None, "error-message": None},
            ctx,
            _date_input(comp, ctx, f"{name}.{key}", _date(value.get(key))),
            as_text(labels.get(key)),
        )
        for key in ("start-date", "end-date")
    ]
    head = _range_head(comp, ctx)
    return f'<div class="range"{attrs(data_range=name)}>{head}{"".join(parts)}</div>'


def _range_head(comp: Mapping[str, Any], ctx: Ctx) -> str:
    title, desc = ctx.text(comp, "title"), ctx.text(comp, "description")
    out = f'<p class="group-label">{esc(title)}</p>' if title else ""
    return out + (f'<p class="group-desc">{esc(desc)}</p>' if desc else "")


def _date(value: Any) -> str:
    """ "YYYY-MM-DD" (5.0+), or a millisecond timestamp string (before 5.0)."""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return value
    try:
        stamp = int(str(value)) / 1000
        return datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc).date().isoformat()
    except (ValueError, OverflowError, OSError):
        return ""


def _int(value: Any, default: int | None = None) -> int | None:
    if isinstance(value, bool):
        return default
    if isinstance(value, (int, float)):
        return int(value)
    return default


RENDERERS = {
    "TextInput": text_input,
    "TextArea": text_area,
    "DatePicker": date_picker,
    "CalendarPicker": calendar_picker,
}

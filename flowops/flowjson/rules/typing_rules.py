"""Type of a bound data field vs what the component property accepts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flowops.flowjson.catalog_items import ITEMS
from flowops.flowjson.findings import Finding
from flowops.flowjson.rules.data_model import TYPES
from flowops.flowjson.rules.facts import Ref

_TEXT = ("string", "array")  # markdown text may be a list of lines
_BY_PROP: dict[str, tuple[str, ...]] = {
    "visible": ("boolean",),
    "required": ("boolean",),
    "enabled": ("boolean",),
    "data-source": ("array",),
    "list-items": ("array",),
    "images": ("array",),
    "error-message": ("string", "object"),
    "label": ("string",),
}
_BY_COMPONENT: dict[tuple[str, str], tuple[str, ...]] = {
    ("TextHeading", "text"): ("string",),
    ("TextSubheading", "text"): ("string",),
    ("TextBody", "text"): _TEXT,
    ("TextCaption", "text"): _TEXT,
    ("RichText", "text"): _TEXT,
}
SELECTION = frozenset({"CheckboxGroup", "RadioButtonsGroup", "Dropdown", "ChipsSelector"})
_ITEM_KEYS = ("id", "title")
_FREE_SHAPE = frozenset({"CalendarPicker"})  # range mode takes objects for label etc.


def may_bind(ctype: str, prop: str) -> bool:
    """Whether ``check_binding`` can find anything for this component property at all."""
    return prop in _BY_PROP or (ctype, prop) in _BY_COMPONENT


def binding_fits(ctype: str, prop: str, schema: dict[str, Any]) -> bool:
    """``check_binding`` finds nothing here wherever the reference sits (no pointer needed)."""
    expected = _BY_COMPONENT.get((ctype, prop)) or _BY_PROP.get(prop)
    if expected is None:
        return True
    shaped = (prop == "data-source" and ctype in SELECTION) or prop == "list-items"
    return schema.get("type") in expected and not shaped


def check_binding(ref: Ref, expr: str, schema: dict[str, Any]) -> list[Finding]:
    if ref.ctype in _FREE_SHAPE or not ref.pointer.endswith("/" + ref.prop):
        return []
    expected = _BY_COMPONENT.get((ref.ctype, ref.prop)) or _BY_PROP.get(ref.prop)
    declared = schema.get("type")
    if expected and isinstance(declared, str) and declared in TYPES and declared not in expected:
        kinds = " or ".join(expected)
        message = (
            f"Expected '${{{expr}}}' to be of type {kinds} for {ref.ctype} '{ref.prop}' "
            f"but the data model declares {declared}; bind a field of the right type."
        )
        return [Finding(ref.pointer, "INVALID_SCREEN_DYNAMIC_DATA", message)]
    if ref.prop == "data-source" and ref.ctype in SELECTION:
        return list(_items(ref, expr, schema))
    if ref.prop == "list-items" and ref.ctype == "NavigationList":
        return list(_list_items(ref, expr, schema))
    return []


def _items(ref: Ref, expr: str, schema: dict[str, Any]) -> Iterator[Finding]:
    items = schema.get("items")
    props = items.get("properties") if isinstance(items, dict) else None
    if not isinstance(props, dict):
        return
    for key in _ITEM_KEYS:
        if key not in props:
            yield Finding(
                ref.pointer,
                "INVALID_SCREEN_DYNAMIC_DATA",
                f"Data model schema is invalid for '${{{expr}}}': its items need a '{key}' "
                "property; declare it under items.properties.",
            )


def _required(kind: str) -> list[str]:
    return [key for key, prop in ITEMS[kind].items() if prop.required_since is not None]


_LIST_ITEM = _required("list_item")  # id, main-content
_MAIN = _required("list_item_main")  # title


def _list_items(ref: Ref, expr: str, schema: dict[str, Any]) -> Iterator[Finding]:
    """A dynamic NavigationList: items need ``id`` and ``main-content.title``, in the
    schema and in every ``__example__`` item."""
    items = schema.get("items")
    props = items.get("properties") if isinstance(items, dict) else None
    if isinstance(props, dict):
        missing = [key for key in _LIST_ITEM if key not in props]
        main = props.get("main-content")
        main_props = main.get("properties") if isinstance(main, dict) else None
        if isinstance(main_props, dict):
            missing += [f"main-content.{key}" for key in _MAIN if key not in main_props]
        for key in missing:
            yield _shape(
                ref, expr, f"its items need a '{key}' property; declare it in the items schema"
            )
    example = schema.get("__example__")
    for i, item in enumerate(example if isinstance(example, list) else ()):
        problem = _example_item_problem(item)
        if problem:
            yield _shape(ref, expr, f"__example__ item {i} {problem}")
            return


def _example_item_problem(item: object) -> str:
    if not isinstance(item, dict):
        return "is not an object with 'id' and 'main-content'"
    for key in _LIST_ITEM:
        if key not in item:
            return f"has no '{key}'; list items need " + " and ".join(_LIST_ITEM)
    main = item["main-content"]
    if not isinstance(main, dict) or any(key not in main for key in _MAIN):
        return "needs 'main-content' to be an object with a 'title'"
    return ""


def _shape(ref: Ref, expr: str, problem: str) -> Finding:
    message = (
        f"NavigationList items bound to '${{{expr}}}' do not have the list item shape: {problem}."
    )
    return Finding(ref.pointer, "INVALID_SCREEN_DYNAMIC_DATA", message)

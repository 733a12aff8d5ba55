"""What each Flow JSON version allows: components, their properties, limits and actions.

``scripts/build-schemas`` turns this table into ``schemas/flowjson/<version>.json``; the
error messages use it too (did-you-mean, "needs Flow JSON 6.3 or later"). Where Meta's
pages and the SDKs disagree on a limit, the larger one is used: a false error on a
document Meta accepts is worse than a missed one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flowops.flowjson.findings import Version

BASE: Version = (2, 1)


@dataclass(frozen=True)
class Prop:
    """One component property. ``kind`` picks the schema shape (see ``schema.py``)."""

    kind: str
    since: Version = BASE
    max_chars: int | None = None
    enum: tuple[str, ...] = ()
    actions: tuple[tuple[str, Version], ...] = ()
    required_since: Version | None = None


@dataclass(frozen=True)
class Component:
    name: str
    since: Version
    props: dict[str, Prop] = field(default_factory=dict)

    def props_at(self, version: Version) -> dict[str, Prop]:
        return {k: p for k, p in self.props.items() if version >= p.since}

    def required_at(self, version: Version) -> list[str]:
        return [
            k
            for k, p in self.props_at(version).items()
            if p.required_since is not None and version >= p.required_since
        ]


REQ = BASE
NAV: tuple[str, Version] = ("navigate", BASE)
EXCHANGE: tuple[str, Version] = ("data_exchange", BASE)
COMPLETE: tuple[str, Version] = ("complete", BASE)
UPDATE: tuple[str, Version] = ("update_data", (6, 0))
OPEN_URL: tuple[str, Version] = ("open_url", (6, 0))

ACTION_NAMES = ("navigate", "complete", "data_exchange", "update_data", "open_url")

VISIBLE = Prop("bool")
ENABLED = Prop("bool")
REQUIRED = Prop("bool")
INIT_VALUE = Prop("any", since=(4, 0))
ERROR_MESSAGE = Prop("text", since=(4, 0))
LABEL_VARIANT = Prop("enum", since=(7, 0), enum=("large",))
SELECT_ACTION = Prop("action", actions=(EXCHANGE, UPDATE))
UNSELECT_ACTION = Prop("action", since=(6, 0), actions=(UPDATE,))
MEDIA_SIZE = Prop("enum", since=(5, 0), enum=("regular", "large"))
FONT_WEIGHT = Prop("enum", enum=("bold", "italic", "bold_italic", "normal"))


def _text_component(name: str, limit: int, extra: dict[str, Prop], kind: str = "text") -> Component:
    props = {"text": Prop(kind, max_chars=limit, required_since=REQ), "visible": VISIBLE}
    return Component(name, BASE, {**props, **extra})


_STYLED = {
    "font-weight": FONT_WEIGHT,
    "strikethrough": Prop("bool"),
    "markdown": Prop("bool", since=(5, 1)),
}

_SELECTION = {
    "name": Prop("name", required_since=REQ),
    "data-source": Prop("data_source", required_since=REQ),
    "label": Prop("text", max_chars=30, required_since=(4, 0)),
    "description": Prop("text", since=(4, 0), max_chars=300),
    "required": REQUIRED,
    "visible": VISIBLE,
    "enabled": ENABLED,
    "init-value": INIT_VALUE,
    "error-message": ERROR_MESSAGE,
    "on-select-action": SELECT_ACTION,
    "on-unselect-action": UNSELECT_ACTION,
    "media-size": MEDIA_SIZE,
}

_DATE_COMMON = {
    "name": Prop("name", required_since=REQ),
    "label": Prop("text", max_chars=40, required_since=REQ),
    "helper-text": Prop("text", max_chars=80),
    "required": REQUIRED,
    "visible": VISIBLE,
    "enabled": ENABLED,
    "min-date": Prop("string"),
    "max-date": Prop("string"),
    "unavailable-dates": Prop("array"),
    "init-value": Prop("any"),
    "error-message": Prop("text", max_chars=80),
    "on-select-action": Prop("action", actions=(EXCHANGE, UPDATE)),
}

_PICKER_COMMON = {
    "name": Prop("name", required_since=REQ),
    "label": Prop("text", max_chars=80, required_since=REQ),
    "description": Prop("text", max_chars=300),
    "max-file-size-kb": Prop("number"),
    "enabled": ENABLED,
    "visible": VISIBLE,
    "error-message": Prop("text"),
}  # no `required`: min-uploaded-photos / min-uploaded-documents > 0 makes a picker required

COMPONENTS: tuple[Component, ...] = (
    _text_component("TextHeading", 80, {}),
    _text_component("TextSubheading", 80, {}),
    _text_component("TextBody", 4096, _STYLED, "styled_text"),
    _text_component("TextCaption", 4096, _STYLED, "styled_text"),
    Component(
        "RichText", (5, 1), {"text": Prop("rich_text", required_since=REQ), "visible": VISIBLE}
    ),
    Component(
        "TextInput",
        BASE,
        {
            "name": Prop("name", required_since=REQ),
            "label": Prop("text", max_chars=20, required_since=REQ),
            "input-type": Prop(
                "enum", enum=("text", "number", "email", "password", "passcode", "phone")
            ),
            "pattern": Prop("string", since=(6, 2)),
            "required": REQUIRED,
            "min-chars": Prop("number"),
            "max-chars": Prop("number"),
            "helper-text": Prop("text", max_chars=80),
            "enabled": ENABLED,
            "visible": VISIBLE,
            "init-value": INIT_VALUE,
            "error-message": Prop("text", since=(4, 0), max_chars=30),
            "label-variant": LABEL_VARIANT,
        },
    ),
    Component(
        "TextArea",
        BASE,
        {
            "name": Prop("name", required_since=REQ),
            "label": Prop("text", max_chars=20, required_since=REQ),
            "required": REQUIRED,
            "max-length": Prop("number"),
            "helper-text": Prop("text", max_chars=80),
            "enabled": ENABLED,
            "visible": VISIBLE,
            "init-value": INIT_VALUE,
            "error-message": ERROR_MESSAGE,
            "label-variant": LABEL_VARIANT,
        },
    ),
    Component(
        "CheckboxGroup",
        BASE,
        {
            **_SELECTION,
            "min-selected-items": Prop("number"),
            "max-selected-items": Prop("number"),
        },
    ),
    Component("RadioButtonsGroup", BASE, _SELECTION),
    Component(
        "Dropdown",
        BASE,
        {k: p for k, p in _SELECTION.items() if k != "description"},
    ),
    Component(
        "ChipsSelector",
        (6, 3),
        {
            **_SELECTION,
            "label": Prop("text", max_chars=80, required_since=REQ),
            "min-selected-items": Prop("number"),
            "max-selected-items": Prop("number"),
            "on-select-action": Prop("action", since=(7, 1), actions=(EXCHANGE, UPDATE)),
            "on-unselect-action": Prop("action", since=(7, 1), actions=(UPDATE,)),
        },
    ),
    Component(
        "Footer",
        BASE,
        {
            "label": Prop("text", max_chars=35, required_since=REQ),
            "on-click-action": Prop(
                "action", actions=(NAV, EXCHANGE, COMPLETE), required_since=REQ
            ),
            "left-caption": Prop("text", max_chars=15),
            "center-caption": Prop("text", max_chars=15),
            "right-caption": Prop("text", max_chars=15),
            "enabled": ENABLED,
        },
    ),
    Component(
        "OptIn",
        BASE,
        {
            "name": Prop("name", required_since=REQ),
            "label": Prop("text", max_chars=120, required_since=REQ),
            "required": REQUIRED,
            "visible": VISIBLE,
            "init-value": INIT_VALUE,
            "on-click-action": Prop("action", actions=(NAV, EXCHANGE, OPEN_URL)),
            "on-select-action": Prop("action", since=(6, 0), actions=(UPDATE,)),
            "on-unselect-action": UNSELECT_ACTION,
        },
    ),
    Component(
        "EmbeddedLink",
        BASE,
        {
            "text": Prop("text", max_chars=35, required_since=REQ),
            "on-click-action": Prop(
                "action", actions=(NAV, EXCHANGE, OPEN_URL), required_since=REQ
            ),
            "visible": VISIBLE,
        },
    ),
    Component("DatePicker", BASE, _DATE_COMMON),
    Component(
        "CalendarPicker",
        (6, 1),
        {
            **_DATE_COMMON,
            "label": Prop("any", required_since=REQ),
            "helper-text": Prop("any"),
            "required": Prop("any"),
            "error-message": Prop("any"),
            "title": Prop("text", max_chars=80),
            "description": Prop("text", max_chars=300),
            "mode": Prop("enum", enum=("single", "range")),
            "include-days": Prop("array"),
            "min-days": Prop("number"),
            "max-days": Prop("number"),
        },
    ),
    Component(
        "Image",
        BASE,
        {
            "src": Prop("string", required_since=REQ),
            "width": Prop("number"),
            "height": Prop("number"),
            "scale-type": Prop("enum", enum=("cover", "contain")),
            "aspect-ratio": Prop("number"),
            "alt-text": Prop("text"),
            "visible": VISIBLE,
        },
    ),
    Component(
        "ImageCarousel",
        (7, 1),
        {
            "images": Prop("images", required_since=REQ),
            "aspect-ratio": Prop("enum", enum=("4:3", "16:9")),
            "scale-type": Prop("enum", enum=("cover", "contain")),
            "visible": VISIBLE,
        },
    ),
    Component(
        "NavigationList",
        (6, 2),
        {
            "name": Prop("name", required_since=REQ),
            "list-items": Prop("list_items", required_since=REQ),
            "label": Prop("text", max_chars=80),
            "description": Prop("text", max_chars=300),
            "media-size": MEDIA_SIZE,
            "on-click-action": Prop("action", actions=(NAV, EXCHANGE)),
            "visible": VISIBLE,
        },
    ),
    Component(
        "PhotoPicker",
        (4, 0),
        {
            **_PICKER_COMMON,
            "photo-source": Prop("enum", enum=("camera_gallery", "camera", "gallery")),
            "min-uploaded-photos": Prop("number"),
            "max-uploaded-photos": Prop("number"),
        },
    ),
    Component(
        "DocumentPicker",
        (4, 0),
        {
            **_PICKER_COMMON,
            "min-uploaded-documents": Prop("number"),
            "max-uploaded-documents": Prop("number"),
            "allowed-mime-types": Prop("array"),
        },
    ),
    Component(
        "Form",
        BASE,
        {
            "name": Prop("name", required_since=REQ),
            "children": Prop("components", required_since=REQ),
            "init-values": Prop("object"),
            "error-messages": Prop("object"),
        },
    ),
    Component(
        "If",
        (4, 0),
        {
            "condition": Prop("condition", required_since=REQ),
            "then": Prop("components_nonempty", required_since=REQ),
            "else": Prop("components"),
        },
    ),
    Component(
        "Switch",
        (4, 0),
        {"value": Prop("string", required_since=REQ), "cases": Prop("cases", required_since=REQ)},
    ),
)

BY_NAME: dict[str, Component] = {c.name: c for c in COMPONENTS}


def components_at(version: Version) -> list[Component]:
    return [c for c in COMPONENTS if version >= c.since]


def action_names(prop: Prop, version: Version) -> list[str]:
    return [name for name, since in prop.actions if version >= since]

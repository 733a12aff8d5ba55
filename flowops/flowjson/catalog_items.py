"""Objects inside component properties: data-source items, navigation list items, images."""

from __future__ import annotations

from flowops.flowjson.catalog import ENABLED, EXCHANGE, NAV, REQ, UPDATE, Prop

ITEMS: dict[str, dict[str, Prop]] = {
    "data_source_item": {
        "id": Prop("string", required_since=REQ),
        "title": Prop("text", max_chars=30),
        "description": Prop("text", max_chars=300),
        "metadata": Prop("text", max_chars=20),
        "enabled": ENABLED,
        "image": Prop("string", since=(5, 0)),
        "alt-text": Prop("text", since=(5, 0)),
        "color": Prop("string", since=(5, 0)),
        "on-select-action": Prop("action", since=(6, 0), actions=(UPDATE,)),
        "on-unselect-action": Prop("action", since=(6, 0), actions=(UPDATE,)),
    },
    "list_item": {
        "id": Prop("string", required_since=REQ),
        "main-content": Prop("ref", enum=("list_item_main",), required_since=REQ),
        "start": Prop("ref", enum=("list_item_start",)),
        "end": Prop("ref", enum=("list_item_end",)),
        "badge": Prop("text", max_chars=15),
        "tags": Prop("array"),
        "on-click-action": Prop("action", actions=(NAV, EXCHANGE)),
    },
    "list_item_main": {
        "title": Prop("text", max_chars=30, required_since=REQ),
        "description": Prop("text", max_chars=20),
        "metadata": Prop("text", max_chars=80),
    },
    "list_item_start": {"image": Prop("string", required_since=REQ), "alt-text": Prop("text")},
    "list_item_end": {
        "title": Prop("text", max_chars=10),
        "description": Prop("text", max_chars=10),
        "metadata": Prop("text", max_chars=10),
    },
    "carousel_image": {
        "src": Prop("string", required_since=REQ),
        "alt-text": Prop("text", required_since=REQ),  # required by the Components reference
    },
}

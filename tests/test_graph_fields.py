"""Graph's ``fields=`` syntax and the one description of the Flows API's nodes."""

from __future__ import annotations

import pytest

from flowops.emulator.fields import served_fields
from flowops.graph import fields
from flowops.graph.client import ASSET_FIELDS
from flowops.graph.fields import ASSET, FLOW, WABA
from flowops.graph.types import LIST_FIELDS


def test_emulator_serves_exactly_the_described_flow_fields() -> None:
    assert served_fields() == frozenset(FLOW.fields)


def test_client_asks_only_for_described_fields() -> None:
    assert set(LIST_FIELDS) <= set(FLOW.fields)
    assert ASSET_FIELDS.split(",") == list(ASSET.fields)


def test_nested_defaults_are_metas() -> None:
    assert FLOW.nested["whatsapp_business_account"].defaults == (
        "id",
        "name",
        "timezone_id",
        "message_template_namespace",
    )
    assert FLOW.nested["application"].defaults == ("id", "name", "link")


def test_no_fields_means_the_default_fields() -> None:
    assert list(fields.parse(None, FLOW)) == list(FLOW.defaults)
    assert list(fields.parse("", FLOW)) == list(FLOW.defaults)


def test_expansion_and_modifiers_nest() -> None:
    text = "id, preview.invalidate(false),whatsapp_business_account{id,name},metric.name(X){name}"
    selection = fields.parse(text, FLOW)
    assert list(selection) == ["id", "preview", "whatsapp_business_account", "metric"]
    assert dict(selection["preview"].modifiers) == {"invalidate": "false"}
    assert selection["preview"].sub is None
    waba = selection["whatsapp_business_account"].sub
    assert waba is not None and list(waba) == ["id", "name"]
    metric = selection["metric"]
    assert dict(metric.modifiers) == {"name": "X"} and list(metric.sub or {}) == ["name"]


def test_modifiers_may_follow_the_braces() -> None:
    selection = fields.parse("preview{preview_url}.invalidate(true)", FLOW)
    assert dict(selection["preview"].modifiers) == {"invalidate": "true"}


@pytest.mark.parametrize(
    ("text", "position"),
    [("id,", 3), ("id,,name", 3), ("preview{preview_url", 19), ("id}", 2), ("preview.", 7)],
)
def test_syntax_errors_name_the_position(text: str, position: int) -> None:
    with pytest.raises(fields.FieldSyntaxError) as exc:
        fields.parse(text, FLOW)
    assert exc.value.position == position


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,colour", "nonexisting field (colour) on node type (WhatsAppFlow)"),
        ("whatsapp_business_account{currency}", "(currency) on node type (WhatsAppBusiness"),
        ("name{id}", "nonexisting field (name{…}) on node type (WhatsAppFlow)"),
        ("preview.invaldate(true)", "Unknown modifier (invaldate) on field (preview)"),
    ],
)
def test_unknown_fields_and_modifiers_are_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        fields.parse(text, FLOW)


def test_waba_node_fields() -> None:
    assert list(fields.parse("name", WABA)) == ["name"]

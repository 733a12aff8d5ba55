"""GraphClient behaviour that recorded cassettes cannot show: requests sent, recovery, retries."""

from __future__ import annotations

import json

import pytest
import requests

from flowops.graph.errors import AuthError, FlowStateError, GraphError, TransportError
from tests.graph_fakes import TOKEN, WABA, answer, client, graph_error

OK = answer({"success": True})


def page(names: list[str], after: str | None = None) -> requests.Response:
    paging: dict[str, object] = {"cursors": {"before": "b", "after": after or "end"}}
    if after:
        paging["next"] = f"https://graph.facebook.com/v23.0/{WABA}/flows?after={after}"
    return answer(
        {"data": [{"id": f"1{n}", "name": n, "status": "DRAFT"} for n in names], "paging": paging}
    )


def test_token_goes_in_the_authorization_header_never_the_url() -> None:
    api, session = client(answer({"id": "1"}))
    api.get_flow("1")
    assert session.sent[0].headers["Authorization"] == f"Bearer {TOKEN}"
    assert TOKEN not in session.sent[0].url and TOKEN not in json.dumps(session.sent[0].query)


def test_list_follows_cursors_and_asks_only_the_given_fields() -> None:
    api, session = client(page(["a", "b"], after="C1"), page(["c"]))
    names = [flow.name for flow in api.list_flows(fields=("id", "name"), page_size=2)]
    assert names == ["a", "b", "c"]
    assert [s.query.get("after") for s in session.sent] == [None, "C1"]
    assert {s.query["fields"] for s in session.sent} == {"id,name"}
    assert session.sent[0].query["limit"] == "2"


def test_list_default_fields_never_include_preview() -> None:
    api, session = client(page(["a"]))
    list(api.list_flows())
    assert "preview" not in session.sent[0].query["fields"]


def test_list_refuses_a_cursor_that_does_not_advance() -> None:
    api, _ = client(page(["a"], after="C1"), page(["b"], after="C1"))
    with pytest.raises(TransportError, match="paging cursor"):
        list(api.list_flows())


def test_create_sends_the_flow_json_text_exactly() -> None:
    raw = b'{\n  "version": "7.3",\n  "screens": []\n}\n'
    api, session = client(answer({"id": "9", "success": True, "validation_errors": []}))
    created = api.create_flow(
        "f", ("OTHER",), flow_json=raw, publish=True, endpoint_uri="https://e"
    )
    body = session.sent[0].kwargs["json"]
    assert body == {
        "name": "f",
        "categories": ["OTHER"],
        "flow_json": raw.decode(),
        "publish": True,
        "endpoint_uri": "https://e",
    }
    assert created.id == "9" and created.success


def test_create_whose_answer_was_lost_returns_the_flow_found_by_name() -> None:
    found = answer({"data": [{"id": "77", "name": "f", "status": "DRAFT"}]})
    api, session = client(requests.ReadTimeout(), found)
    assert api.create_flow("f", ("OTHER",)).id == "77"
    assert [s.method for s in session.sent] == ["POST", "GET"]
    assert session.sent[1].query["fields"] == "id,name,status,validation_errors"


def test_create_whose_answer_was_lost_is_resent_when_no_flow_has_the_name() -> None:
    missing = answer({"data": [{"id": "5", "name": "other", "status": "DRAFT"}]})
    api, session = client(answer({}, 502), missing, answer({"id": "78"}))
    assert api.create_flow("f", ("OTHER",)).id == "78"
    assert [s.method for s in session.sent] == ["POST", "GET", "POST"]
    assert api.stats.retries_by_reason["server_error"] == 1


def test_create_resend_hitting_duplicate_name_looks_again() -> None:
    empty, found = answer({"data": []}), answer({"data": [{"id": "79", "name": "f"}]})
    api, _ = client(requests.ConnectionError(), empty, graph_error(100), found)
    assert api.create_flow("f", ("OTHER",)).id == "79"


def test_create_lost_with_publish_finishes_the_publish() -> None:
    found = answer({"data": [{"id": "80", "name": "f", "status": "DRAFT"}]})
    api, session = client(requests.ReadTimeout(), found, OK)
    api.create_flow("f", ("OTHER",), flow_json=b"{}", publish=True)
    assert session.sent[-1].path.endswith("/80/publish")


def test_create_never_sent_is_resent_without_a_lookup() -> None:
    api, session = client(requests.ConnectTimeout(), answer({"id": "81"}))
    assert api.create_flow("f", ("OTHER",)).id == "81"
    assert [s.method for s in session.sent] == ["POST", "POST"]


def test_create_rate_limited_is_resent_without_a_lookup() -> None:
    api, session = client(graph_error(80007), answer({"id": "82"}))
    assert api.create_flow("f", ("OTHER",)).id == "82"
    assert [s.method for s in session.sent] == ["POST", "POST"]


def test_duplicate_name_on_first_try_is_an_error() -> None:
    api, _ = client(graph_error(100, error_user_msg="Flow name is not unique"))
    with pytest.raises(GraphError, match="not unique"):
        api.create_flow("f", ("OTHER",))


def test_update_metadata_sends_only_given_fields() -> None:
    api, session = client(OK)
    api.update_metadata("5", endpoint_uri="https://e")
    assert session.sent[0].kwargs["json"] == {"endpoint_uri": "https://e"}


@pytest.mark.parametrize("kwargs", [{}, {"categories": ()}])
def test_update_metadata_without_a_change_is_refused_before_any_call(kwargs: dict) -> None:
    api, session = client()
    with pytest.raises(ValueError):
        api.update_metadata("5", **kwargs)
    assert session.sent == []


def test_upload_sends_exact_bytes_as_multipart() -> None:
    raw = b'{"version": "7.3",\r\n "screens": []}'
    api, session = client(answer({"success": True, "validation_errors": [{"error": "X"}]}))
    errors = api.upload_flow_json("5", raw)
    assert session.sent[0].kwargs["files"] == {"file": ("flow.json", raw, "application/json")}
    assert session.sent[0].kwargs["data"] == {"name": "flow.json", "asset_type": "FLOW_JSON"}
    assert [e.error for e in errors] == ["X"]


@pytest.mark.parametrize(
    ("url", "with_token"),
    [
        ("https://mmg.whatsapp.net/flow.json", False),
        ("https://graph.facebook.com.evil.example/flow.json", False),
        ("http://graph.facebook.com/flow.json", False),
        ("https://graph.facebook.com/v23.0/5/assets/file", True),
    ],
)
def test_download_sends_the_token_only_to_the_graph_host(url: str, with_token: bool) -> None:
    api, session = client(answer(b"{}"))
    assert api.download_asset(url) == b"{}"
    assert ("Authorization" in session.sent[0].headers) is with_token


def test_publish_resent_after_a_lost_answer_accepts_an_already_published_flow() -> None:
    api, session = client(
        requests.ReadTimeout(), graph_error(139002), answer({"status": "PUBLISHED"})
    )
    api.publish("5")
    assert session.sent[-1].query["fields"] == "id,status"


def test_publish_refused_on_first_try_is_an_error() -> None:
    api, session = client(graph_error(139002, error_user_msg="Flow is not a draft"))
    with pytest.raises(FlowStateError, match="not a draft"):
        api.publish("5")
    assert len(session.sent) == 1


def test_deprecate_twice_is_success() -> None:
    api, session = client(graph_error(139003), answer({"id": "5", "status": "DEPRECATED"}))
    api.deprecate("5")
    # The refusal is accepted only after reading the flow and finding it DEPRECATED.
    assert [(s.method, s.path) for s in session.sent] == [
        ("POST", "/v23.0/5/deprecate"),
        ("GET", "/v23.0/5"),
    ]
    assert "status" in session.sent[1].query["fields"].split(",")
    assert session.script == []


def test_deprecate_unpublished_is_an_error() -> None:
    api, _ = client(graph_error(139003), answer({"id": "5", "status": "DRAFT"}))
    with pytest.raises(FlowStateError):
        api.deprecate("5")


def test_delete_resent_after_a_lost_answer_accepts_a_missing_flow() -> None:
    api, session = client(requests.ReadTimeout(), graph_error(100))
    api.delete("5")
    # Resent once after the lost answer; "not found" then means the first one landed.
    assert [(s.method, s.path) for s in session.sent] == [("DELETE", "/v23.0/5")] * 2
    assert session.script == []


def test_delete_of_a_missing_flow_on_first_try_is_an_error() -> None:
    api, session = client(graph_error(100))
    with pytest.raises(GraphError):
        api.delete("5")
    assert len(session.sent) == 1


def test_delete_of_a_published_flow_hints_at_deprecation() -> None:
    api, _ = client(graph_error(139004))
    with pytest.raises(FlowStateError) as caught:
        api.delete("5")
    assert "deprecate" in caught.value.hint


@pytest.mark.parametrize(("invalidate", "value"), [(False, "false"), (True, "true")])
def test_preview_asks_for_invalidate_explicitly(invalidate: bool, value: str) -> None:
    api, session = client(answer({"preview": {"preview_url": "u", "expires_at": "t"}}))
    assert api.preview("5", invalidate=invalidate).preview_url == "u"
    assert session.sent[0].query["fields"] == f"preview.invalidate({value})"


def test_non_json_answer_is_a_transport_error() -> None:
    api, _ = client(answer(b"<html>proxy</html>", 200))
    with pytest.raises(TransportError, match="not JSON"):
        api.get_flow("5")


def test_auth_error_is_typed_and_not_retried() -> None:
    api, session = client(graph_error(190, 401))
    with pytest.raises(AuthError):
        api.get_flow("5")
    assert len(session.sent) == 1 and api.stats.retries == 0

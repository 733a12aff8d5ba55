"""Defensive parsing of Graph answers: every documented key is optional."""

from __future__ import annotations

from flowops.graph.errors import FlowStateError, RateLimitError, from_envelope
from flowops.graph.parse import (
    next_cursor,
    parse_created,
    parse_preview,
    parse_remote_flow,
    parse_validation_errors,
)
from flowops.graph.types import ErrorPointer, ValidationError


def test_validation_error_with_every_key() -> None:
    raw = {
        "error": "INVALID_PROPERTY_VALUE",
        "error_type": "FLOW_JSON_ERROR",
        "message": "Invalid value",
        "line_start": 8,
        "line_end": 8,
        "column_start": 19,
        "column_end": 31,
        "pointers": [{"line_start": 8, "column_start": 19, "path": "screens[0].layout"}],
    }
    (error,) = parse_validation_errors([raw])
    assert error.line_start == 8 and error.column_end == 31
    assert error.pointers == (ErrorPointer("screens[0].layout", 8, None, 19, None),)


def test_validation_errors_survive_missing_and_odd_values() -> None:
    raw = [{"message": "old style $root/screens/0"}, "junk", {"line_start": "x", "pointers": None}]
    assert parse_validation_errors(raw) == (
        ValidationError(message="old style $root/screens/0"),
        ValidationError(),
    )
    assert parse_validation_errors(None) == ()


def test_remote_flow_with_only_an_id() -> None:
    flow = parse_remote_flow({"id": "5"})
    assert (flow.id, flow.status, flow.categories, flow.json_version) == ("5", "", (), None)


def test_created_defaults_to_success() -> None:
    assert parse_created({"id": "5"}).success is True
    assert parse_created({"id": "5", "success": False}).success is False


def test_preview_without_preview_object() -> None:
    assert parse_preview({"id": "5"}).preview_url == ""


def test_next_cursor_only_when_meta_signals_more() -> None:
    assert next_cursor({"paging": {"cursors": {"after": "A"}}}) is None
    assert next_cursor({"paging": {"cursors": {"after": "A"}, "next": "https://x"}}) == "A"
    assert next_cursor({"paging": {"next": "https://x/flows?limit=2&after=B"}}) == "B"
    assert next_cursor({"data": []}) is None


def test_envelope_maps_codes_to_types_and_keeps_details() -> None:
    error = from_envelope(
        {
            "error": {
                "code": "139002",
                "error_subcode": "4016012",
                "error_user_msg": "Not a draft",
                "error_data": {"details": "d"},
                "fbtrace_id": "T1",
            }
        },
        400,
    )
    assert isinstance(error, FlowStateError)
    assert (error.code, error.subcode) == (139002, 4016012)
    assert str(error) == "Graph API error 139002/4016012: Not a draft (d) [fbtrace_id T1]"
    assert isinstance(from_envelope({"error": {"code": 80007}}, 400), RateLimitError)


def test_envelope_without_error_object() -> None:
    error = from_envelope({"unexpected": True}, 502)
    assert error.code == 0 and error.http_status == 502 and error.retryable

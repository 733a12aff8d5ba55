"""One definition of Graph's error envelope: what the emulator writes, the client reads back."""

from __future__ import annotations

from flowops.emulator import errors as emulator_errors
from flowops.graph.envelope import ErrorBody
from flowops.graph.errors import AuthError, FlowStateError, from_envelope
from flowops.meta import PUBLISH_FAILED


def test_every_field_survives_a_round_trip() -> None:
    body = ErrorBody(
        139002,
        "Publishing Flow failed",
        subcode=4016012,
        user_title="Publishing Flow failed",
        user_msg="Missing endpoint_uri",
        is_transient=False,
        details="endpoint_uri is required",
        fbtrace_id="Atrace",
    )
    assert ErrorBody.parse(body.to_envelope()) == body
    assert body.to_envelope()["error"]["error_data"]["details"] == "endpoint_uri is required"


def test_odd_envelopes_parse_to_empty_values() -> None:
    odd = ErrorBody.parse({"error": {"code": "x", "error_data": [], "is_transient": "yes"}})
    assert (odd.code, odd.details, odd.is_transient) == (0, "", False)
    assert ErrorBody.parse({"error": None}) == ErrorBody(error_type="")


def test_emulator_errors_become_the_clients_typed_errors() -> None:
    refused = emulator_errors.publish_failed("Fix the validation errors first.")
    parsed = from_envelope(refused.envelope(), refused.http_status)
    assert isinstance(parsed, FlowStateError) and parsed.code == PUBLISH_FAILED
    assert parsed.user_title == "Publishing Flow failed"
    assert parsed.fbtrace_id.startswith("A") and parsed.hint
    token = emulator_errors.bad_token()
    assert isinstance(from_envelope(token.envelope(), token.http_status), AuthError)

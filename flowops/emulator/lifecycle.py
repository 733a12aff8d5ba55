"""Meta's status rules: which edits, publishes, deprecations and deletions are allowed."""

from __future__ import annotations

from flowops.emulator import errors
from flowops.emulator.flow import EmuFlow
from flowops.emulator.validation import is_frozen, read_versions
from flowops.meta import BLOCKED, DEPRECATED, DRAFT, PUBLISHED, THROTTLED

# Set by Meta's monitoring only (the emulator's admin hook), never by the public API.
HEALTH_TRANSITIONS = frozenset(
    {
        (PUBLISHED, THROTTLED),
        (THROTTLED, PUBLISHED),
        (THROTTLED, BLOCKED),
        (BLOCKED, THROTTLED),
    }
)


def check_editable(flow: EmuFlow, *, legacy_immutable_published: bool) -> None:
    """DRAFT and (current rule) PUBLISHED flows accept JSON and metadata edits."""
    if flow.status == DRAFT:
        return
    if flow.status == PUBLISHED and not legacy_immutable_published:
        return
    raise errors.not_updatable(f"Flows in {flow.status} status can't be updated.")


def mark_edited(flow: EmuFlow) -> None:
    """An edit to a published flow starts a new draft; the published version keeps serving."""
    if flow.status == PUBLISHED:
        flow.status = DRAFT


def check_publishable(flow: EmuFlow) -> None:
    if flow.status != DRAFT:
        raise errors.publish_failed(f"Only flows in DRAFT status can be published ({flow.status}).")
    if flow.draft_json is None:
        raise errors.publish_failed("The flow has no Flow JSON. Upload a flow.json asset first.")
    if flow.validation_errors:
        raise errors.publish_failed("Fix the validation errors of the Flow JSON first.")
    version, data_api_version = read_versions(flow.draft_json)
    if is_frozen(version):
        raise errors.publish_failed("Versions in Flow JSON file are not available for publishing.")
    if data_api_version and not flow.endpoint_uri:
        raise errors.publish_failed("Missing endpoint_uri: set the flow's endpoint_uri first.")


def publish(flow: EmuFlow) -> None:
    check_publishable(flow)
    flow.published_json = flow.draft_json
    flow.status = PUBLISHED


def deprecate(flow: EmuFlow) -> None:
    if flow.status == DEPRECATED:
        raise errors.deprecate_failed("The flow is already deprecated.")
    if flow.status == DRAFT and not flow.has_published_version:
        raise errors.deprecate_failed("Can't deprecate an unpublished flow.")
    flow.status = DEPRECATED


def check_deletable(flow: EmuFlow) -> None:
    """Only drafts that were never published can be deleted."""
    if flow.status == DRAFT and flow.has_published_version:
        raise errors.delete_failed(
            "Can't delete a flow that has been published (its edit is in DRAFT). "
            "Deprecate it instead."
        )
    if flow.status != DRAFT:
        raise errors.delete_failed(f"Can't delete a {flow.status} flow. Deprecate it instead.")


def set_health(flow: EmuFlow, status: str) -> None:
    if (flow.status, status) not in HEALTH_TRANSITIONS:
        raise errors.invalid_parameter(
            "Status change not allowed",
            f"{flow.status} → {status} is not a transition Meta's monitoring makes.",
        )
    flow.status = status

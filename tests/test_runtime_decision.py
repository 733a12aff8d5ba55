from __future__ import annotations

from pathlib import Path

import pytest

from flowops.runtime import Fallback, Resolution, Snapshot, SnapshotError, load_lock

DATA = Path(__file__).parent / "data" / "runtime"


@pytest.fixture(scope="module")
def production() -> Snapshot:
    return load_lock(DATA / "flows.lock", "production")


def test_published_flow_resolves_with_every_check_passing(production: Snapshot) -> None:
    result = production.resolve("tour_inquiry_flow")
    assert isinstance(result, Resolution)
    assert (result.key, result.name, result.flow_id) == (
        "tour_inquiry",
        "Tour inquiry",
        "1234567890123456",
    )
    assert result.entry_screen == "WELCOME"
    assert result.status == "PUBLISHED"
    assert not result.throttled
    assert [(c.name, c.ok) for c in result.checks] == [
        ("linked", True),
        ("active", True),
        ("synced", True),
        ("servable", True),
    ]
    assert result.warnings == ()


def test_unlinked_traditional_flow_falls_back(production: Snapshot) -> None:
    result = production.resolve("checkout_flow")
    assert isinstance(result, Fallback)
    assert result.reason == "no WhatsApp Flow is linked to 'checkout_flow'"
    assert [(c.name, c.ok) for c in result.checks] == [("linked", False)]
    assert "flow_definition_name: checkout_flow" in result.checks[0].fix
    assert result.key is None


def test_reusable_component_is_never_a_resolution(production: Snapshot) -> None:
    assert "address_component" not in set(production.traditional_flows())


@pytest.mark.parametrize(
    ("traditional", "failing", "reason", "fix"),
    [
        ("inactive_tf", "active", "flow 'inactive' is not active", "set is_active: true"),
        ("unsynced_tf", "synced", "flow 'unsynced' has no Meta flow id", "run flowops apply"),
        ("draft_new_tf", "servable", "flow 'draft_new' was never published", "publish: true"),
        ("blocked_tf", "servable", "flow 'blocked' is BLOCKED", "endpoint"),
        ("deprecated_tf", "servable", "flow 'deprecated' is DEPRECATED", "link a new"),
    ],
)
def test_unusable_flows_fall_back_naming_the_failed_check(
    production: Snapshot, traditional: str, failing: str, reason: str, fix: str
) -> None:
    result = production.resolve(traditional)
    assert isinstance(result, Fallback)
    assert result.reason.startswith(reason)
    assert [c.name for c in result.checks] == ["linked", "active", "synced", "servable"]
    failed = [c for c in result.checks if not c.ok]
    assert failed[0].name == failing
    assert fix in failed[0].fix


def test_unsynced_draft_reports_both_failures(production: Snapshot) -> None:
    result = production.resolve("unsynced_tf")
    assert isinstance(result, Fallback)
    assert [c.name for c in result.failed] == ["synced", "servable"]


def test_draft_that_was_published_before_still_serves(production: Snapshot) -> None:
    result = production.resolve("draft_edit_tf")
    assert isinstance(result, Resolution)
    assert result.status == "DRAFT"
    assert "last published version" in result.reason
    assert not result.throttled


def test_throttled_flow_is_usable_but_flagged(production: Snapshot) -> None:
    result = production.resolve("throttled_tf")
    assert isinstance(result, Resolution)
    assert result.throttled
    assert "10 messages/hour" in result.reason


def test_unknown_status_falls_back() -> None:
    from flowops.runtime import Facts, decide

    facts = Facts("tf", "k", "k", "1", None, "PAUSED", True, True)
    result = decide("tf", [facts])
    assert isinstance(result, Fallback)
    assert "'PAUSED'" in result.reason


def test_two_active_linked_flows_pick_first_key_and_warn(production: Snapshot) -> None:
    result = production.resolve("dup_tf")
    assert isinstance(result, Resolution)
    assert result.key == "dup_a"
    assert len(result.warnings) == 1
    assert "dup_a, dup_b" in result.warnings[0]
    assert result.warnings[0] in production.warnings


def test_two_active_linked_flows_skip_an_unusable_first_key(production: Snapshot) -> None:
    result = production.resolve("dup2_tf")
    assert isinstance(result, Resolution)
    assert result.key == "dup2_b"
    assert result.warnings


def test_inactive_old_flow_beside_new_one_is_not_a_conflict(production: Snapshot) -> None:
    result = production.resolve("migrated_tf")
    assert isinstance(result, Resolution)
    assert result.key == "migrated_new"
    assert result.warnings == ()


def test_decision_does_not_depend_on_input_order() -> None:
    from flowops.runtime import Facts, decide

    a = Facts("tf", "a", "a", "1", None, "DRAFT", False, False)
    b = Facts("tf", "b", "b", "2", None, "DRAFT", False, True)
    first, second = decide("tf", [a, b]), decide("tf", [b, a])
    assert first == second
    assert isinstance(first, Fallback)
    # the candidate that got furthest (active, synced) explains the fallback
    assert first.key == "b"
    assert first.reason == "flow 'b' was never published (DRAFT)"


def test_environment_missing_from_lock_is_refused_with_the_closest_name() -> None:
    with pytest.raises(SnapshotError, match="holds no environment 'prod'") as info:
        load_lock(DATA / "flows.lock", "prod")
    assert "did you mean 'production'?" in info.value.hint


def test_environments_are_separate() -> None:
    staging = load_lock(DATA / "flows.lock", "staging")
    result = staging.resolve("tour_inquiry_flow")
    assert isinstance(result, Fallback)
    assert result.key == "tour_inquiry"
    assert "never published" in result.reason


def test_fixes_name_the_environment_to_apply(production: Snapshot) -> None:
    inactive = production.resolve("inactive_tf")
    assert inactive.checks[1].fix == (
        "set is_active: true for inactive in flows.yaml and run flowops apply --env production"
    )
    unlinked = production.resolve("nothing_tf")
    assert unlinked.checks[0].fix.endswith("run flowops apply --env production")

"""Meta's facts about WhatsApp Flows, each named once: statuses, error codes, limits, categories.

The manifest checks, the reconciler, the runtime, the Graph client and the emulator all read
them from here. Flow JSON's own rules (components, versions) live in ``flowops.flowjson``.
No imports: the runtime loads this on an application's start-up path.
"""

from __future__ import annotations

# A flow's ``status`` on Meta.
DRAFT = "DRAFT"
PUBLISHED = "PUBLISHED"
DEPRECATED = "DEPRECATED"
THROTTLED = "THROTTLED"  # set by Meta's endpoint monitoring; still opens, sending capped
BLOCKED = "BLOCKED"  # set by Meta's endpoint monitoring; cannot be sent or opened
STATUSES = (DRAFT, PUBLISHED, DEPRECATED, THROTTLED, BLOCKED)
# Published, whatever Meta's monitoring says since: such a flow has a live version.
LIVE = frozenset({PUBLISHED, THROTTLED, BLOCKED})

CATEGORIES = (
    "SIGN_UP",
    "SIGN_IN",
    "APPOINTMENT_BOOKING",
    "LEAD_GENERATION",
    "CONTACT_US",
    "CUSTOMER_SUPPORT",
    "SURVEY",
    "OTHER",
)

MAX_FLOW_NAME = 200  # characters in a flow's name, unique per WhatsApp Business Account
THROTTLED_MESSAGES_PER_HOUR = 10  # what Meta lets a THROTTLED flow send


def servable(status: str, ever_published: bool) -> bool:
    """May users be sent this flow? PUBLISHED; THROTTLED (capped); a DRAFT edit of a published
    flow (the published version is what users get). Never DEPRECATED, BLOCKED or a new draft."""
    return status in (PUBLISHED, THROTTLED) or (status == DRAFT and ever_published)


# Graph API error codes (``error.code``).
UNKNOWN_ERROR = 1
SERVICE_UNAVAILABLE = 2
APP_RATE_LIMIT = 4
NOT_FOUND_OR_INVALID = 100  # also "invalid parameter", e.g. a flow name already taken
INVALID_TOKEN = 190
UNKNOWN_PATH = 2500
WABA_RATE_LIMIT = 80007
WABA_TOO_MANY_CALLS = 80008
INTEGRITY_BLOCKED = 139000
NOT_UPDATABLE = 139001
PUBLISH_FAILED = 139002
DEPRECATE_FAILED = 139003
DELETE_FAILED = 139004
METRICS_THRESHOLD = 139006

RATE_LIMIT_CODES = frozenset({APP_RATE_LIMIT, 17, 613, WABA_RATE_LIMIT, WABA_TOO_MANY_CALLS})
TRANSIENT_CODES = frozenset({UNKNOWN_ERROR, SERVICE_UNAVAILABLE})
AUTH_CODES = frozenset({INVALID_TOKEN, 102, 10, 200})
FLOW_STATE_CODES = range(139000, 139100)

# Meta's ``error_user_title`` for the Flow management codes.
FLOW_TITLES = {
    NOT_UPDATABLE: "Flow can't be updated",
    PUBLISH_FAILED: "Publishing Flow failed",
    DEPRECATE_FAILED: "Can't deprecate Flow",
    DELETE_FAILED: "Can't delete Flow",
    METRICS_THRESHOLD: "Flow metrics threshold not reached",
}

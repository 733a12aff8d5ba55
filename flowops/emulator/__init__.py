"""A local emulator of Meta's WhatsApp Flows Graph API (loopback HTTP, optional state file).

Public Graph surface (optionally prefixed ``/vNN.0``), answering in Meta's shapes:
``GET|POST /{waba_id}/flows``, ``GET|POST|DELETE /{flow_id}``, ``GET|POST /{flow_id}/assets``,
``POST /{flow_id}/publish``, ``POST /{flow_id}/deprecate``, ``GET /{waba_id}``,
``POST /{dest_waba_id}/migrate_flows``,
``GET|POST /{phone_number_id}/whatsapp_business_encryption``. Every field of
``flowops.graph.fields`` is served, nested defaults and ``field{sub}`` selections included.
Bearer token in ``Authorization`` or ``access_token``; any non-empty token unless one was
configured.

Every answer, refusals of malformed HTTP included, is Graph's JSON error envelope or a
Graph-shaped result; request bodies over ``flowops.limits.EMULATOR_MAX_BODY_BYTES`` get 413.

Emulator-only endpoints (the configured token when there is one, else none):
``GET /_emulator/health``; ``GET /_emulator/flows/{id}`` (``has_published_version`` and
digests); ``GET /_emulator/flows/{id}/published`` (the version users are sent);
``POST /_emulator/flows/{id}/status`` with ``status=THROTTLED|BLOCKED|PUBLISHED`` (what
Meta's monitoring does); asset ``download_url`` values under ``/_emulator/assets/`` (never a
token: Meta's download URLs are signed links).

Where Meta's behaviour is undocumented, the emulator assumes: deprecated flows keep their
names; deleting a draft frees its name; a DRAFT that has a published version can be
deprecated but not deleted; a metadata edit of a PUBLISHED flow returns it to DRAFT; all
WABAs belong to one business (migration between any two works); a migrated copy of a
THROTTLED or BLOCKED flow is PUBLISHED, of a DEPRECATED one a DRAFT.
"""

from __future__ import annotations

from flowops.emulator.faults import FaultConfig
from flowops.emulator.handle import EmulatorHandle, start_emulator

__all__ = ["EmulatorHandle", "FaultConfig", "start_emulator"]

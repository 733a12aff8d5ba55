"""One emulated flow as Meta keeps it, and its JSON form in the state file."""

from __future__ import annotations

import base64
import time
from dataclasses import dataclass, field, fields
from typing import Any

from flowops.meta import DRAFT

TIME_FORMAT = "%Y-%m-%dT%H:%M:%S+0000"


def format_time(epoch: int) -> str:
    """Graph's timestamp format, e.g. ``2024-10-29T21:09:19+0000``."""
    return time.strftime(TIME_FORMAT, time.gmtime(epoch))


@dataclass
class Clock:
    """Wall-clock seconds, bumped so every change gets a strictly later ``updated_at``."""

    last: int = 0

    def tick(self) -> int:
        self.last = max(int(time.time()), self.last + 1)
        return self.last


@dataclass
class EmuFlow:
    """``draft_json`` is what the API edits; ``published_json`` is what users are sent.

    Editing a published flow moves it back to DRAFT but keeps ``published_json`` servable.
    """

    id: str
    waba_id: str
    name: str
    categories: list[str]
    seq: int
    status: str = DRAFT
    draft_json: bytes | None = None
    published_json: bytes | None = None
    validation_errors: list[dict[str, Any]] = field(default_factory=list)
    endpoint_uri: str | None = None
    application_id: str | None = None
    updated_at: int = 0
    preview_token: str = ""
    preview_expires: int = 0

    @property
    def has_published_version(self) -> bool:
        return self.published_json is not None

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}  # shallow: fast to save
        data["draft_json"] = _b64(self.draft_json)
        data["published_json"] = _b64(self.published_json)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EmuFlow:
        values = dict(data)
        values["draft_json"] = _unb64(values.get("draft_json"))
        values["published_json"] = _unb64(values.get("published_json"))
        return cls(**values)


def _b64(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode("ascii")


def _unb64(text: str | None) -> bytes | None:
    return None if text is None else base64.b64decode(text)

"""A scripted ``requests.Session`` for Graph client unit tests: canned answers, recorded calls."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

from flowops.graph.client import GraphClient
from flowops.graph.retry import RetryPolicy

TOKEN = "EAAGfaketoken" + "Q" * 24
WABA = "100000000000001"
BASE = "https://graph.facebook.com"


@dataclass
class Sent:
    method: str
    url: str
    kwargs: dict[str, Any]

    @property
    def path(self) -> str:
        return urlsplit(self.url).path

    @property
    def query(self) -> dict[str, str]:
        params = dict(self.kwargs.get("params") or {})
        params.update({k: v[0] for k, v in parse_qs(urlsplit(self.url).query).items()})
        return params

    @property
    def headers(self) -> dict[str, str]:
        return dict(self.kwargs.get("headers") or {})


def answer(
    body: Any, status: int = 200, headers: dict[str, str] | None = None
) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response._content = body if isinstance(body, bytes) else json.dumps(body).encode()
    response.headers.update(headers or {})
    return response


def graph_error(code: int, status: int = 400, **extra: Any) -> requests.Response:
    return answer({"error": {"message": f"error {code}", "code": code, **extra}}, status)


@dataclass
class FakeSession(requests.Session):
    """Answers in order; an exception in the script is raised instead of answering."""

    script: list[requests.Response | Exception] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        super().__init__()

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        self.sent.append(Sent(method, url, kwargs))
        if not self.script:
            raise AssertionError(f"unexpected call {method} {url}")
        item = self.script.pop(0)
        if isinstance(item, Exception):
            raise item
        return item


def client(
    *script: requests.Response | Exception, **policy: Any
) -> tuple[GraphClient, FakeSession]:
    session = FakeSession(list(script))
    sleeps: list[float] = []
    retry = RetryPolicy(sleep=sleeps.append, jitter=lambda: 0.5, **policy)
    return GraphClient(token=TOKEN, waba_id=WABA, session=session, retry=retry), session

"""Serves the preview on 127.0.0.1 with the standard library's HTTP server.

``GET /`` is the page; ``POST /screen``, ``/action`` and ``/respond`` answer its taps with
JSON. Requests naming another host (DNS rebinding) or coming from another origin are refused.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from flowops.preview import session
from flowops.preview.page import preview_page

HOST = "127.0.0.1"
MAX_BODY = 1024 * 1024


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, doc: Any, title: str, theme: str, port: int) -> None:
        self.doc, self.title, self.theme = doc, title, theme
        super().__init__((HOST, port), Handler)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def hosts(self) -> set[str]:
        port = self.server_address[1]
        return {f"{HOST}:{port}", f"localhost:{port}"}


def make_server(doc: Any, title: str, *, theme: str = "auto", port: int = 0) -> PreviewServer:
    """Bound (``port`` 0 picks a free one) but not yet serving."""
    return PreviewServer(doc, title, theme, port)


def serve(doc: Any, title: str, *, theme: str, port: int, ready: Callable[[str], None]) -> None:
    """Serves until interrupted; ``ready`` gets the URL once the port is bound."""
    with make_server(doc, title, theme=theme, port=port) as server:
        ready(server.url)
        server.serve_forever()


def _screen(doc: Any, body: dict[str, Any]) -> Any:
    return session.show(doc, str(body.get("screen")), _map(body, "data"), _forms(body))


def _action(doc: Any, body: dict[str, Any]) -> Any:
    screen = str(body.get("screen"))
    return session.act(doc, screen, _map(body, "data"), _forms(body), body.get("action"))


def _respond(doc: Any, body: dict[str, Any]) -> Any:
    return session.reply(doc, body.get("response"), _forms(body))


ROUTES: dict[str, Callable[[Any, dict[str, Any]], Any]] = {
    "/screen": _screen,
    "/action": _action,
    "/respond": _respond,
}


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer

    def do_GET(self) -> None:
        if not self._trusted():
            return
        if self.path.split("?")[0] != "/":
            self._send(404, "text/plain", b"not found")
            return
        first = session.first(self.server.doc)
        page = preview_page(self.server.title, first, self.server.theme)
        self._send(200, "text/html; charset=utf-8", page.encode("utf-8"))

    def do_POST(self) -> None:
        route = ROUTES.get(self.path)
        if not self._trusted() or not self._same_origin():
            return
        if route is None:
            self._json(404, {"error": "not found"})
            return
        body = self._body()
        if body is None:
            return
        try:
            self._json(200, route(self.server.doc, body))
        except session.StepError as exc:
            self._json(400, {"error": str(exc)})

    def _trusted(self) -> bool:
        if self.headers.get("Host", "") in self.server.hosts():
            return True
        self._send(403, "text/plain", b"use http://127.0.0.1 as printed by flowops")
        return False

    def _same_origin(self) -> bool:
        origin = self.headers.get("Origin")
        if origin is None or origin.removeprefix("http://") in self.server.hosts():
            return True
        self._json(403, {"error": "requests from other pages are refused"})
        return False

    def _body(self) -> dict[str, Any] | None:
        try:
            size = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            size = -1
        if not 0 < size <= MAX_BODY:
            self._json(413 if size > MAX_BODY else 400, {"error": "bad request size"})
            return None
        try:
            body = json.loads(self.rfile.read(size))
        except ValueError:
            body = None
        if not isinstance(body, dict):
            self._json(400, {"error": "the request is not a JSON object"})
            return None
        return body

    def _json(self, status: int, value: Any) -> None:
        self._send(status, "application/json", json.dumps(value, ensure_ascii=False).encode())

    def _send(self, status: int, kind: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows the URL, not every request."""


def _map(body: dict[str, Any], key: str) -> dict[str, Any]:
    value = body.get(key)
    return value if isinstance(value, dict) else {}


def _forms(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    forms = _map(body, "forms")
    return {str(k): v for k, v in forms.items() if isinstance(v, dict)}

"""The HTTP layer: auth, faults, call log and Graph-shaped JSON around the routes."""

from __future__ import annotations

import contextlib
import hmac
import json
import socket
import sys
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from flowops import meta
from flowops.emulator import errors, faults
from flowops.emulator.body import BodyError, read_body
from flowops.emulator.calllog import Call, CallLog, redact_query
from flowops.emulator.multipart import parse_body
from flowops.emulator.router import ADMIN, DOWNLOAD, Route, resolve, split_path
from flowops.emulator.routes import Request, Response
from flowops.emulator.store import StateStore


class EmulatorServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        port: int,
        store: StateStore,
        injector: faults.FaultInjector,
        token: str | None,
    ) -> None:
        super().__init__(("127.0.0.1", port), EmulatorRequestHandler)
        self.store = store
        self.injector = injector
        self.token = token
        self.call_log = CallLog()
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away mid-answer (a killed apply) is normal, not worth a traceback."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    def close_connections(self) -> None:
        """End idle keep-alive connections, so nothing is answered after ``stop()``."""
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class EmulatorRequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes: avoid a 40 ms stall
    timeout = 120  # seconds an idle keep-alive connection is kept
    server: EmulatorServer

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: the request line can carry ``access_token``; the call log is redacted."""

    def _serve(self) -> None:
        """The call is logged before the answer goes out, so a client never outruns the log."""
        started = time.perf_counter()
        url = urlsplit(self.path)
        response, fault = self._answer(url.path, url.query, self._safe_body())
        latency = (time.perf_counter() - started) * 1000
        status = response.status if response else 0
        call = Call(self.command, url.path, redact_query(url.query), status, latency, fault)
        self.server.call_log.record(call)
        if response is None:
            self._drop()
        else:
            self._send(response)

    def _answer(
        self, path: str, query: str, body: bytes | BodyError
    ) -> tuple[Response | None, str | None]:
        """The answer to send (None: close the connection instead) and the fault injected."""
        try:
            if isinstance(body, BodyError):
                raise errors.ApiError(
                    meta.NOT_FOUND_OR_INVALID, body.message, http_status=body.status
                )
            route = resolve(self.command, split_path(path))
            decision = self._decide(route)
            if decision.before:
                return _injected(decision), decision.before
            response = self._run(route, path, query, body)
        except errors.ApiError as exc:
            response, decision = Response(exc.http_status, exc.envelope()), faults.Decision()
        except RecursionError:  # JSON nested 100,000 deep in a parameter or the body
            error = errors.ApiError(
                meta.NOT_FOUND_OR_INVALID, "(#100) The JSON is nested too deeply"
            )
            response, decision = Response(400, error.envelope()), faults.Decision()
        except Exception as exc:  # an emulator bug or unreadable state: answer, don't hang
            error = errors.ApiError(meta.UNKNOWN_ERROR, f"Emulator failure: {exc}", http_status=500)
            response, decision = Response(500, error.envelope()), faults.Decision()
        return (None, "lose_response") if decision.lose else (response, None)

    def _decide(self, route: Route) -> faults.Decision:
        injector = self.server.injector
        if route.kind == ADMIN or (
            route.kind == DOWNLOAD and not injector.config.include_downloads
        ):
            return faults.Decision()
        if injector.config.latency_ms:
            time.sleep(injector.config.latency_ms / 1000)
        return injector.decide()

    def _run(self, route: Route, path: str, query: str, body: bytes) -> Response:
        query_params = dict(parse_qsl(query, keep_blank_values=True))
        params = {**query_params, **parse_body(self.headers.get("Content-Type", ""), body)}
        if route.kind != DOWNLOAD and (route.kind != ADMIN or self.server.token is not None):
            self._authenticate(query_params.get("access_token") or params.get("access_token"))
        params.pop("access_token", None)
        request = Request(
            self.command, path, split_path(path), query_params, params, self.server.base_url
        )
        with self.server.store.transaction() as model:
            return route.handler(model, request)

    def _authenticate(self, query_token: object) -> None:
        header = self.headers.get("Authorization", "")
        scheme, _, value = header.partition(" ")
        given = value.strip() if scheme.lower() in ("bearer", "oauth") else ""
        given = given or (query_token if isinstance(query_token, str) else "")
        expected = self.server.token
        if not given or (expected is not None and not _same(given, expected)):
            raise errors.bad_token()

    def _safe_body(self) -> bytes | BodyError:
        """The error when Content-Length or chunk sizes are garbage or too large (the
        connection is then closed: what follows on it cannot be trusted)."""
        try:
            return read_body(self.headers, self.rfile)
        except BodyError as exc:
            self.close_connection = True
            return exc

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """What http.server refuses itself (garbage request line, unknown method, URL or
        headers too long) gets Graph's envelope too, never an HTML page."""
        self.close_connection = True
        method = _printable(self.command or "")
        if code == HTTPStatus.NOT_IMPLEMENTED:  # Graph answers an unknown method with a 400
            status, text = 400, f"Unsupported {method.lower() or 'method in the'} request."
        else:
            status, text = code, f"(#100) {_REFUSALS.get(code, 'Malformed request')}"
        error = errors.ApiError(
            meta.NOT_FOUND_OR_INVALID, text, http_status=status, error_type="GraphMethodException"
        )
        self._send(Response(status, error.envelope()))

    def _send(self, response: Response) -> None:
        """HEAD gets the headers of the answer, without its body (HTTP's rule)."""
        if self.request_version == "HTTP/0.9":  # garbage or HTTP/0.9: still send headers
            self.request_version = "HTTP/1.0"
            self.close_connection = True
        if isinstance(response.body, bytes):
            payload = response.body
        else:
            payload = json.dumps(response.body).encode("utf-8")
        self.send_response(response.status)
        headers = {"Content-Type": "application/json; charset=UTF-8", **response.headers}
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)


_REFUSALS: dict[int, str] = {
    HTTPStatus.REQUEST_URI_TOO_LONG: "The request URL is too long",
    HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE: "The request headers are too large",
    HTTPStatus.HTTP_VERSION_NOT_SUPPORTED: "HTTP version not supported",
}


def _printable(text: str) -> str:
    return text[:20] if text.isascii() and text.isprintable() else ""


def _same(given: str, expected: str) -> bool:
    """Constant-time; any characters (compare_digest refuses non-ASCII ``str``)."""
    return hmac.compare_digest(
        given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass")
    )


def _injected(decision: faults.Decision) -> Response | None:
    if decision.before == "drop_connection":
        return None
    if decision.before == "rate_limit":
        error = faults.rate_limit_error(decision.rate_limit_code)
    else:
        error = faults.server_error()
    headers = {"Retry-After": "0"} if decision.retry_after else {}
    return Response(error.http_status, error.envelope(), headers)

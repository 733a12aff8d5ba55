"""Graph client cost per call, and what retries cost under rate limiting.

1. Listing N flows in pages of 100 from a canned HTTP server on loopback: time per page
   (client + requests + loopback). Target: ≤ 5 ms per page of 100 flows.
2. The same pages from an in-memory session: the client's own cost (parse, bookkeeping).
   Target: ≤ 1 ms per page of 100 flows.
3. Calls against a scripted Meta that rate-limits (80007) a share of calls: retries made and
   the simulated waiting time of the backoff (nothing sleeps).
Run: ``.venv/bin/python benchmarks/graph_client.py [--flows N] [--limited-share 0.2]``
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

from flowops.graph.client import GraphClient
from flowops.graph.retry import RetryPolicy

TOKEN = "EAAbenchmark" + "x" * 30
PAGE = 100
PAGE_TARGET_MS = 5.0
CLIENT_TARGET_MS = 1.0


def page_body(total: int, after: int) -> bytes:
    end = min(total, after + PAGE)
    flows = [
        {
            "id": f"{10**15 + i}",
            "name": f"flow-{i}",
            "status": "PUBLISHED",
            "categories": ["OTHER"],
            "validation_errors": [],
            "json_version": "7.3",
            "updated_at": "2026-01-01T00:00:00+0000",
        }
        for i in range(after, end)
    ]
    paging: dict[str, Any] = {"cursors": {"before": str(after), "after": str(end)}}
    if end < total:
        paging["next"] = f"https://graph.example/flows?after={end}"
    return json.dumps({"data": flows, "paging": paging}).encode()


@contextmanager
def canned_server(total: int) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            after = int(parse_qs(urlsplit(self.path).query).get("after", ["0"])[0])
            body = page_body(total, after)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


class MemorySession(requests.Session):
    """Answers list pages from memory, rate-limiting a share of calls when asked to."""

    def __init__(self, total: int, limited_share: float = 0.0, seed: int = 7) -> None:
        super().__init__()
        self.total, self.limited_share, self.random = total, limited_share, random.Random(seed)

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        response = requests.Response()
        response.status_code = 200
        if self.random.random() < self.limited_share:
            response.status_code = 400
            response._content = b'{"error": {"code": 80007, "message": "rate limit"}}'
            return response
        after = int((kwargs.get("params") or {}).get("after", "0"))
        response._content = page_body(self.total, after)
        return response


def time_listing(client: GraphClient, total: int) -> float:
    started = time.perf_counter()
    count = sum(1 for _ in client.list_flows(page_size=PAGE))
    assert count == total, count
    return (time.perf_counter() - started) * 1000 / client.stats.calls


def best_of(runs: int, make: Any, total: int) -> float:
    return min(time_listing(make(), total) for _ in range(runs))


def retries_under_rate_limit(calls: int, share: float) -> None:
    waited: list[float] = []
    policy = RetryPolicy(sleep=waited.append, max_total_seconds=600.0, max_attempts=8)
    client = GraphClient(token=TOKEN, waba_id="1", session=MemorySession(0, share), retry=policy)
    for _ in range(calls):
        client.get_flow("1")
    print(
        f"rate-limited share {share:.0%}: {calls} gets -> {client.stats.summary()}, "
        f"simulated backoff {sum(waited):.1f}s total"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--flows", type=int, default=5000)
    parser.add_argument("--limited-share", type=float, default=0.2)
    args = parser.parse_args()
    logging.getLogger("flowops.graph").setLevel(logging.ERROR)  # retries log warnings
    with canned_server(args.flows) as url:
        loopback = best_of(
            3, lambda: GraphClient(token=TOKEN, waba_id="1", base_url=url), args.flows
        )
    memory = best_of(
        3,
        lambda: GraphClient(token=TOKEN, waba_id="1", session=MemorySession(args.flows)),
        args.flows,
    )
    print(f"list {args.flows} flows, pages of {PAGE}:")
    print(f"  loopback HTTP: {loopback:.2f} ms/page (target <= {PAGE_TARGET_MS} ms)")
    print(f"  client only:   {memory:.2f} ms/page (target <= {CLIENT_TARGET_MS} ms)")
    retries_under_rate_limit(200, args.limited_share)


if __name__ == "__main__":
    main()

"""Writes the contract cassettes from Meta's documented request and answer shapes.

Run from the repository root: ``python tests/cassettes/build.py``. Every request below is
what the Flows API reference documents for the operation; every answer follows the
documented shape (ids, cursors, timestamps and trace ids are placeholders). See README.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import yaml

HERE = Path(__file__).parent
DATA = HERE.parent / "data" / "graph"
GRAPH = "https://graph.facebook.com/v23.0"
CDN = "https://mmg.whatsapp.net/m1/v/t24/An9flowjson"
WABA = "100000000000001"
BOUNDARY = "flowops-cassette-boundary"
LIST_FIELDS = (
    "id,name,status,categories,validation_errors,json_version,data_api_version,endpoint_uri,"
    "updated_at"
)
UPDATED = "2026-11-24T21:00:00+0000"
VALID = (DATA / "valid.json").read_text(encoding="utf-8")
INVALID = (DATA / "invalid.json").read_text(encoding="utf-8")
OK = {"success": True}
Interaction = dict[str, Any]


def flow_id(n: int) -> str:
    return f"10000000000000{n:02d}"


# -- wire pieces ---------------------------------------------------------------------------


def request(method: str, uri: str, body: str | None, content_type: str | None) -> dict[str, Any]:
    headers = {"Authorization": ["REDACTED"]} if uri.startswith(GRAPH) else {}
    if content_type:
        headers["Content-Type"] = [content_type]
    return {"method": method, "uri": uri, "body": body, "headers": headers}


def response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> dict[str, Any]:
    text = body if isinstance(body, str) else json.dumps(body)
    all_headers = {"Content-Type": ["application/json; charset=UTF-8"]}
    all_headers.update({k: [v] for k, v in (headers or {}).items()})
    message = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 429: "Too Many Requests"}
    return {
        "status": {"code": status, "message": message.get(status, "")},
        "headers": all_headers,
        "body": {"string": text},
    }


def get(path: str, params: dict[str, str], answer: dict[str, Any]) -> Interaction:
    uri = f"{GRAPH}/{path}" + (f"?{urlencode(params)}" if params else "")
    return {"request": request("GET", uri, None, None), "response": answer}


def post_json(path: str, body: dict[str, Any], answer: dict[str, Any]) -> Interaction:
    uri = f"{GRAPH}/{path}"
    return {
        "request": request("POST", uri, json.dumps(body), "application/json"),
        "response": answer,
    }


def post_empty(path: str, answer: dict[str, Any]) -> Interaction:
    return {"request": request("POST", f"{GRAPH}/{path}", None, None), "response": answer}


def delete(path: str, answer: dict[str, Any]) -> Interaction:
    return {"request": request("DELETE", f"{GRAPH}/{path}", None, None), "response": answer}


def upload(path: str, flow_json: str, answer: dict[str, Any]) -> Interaction:
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="name"\r\n\r\nflow.json\r\n',
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="asset_type"\r\n\r\nFLOW_JSON\r\n',
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="flow.json"\r\n'
        f"Content-Type: application/json\r\n\r\n{flow_json}\r\n",
        f"--{BOUNDARY}--\r\n",
    ]
    content_type = f"multipart/form-data; boundary={BOUNDARY}"
    uri = f"{GRAPH}/{path}"
    return {"request": request("POST", uri, "".join(parts), content_type), "response": answer}


def error(code: int, message: str, status: int = 400, **extra: Any) -> dict[str, Any]:
    body = {"message": message, "type": "OAuthException", "code": code, **extra}
    body.setdefault("is_transient", False)
    body["fbtrace_id"] = "AbCdEfGhIjKlMnOpQrStUv"
    return response({"error": body}, status)


# -- documented answers --------------------------------------------------------------------


def colour_error() -> dict[str, Any]:
    span = {"line_start": 14, "line_end": 14, "column_start": 13, "column_end": 21}
    return {
        "error": "INVALID_PROPERTY_KEY",
        "error_type": "FLOW_JSON_ERROR",
        "message": "Property 'colour' is not allowed on component 'TextBody'.",
        **span,
        "pointers": [{**span, "path": "screens[0].layout.children[0].colour"}],
    }


def flow(n: int, name: str, status: str = "DRAFT", **fields: Any) -> dict[str, Any]:
    body = {"id": flow_id(n), "name": name, "status": status, "categories": ["OTHER"]}
    body.update({"validation_errors": [], "updated_at": UPDATED, **fields})
    return body


def created(n: int, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    if errors is None:
        return response({"id": flow_id(n)})
    return response({"id": flow_id(n), "success": True, "validation_errors": errors})


def create(n: int, name: str, errors: list[Any] | None = None, **body: Any) -> Interaction:
    categories = body.pop("categories", ["OTHER"])
    return post_json(
        f"{WABA}/flows", {"name": name, "categories": categories, **body}, created(n, errors)
    )


def status(n: int, value: str) -> Interaction:
    return get(flow_id(n), {"fields": "id,status"}, response({"id": flow_id(n), "status": value}))


def get_flow(n: int, body: dict[str, Any]) -> Interaction:
    return get(flow_id(n), {"fields": LIST_FIELDS}, response(body))


def with_json(**extra: Any) -> dict[str, Any]:
    return {"flow_json": VALID, **extra}


# -- cassettes, one per scenario in tests/graph_scenarios.py --------------------------------


def cassettes() -> dict[str, list[Interaction]]:
    published = {"json_version": "7.3"}
    invalid_flow = flow(3, "contract-invalid", validation_errors=[colour_error()], **published)
    return {
        "create_plain": [
            create(1, "contract-plain", categories=["SIGN_UP"]),
            get_flow(1, flow(1, "contract-plain", categories=["SIGN_UP"])),
        ],
        "create_published": [
            create(2, "contract-published", [], **with_json(publish=True)),
            get_flow(2, flow(2, "contract-published", "PUBLISHED", **published)),
        ],
        "create_invalid": [
            create(3, "contract-invalid", [colour_error()], flow_json=INVALID),
            get_flow(3, invalid_flow),
        ],
        "list_two_pages": list_pages(),
        "update_metadata": [
            create(5, "contract-update"),
            post_json(
                flow_id(5),
                {"name": "contract-renamed", "categories": ["SURVEY", "OTHER"]},
                response(OK),
            ),
            get_flow(5, flow(5, "contract-renamed", categories=["SURVEY", "OTHER"])),
        ],
        "upload": [
            create(6, "contract-upload"),
            upload(f"{flow_id(6)}/assets", VALID, response({**OK, "validation_errors": []})),
            upload(
                f"{flow_id(6)}/assets",
                INVALID,
                response({**OK, "validation_errors": [colour_error()]}),
            ),
            get_flow(
                6, flow(6, "contract-upload", validation_errors=[colour_error()], **published)
            ),
        ],
        "assets": assets(),
        "publish": [
            create(8, "contract-publish", [], **with_json()),
            post_empty(f"{flow_id(8)}/publish", response(OK)),
            status(8, "PUBLISHED"),
        ],
        "deprecate": deprecations(),
        "delete": deletions(),
        "preview": [
            create(11, "contract-preview", [], **with_json()),
            get(
                flow_id(11),
                {"fields": "preview.invalidate(false)"},
                response(
                    {
                        "preview": {
                            "preview_url": f"https://business.facebook.com/wa/manage/flows/{flow_id(11)}"
                            "/preview/?token=b9d6b1f4-0c2a-4a39-9d8e-7f3c2e1d0a55",
                            "expires_at": "2026-12-24T21:00:00+0000",
                        },
                        "id": flow_id(11),
                    }
                ),
            ),
        ],
        "duplicate_name": [
            create(12, "contract-dup"),
            post_json(
                f"{WABA}/flows",
                {"name": "contract-dup", "categories": ["OTHER"]},
                error(
                    100,
                    "Invalid parameter",
                    error_user_title="Flow name is not unique",
                    error_user_msg="A Flow with this name already exists.",
                ),
            ),
        ],
        "auth_error": [
            get(
                f"{WABA}/flows",
                {"fields": LIST_FIELDS, "limit": "100"},
                error(
                    190,
                    "Error validating access token: Session has expired.",
                    401,
                    error_subcode=463,
                ),
            ),
        ],
        "rate_limit_then_success": [
            create(14, "contract-rate-limit"),
            status_error(14),
            status(14, "DRAFT"),
        ],
    }


def list_pages() -> list[Interaction]:
    params = {"fields": LIST_FIELDS, "limit": "2"}
    after = "QVFIUnNfY29udHJhY3QtbGlzdC1i"
    first = {
        "data": [flow(41, "contract-list-a"), flow(42, "contract-list-b")],
        "paging": {
            "cursors": {"before": "QVFIUnNfY29udHJhY3QtbGlzdC1h", "after": after},
            "next": f"{GRAPH}/{WABA}/flows?{urlencode({**params, 'after': after})}",
        },
    }
    last = {
        "data": [flow(43, "contract-list-c")],
        "paging": {"cursors": {"before": "QVFIUnNfY29udHJhY3QtbGlzdC1j", "after": "QVFIUmVuZA"}},
    }
    return [
        create(41, "contract-list-a"),
        create(42, "contract-list-b"),
        create(43, "contract-list-c"),
        get(f"{WABA}/flows", params, response(first)),
        get(f"{WABA}/flows", {**params, "after": after}, response(last)),
    ]


def assets() -> list[Interaction]:
    listed = {
        "data": [{"name": "flow.json", "asset_type": "FLOW_JSON", "download_url": CDN}],
        "paging": {"cursors": {"before": "MAZDZD", "after": "MAZDZD"}},
    }
    download = {
        "request": request("GET", CDN, None, None),
        "response": response(VALID),
    }
    return [
        create(7, "contract-assets", [], **with_json()),
        get(f"{flow_id(7)}/assets", {"fields": "name,asset_type,download_url"}, response(listed)),
        download,
    ]


def deprecations() -> list[Interaction]:
    already = error(
        139003,
        "Flow can't be deprecated",
        error_user_title="Flow already deprecated",
        error_user_msg="This Flow has already been deprecated.",
    )
    unpublished = error(
        139003,
        "Flow can't be deprecated",
        error_user_title="Can't deprecate unpublished Flow",
        error_user_msg="Only published Flows can be deprecated.",
    )
    return [
        create(9, "contract-deprecate", [], **with_json(publish=True)),
        post_empty(f"{flow_id(9)}/deprecate", response(OK)),
        post_empty(f"{flow_id(9)}/deprecate", already),
        status(9, "DEPRECATED"),
        status(9, "DEPRECATED"),
        create(19, "contract-deprecate-draft"),
        post_empty(f"{flow_id(19)}/deprecate", unpublished),
        status(19, "DRAFT"),
    ]


def deletions() -> list[Interaction]:
    missing = error(
        100,
        f"Unsupported get request. Object with ID '{flow_id(10)}' does not exist.",
        error_subcode=33,
    )
    published = error(
        139004,
        "Flow can't be deleted",
        error_user_title="Can't delete published Flow",
        error_user_msg="Published Flows can't be deleted. Deprecate it instead.",
    )
    return [
        create(10, "contract-delete"),
        delete(flow_id(10), response(OK)),
        get(flow_id(10), {"fields": LIST_FIELDS}, missing),
        create(20, "contract-delete-live", [], **with_json(publish=True)),
        delete(flow_id(20), published),
    ]


def status_error(n: int) -> Interaction:
    limited = error(
        80007, "(#80007) Rate limit hit for WhatsApp Business Account.", 429, is_transient=True
    )
    return get(flow_id(n), {"fields": "id,status"}, limited)


def main() -> int:
    for name, interactions in cassettes().items():
        text = yaml.safe_dump(
            {"interactions": interactions, "version": 1},
            sort_keys=False,
            allow_unicode=True,
            width=100,
        )
        (HERE / f"{name}.yaml").write_text(text, encoding="utf-8")
    print(f"wrote {len(cassettes())} cassettes to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``factcheck serve``'s API: token, Host and Origin checks, validation, no path traversal."""

from __future__ import annotations

import http.client
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from analysis.review.server import make_server
from analysis.review.store import ReviewStore

SLUG = "seed"


@pytest.fixture(scope="module")
def served(seed_path: Path, bundled_kb: Any, as_of: Any,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from analysis.checking import Checker

    report = next(Checker(kb=bundled_kb).check_paths([seed_path], as_of))
    root = tmp_path_factory.mktemp("serve")
    reports = root / "reports"
    (reports / SLUG).mkdir(parents=True)
    (reports / SLUG / "report.json").write_text(json.dumps(report), encoding="utf-8")
    (reports / SLUG / "notes.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (root / "secret.txt").write_text("secret", encoding="utf-8")
    (reports / "link").symlink_to(root)
    store = ReviewStore(root / "r.db")
    server = make_server(reports, store, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_port
    yield {"port": port, "host": f"127.0.0.1:{port}", "store": store, "report": report,
           "token": server.app.token}  # type: ignore[attr-defined]
    server.shutdown()
    server.server_close()


def _request(served: dict[str, Any], method: str, path: str, body: Any = None,
             headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", served["port"], timeout=10)
    data = json.dumps(body).encode("utf-8") if body is not None else None
    conn.request(method, path, body=data, headers=headers or {})
    resp = conn.getresponse()
    out = resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    conn.close()
    return out


def _post(served: dict[str, Any], payload: Any, **override: str) -> tuple[int, Any]:
    headers = {"Content-Type": "application/json", "X-Factcheck-Token": served["token"],
               "Origin": f"http://{served['host']}", "Host": served["host"]}
    headers.update({k.replace("_", "-"): v for k, v in override.items()})
    status, _, body = _request(served, "POST", "/api/decisions", payload, headers)
    return status, json.loads(body)


def _decision(flag: str = "f1", **extra: str) -> dict[str, str]:
    return {"report": SLUG, "flag": flag, "status": "confirmed", "reviewer": "Ann", **extra}


def test_index_and_page(served: dict[str, Any]) -> None:
    status, _, body = _request(served, "GET", "/")
    assert status == 200 and f"/reports/{SLUG}/report.html" in body.decode()
    status, headers, body = _request(served, "GET", f"/reports/{SLUG}/report.html")
    page = body.decode()
    assert status == 200 and headers["x-content-type-options"] == "nosniff"
    nonce = re.search(r'<script src="/static/review.js" nonce="([^"]+)"', page).group(1)
    csp = headers["content-security-policy"]
    assert f"'nonce-{nonce}'" in csp and "connect-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "unsafe" not in csp
    assert f'<meta name="factcheck-token" content="{served["token"]}">' in page
    assert page.count('<div class="review" data-flag-id=') == len(served["report"]["flags"])
    status, headers, _ = _request(served, "GET", "/static/review.js")
    assert status == 200 and headers["content-type"].startswith("text/javascript")


def test_post_requires_token_origin_host_and_json(served: dict[str, Any]) -> None:
    assert _post(served, _decision(), X_Factcheck_Token="wrong")[0] == 403
    assert _post(served, _decision(), X_Factcheck_Token="")[0] == 403
    assert _post(served, _decision(), Origin="http://evil.example")[0] == 403
    assert _post(served, _decision(), Origin="null")[0] == 403
    evil_host = "evil.example:80"
    assert _post(served, _decision(), Host=evil_host, Origin=f"http://{evil_host}")[0] == 403
    assert _post(served, _decision(), Content_Type="text/plain")[0] == 415
    assert served["store"].all_current() == []


@pytest.mark.parametrize("payload, message", [
    ({"report": SLUG, "flag": "f1", "status": "maybe", "reviewer": "Ann"}, "status"),
    ({"report": SLUG, "flag": "f999", "status": "confirmed", "reviewer": "Ann"}, "no flag"),
    ({"report": SLUG, "flag": "f1", "status": "dismissed", "reviewer": "Ann"}, "reason"),
    ({"report": SLUG, "flag": "f1", "status": "confirmed", "reviewer": ""}, "reviewer"),
    ({"report": SLUG, "flag": "f1", "status": "confirmed", "reviewer": "A" * 500}, "longer"),
    ({"report": SLUG, "flag": "f1", "status": "confirmed", "reviewer": "A", "note": 3}, "text"),
    (["not", "an", "object"], "object"),
])
def test_post_validates(served: dict[str, Any], payload: Any, message: str) -> None:
    status, body = _post(served, payload)
    assert status == 400 and message in body["error"]


def test_post_records_and_get_shows(served: dict[str, Any]) -> None:
    status, body = _post(served, _decision("f2", status="dismissed", note="fine <b>really</b>"))
    assert status == 200 and body["review"]["status"] == "dismissed"
    status, _, data = _request(served, "GET", f"/api/decisions?report={SLUG}")
    reviews = json.loads(data)["flags"]
    assert reviews["f2"]["note"] == "fine <b>really</b>" and reviews["f2"]["reviewer"] == "Ann"
    page = _request(served, "GET", f"/reports/{SLUG}/report.html")[2].decode()
    assert "fine &lt;b&gt;really&lt;/b&gt;" in page and "<b>really" not in page
    assert 'id="dismissed-flags"' in page


@pytest.mark.parametrize("path", [
    "/reports/../secret.txt", "/reports/%2e%2e/secret.txt", "/reports/..%2fsecret.txt",
    "/reports/link/secret.txt", "/reports//etc/passwd",
])
def test_no_path_traversal(served: dict[str, Any], path: str) -> None:
    status, _, body = _request(served, "GET", path)
    assert status in (403, 404) and b"secret" not in body and b"root:" not in body


def test_other_files_are_never_html(served: dict[str, Any]) -> None:
    status, headers, _ = _request(served, "GET", f"/reports/{SLUG}/notes.html")
    assert status == 200 and headers["content-type"].startswith("text/plain")
    status, headers, _ = _request(served, "GET", f"/reports/{SLUG}/report.json")
    assert status == 200 and headers["content-type"].startswith("application/json")

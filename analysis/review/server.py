"""``factcheck serve``: the HTML reports with review buttons; decisions saved at once.

Standard library only (``http.server.ThreadingHTTPServer``); the application is ``webapp``.

Safety: bound to 127.0.0.1 by default. A state-changing request (POST) needs the per-server
token embedded in the served pages (``X-Factcheck-Token``), a Host this server answers to, an
Origin equal to that host, and a JSON body; fields are validated and the flag must exist. Only
files under the reports folder are served (resolved paths, no traversal); only report pages are
HTML, other files are sent as plain text or JSON with ``nosniff``.

Routes: ``/`` index; ``/reports/<folder>/report.html`` a report with review controls;
``/reports/<path>`` other report files; ``/static/review.js|css``; ``GET /api/decisions?report=
<folder>`` the current reviews; ``POST /api/decisions`` one decision.
"""

from __future__ import annotations

import hmac
import json
import secrets
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from analysis.errors import FactcheckError
from analysis.report.html import render_html
from analysis.review.apply import apply_reviews
from analysis.review.store import ReviewStore
from analysis.review.webapp import (
    MAX_BODY,
    REPORT_HTML,
    RequestError,
    ReviewApp,
    inject_review_ui,
    static_asset,
)

_LOOPBACK = ("127.0.0.1", "localhost", "[::1]")
_TYPES = {".json": "application/json", ".md": "text/plain", ".txt": "text/plain"}
_STATIC = {"review.js": "text/javascript", "review.css": "text/css"}
_INDEX_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"


class ReviewHandler(BaseHTTPRequestHandler):
    """One request; ``server.app`` is the shared ``ReviewApp``."""

    server_version = "factcheck-review"
    app: ReviewApp

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base signature)
        return  # quiet: the terminal shows the address only

    def _send(self, status: int, body: bytes, ctype: str, csp: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy",
                         (csp + "; frame-ancestors 'none'") if csp else _INDEX_CSP)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"),
                   "application/json")

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        app = self.server.app  # type: ignore[attr-defined]
        url = urlsplit(self.path)
        try:
            if url.path == "/":
                self._send(200, _index(app).encode("utf-8"), "text/html")
            elif url.path.startswith("/static/") and url.path[8:] in _STATIC:
                self._send(200, static_asset(url.path[8:]), _STATIC[url.path[8:]])
            elif url.path == "/api/decisions":
                rel = (parse_qs(url.query).get("report") or [""])[0]
                self._json(200, app.reviews(rel))
            elif url.path.startswith("/reports/"):
                self._file(app, url.path[len("/reports/"):])
            else:
                raise RequestError(HTTPStatus.NOT_FOUND, "not found")
        except RequestError as exc:
            self._json(exc.status, {"error": str(exc)})

    def _file(self, app: ReviewApp, rel: str) -> None:
        # A report page is rendered from the folder's report.json, whether or not a static
        # report.html exists beside it.
        page = rel == REPORT_HTML or rel.endswith("/" + REPORT_HTML)
        path = app.resolve(rel[: -len(REPORT_HTML)] if page else rel)
        if path.is_dir():
            folder, report = app.report(app.rel(path))
            nonce = secrets.token_urlsafe(16)
            html = render_html(apply_reviews(report, app.store))
            text, csp = inject_review_ui(html, app.rel(folder), app.token, nonce)
            self._send(200, text.encode("utf-8"), "text/html", csp)
        elif path.is_file() and not page:
            # Never HTML: a stray page in the folder must not run beside the token.
            self._send(200, path.read_bytes(), _TYPES.get(path.suffix.lower(), "text/plain"))
        else:
            raise RequestError(HTTPStatus.NOT_FOUND, "not found")

    def do_POST(self) -> None:  # noqa: N802
        app = self.server.app  # type: ignore[attr-defined]
        try:
            if urlsplit(self.path).path != "/api/decisions":
                raise RequestError(HTTPStatus.NOT_FOUND, "not found")
            self._check_request(app)
            self._json(200, app.decide(self._body()))
        except RequestError as exc:
            self._json(exc.status, {"error": str(exc)})
        except FactcheckError as exc:  # a correction that cannot be taught, a bad database
            self._json(HTTPStatus.BAD_REQUEST, {"error": str(exc)})

    def _check_request(self, app: ReviewApp) -> None:
        host = self.headers.get("Host", "")
        if app.hosts and host not in app.hosts:
            raise RequestError(HTTPStatus.FORBIDDEN, f"unexpected Host '{host}'")
        if self.headers.get("Origin") != f"http://{host}":
            raise RequestError(HTTPStatus.FORBIDDEN, "cross-origin request refused")
        token = self.headers.get("X-Factcheck-Token", "")
        if not hmac.compare_digest(token.encode("utf-8"), app.token.encode("utf-8")):
            raise RequestError(HTTPStatus.FORBIDDEN, "missing or wrong review token")
        if self.headers.get_content_type() != "application/json":
            raise RequestError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send application/json")

    def _body(self) -> Any:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 < length <= MAX_BODY:
            raise RequestError(HTTPStatus.BAD_REQUEST, f"body must be 1..{MAX_BODY} bytes")
        try:
            return json.loads(self.rfile.read(length).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise RequestError(HTTPStatus.BAD_REQUEST, "body is not JSON") from exc


def _index(app: ReviewApp) -> str:
    rows = []
    for rel, report in app.reports():
        reviewed = apply_reviews(report, app.store)["summary"]["review"]
        title = report.get("article", {}).get("title") or rel
        rows.append(f'<li><a href="/reports/{quote(rel)}/report.html">{escape(title)}</a> '
                    f"<small>({escape(rel)}: {len(report['flags'])} flags, "
                    f"{reviewed['active']} open or confirmed, {reviewed['dismissed']} dismissed)"
                    "</small></li>")
    items = "\n".join(rows) or "<li>No reports yet: run 'factcheck check ARTICLE'.</li>"
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>factcheck reports</title></head><body><h1>Reports</h1>"
            f"<ul>{items}</ul></body></html>")


def make_server(
    reports_dir: Path, store: ReviewStore, host: str = "127.0.0.1", port: int = 8765
) -> ThreadingHTTPServer:
    """A server (not yet serving) for the reports under ``reports_dir``; ``port`` 0 picks one."""
    server = ThreadingHTTPServer((host, port), ReviewHandler)
    server.daemon_threads = True
    app = ReviewApp(reports_dir, store)
    bound = server.server_port
    names = {*_LOOPBACK, host} if host not in ("0.0.0.0", "::", "") else set()
    # An empty set (listening on every address) accepts any Host; the token and Origin remain.
    app.hosts = {f"{name}:{bound}" for name in names}
    server.app = app  # type: ignore[attr-defined]
    return server

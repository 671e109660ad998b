"""The review web application behind ``factcheck serve``: reports, decisions, page injection.

Each page is rendered from the folder's ``report.json`` with the current decisions applied, by
the same autoescaping renderer as the static file, then given the review UI: a script and a
stylesheet served by the server, allowed by a per-response nonce added to the page's
Content-Security-Policy (and ``connect-src 'self'`` for its requests); nothing else is loosened.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from html import escape, unescape
from http import HTTPStatus
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from analysis.errors import FactcheckError
from analysis.review import session
from analysis.review.apply import apply_reviews
from analysis.review.local_kb import local_kb_path
from analysis.review.store import MAX_NOTE, MAX_REVIEWER, MAX_VALUE, STATUSES, ReviewStore

MAX_BODY = 16_384
REPORT_JSON, REPORT_HTML = "report.json", "report.html"
_CSP_META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)')


class RequestError(Exception):
    """A request refused: ``status`` and a one-line message for the JSON answer."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


def static_asset(name: str) -> bytes:
    return (resources.files("analysis.review") / "static" / name).read_bytes()


@dataclass
class ReviewApp:
    """What the handlers share: the reports folder, the store and this session's token."""

    reports_dir: Path
    store: ReviewStore
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    hosts: set[str] = field(default_factory=set)
    _kb: Any = None

    def __post_init__(self) -> None:
        self.reports_dir = self.reports_dir.resolve()

    def resolve(self, rel: str) -> Path:
        """The file or folder ``rel`` under the reports folder; refused when outside it."""
        path = (self.reports_dir / unquote(rel).lstrip("/")).resolve()
        if path != self.reports_dir and self.reports_dir not in path.parents:
            raise RequestError(HTTPStatus.FORBIDDEN, "outside the reports folder")
        if not path.exists():
            raise RequestError(HTTPStatus.NOT_FOUND, "no such report or file")
        return path

    def report(self, rel: str) -> tuple[Path, dict[str, Any]]:
        """A report folder (relative path) and its report.json."""
        folder = self.resolve(rel)
        if folder.is_file():
            folder = folder.parent
        try:
            return folder, session.load_report(folder / REPORT_JSON)
        except FactcheckError as exc:
            raise RequestError(HTTPStatus.NOT_FOUND, str(exc)) from exc

    def rel(self, folder: Path) -> str:
        return folder.relative_to(self.reports_dir).as_posix()

    def reports(self) -> list[tuple[str, dict[str, Any]]]:
        found = []
        for path in sorted(self.reports_dir.rglob(REPORT_JSON)):
            try:
                found.append((self.rel(path.parent), session.load_report(path)))
            except FactcheckError:
                continue  # a foreign JSON file is not a report: leave it out of the index
        return found

    def reviews(self, rel: str) -> dict[str, Any]:
        _, report = self.report(rel)
        reviewed = apply_reviews(report, self.store)
        return {"report": rel, "summary": reviewed["summary"]["review"],
                "flags": {f["id"]: f["review"] for f in reviewed["flags"]}}

    def decide(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Validate and record one decision posted by the page."""
        data = validate_payload(payload)
        _, report = self.report(data["report"])
        flag = next((f for f in report["flags"] if f.get("id") == data["flag"]), None)
        if flag is None:
            raise RequestError(HTTPStatus.BAD_REQUEST, f"no flag '{data['flag']}' in this report")
        corrected, taught = None, None
        if data["correct"]:
            corrected = (data["correct"], data["source"])
            teaching = session.teach(report, flag, *corrected, self.kb(),
                                     local_kb_path(self.store.path))
            taught = teaching.describe()
        session.decide(self.store, report, flag, data["status"], reviewer=data["reviewer"],
                       note=data["note"], corrected=corrected)
        review = self.reviews(data["report"])["flags"][flag["id"]]
        return {"ok": True, "flag": flag["id"], "review": review, "taught": taught}

    def kb(self) -> Any:
        if self._kb is None:  # loaded on the first correction only
            from analysis.run import open_kb

            self._kb = open_kb()
        return self._kb


def _text(payload: dict[str, Any], name: str, limit: int, required: bool = False) -> str:
    value = payload.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RequestError(HTTPStatus.BAD_REQUEST, f"'{name}' must be text")
    value = value.strip()
    if len(value) > limit:
        raise RequestError(HTTPStatus.BAD_REQUEST, f"'{name}' is longer than {limit} characters")
    if required and not value:
        raise RequestError(HTTPStatus.BAD_REQUEST, f"'{name}' is required")
    return value


def validate_payload(payload: Any) -> dict[str, str]:
    """The fields of a decision request, checked (types, lengths, the status enum)."""
    if not isinstance(payload, dict):
        raise RequestError(HTTPStatus.BAD_REQUEST, "expected a JSON object")
    data = {"report": _text(payload, "report", 500, True), "flag": _text(payload, "flag", 40, True),
            "status": _text(payload, "status", 20, True),
            "reviewer": _text(payload, "reviewer", MAX_REVIEWER, True),
            "note": _text(payload, "note", MAX_NOTE),
            "correct": _text(payload, "correct", MAX_VALUE),
            "source": _text(payload, "source", MAX_NOTE)}
    if data["status"] not in STATUSES:
        raise RequestError(HTTPStatus.BAD_REQUEST, f"status must be one of {', '.join(STATUSES)}")
    if data["status"] == "dismissed" and not data["note"]:
        raise RequestError(HTTPStatus.BAD_REQUEST, "a dismissal needs a reason (note)")
    if data["correct"] and not data["source"]:
        raise RequestError(HTTPStatus.BAD_REQUEST, "a correct value needs its source")
    return data


def page_csp(csp: str, nonce: str) -> str:
    """The report's policy plus this response's nonce for our script and stylesheet."""
    parts = [p.strip() for p in csp.split(";") if p.strip()]
    out = []
    for part in parts:
        if part.startswith(("script-src", "style-src")):
            part += f" 'nonce-{nonce}'"
        out.append(part)
    out.append("connect-src 'self'")
    return "; ".join(out)


def inject_review_ui(html: str, rel: str, token: str, nonce: str) -> tuple[str, str]:
    """The rendered report page with the review UI added; returns (html, policy)."""
    match = _CSP_META.search(html)
    if match is None:
        raise RequestError(HTTPStatus.INTERNAL_SERVER_ERROR, "report page without a policy")
    csp = page_csp(unescape(match.group(2)), nonce)
    html = html[: match.start(2)] + escape(csp) + html[match.end(2):]
    head = (f'<meta name="factcheck-token" content="{escape(token)}">'
            f'<meta name="factcheck-report" content="{escape(rel)}">'
            f'<link rel="stylesheet" href="/static/review.css" nonce="{nonce}">')
    html = html.replace("</head>", head + "</head>", 1)
    cut = html.rfind("</body>")
    script = f'<script src="/static/review.js" nonce="{nonce}"></script>'
    return html[:cut] + script + html[cut:], csp

"""HTML report: hostile article and KB text comes out inert; highlights follow the offsets."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest

from analysis.report.highlight import render_line, spans_of
from analysis.report.html import linkify, render_html

DATA = Path(__file__).parent / "data" / "report"
HOSTILE = ("<script>", '"onerror=', "</textarea>")


class _Collector(HTMLParser):
    """Every start tag with its attributes, every script body and the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def _parse(html: str) -> _Collector:
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return parser


def assert_inert(html: str) -> _Collector:
    """The page has only our script, no event-handler attribute, no element from the data."""
    page = _parse(html)
    own_js = (resources.files("analysis.report") / "templates" / "report.js").read_text("utf-8")
    assert page.scripts == [own_js]
    handlers = [(t, a) for t, a in page.tags for a in a if a.lower().startswith("on")]
    assert handlers == []
    tags = {t for t, _ in page.tags}
    assert not tags & {"textarea", "img", "b", "iframe", "object"}
    for tag, attrs in page.tags:
        if tag == "a":
            assert re.match(r"https?://", attrs["href"] or ""), attrs
    return page


def _hostile_report() -> dict:
    return json.loads((DATA / "hostile_report.json").read_text(encoding="utf-8"))


def test_saved_hostile_report_is_inert_and_shows_the_text() -> None:
    report = _hostile_report()
    html = render_html(report)
    page = assert_inert(html)
    text = "".join(page.text)
    # The hostile strings are shown to the reader as text, exactly as written.
    assert '<script>alert("article")</script>' in text
    assert '<script>alert("kb")</script> "onerror=alert(1) </textarea>' in text
    assert '<script>alert("suggestion")</script>' in text
    assert "</textarea> lid." in text
    # The source's address stops at the quote: the rest is text, not an attribute.
    hrefs = {a["href"] for t, a in page.tags if t == "a"}
    assert hrefs == {"https://example.org/widget", "https://example.org/ada"}


def test_csp_allows_only_the_inline_assets() -> None:
    page = _parse(render_html(_hostile_report()))
    csp = next(a["content"] for t, a in page.tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp
    assert "unsafe-inline" not in csp
    assert "http" not in csp  # nothing loads from the network


def test_no_network_references() -> None:
    html = render_html(_hostile_report())
    page = _parse(html)
    for tag, attrs in page.tags:
        assert "src" not in attrs, tag
        if tag == "link":
            pytest.fail(f"external resource: {attrs}")


def _report(text: str, flags: list[dict], claims: list[dict]) -> dict:
    return {"text": text, "flags": flags, "claims": claims, "sections": [], "blocks": []}


def _flag(fid: str, start: int, end: int, severity: str, category: str = "date_mismatch") -> dict:
    return {"id": fid, "start": start, "end": end, "severity": severity, "category": category,
            "message": f"message {fid}"}


def test_overlapping_highlights_keep_the_text_and_rank_by_severity() -> None:
    text = "Alpha beta gamma delta epsilon <zeta>."
    report = _report(
        text,
        [_flag("f1", 0, 16, "low", "stale_claim"), _flag("f2", 6, 22, "high")],
        [{"id": "c1", "start": 11, "end": 38, "verdict": "contradicted", "sentence": text,
          "summary": "s", "reason": ""}],
    )
    anchored: set[str] = set()
    html = str(render_line(text, 0, len(text), spans_of(report), anchored))
    page = _parse(html)
    assert "".join(page.text) == text
    pieces = [a for t, a in page.tags if t == "span"]
    both = next(a for a in pieces if a.get("data-flags") == "f2 f1" and "data-claims" in a)
    assert both["data-severity"] == "high"
    assert both["data-categories"] == "date_mismatch stale_claim"
    assert both["data-claims"] == "c1"
    assert {a.get("id") for a in pieces} >= {"hl-f1", "hl-f2", "hl-c1"}
    assert anchored == {"f1", "f2", "c1"}
    assert "&lt;zeta&gt;" in html


@pytest.mark.parametrize(
    "source, links",
    [
        ("Proc. IEEE, 1998", []),
        ("see https://example.org/a_(b). and http://x.org/y, too", ["https://example.org/a_(b)",
                                                                   "http://x.org/y"]),
        ("javascript:alert(1) and data:text/html,<b>x</b>", []),
        ('https://e.org/"onmouseover=alert(1)', ["https://e.org/"]),
    ],
)
def test_linkify_links_only_web_addresses(source: str, links: list[str]) -> None:
    page = _parse(str(linkify(source)))
    assert [a["href"] for t, a in page.tags if t == "a"] == links
    assert "".join(page.text) == source
    assert [t for t, _ in page.tags if t != "a"] == []


@pytest.fixture(scope="module")
def pipeline_report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A report built by the real pipeline from the hostile article and KB (copied to tmp)."""
    from analysis.checking import Checker

    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "article.txt"
    kb = folder / "kb.yaml"
    article.write_text((DATA / "hostile_article.txt").read_text("utf-8"), "utf-8")
    kb.write_text((DATA / "hostile_kb.yaml").read_text("utf-8"), "utf-8")
    checker = Checker(kb_paths=[kb], bundled_kb=False)
    return next(checker.check_paths([article], date(2026, 1, 1)))


@pytest.mark.slow
def test_pipeline_report_with_hostile_article_and_kb_label_is_inert(pipeline_report: dict) -> None:
    assert any(f["category"] == "date_mismatch" for f in pipeline_report["flags"])
    for needle in HOSTILE:
        assert needle in pipeline_report["text"]
    assert any("</textarea>" in e["statement"] for f in pipeline_report["flags"]
               for e in f["evidence"])
    html = render_html(pipeline_report)
    page = assert_inert(html)
    text = "".join(page.text)
    for needle in HOSTILE:
        assert needle in text
    flagged = [a for t, a in page.tags if t == "span" and a.get("data-category") == "date_mismatch"]
    assert flagged and flagged[0]["data-severity"] == "high"

"""Markdown, ClaimReview and terminal renderers, on the seed's report and a hostile one."""

from __future__ import annotations

import copy
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from analysis.report import terminal
from analysis.report.claimreview import (
    CLAIM_REVIEWED_MAX,
    claim_reviews,
    render_claimreview,
    shorten,
)
from analysis.report.markdown import code_md, escape_md, render_markdown
from analysis.report.terminal import render_terminal

SEED = Path(__file__).resolve().parents[1] / "corpus" / "articles" / "yann-lecun-profile.txt"
HOSTILE = Path(__file__).parent / "data" / "report" / "hostile_report.json"
MD = MarkdownIt("commonmark").enable("table")


@pytest.fixture(scope="module")
def seed_report() -> dict[str, Any]:
    if not SEED.exists():
        pytest.skip("seed article not present")
    from analysis.checking import Checker

    return next(Checker().check_paths([SEED], date(2026, 11, 29)))


@pytest.fixture()
def hostile() -> dict[str, Any]:
    return json.loads(HOSTILE.read_text(encoding="utf-8"))


# --- Markdown ---------------------------------------------------------------------------------


def _html_tokens(markdown: str) -> list[str]:
    tokens = MD.parse(markdown)
    found = [t.content for t in tokens if t.type == "html_block"]
    for t in tokens:
        found += [c.content for c in t.children or [] if c.type == "html_inline"]
    return found


@pytest.mark.parametrize(
    "text, block_start, expected",
    [
        ("2003. Joined NYU", True, "2003\\. Joined NYU"),
        ("# not a heading", True, "\\# not a heading"),
        ("- not a list", True, "\\- not a list"),
        ("version 0.1.0", False, "version 0.1.0"),
        ("AT&T and &copy;", False, "AT&T and \\&copy;"),
        ("a *b* _c_ [d](e) <f>", False, "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\>"),
        ("two\nlines  here", False, "two lines here"),
    ],
)
def test_escape_md(text: str, block_start: bool, expected: str) -> None:
    assert escape_md(text, block_start=block_start) == expected


def test_code_md_survives_backticks() -> None:
    assert code_md("a`b") == "``a`b``"


def test_markdown_table_cells_escape_pipes_and_newlines(hostile: dict[str, Any]) -> None:
    hostile["flags"][0]["message"] = "left | right\nnext line"
    markdown = render_markdown(hostile)
    html = MD.render(markdown)
    assert html.count("<tr>") == 1 + len(hostile["flags"])
    row = html.split("<tbody>")[1].split("</tr>")[0]
    assert row.count("<td>") == 5
    assert "left | right<br>next line" in row
    assert _html_tokens(markdown) == ["<br>"]  # the only raw HTML is ours


def test_markdown_hostile_text_is_literal(hostile: dict[str, Any]) -> None:
    markdown = render_markdown(hostile)
    html = MD.render(markdown)
    assert "<script" not in html and "<textarea" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;kb&quot;)&lt;/script&gt;" in html
    assert '<a href="https://example.org/widget">' in html
    assert _html_tokens(markdown) == []


@pytest.mark.slow
def test_markdown_of_the_seed_reads_well(seed_report: dict[str, Any]) -> None:
    markdown = render_markdown(seed_report)
    tokens = MD.parse(markdown)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    flags = seed_report["flags"]
    assert headings[0].startswith("Fact-check: ") and {"Flags", "Details"} <= set(headings)
    assert len([h for h in headings if " · " in h]) == len(flags)
    assert headings.index("Details") > headings.index("Flags")
    assert sum(t.type == "blockquote_open" for t in tokens) == len(flags)
    html = MD.render(markdown)
    assert html.count("<tr>") == 1 + len(flags)
    lenet = next(f for f in flags if f["category"] == "date_mismatch")
    detail = markdown.split(f"### {lenet['id']} · HIGH · date mismatch")[1].split("### ")[0]
    assert "LeNet-5" in detail and "1998" in detail and "**Suggestion:**" in detail
    assert _html_tokens(markdown) == []


# --- ClaimReview ------------------------------------------------------------------------------


def _check_review(item: dict[str, Any], org: str) -> None:
    assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
    assert 0 < len(item["claimReviewed"]) < 75
    rating = item["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"]
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    claim = item["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["appearance"]["@type"] == "CreativeWork"
    assert claim["appearance"].get("url") or claim["appearance"].get("name")
    assert item["author"] == {"@type": "Organization", "name": org}
    date.fromisoformat(item["datePublished"])


@pytest.mark.slow
def test_claimreview_of_the_seed_has_the_required_fields(
    seed_report: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_ORG", "Example Desk")
    items = json.loads(render_claimreview(seed_report))
    flagged = {f["claim_id"] or (f["start"], f["end"]) for f in seed_report["flags"]}
    assert len(items) == len(flagged)
    for item in items:
        _check_review(item, "Example Desk")
        assert item["datePublished"] == seed_report["as_of"]
        assert item["itemReviewed"]["about"]["name"] == seed_report["article"]["subject"]["name"]
    lenet = next(i for i in items if "LeNet-5" in i["claimReviewed"])
    assert lenet["reviewRating"]["alternateName"] == "Incorrect date"
    assert lenet["reviewRating"]["ratingValue"] == lenet["reviewRating"]["worstRating"]


def test_claimreview_default_org_and_embeddable(hostile: dict[str, Any],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_ORG", raising=False)
    text = render_claimreview(hostile)
    assert "<" not in text and ">" not in text  # safe inside <script type="application/ld+json">
    items = json.loads(text)
    assert len(items) == 2
    for item in items:
        _check_review(item, "factcheck")
    assert "</textarea>" in items[0]["reviewBody"]


def test_claimreview_groups_flags_on_one_claim(hostile: dict[str, Any]) -> None:
    second = copy.deepcopy(hostile["flags"][0]) | {"id": "f9", "severity": "low",
                                                    "category": "stale_claim", "message": "Old"}
    hostile["flags"].append(second)
    items = claim_reviews(hostile, org="Desk")
    grouped = next(i for i in items if "f9" in i["identifier"])
    assert grouped["identifier"] == ["f1", "f9"]
    assert grouped["reviewRating"]["alternateName"] == "Incorrect date"  # the worst flag
    assert grouped["reviewBody"].endswith("Old.")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Short claim.", "Short claim."),
        ("In 1989, while at Bell Labs, he created a network, an early CNN used for reading "
         "handwritten digits on checks.", "In 1989, while at Bell Labs, he created a network…"),
        ("Averyveryverylongsentencewithoutanyspacesatallthatkeepsgoingandgoingandgoingon.",
         None),
    ],
)
def test_shorten(sentence: str, expected: str | None) -> None:
    short = shorten(sentence)
    assert len(short) <= CLAIM_REVIEWED_MAX
    if expected is not None:
        assert short == expected
    else:
        assert short.endswith("…")


# --- Terminal ---------------------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_terminal_colours_a_tty_and_not_a_pipe(hostile: dict[str, Any],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(terminal.sys, "stdout", _Tty())
    coloured = render_terminal(hostile)
    assert "\x1b[" in coloured
    monkeypatch.setattr(terminal.sys, "stdout", io.StringIO())
    plain = render_terminal(hostile)
    assert "\x1b[" not in plain
    assert "HIGH date mismatch" in plain and "suggestion:" in plain
    # Article text is printed as text, never read as rich markup.
    assert '<script>alert("article")</script>' in plain.replace("\n    ", " ")


def test_terminal_no_color_wins_over_a_tty(hostile: dict[str, Any],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(terminal.sys, "stdout", _Tty())
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in render_terminal(hostile)


def test_terminal_orders_by_severity(hostile: dict[str, Any]) -> None:
    hostile["flags"].reverse()
    text = render_terminal(hostile, color=False)
    assert text.index("HIGH") < text.index("MEDIUM")
    assert "2 flags: 1 high, 1 medium, 0 low" in text


def test_json_is_written_as_the_standard_library_indents_it(seed_report: dict[str, Any],
                                                             hostile: dict[str, Any]) -> None:
    from analysis.report.render import render_json

    for report in (seed_report, hostile, {"scores": {2: 0.5, 3: -0.25}, "text": "é</script>"}):
        assert render_json(report) == json.dumps(report, indent=2, ensure_ascii=False) + "\n"

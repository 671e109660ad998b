"""schema.org ClaimReview JSON-LD: one review per flagged statement of the article.

Flags on the same claim (or, for flags without a claim, on the same sentence) make one review:
its rating comes from the most severe flag and ``reviewBody`` lists every finding. The rating
scale is 1 (worst) to 5 (best); a flagged statement rates 1 (high severity: false as written),
2 (medium: misleading) or 3 (low: needs context); 4 and 5 are left to statements found true,
which this report does not review. ``alternateName`` is the textual verdict editors read.

The organisation named as the review's author is ``$FACTCHECK_ORG`` (default "factcheck").
"""

from __future__ import annotations

import os
import re
from typing import Any

import orjson

from analysis.report.highlight import SEVERITY_ORDER

CLAIM_REVIEWED_MAX = 74  # schema.org / Google: claimReviewed under 75 characters
ORG_ENV = "FACTCHECK_ORG"
DEFAULT_ORG = "factcheck"
BEST_RATING, WORST_RATING = 5, 1
RATING = {"high": 1, "medium": 2, "low": 3}
# Flag category -> the verdict as a reader would say it (new categories fall back to a label).
VERDICT_NAMES = {
    "date_mismatch": "Incorrect date",
    "fact_mismatch": "Incorrect",
    "conflation": "Conflates two events",
    "internal_inconsistency": "Contradicts the article",
    "stale_claim": "Outdated",
    "vague_attribution": "Unattributed quote",
    "quote_mismatch": "Misattributed",
    "unsupported_claim": "Unsupported",
}
# Where a long sentence can be cut without breaking a phrase, best first.
_CLAUSE_BREAKS = re.compile(r"[,;:\u2014\u2013]\s*|\s[-\u2013\u2014]\s")
_MIN_CLAUSE = 30  # a shorter first clause says too little about the claim


def verdict_name(category: str) -> str:
    """The textual verdict for a flag category, e.g. ``date_mismatch`` -> "Incorrect date"."""
    return VERDICT_NAMES.get(category, category.replace("_", " ").capitalize())


def shorten(sentence: str, limit: int = CLAIM_REVIEWED_MAX) -> str:
    """``sentence`` in at most ``limit`` characters, cut at a clause or word with an ellipsis.

    Args:
        sentence: the claim as the article states it.
        limit: maximum length of the result, ellipsis included.
    """
    text = " ".join(sentence.split())
    if len(text) <= limit:
        return text
    room = text[: limit - 1]
    cuts = [m.start() for m in _CLAUSE_BREAKS.finditer(room) if m.start() >= _MIN_CLAUSE]
    cut = cuts[-1] if cuts else room.rfind(" ")
    if cut <= 0:
        cut = limit - 1
    return text[:cut].rstrip(" ,;:-\u2013\u2014") + "…"


def _groups(flags: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    rank = {s: i for i, s in enumerate(SEVERITY_ORDER)}
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for flag in flags:
        key = ("claim", flag["claim_id"]) if flag.get("claim_id") else ("span", flag["start"],
                                                                        flag["end"])
        groups.setdefault(key, []).append(flag)
    ordered = [sorted(g, key=lambda f: rank.get(f["severity"], len(rank))) for g in groups.values()]
    return sorted(ordered, key=lambda g: g[0]["start"])


def _appearance(article: dict[str, Any]) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": article.get("title") or "article"}
    path = str(article.get("path") or "")
    if re.match(r"https?://", path):
        work["url"] = path
    if article.get("date"):
        work["datePublished"] = article["date"]
    return work


def _review(group: list[dict[str, Any]], report: dict[str, Any], org: str) -> dict[str, Any]:
    worst = group[0]
    article = report["article"]
    claim: dict[str, Any] = {"@type": "Claim", "appearance": _appearance(article)}
    subject = article.get("subject")
    if subject and subject.get("name"):
        # The person the statement is about; who made the claim is the article's author,
        # which the report does not know, so schema.org's Claim.author is left out.
        claim["about"] = {"@type": "Person", "name": subject["name"]}
    if article.get("date"):
        claim["datePublished"] = article["date"]
    rating = RATING.get(worst["severity"], 3)
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": shorten(worst["sentence"]),
        "reviewRating": {"@type": "Rating", "ratingValue": rating, "bestRating": BEST_RATING,
                         "worstRating": WORST_RATING, "alternateName": verdict_name(
                             worst["category"])},
        "itemReviewed": claim,
        "author": {"@type": "Organization", "name": org},
        "datePublished": report["as_of"],
        "reviewBody": " ".join(f["message"].rstrip(".") + "." for f in group),
        "identifier": [f["id"] for f in group],
    }
    if worst.get("suggestion"):
        review["description"] = f"Suggested correction: {worst['suggestion']}"
    return review


def claim_reviews(report: dict[str, Any], org: str | None = None) -> list[dict[str, Any]]:
    """The ClaimReview objects of a report, in article order.

    Args:
        report: a report dict (``build_report`` or its saved JSON).
        org: the reviewing organisation; default ``$FACTCHECK_ORG`` or "factcheck".
    """
    org = org or os.environ.get(ORG_ENV) or DEFAULT_ORG
    # A flag the editors dismissed is a false alarm: no review is published for it.
    flags = [f for f in report.get("flags", [])
             if (f.get("review") or {}).get("status") != "dismissed"]
    return [_review(group, report, org) for group in _groups(flags)]


def render_claimreview(report: dict[str, Any]) -> str:
    """The ClaimReview list as JSON-LD text (a JSON array), ready for a ``<script>`` tag.

    ``<``, ``>`` and ``&`` are written as ``\\u`` escapes (the same JSON) so that article text
    such as ``</script>`` cannot end the tag the JSON-LD is embedded in.
    """
    text = orjson.dumps(claim_reviews(report), option=orjson.OPT_INDENT_2).decode("utf-8")
    for char in "<>&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text + "\n"

"""Apply the editors' decisions to a report: each flag gets its ``review``, the summary counts.

The report contract stays additive: every flag gains ``review`` {status, reviewer, note, time,
fingerprint, changed, corrected, previous} and ``summary`` gains ``review`` (counts by status).
A flag whose exact fingerprint has a decision takes it. A flag without one, whose loose key (same
article, category and claim) matches a decision no current flag claims, is a rewritten sentence:
it stays open with ``changed`` true and the old decision in ``previous``.
"""

from __future__ import annotations

import copy
import difflib
from collections import Counter
from typing import Any

from analysis.review.fingerprint import FlagKey, article_key, normalize, report_keys
from analysis.review.store import STATUSES, Decision, ReviewStore

# Statuses that still count as a problem for ``--fail-on``.
ACTIVE = ("open", "confirmed")
# A flag without a claim matches an old decision only when the sentences are this alike
# (the message core alone is shared by unrelated sentences, e.g. every "ensures").
_MIN_SIMILARITY = 0.5


def _review(decision: Decision | None, key: FlagKey) -> dict[str, Any]:
    if decision is None:
        return {"status": "open", "reviewer": None, "note": None, "time": None,
                "fingerprint": key.fingerprint, "changed": False, "corrected": None,
                "previous": None}
    corrected = ({"value": decision.corrected_value, "source": decision.corrected_source}
                 if decision.corrected_value else None)
    return {"status": decision.status, "reviewer": decision.reviewer or None,
            "note": decision.note or None, "time": decision.time,
            "fingerprint": key.fingerprint, "changed": False, "corrected": corrected,
            "previous": None}


def _changed(old: Decision, key: FlagKey) -> dict[str, Any]:
    review = _review(None, key)
    review["changed"] = True
    review["previous"] = {"status": old.status, "reviewer": old.reviewer or None,
                          "note": old.note or None, "time": old.time, "sentence": old.sentence,
                          "fingerprint": old.fingerprint}
    return review


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, normalize(a), normalize(b)).ratio()


def match_decisions(report: dict[str, Any], decisions: list[Decision]) -> list[dict[str, Any]]:
    """The review of each flag of ``report`` (in order) given the article's ``decisions``."""
    keyed = report_keys(report)
    by_fp = {d.fingerprint: d for d in decisions}
    reviews: list[dict[str, Any] | None] = []
    used: set[str] = set()
    for _, key in keyed:
        decision = by_fp.get(key.fingerprint)
        reviews.append(_review(decision, key) if decision else None)
        if decision:
            used.add(key.fingerprint)
    # An "open" decision without a note says nothing worth carrying to a rewritten sentence.
    orphans = [d for d in decisions
               if d.fingerprint not in used and (d.status != "open" or d.note)]
    for i, (flag, key) in enumerate(keyed):
        if reviews[i] is not None:
            continue
        candidates = [d for d in orphans if d.loose_key == key.loose_key]
        best = max(candidates, key=lambda d: _similarity(d.sentence, flag["sentence"]),
                   default=None)
        has_claim = bool(flag.get("claim_id"))
        if best and (has_claim or _similarity(best.sentence, flag["sentence"]) >= _MIN_SIMILARITY):
            orphans.remove(best)
            reviews[i] = _changed(best, key)
        else:
            reviews[i] = _review(None, key)
    return [r for r in reviews if r is not None]


def apply_reviews(
    report: dict[str, Any], store: ReviewStore | None, *, hide_dismissed: bool = False
) -> dict[str, Any]:
    """A copy of ``report`` with each flag's review and ``summary.review`` counts.

    Args:
        report: a report dict (``build_report`` or its saved JSON).
        store: the review database; None (no database yet) leaves every flag open.
        hide_dismissed: drop dismissed flags from ``flags`` (they stay counted).
    """
    out = copy.deepcopy(report)
    decisions = store.current(article_key(out.get("article") or {})) if store else []
    flags = out.get("flags") or []
    for flag, review in zip(flags, match_decisions(out, decisions), strict=True):
        flag["review"] = review
    counts = Counter(f["review"]["status"] for f in flags)
    summary = {s: counts.get(s, 0) for s in STATUSES}
    summary["changed"] = sum(1 for f in flags if f["review"]["changed"])
    summary["active"] = sum(summary[s] for s in ACTIVE)
    summary["hidden"] = 0
    if hide_dismissed:
        out["flags"] = [f for f in flags if f["review"]["status"] != "dismissed"]
        summary["hidden"] = len(flags) - len(out["flags"])
    out.setdefault("summary", {})["review"] = summary
    return out


def is_active(flag: dict[str, Any]) -> bool:
    """Whether a flag still counts (``--fail-on``): open or confirmed, or not reviewed at all."""
    return (flag.get("review") or {}).get("status", "open") in ACTIVE


def review_status(flag: dict[str, Any]) -> str:
    """The flag's review status ("open" when the report has no reviews)."""
    return (flag.get("review") or {}).get("status", "open")

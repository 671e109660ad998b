"""Conflation: one date heading events of different years ("2003: Appointed X, founding Y").

Runs after the KB check: a date mismatch whose date is shared with a supported event of the
same sentence is not a wrong date but two events merged under one, and is reported as such,
while the part that is right stays supported.
"""

from __future__ import annotations

import re
from dataclasses import replace

from analysis.checks.base import CheckContext, CheckResult, Finding
from analysis.checks.kb_match import START_VERBS
from analysis.dates import SAME_YEAR
from analysis.models import Claim, Timex

# Events that happen at a point in time; "while at X" (a span) shares dates without merging.
_EVENTS = frozenset(
    {
        "born",
        "died",
        "joined",
        "left",
        "founded",
        "created",
        "released",
        "award",
        "studied",
        "position", "married", "member", "citizen", "moved",
    }
)


def _is_event(claim: Claim) -> bool:
    if claim.predicate == "position":
        return claim.qualifiers.get("verb") in START_VERBS
    return claim.predicate in _EVENTS


def merge_conflations(ctx: CheckContext, result: CheckResult) -> None:
    """Rewrite date mismatches that are conflations (in place)."""
    claims = {c.id: c for c in ctx.analysis.claims}
    for i, finding in enumerate(result.findings):
        claim = claims.get(finding.claim_id or "")
        if finding.category != "date_mismatch" or claim is None or claim.time is None:
            continue
        if not _is_event(claim):
            if _later_clause_of_dated_entry(ctx, claim):  # "1929 – Marries X and begins
                result.findings[i] = _entry_conflation(finding, claim)  # teaching at Y"
            continue
        partners = [
            c
            for c in ctx.analysis.claims
            if c.id != claim.id
            and c.start == claim.start
            and c.time is not None
            and _same_date(c.time, claim.time)
            and _is_event(c)
            and result.verdicts.get(c.id) is not None
            and result.verdicts[c.id].verdict == "supported"
        ]
        if partners:
            result.findings[i] = _conflation(finding, claim, partners[0], result)
        elif _later_clause_of_dated_entry(ctx, claim) or _later_of_two_events(ctx, claim):
            result.findings[i] = _entry_conflation(finding, claim)
        elif _year_apposition(ctx, claim):
            result.findings[i] = _entry_conflation(finding, claim, "belongs to the main clause's")


def _same_date(a: Timex, b: Timex) -> bool:
    """One written date, or a date and "the same year" / "that year" pointing back at it."""
    if a.start == b.start:
        return True
    first, later = (a, b) if a.start < b.start else (b, a)
    # ("In 1968, the year he won X, he also helped found Y": the apposition is that date)
    apposed = later.text.strip().lower() == "the year" and 0 < later.start - first.end <= 3
    if _SAME_MONTH.fullmatch(later.text.strip()):
        return first.value.startswith(later.value)  # "In May 2012 ..., and that same month"
    return (apposed or bool(SAME_YEAR.fullmatch(later.text.strip()))) and \
        later.value == first.value


_SAME_MONTH = re.compile(r"(?:the|that)\s+(?:same|very)\s+month|that\s+month", re.I)


def _entry_conflation(finding: Finding, claim: Claim, whose: str = "belongs to the first"
                      ) -> Finding:
    when = claim.time.text if claim.time else "the date"
    return replace(
        finding, category="conflation", severity="medium",
        message=f"One date, two events: '{when}' {whose} event; {finding.message}",
        suggestion="Split the entry and give this event its own date.")


def _later_clause_of_dated_entry(ctx: CheckContext, claim: Claim) -> bool:
    """"1953: Became a U.S. citizen and received her star ...": a dated entry's label dates its
    first event; a wrong date on a later clause is two events merged under one label."""
    block = next((b for b in ctx.analysis.article.blocks if b.start <= claim.start < b.end), None)
    if block is None or not block.date_label or claim.time is None or claim.obj_start < 0:
        return False
    if not block.start <= claim.time.start < block.start + len(block.date_label) + 2:
        return False
    between = ctx.text[block.start + len(block.date_label) : claim.obj_start]
    return bool(re.search(r",| and | then |;", between)) and len(between.split()) > 3


_PAST_VERB = re.compile(
    # (a lower-case "-ed" word: "United" in "the United Nations" is no verb)
    r"\b(?:(?-i:[a-z]\w{2,}ed)|won|took|wrote|became|made|met|began|led|ran|went|gave|saw|built|left|held|"
    r"got|set|came|rose|flew|drove|sold|bought|sang|spoke|told|found|lost|beat|brought|taught|"
    r"fought|caught|chose|drew|grew|knew|threw|shot|struck|swam|won)\b", re.I)


_THE_YEAR = re.compile(r",\s+the\s+(?:same\s+)?year\b")
_MAIN_CLAUSE = re.compile(r",\s+(?:he|she|they)\s+(?:also\s+)?[a-z]+", re.I)


def _year_apposition(ctx: CheckContext, claim: Claim) -> bool:
    """"In 1970, the year she married Barry Court, she won all four major titles": the
    apposition's event and the main clause's are put under one date."""
    if claim.time is None or claim.obj_start < claim.time.end:
        return False
    if not _THE_YEAR.match(ctx.text, claim.time.end):
        return False
    main = _MAIN_CLAUSE.search(ctx.text, claim.obj_end, claim.end)
    return main is not None


def _later_of_two_events(ctx: CheckContext, claim: Claim) -> bool:
    """"In 1958 he reached the South Pole and founded the Himalayan Trust": a date in front of
    two coordinated events, the second of them from another year."""
    time = claim.time
    if time is not None and (SAME_YEAR.fullmatch(time.text.strip())
                             or _SAME_MONTH.fullmatch(time.text.strip())):
        # "In May 2012 X ..., and that same month she set up Y": the date the phrase repeats
        time = next((t for t in ctx.analysis.timexes if claim.start <= t.start < time.start
                     and t.value.startswith(time.value)), time)
    if time is None or claim.obj_start < 0 or time.end > claim.obj_start:
        return False
    between = ctx.text[time.end : claim.obj_start]
    # (the first joint after a verb: "with two sons of draft age and no wish ..., the family
    # moved to Toronto and Jacobs became": not the "and" of the noun phrase)
    joint = next((j for j in re.finditer(r"\b(?:and|then)\b|;", between)
                  if _PAST_VERB.search(between[: j.start()])), None)
    if joint is None:
        return False
    # a second verb, or a first named thing before the joint ("brought The Human Condition
    # ... and the Lessing Prize"); not "married the singer and pianist Akiko Yano"
    at = time.end + joint.start()
    return bool(_PAST_VERB.search(between[joint.end() :])) or any(
        m.kb_id and time.end <= m.start < at for m in ctx.analysis.mentions)


def _conflation(finding: Finding, wrong: Claim, right: Claim, result: CheckResult) -> Finding:
    # (the written date, not a phrase pointing back at it: "1968", not "the year")
    times = sorted((c.time for c in (wrong, right) if c.time), key=lambda t: t.start)
    date = times[0].text if times else "this date"
    right_evidence = result.verdicts[right.id].evidence
    message = (
        f"One date, two events: '{date}' fits {_what(right)} but not {_what(wrong)}: "
        f"{finding.message}"
    )
    suggestion = (
        f"Split the entry: keep {_what(right)} under {date} and give {_what(wrong)} its own date."
    )
    return replace(
        finding,
        category="conflation",
        severity="medium",
        message=message,
        evidence=finding.evidence + right_evidence[:1],
        suggestion=suggestion,
    )


def _what(claim: Claim) -> str:
    if claim.predicate == "position" and claim.qualifiers.get("role"):
        return f"the {claim.qualifiers['role']} appointment" + (
            f" at {claim.object}" if claim.object else ""
        )
    return f"{claim.object or claim.subject} ({claim.predicate})"

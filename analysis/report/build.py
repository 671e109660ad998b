"""Build the report (the JSON contract, schema_version "1") from an analysis and its checks.

Every renderer (terminal, JSON, Markdown, HTML, ClaimReview) reads this one dict, so they cannot
disagree about what was found.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from analysis import __version__
from analysis.checks.base import CheckResult
from analysis.kb.api import KBReader
from analysis.models import Evidence, Flag
from analysis.run import Analysis
from analysis.serialize import claim_json, event_json, mention_json
from analysis.timeline import build_timeline

SCHEMA_VERSION = "1"
SEVERITIES = ("high", "medium", "low")
VERDICTS = ("supported", "contradicted", "unverifiable")


def evidence_json(e: Evidence) -> dict[str, Any]:
    return {"statement": e.statement, "source": e.source, "kb_id": e.kb_id}


def flag_json(f: Flag) -> dict[str, Any]:
    return {
        "id": f.id, "category": f.category, "severity": f.severity, "sentence": f.sentence,
        "start": f.start, "end": f.end, "claim_id": f.claim_id, "message": f.message,
        "evidence": [evidence_json(e) for e in f.evidence], "suggestion": f.suggestion,
    }


def kb_json(kb: KBReader | None) -> dict[str, Any]:
    if kb is None:
        return {"sources": [], "entities": 0, "facts": 0}
    stats = kb.stats()
    sources = getattr(kb, "sources", lambda: [])()
    return {"sources": [str(s.get("path", s)) for s in sources],
            "entities": stats.get("entities", 0), "facts": stats.get("facts", 0)}


def build_report(
    analysis: Analysis,
    result: CheckResult,
    flags: list[Flag],
    *,
    kb: KBReader | None,
    as_of: date,
    readability: dict[str, Any] | None = None,
    topics: dict[str, Any] | None = None,
) -> dict[str, Any]:
    article = analysis.article
    text = article.text
    claims = []
    for claim in analysis.claims:
        row = claim_json(claim, text)
        verdict = result.verdicts.get(claim.id)
        row["verdict"] = verdict.verdict if verdict else "unverifiable"
        row["reason"] = verdict.reason if verdict else "not checked"
        row["evidence"] = [evidence_json(e) for e in verdict.evidence] if verdict else []
        claims.append(row)
    verdicts = Counter(c["verdict"] for c in claims)
    severities = Counter(f.severity for f in flags)
    subject = analysis.subject
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": __version__},
        "article": {
            "path": article.path, "title": article.title, "sha256": article.sha256,
            "words": len(text.split()), "date": article.date.isoformat() if article.date else None,
            "subject": {"name": subject.name, "kb_id": subject.kb_id} if subject else None,
        },
        "as_of": as_of.isoformat(),
        "kb": kb_json(kb),
        "summary": {
            "claims": {v: verdicts.get(v, 0) for v in VERDICTS} | {"total": len(claims)},
            "flags": {s: severities.get(s, 0) for s in SEVERITIES} | {"total": len(flags)},
            "categories": dict(sorted(Counter(f.category for f in flags).items())),
        },
        "entities": [mention_json(m) for m in analysis.mentions],
        "claims": claims,
        "flags": [flag_json(f) for f in flags],
        "timeline": [event_json(e) for e in build_timeline(analysis)],
        "readability": readability,
        "topics": topics,
        "text": text,
        "sections": [
            {"index": s.index, "heading": s.heading, "start": s.start, "end": s.end}
            for s in article.sections
        ],
        # Layout for renderers that show the article (HTML): kind and offsets of each block.
        "blocks": [
            {"kind": b.kind, "start": b.start, "end": b.end, "section": b.section}
            for b in article.blocks
        ],
    }

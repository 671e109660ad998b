"""Plain-JSON forms of the pipeline's records (stable keys: scripts depend on them)."""

from __future__ import annotations

from typing import Any

from analysis.models import Claim, Mention, Timex
from analysis.timeline import TimelineEvent, describe_claim


def timex_json(t: Timex) -> dict[str, Any]:
    out: dict[str, Any] = {"text": t.text, "start": t.start, "end": t.end, "type": t.type,
                           "value": t.value, "precision": t.precision}
    if t.mod:
        out["mod"] = t.mod
    if t.end_value:
        out["end_value"] = t.end_value
    return out


def mention_json(m: Mention) -> dict[str, Any]:
    return {"text": m.text, "start": m.start, "end": m.end, "label": m.label, "kb_id": m.kb_id,
            "kb_label": m.kb_label, "candidates": m.candidates, "method": m.method}


def claim_json(c: Claim, text: str) -> dict[str, Any]:
    return {
        "id": c.id,
        "subject": c.subject,
        "subject_kb_id": c.subject_kb_id,
        "predicate": c.predicate,
        "object": c.object,
        "object_kb_id": c.object_kb_id,
        "time": timex_json(c.time) if c.time else None,
        "present": c.present,
        "qualifiers": c.qualifiers,
        "summary": describe_claim(c),
        "sentence": text[c.start : c.end],
        "start": c.start,
        "end": c.end,
        "check_worthiness": c.score,
    }


def event_json(e: TimelineEvent) -> dict[str, Any]:
    return {"date": str(e.date), "display": e.date.human(), "text": e.timex.text,
            "event": e.description, "start": e.start, "end": e.end,
            "claim_ids": list(e.claim_ids)}

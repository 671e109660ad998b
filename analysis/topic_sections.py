"""Topics mapped back onto an article: each section's mix, shifts, headings against content.

Split from ``analysis.topics`` (which fits the model); these functions only read its output:
the per-document topic weights, summed per section, and the topics' top terms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from analysis.models import Article
from analysis.topic_terms import Terms

if TYPE_CHECKING:
    from analysis.topics import _Doc

# A heading "matches" when at least this share of its content words occurs in the section's
# text or its dominant topic's top terms.
HEADING_MATCH_MIN = 0.25


def _heading_match(heading: str | None, body_keys: set[str], topic: dict | None,
                   vocab: Terms) -> dict:
    """Share of the heading's content words found in the section body (``body_keys``: the
    stems of its tokens) or its topic's terms."""
    wanted = {key for key, _ in vocab.tokens(heading or "", record=False)}
    if not wanted:
        return {"similarity": None, "matches": None, "reason": "heading has no content words"}
    have = set(body_keys)
    if topic is not None:
        have |= {part for term in topic["_stems"] for part in term.split()}
    share = len(wanted & have) / len(wanted)
    return {"similarity": round(share, 2), "matches": share >= HEADING_MATCH_MIN}


def _mix(weights: np.ndarray) -> list[float]:
    total = float(weights.sum())
    return [round(float(w) / total, 4) if total else 0.0 for w in weights]


def section_weights(docs: list[_Doc], weights: np.ndarray) -> dict[tuple[int, int], np.ndarray]:
    """Each (article, section)'s topic weights: the sum over its documents."""
    out: dict[tuple[int, int], np.ndarray] = {}
    for doc, row in zip(docs, weights, strict=True):
        key = (doc.article, doc.section)
        out[key] = out.get(key, 0) + row
    return out


def _sections(
    article: Article, docs: list[_Doc], doc_keys: list[set[str]], weights: dict,
    topics: list[dict], vocab: Terms
) -> list[dict]:
    out = []
    for section in article.sections:
        here = [i for i, d in enumerate(docs) if d.section == section.index]
        mine = [docs[i] for i in here]
        body = "\n".join(d.text for d in mine)
        row = {
            "index": section.index,
            "heading": section.heading,
            "start": section.start,
            "end": section.end,
            "topic": None,
        }
        total = weights.get((mine[0].article, section.index)) if mine else None
        topic = None
        if total is not None and total.sum() > 0:
            mix = _mix(total)
            best = int(np.argmax(total))
            topic = topics[best]
            row |= {"topic": best, "label": topic["label"], "weight": mix[best], "mix": mix}
        else:
            row["reason"] = "no paragraphs" if not body else "no topic vocabulary"
        if section.heading:
            # The body's stems are its documents' (no word spans the newlines joining them),
            # already tokenised for the model: not tokenised again.
            keys = set().union(*(doc_keys[i] for i in here))
            row["heading_match"] = _heading_match(section.heading, keys, topic, vocab)
        out.append(row)
    return out


def _shifts(sections: list[dict]) -> list[dict]:
    scored = [s for s in sections if s["topic"] is not None]
    shifts = []
    for a, b in zip(scored, scored[1:], strict=False):
        va, vb = np.array(a["mix"]), np.array(b["mix"])
        cosine = float(va @ vb / (np.linalg.norm(va) * np.linalg.norm(vb)))
        shifts.append(
            {
                "from_section": a["index"],
                "to_section": b["index"],
                "from_topic": a["topic"],
                "to_topic": b["topic"],
                "shift": a["topic"] != b["topic"],
                "similarity": round(cosine, 3),
            }
        )
    return shifts


def article_structure(
    index: int, article: Article, docs: list[_Doc], doc_keys: list[set[str]], weights: dict,
    topics: list[dict], vocab: Terms
) -> dict:
    """``doc_keys``: the stems of each document's tokens."""
    here = [i for i, d in enumerate(docs) if d.article == index]
    sections = _sections(article, [docs[i] for i in here], [doc_keys[i] for i in here], weights,
                         topics, vocab)
    totals = [w for (a, _), w in weights.items() if a == index]
    return {
        "path": article.path,
        "title": article.title,
        "mix": _mix(sum(totals)) if totals else [],
        "sections": sections,
        "shifts": _shifts(sections),
        "mismatched_headings": [
            s["index"] for s in sections if s.get("heading_match", {}).get("matches") is False
        ],
    }

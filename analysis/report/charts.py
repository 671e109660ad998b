"""Geometry of the HTML report's small charts: readability and topic per section.

Only numbers and plain strings are computed here; the template draws the inline SVG and its
autoescaping escapes every label (headings and topic terms come from the article).
"""

from __future__ import annotations

from typing import Any

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
TOPIC_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
                 "#999999")
ROW = 22  # px per section row
LABEL_WIDTH = 170
BAR_WIDTH = 200
GRADE_MAX = 20.0  # graduate-level text; the bar is clipped beyond
LABEL_CHARS = 26


def _label(section: dict[str, Any]) -> tuple[str, str]:
    heading = section.get("heading") or ("Introduction" if section.get("index") == 0
                                         else f"Section {section.get('index', 0) + 1}")
    short = heading if len(heading) <= LABEL_CHARS else heading[: LABEL_CHARS - 1] + "…"
    return short, heading


def readability_chart(readability: dict[str, Any] | None) -> dict[str, Any] | None:
    """Rows of a per-section Flesch-Kincaid grade bar chart, or None without readability.

    Returns:
        ``rows`` (label, full heading, y, bar width, grade, ease, or the reason a section
        is not scored), ``width``, ``height``, the article's ``grade`` and ``ease``.
    """
    if not readability:
        return None
    rows = []
    for i, section in enumerate(readability.get("sections") or []):
        short, full = _label(section)
        row: dict[str, Any] = {"label": short, "full": full, "y": i * ROW, "index":
                               section.get("index", i), "scored": bool(section.get("scored"))}
        if row["scored"]:
            grade = float(section["flesch_kincaid_grade"])
            ease = float(section["flesch_reading_ease"])
            row |= {"grade": round(grade, 1), "ease": round(ease, 1),
                    "bar": round(max(0.0, min(grade, GRADE_MAX)) / GRADE_MAX * BAR_WIDTH, 1)}
        else:
            row["reason"] = section.get("reason") or "not scored"
        rows.append(row)
    whole = readability.get("article") or {}
    return {
        "rows": rows, "label_width": LABEL_WIDTH, "bar_width": BAR_WIDTH,
        "width": LABEL_WIDTH + BAR_WIDTH + 110, "height": max(1, len(rows)) * ROW,
        "grade": whole.get("flesch_kincaid_grade"), "ease": whole.get("flesch_reading_ease"),
        "reason": None if whole.get("scored", True) else whole.get("reason"),
    }


def topics_chart(topics: dict[str, Any] | None) -> dict[str, Any] | None:
    """Rows of a per-section topic-mix chart (stacked bars) and the topic legend.

    Returns:
        ``scored``; when scored, ``topics`` (id, label, colour, top terms) and ``rows`` (label,
        y, dominant topic label, bar ``segments`` with x, width and colour); else ``reason``.
    """
    if not topics:
        return None
    if not topics.get("scored"):
        return {"scored": False, "reason": topics.get("reason") or "not scored"}
    legend = [
        {"id": t["id"], "label": t["label"], "colour": TOPIC_COLOURS[t["id"] % len(TOPIC_COLOURS)],
         "terms": ", ".join(term["term"] for term in t.get("terms", [])[:6])}
        for t in topics.get("topics", [])
    ]
    colours = {t["id"]: t["colour"] for t in legend}
    rows = []
    for i, section in enumerate(topics.get("sections") or []):
        short, full = _label(section)
        segments, x = [], 0.0
        for topic, share in enumerate(section.get("mix") or []):
            width = round(share * BAR_WIDTH, 1)
            if width > 0:
                segments.append({"x": round(x, 1), "w": width, "topic": topic,
                                 "colour": colours.get(topic, TOPIC_COLOURS[-1]),
                                 "share": round(share * 100)})
            x += share * BAR_WIDTH
        rows.append({"label": short, "full": full, "y": i * ROW, "segments": segments,
                     "topic": section.get("topic"), "dominant": section.get("label")
                     or section.get("reason") or "no topic"})
    return {
        "scored": True, "topics": legend, "rows": rows, "label_width": LABEL_WIDTH,
        "bar_width": BAR_WIDTH, "width": LABEL_WIDTH + BAR_WIDTH + 190,
        "height": max(1, len(rows)) * ROW, "mismatched": topics.get("mismatched_headings", []),
    }

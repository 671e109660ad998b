"""The article as HTML with every claim and flag highlighted from its character offsets.

Every piece of article text is escaped here (``markupsafe.escape`` or ``Markup.format``, which
escapes its arguments); nothing from the article or the KB is ever marked safe as it is.
Highlights may overlap (a flag on a claim's sentence, two flags on one sentence, a claim that
spans a line break), so the text is cut at every span boundary and each piece lists all the
spans that cover it: no nesting to get wrong, and one element per piece.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

SEVERITY_ORDER = ("high", "medium", "low")
# Worst first: a piece covered by two claims shows the verdict an editor must see.
VERDICT_ORDER = ("contradicted", "unverifiable", "supported")
# Block kinds of the report -> the element that shows a line of that kind.
_TAGS = {"title": "h1", "heading": "h2", "paragraph": "p", "bullet": "li",
         "pull_quote": "blockquote"}


@dataclass(frozen=True)
class Span:
    """A highlight: a flag (coloured by severity) or a claim (underlined by verdict)."""

    kind: str
    id: str
    start: int
    end: int
    rank: int
    label: str
    category: str
    title: str


@dataclass(frozen=True)
class Line:
    """One non-blank line of the article, the unit the HTML shows as a heading, paragraph, ..."""

    kind: str
    start: int
    end: int
    section: int


def spans_of(report: dict[str, Any]) -> list[Span]:
    """The flags and claims of a report as highlight spans."""
    spans = [
        Span("flag", f["id"], f["start"], f["end"], _rank(SEVERITY_ORDER, f["severity"]),
             f["severity"], f["category"], f"{f['severity']}: {f['message']}")
        for f in report.get("flags", [])
    ]
    for c in report.get("claims", []):
        reason = f" ({c['reason']})" if c.get("reason") else ""
        title = f"claim {c['verdict']}{reason}: {c.get('summary') or c['sentence']}"
        spans.append(Span("claim", c["id"], c["start"], c["end"],
                          _rank(VERDICT_ORDER, c["verdict"]), c["verdict"], "", title))
    return spans


def _rank(order: tuple[str, ...], value: str) -> int:
    return order.index(value) if value in order else len(order)


def article_lines(report: dict[str, Any]) -> list[Line]:
    """The article's non-blank lines, each with its block kind and section.

    Kinds come from the report's ``blocks``; a report without them (an older report.json)
    falls back to its sections: a section's first line equal to its heading is a heading.
    """
    text = report["text"]
    blocks = sorted(report.get("blocks") or [], key=lambda b: b["start"])
    starts = [b["start"] for b in blocks]
    sections = sorted(report.get("sections") or [], key=lambda s: s["start"])
    lines: list[Line] = []
    offset = 0
    for raw in text.split("\n"):
        start, end = offset, offset + len(raw)
        offset = end + 1
        if not raw.strip():
            continue
        section = _section_at(sections, start)
        kind, shown = "paragraph", start
        i = bisect.bisect_left(starts, start)
        if i < len(blocks) and blocks[i]["start"] < end:
            kind = blocks[i]["kind"]
            # A bullet's block starts after its marker ("- "): show the text, not the marker.
            shown = blocks[i]["start"] if kind == "bullet" else start
        elif not blocks and section and section.get("heading") and start == section["start"]:
            kind = "heading" if raw.strip() == section["heading"].strip() else kind
        lines.append(Line(kind, shown, end, section["index"] if section else 0))
    return lines


def _section_at(sections: list[dict[str, Any]], offset: int) -> dict[str, Any] | None:
    found = None
    for section in sections:
        if section["start"] <= offset:
            found = section
    return found


def render_line(text: str, start: int, end: int, spans: list[Span], anchored: set[str]) -> Markup:
    """``text[start:end]`` as HTML, each piece covered by spans wrapped in one highlight element.

    Args:
        text: the article text.
        start: first offset of the line.
        end: end offset of the line.
        spans: all highlights of the report (those outside the line are ignored).
        anchored: ids that already have an ``hl-<id>`` element; updated in place so the first
            piece of each flag and claim gets a stable anchor.
    """
    inside = [s for s in spans if s.start < end and s.end > start]
    cuts = sorted({start, end} | {max(start, s.start) for s in inside}
                  | {min(end, s.end) for s in inside})
    parts = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        cover = [s for s in inside if s.start <= a and s.end >= b]
        piece = text[a:b]
        parts.append(_piece(piece, cover, anchored) if cover else escape(piece))
    return Markup("").join(parts)


def _piece(piece: str, cover: list[Span], anchored: set[str]) -> Markup:
    flags = sorted((s for s in cover if s.kind == "flag"), key=lambda s: (s.rank, s.start))
    claims = sorted((s for s in cover if s.kind == "claim"), key=lambda s: (s.rank, s.start))
    classes = ["hl"]
    attrs: dict[str, str] = {}
    if flags:
        top = flags[0]
        classes += ["flag", f"sev-{top.label}"]
        attrs |= {"data-flags": " ".join(s.id for s in flags), "data-flag-id": top.id,
                  "data-severity": top.label, "data-category": top.category,
                  "data-categories": " ".join(sorted({s.category for s in flags}))}
    if claims:
        classes += ["claim", f"verdict-{claims[0].label}"]
        attrs |= {"data-claims": " ".join(s.id for s in claims), "data-verdict": claims[0].label}
    for span in flags + claims:
        if span.id not in anchored:
            anchored.add(span.id)
            attrs = {"id": f"hl-{span.id}"} | attrs
            break
    attrs |= {"class": " ".join(classes), "title": "\n".join(s.title for s in flags + claims),
              "tabindex": "0", "role": "button"}
    # Escaped by hand into f-strings: Markup.format runs string.Formatter per field (a third of
    # the HTML report's time on a profile full of flags), and escapes each field just the same.
    rendered = " ".join(f'{escape(k)}="{escape(v)}"' for k, v in attrs.items())
    return Markup(f"<span {rendered}>{escape(piece)}</span>")


def render_sections(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The article as sections of HTML blocks; consecutive bullets are grouped in one list.

    Returns:
        One dict per section: ``index``, ``heading`` and ``blocks`` (each ``tag`` and either
        ``html`` or, for a list, ``items``).
    """
    text = report["text"]
    spans = spans_of(report)
    anchored: set[str] = set()
    out: list[dict[str, Any]] = []
    headings = {s["index"]: s.get("heading") for s in report.get("sections") or []}
    for line in article_lines(report):
        if not out or out[-1]["index"] != line.section:
            out.append({"index": line.section, "heading": headings.get(line.section),
                        "blocks": []})
        blocks = out[-1]["blocks"]
        html = render_line(text, line.start, line.end, spans, anchored)
        tag = _TAGS.get(line.kind, "p")
        if tag == "li":
            if not blocks or blocks[-1]["tag"] != "ul":
                blocks.append({"tag": "ul", "items": []})
            blocks[-1]["items"].append(html)
        else:
            blocks.append({"tag": tag, "html": html, "kind": line.kind})
    return out

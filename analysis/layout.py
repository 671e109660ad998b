"""Line-level layout: which lines are headings, bullets, pull quotes, paragraphs; then sections.

Shared by the plain-text reader (which guesses kinds from the lines) and the Markdown/HTML
renderers (which know them from the markup).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from analysis.dates import PartialDate
from analysis.models import Article, Block, Section


@dataclass(frozen=True)
class Line:
    """A non-blank line (or rendered block) with its content offsets, markers excluded."""

    start: int
    end: int
    kind: str = "paragraph"
    blank_before: bool = False
    date_label: str | None = None
    attribution: str | None = None
    attribution_start: int = -1


_BULLET = re.compile(r"^[ \t]*(?:[-*•–·]|\d{1,3}[.)])[ \t]+")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "1988: Joined ...", "1988–1996 – Head of ...", "July 2024: Released ...", "c. 1950: ..."
DATE_LABEL = re.compile(
    rf"^(?P<label>(?:c\.\s?)?(?:{_MONTH}\s)?\d{{4}}s?"
    r"(?:\s?[–—-]\s?(?:\d{2,4}|present|now|today))?)\s?(?::|\s[–—|-])\s+",
    re.I,
)
# “Quoted text.”— From the section on ...   /   "Quoted text." -- Attribution
_PULL_QUOTE = re.compile(r"^[“\"](?P<q>.+)[”\"]\s*(?:[—–]|--)\s*(?P<attr>\S.*)$")
_ATTRIBUTION_LINE = re.compile(r"^(?:[—–]|--)\s*(?P<attr>\S.*)$")
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or the to vs with without".split()
)
_TERMINAL = tuple('.!?;,:"”)')
_LIFE_DATES = re.compile(r"\s*\((?:b\.\s*)?\d{3,4}\s*[-–—]?\s*(?:\d{2,4})?\)$")


def split_lines(text: str) -> list[Line]:
    """Every non-blank line of ``text`` with its offsets (surrounding spaces trimmed)."""
    lines: list[Line] = []
    pos, blank = 0, False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            lines.append(Line(start, start + len(stripped), blank_before=blank))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return lines


def classify_plain_lines(text: str, lines: list[Line]) -> list[Line]:
    """Guess each line's kind in a plain-text article, then join wrapped paragraph lines."""
    out: list[Line] = []
    for i, line in enumerate(lines):
        content = text[line.start : line.end]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        out.append(_classify_line(text, line, content, nxt, first=i == 0))
    out = _attach_attribution_lines(text, out)
    return _join_wrapped(text, out) if any(line.blank_before for line in lines) else out


def _classify_line(text: str, line: Line, content: str, nxt: Line | None, first: bool) -> Line:
    if m := _BULLET.match(content):
        line = replace(line, start=line.start + m.end(), kind="bullet")
        return with_date_label(text, line)
    if m := _PULL_QUOTE.match(content):
        return replace(
            line,
            start=line.start + m.start("q"),
            end=line.start + m.end("q"),
            kind="pull_quote",
            attribution=m["attr"].strip(),
            attribution_start=line.start + m.start("attr"),
        )
    if DATE_LABEL.match(content):
        return with_date_label(text, replace(line, kind="bullet"))
    if nxt is not None and looks_like_heading(content):
        # (the first line is the title even when a standfirst follows it without a blank
        # line: "CLARA SCHUMANN (1819-1896)" over "Pianist and composer: a biography ...")
        return replace(line, kind="title" if first and (
            nxt.blank_before or not looks_like_heading(text[nxt.start : nxt.end])) else "heading")
    return line


def with_date_label(text: str, line: Line) -> Line:
    """Record the "1988" of a "1988: Joined ..." line (the label stays part of the block)."""
    if m := DATE_LABEL.match(text[line.start : line.end]):
        return replace(line, date_label=m["label"])
    return line


def looks_like_heading(content: str) -> bool:
    """A short line without closing punctuation, in title case (or very short)."""
    content = _LIFE_DATES.sub("", content)  # "CLARA SCHUMANN (1819-1896)": the name heads
    words = content.split()
    if not words or len(words) > 12 or len(content) > 90 or content.endswith(_TERMINAL):
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    major = [w for w in words if w.lower().strip(":&-") not in _SMALL_WORDS]
    capitalised = sum(1 for w in major if w[0].isupper() or w[0].isdigit())
    return len(words) <= 5 or capitalised >= 0.6 * max(len(major), 1)


def _attach_attribution_lines(text: str, lines: list[Line]) -> list[Line]:
    """A quote-only line followed by an "— Attribution" line is one pull quote."""
    out: list[Line] = []
    for line in lines:
        content = text[line.start : line.end]
        prev = out[-1] if out else None
        m = _ATTRIBUTION_LINE.match(content)
        prev_text = text[prev.start : prev.end] if prev else ""
        if (
            m
            and prev
            and prev.kind == "paragraph"
            and prev_text[:1] in '“"'
            and prev_text[-1:] in '”"'
        ):
            out[-1] = replace(
                prev,
                start=prev.start + 1,
                end=prev.end - 1,
                kind="pull_quote",
                attribution=m["attr"].strip(),
                attribution_start=line.start + m.start("attr"),
            )
            continue
        out.append(line)
    return out


def _join_wrapped(text: str, lines: list[Line]) -> list[Line]:
    """In blank-line separated text, consecutive paragraph lines are one wrapped paragraph."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev and line.kind == prev.kind == "paragraph" and not line.blank_before:
            out[-1] = replace(prev, end=line.end)
        else:
            out.append(line)
    return out


def build_article(
    text: str,
    lines: list[Line],
    *,
    path: str,
    fmt: str,
    sha256: str,
    meta: dict[str, str],
    default_title: str,
) -> Article:
    """Group classified lines into blocks and sections."""
    sections: list[Section] = []
    blocks: list[Block] = []
    title = meta.get("title", "")
    heading_starts: list[tuple[int, str | None]] = []
    for line in lines:
        if line.kind == "title" and not title:
            title = text[line.start : line.end]
        if line.kind == "heading":
            heading_starts.append((line.start, text[line.start : line.end]))
    body_start = next((ln.start for ln in lines if ln.kind != "title"), 0)
    if not heading_starts or body_start < heading_starts[0][0]:
        heading_starts.insert(0, (body_start, None))
    for i, (start, heading) in enumerate(heading_starts):
        end = heading_starts[i + 1][0] if i + 1 < len(heading_starts) else len(text)
        sections.append(Section(i, heading, start, len(text[:end].rstrip())))
    for line in lines:
        index = max((s.index for s in sections if s.start <= line.start), default=0)
        blocks.append(
            Block(
                kind=line.kind,  # type: ignore[arg-type]
                start=line.start,
                end=line.end,
                section=index,
                date_label=line.date_label,
                attribution=line.attribution,
                attribution_start=line.attribution_start,
            )
        )
    return Article(
        path=path,
        text=text,
        title=title or default_title,
        sections=tuple(sections),
        blocks=tuple(blocks),
        sha256=sha256,
        date=parse_article_date(meta.get("date", "")) or _dateline_date(text, blocks),
        source_format=fmt,  # type: ignore[arg-type]
    )


# A newspaper dateline opening the first paragraph: "TUCSON, Arizona, April 1, 1980 -- ",
# "SEOUL, 19 August 2009 — "
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,30}){0,2}),\s*"
    r"(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8},? \d{4})"
    r"\s*(?:\([A-Z]+\)\s*)?(?:(?:--|—|–)\s*|$)")


def dateline(text: str, blocks: tuple[Block, ...] | list[Block]) -> re.Match[str] | None:
    """The dateline opening one of the article's first blocks (a line of its own, or the start
    of the first paragraph), if it has one."""
    for block in [b for b in blocks if b.kind != "title"][:3]:
        found = DATELINE.match(text, block.start, block.end)
        if found is not None:
            return found
    return None


def _dateline_date(text: str, blocks: list[Block]) -> date | None:
    found = dateline(text, blocks)
    return parse_article_date(found["date"].replace(".", "")) if found else None


def parse_article_date(value: str) -> date | None:
    """The article's own date from front matter or HTML meta: ISO forms or "May 4, 2024"."""
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in ("%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    partial = PartialDate.parse(value[:10])
    return partial.interval()[0] if partial else None

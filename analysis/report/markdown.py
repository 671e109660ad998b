"""The Markdown report, for pasting into editorial tools (CommonMark with GFM tables).

Article and KB text is escaped so that it shows as written and never as markup: Markdown
punctuation gets a backslash (CommonMark's escape, which also keeps ``<script>`` from being
raw HTML), table cells escape ``|`` and turn line breaks into ``<br>``. Web addresses in sources
become autolinks (``<https://...>``); nothing else becomes a link.
"""

from __future__ import annotations

import re
from typing import Any

from analysis.report.highlight import SEVERITY_ORDER
from analysis.report.terminal import review_line

# Punctuation that can start markup anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>])")
# An entity reference ("&copy;") would be decoded; a bare "&" as in "AT&T" is left alone.
_ENTITY = re.compile(r"&(?=#?\w+;)")
# Line starts that would make a heading, list, quote or rule ("2003." starts an ordered list).
_LINE_START = re.compile(r"^([#+\-=]|\d+(?=[.)]))")
_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)


def _inline(text: str) -> str:
    flat = re.sub(r"\s+", " ", text)
    return _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", flat))


def _protect_start(text: str) -> str:
    match = _LINE_START.match(text)
    if not match:
        return text
    if match.group(1)[0].isdigit():  # escape the "." or ")" after the number
        cut = match.end()
        return text[:cut] + "\\" + text[cut:]
    return "\\" + text


def escape_md(text: str | None, *, block_start: bool = False) -> str:
    """``text`` on one line, shown literally by any CommonMark renderer.

    Args:
        text: article, KB or report text.
        block_start: the text starts a paragraph, quote or list item, where "# ", "- " or
            "2003." would become a heading or a list.
    """
    if not text:
        return ""
    flat = _inline(text).strip()
    return _protect_start(flat) if block_start else flat


def code_md(text: str) -> str:
    """``text`` as a code span (paths): shown verbatim, whatever backticks it holds."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def escape_cell(text: str | None) -> str:
    """``text`` for a table cell: escaped, ``|`` escaped, line breaks as ``<br>``."""
    lines = (text or "").strip().splitlines()
    return "<br>".join(escape_md(line).replace("|", "\\|") for line in lines if line.strip())


def source_md(text: str | None) -> str:
    """A source line: escaped text, each http(s) address an autolink."""
    if not text:
        return ""
    out, last = [], 0
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,;:!?")
        if url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1]
        out += [_inline(text[last : match.start()]), f"<{url}>"]
        last = match.start() + len(url)
    out.append(_inline(text[last:]))
    return "".join(out).strip()


def _ordered(flags: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rank = {s: i for i, s in enumerate(SEVERITY_ORDER)}
    return sorted(flags, key=lambda f: (rank.get(f["severity"], len(rank)), f["start"]))


def _section_of(report: dict[str, Any], offset: int) -> str:
    heading = ""
    for section in sorted(report.get("sections") or [], key=lambda s: s["start"]):
        if section["start"] <= offset:
            heading = section.get("heading") or ("Introduction" if section["index"] == 0 else "")
    return heading


def _summary(report: dict[str, Any]) -> list[str]:
    article, summary, kb = report["article"], report["summary"], report["kb"]
    flags, claims = summary["flags"], summary["claims"]
    facts = [f"**Article:** {code_md(str(article['path']))}"]
    if article.get("subject"):
        facts.append(f"**Subject:** {escape_md(article['subject']['name'])}")
    if article.get("date"):
        facts.append(f"**Dated:** {article['date']}")
    facts += [f"**Judged as of:** {report['as_of']}",
              f"**KB:** {kb['entities']} entities, {kb['facts']} facts"]
    return [
        f"# Fact-check: {escape_md(article['title'])}",
        "",
        " · ".join(facts),
        "",
        f"**{flags['total']} flags:** " + ", ".join(f"{flags[s]} {s}" for s in SEVERITY_ORDER)
        + f" · **{claims['total']} claims:** {claims['supported']} supported, "
        f"{claims['contradicted']} contradicted, {claims['unverifiable']} unverifiable",
        "",
    ]


def _table(report: dict[str, Any], flags: list[dict[str, Any]]) -> list[str]:
    rows = ["| Flag | Severity | Category | Finding | Section |", "| --- | --- | --- | --- | --- |"]
    for f in flags:
        cells = [f["id"], f"**{f['severity']}**", f["category"].replace("_", " "), f["message"],
                 _section_of(report, f["start"])]
        rows.append("| " + " | ".join(c if i in (1, 2) else escape_cell(c)
                                       for i, c in enumerate(cells)) + " |")
    return rows


def _detail(flag: dict[str, Any]) -> list[str]:
    category = flag["category"].replace("_", " ")
    lines = [f"### {flag['id']} · {flag['severity'].upper()} · {category}", "",
             escape_md(flag["message"], block_start=True), "",
             f"> {escape_md(flag['sentence'], block_start=True)}", ""]
    review = review_line(flag)
    if review:
        lines += [f"**Review:** {escape_md(review)}", ""]
    evidence = flag.get("evidence") or []
    if evidence:
        lines += ["**Evidence:**", ""]
        for e in evidence:
            source = f" — source: {source_md(e['source'])}" if e.get("source") else ""
            lines.append(f"- {escape_md(e['statement'], block_start=True)}{source}")
        lines.append("")
    else:
        lines += ["**Evidence:** none in the KB.", ""]
    if flag.get("suggestion"):
        lines += [f"**Suggestion:** {escape_md(flag['suggestion'])}", ""]
    return lines


def render_markdown(report: dict[str, Any]) -> str:
    """The report as Markdown: summary, a table of flags, then each flag in full.

    Args:
        report: a report dict (``analysis.report.build.build_report`` or its saved JSON).

    Returns:
        Markdown text ending in a newline.
    """
    ordered = _ordered(report.get("flags", []))
    lines = _summary(report)
    if not ordered:
        lines += ["No flags: nothing in this article contradicts the KB or itself.", ""]
        return "\n".join(lines)
    dismissed = [f for f in ordered if (f.get("review") or {}).get("status") == "dismissed"]
    flags = [f for f in ordered if f not in dismissed]
    if flags:
        lines += ["## Flags", "", *_table(report, flags), "", "## Details", ""]
    for flag in flags:
        lines += _detail(flag)
    if dismissed:
        lines += ["## Dismissed by reviewers", "", *_table(report, dismissed), ""]
        for flag in dismissed:
            lines += _detail(flag)
    tool = report.get("tool") or {}
    lines += ["---", "", f"*Generated by {escape_md(tool.get('name', 'factcheck'))} "
              f"{escape_md(tool.get('version', ''))}.*", ""]
    return "\n".join(lines)

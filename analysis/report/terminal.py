"""Terminal summary: counts by severity, then each flag with its sentence and suggestion.

Coloured with rich when writing to a terminal; plain text (no escape codes) when stdout is not a
TTY or ``NO_COLOR`` is set (https://no-color.org), so a pipe or a saved summary stays readable.
"""

from __future__ import annotations

import io
import os
import sys
import textwrap
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from analysis.report.highlight import SEVERITY_ORDER

_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}
_VERDICT_STYLE = {"supported": "green", "contradicted": "red", "unverifiable": "dim"}
WIDTH = 100
INDENT = "    "


def use_color(stream: Any = None) -> bool:
    """Whether to colour: the stream is a terminal and ``NO_COLOR`` is unset or empty."""
    stream = stream if stream is not None else sys.stdout
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")


def render_terminal(report: dict[str, Any], *, color: bool | None = None) -> str:
    """The summary as text.

    Args:
        report: a report dict (``build_report`` or its saved JSON).
        color: force colour on or off; by default, colour only for a terminal without
            ``NO_COLOR``.
    """
    if color is None:
        color = use_color()
    out = _Out(color)
    _header(out, report)
    rank = {s: i for i, s in enumerate(SEVERITY_ORDER)}
    ordered = sorted(report["flags"], key=lambda f: (rank.get(f["severity"], 3), f["start"]))
    flags = [f for f in ordered if not _dismissed(f)]
    for flag in flags:
        out.print()
        _flag(out, flag)
    if not flags:
        out.print(Text("No flags." if not ordered else "No open flags.", style="green"))
    dismissed = [f for f in ordered if _dismissed(f)]
    if dismissed:
        out.print()
        out.print(Text(f"Dismissed by reviewers ({len(dismissed)}):", style="bold"))
        for flag in dismissed:
            out.print()
            _flag(out, flag)
    return out.getvalue()


class _Out:
    """rich's Console.print, with plain lines that need no wrapping written directly.

    Why: a batch saves a plain summary per article, and rich's per-line rendering cost more
    than the rest of the summary. A plain line within ``WIDTH`` cells is exactly what rich
    prints for it; anything else (colour, a line to wrap) still goes through rich.
    """

    def __init__(self, color: bool) -> None:
        self.color = color
        self._buf = io.StringIO()
        self._console: Console | None = None

    def print(self, text: Text | None = None, soft_wrap: bool = False) -> None:
        if text is None:
            self._buf.write("\n")
            return
        plain = text.plain
        if not self.color and "\n" not in plain and (soft_wrap or cell_len(plain) <= WIDTH):
            self._buf.write(plain + "\n")
            return
        if self._console is None:
            self._console = Console(file=self._buf, force_terminal=self.color,
                                    no_color=not self.color, width=WIDTH, highlight=False,
                                    emoji=False, markup=False)
        self._console.print(text, soft_wrap=soft_wrap)

    def getvalue(self) -> str:
        return self._buf.getvalue()


def _dismissed(flag: dict[str, Any]) -> bool:
    return (flag.get("review") or {}).get("status") == "dismissed"


def review_line(flag: dict[str, Any]) -> str | None:
    """The flag's review as one line ("dismissed by Ann, 2026-11-29: note"), None if unreviewed.

    Shared with the Markdown report.
    """
    review = flag.get("review") or {}
    if review.get("changed"):
        old = review.get("previous") or {}
        note = f": {old['note']}" if old.get("note") else ""
        return (f"sentence changed, review again (was {old.get('status')} by "
                f"{old.get('reviewer') or 'unknown'}, {(old.get('time') or '')[:10]}{note})")
    if review.get("status", "open") == "open" and not review.get("note"):
        return None
    line = f"{review['status']} by {review.get('reviewer') or 'unknown'}"
    line += f", {(review.get('time') or '')[:10]}" if review.get("time") else ""
    line += f": {review['note']}" if review.get("note") else ""
    corrected = review.get("corrected") or {}
    if corrected.get("value"):
        line += f" (correct: {corrected['value']}; source: {corrected.get('source') or '-'})"
    return line


def _header(out: _Out, report: dict[str, Any]) -> None:
    summary, article = report["summary"], report["article"]
    out.print(Text(f"Fact-check: {article['title']} ({article['path']})", style="bold"))
    claims = Text(f"as of {report['as_of']} · {summary['claims']['total']} claims: ")
    for i, verdict in enumerate(("supported", "contradicted", "unverifiable")):
        claims.append(", " if i else "")
        claims.append(f"{summary['claims'][verdict]} {verdict}", style=_VERDICT_STYLE[verdict])
    out.print(claims)
    flags = summary["flags"]
    line = Text(f"{flags['total']} flags: ")
    for i, sev in enumerate(SEVERITY_ORDER):
        line.append(", " if i else "")
        line.append(f"{flags[sev]} {sev}", style=_STYLE[sev])
    out.print(line)
    review = summary.get("review")
    if review and any(review.get(k) for k in ("confirmed", "dismissed", "fixed", "changed")):
        parts = [f"{review[k]} {k}" for k in ("open", "confirmed", "dismissed", "fixed")
                 if review.get(k)]
        changed = f" ({review['changed']} with a changed sentence)" if review.get("changed") else ""
        out.print(Text("review: " + ", ".join(parts) + changed, style="magenta"))
    categories = summary.get("categories") or {}
    if categories:
        out.print(Text("by category: " + ", ".join(
            f"{n} {c.replace('_', ' ')}" for c, n in categories.items()), style="dim"))


def _flag(out: _Out, flag: dict[str, Any]) -> None:
    head = Text(f"[{flag['id']}] ")
    head.append(f"{flag['severity'].upper()} {flag['category'].replace('_', ' ')}",
                style=_STYLE.get(flag["severity"], "bold"))
    head.append(f": {flag['message']}")
    out.print(head)
    _indented(out, f"“{_clip(flag['sentence'], 320)}”", "italic")
    review = review_line(flag)
    if review:
        _indented(out, f"review: {review}", "bold magenta")
    for ev in flag["evidence"]:
        source = f" — {_clip(ev['source'], 200)}" if ev.get("source") else ""
        _indented(out, f"evidence: {ev['statement']}{source}", "dim")
    if flag.get("suggestion"):
        _indented(out, f"suggestion: {flag['suggestion']}", "green")


def _indented(out: _Out, text: str, style: str) -> None:
    # Wrapped lines stay under their flag, so one flag reads as one block.
    wrapped = textwrap.fill(" ".join(text.split()), width=WIDTH, initial_indent=INDENT,
                            subsequent_indent=INDENT, break_on_hyphens=False)
    out.print(Text(wrapped, style=style), soft_wrap=True)


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

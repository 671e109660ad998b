"""Terminal summary: counts by severity, then each flag with its sentence and suggestion."""

from __future__ import annotations

import io
import os
import sys
from typing import Any

from rich.console import Console
from rich.text import Text

_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}


def render_terminal(report: dict[str, Any], *, color: bool | None = None) -> str:
    """The summary as text; coloured only for a terminal without NO_COLOR."""
    if color is None:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    buf = io.StringIO()
    out = Console(file=buf, force_terminal=color, no_color=not color, width=100,
                  highlight=False)
    summary = report["summary"]
    article = report["article"]
    out.print(Text(f"Fact-check: {article['title']} ({article['path']})", style="bold"))
    claims = summary["claims"]
    out.print(f"as of {report['as_of']} · {claims['total']} claims: {claims['supported']} "
              f"supported, {claims['contradicted']} contradicted, {claims['unverifiable']} "
              "unverifiable")
    flags = summary["flags"]
    line = Text(f"{flags['total']} flags: ")
    for sev in ("high", "medium", "low"):
        line.append(f"{flags[sev]} {sev}", style=_STYLE[sev])
        line.append("  ")
    out.print(line)
    for flag in report["flags"]:
        out.print()
        head = Text(f"[{flag['id']}] ")
        style = _STYLE[flag["severity"]]
        head.append(f"{flag['severity'].upper()} {flag['category']}", style=style)
        head.append(f": {flag['message']}")
        out.print(head)
        out.print(Text(f"  “{_clip(flag['sentence'])}”", style="italic"))
        for ev in flag["evidence"]:
            out.print(Text(f"  evidence: {ev['statement']} — {ev['source']}", style="dim"))
        if flag.get("suggestion"):
            out.print(Text(f"  suggestion: {flag['suggestion']}", style="green"))
    return buf.getvalue()


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

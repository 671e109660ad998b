"""Render a report dict in each output format. Only this package knows about formats."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from analysis.errors import FactcheckError

Renderer = Callable[[dict[str, Any]], str]
# Format name -> (renderer module, function, file name in a report folder).
_RENDERERS: dict[str, tuple[str, str, str]] = {
    "json": ("analysis.report.render", "render_json", "report.json"),
    "terminal": ("analysis.report.terminal", "render_terminal", "summary.txt"),
    "md": ("analysis.report.markdown", "render_markdown", "report.md"),
    "html": ("analysis.report.html", "render_html", "report.html"),
    "claimreview": ("analysis.report.claimreview", "render_claimreview", "claimreview.json"),
}
FORMATS = tuple(_RENDERERS)


def render_json(report: dict[str, Any]) -> str:
    # A report is a tree of plain values built here: no cycle to look for on every container.
    return json.dumps(report, indent=2, ensure_ascii=False, check_circular=False) + "\n"


def renderer(fmt: str) -> Renderer:
    import importlib

    if fmt not in _RENDERERS:
        raise FactcheckError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    module, func, _ = _RENDERERS[fmt]
    return getattr(importlib.import_module(module), func)


def file_name(fmt: str) -> str:
    return _RENDERERS[fmt][2]


def render(report: dict[str, Any], fmt: str) -> str:
    return renderer(fmt)(report)


def render_file(report: dict[str, Any], fmt: str) -> str:
    """``fmt`` as saved to a file: the terminal summary without colour codes, whatever the
    terminal the command runs in can show."""
    if fmt == "terminal":
        from analysis.report.terminal import render_terminal

        return render_terminal(report, color=False)
    return render(report, fmt)

"""The HTML report: one self-contained file an editor opens in a browser, no network needed.

The article is shown with every claim and flag highlighted (``highlight.py``), a side panel lists
the flags by severity with category filters, and small inline-SVG charts show readability and
topics per section. The template autoescapes; article and KB text is never marked safe. The only
``Markup`` that is not built by escaping is the package's own CSS and JS, and a Content Security
Policy lets exactly those (by hash) run, so even an injected ``<script>`` would not.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from analysis.report.charts import readability_chart, topics_chart
from analysis.report.highlight import SEVERITY_ORDER, render_sections
from analysis.report.terminal import review_line

TEMPLATE = "report.html.j2"
# Only absolute web addresses become links: no javascript:, data: or relative URLs.
_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}"


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("analysis.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _asset(name: str) -> str:
    return (resources.files("analysis.report") / "templates" / name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def linkify(text: str | None) -> Markup:
    """Escape ``text``, turning each http(s) address in it into a link.

    Args:
        text: a source line from the KB, e.g. "Proc. IEEE 86(11), 1998; https://...".

    Returns:
        HTML with every piece escaped; addresses end before trailing punctuation.
    """
    if not text:
        return Markup("")
    parts: list[Markup] = []
    last = 0
    for match in _URL.finditer(text):
        url = match.group(0)
        while url and url[-1] in _URL_TRAILING and not _balanced(url):
            url = url[:-1]
        end = match.start() + len(url)
        parts.append(escape(text[last : match.start()]))
        parts.append(Markup('<a href="{}" rel="noopener noreferrer">{}</a>').format(url, url))
        last = end
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


def _balanced(url: str) -> bool:
    # "https://en.wikipedia.org/wiki/Foo_(bar)" keeps its closing parenthesis.
    return url[-1] == ")" and url.count("(") >= url.count(")")


def humanize(category: str) -> str:
    """``date_mismatch`` -> ``date mismatch``."""
    return category.replace("_", " ")


def _evidence(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"statement": e.get("statement") or "", "source": linkify(e.get("source")),
             "kb_id": e.get("kb_id")} for e in items]


def _flag_view(flag: dict[str, Any], headings: dict[int, str | None],
               sections: list[dict[str, Any]]) -> dict[str, Any]:
    where = next((s for s in reversed(sections) if s["start"] <= flag["start"]), None)
    return flag | {
        "category_label": humanize(flag["category"]),
        "evidence": _evidence(flag.get("evidence") or []),
        "section": headings.get(where["index"]) if where else None,
        "review_status": (flag.get("review") or {}).get("status", "open"),
        "review_text": review_line(flag),
    }


def _claim_view(claim: dict[str, Any]) -> dict[str, Any]:
    return claim | {"evidence": _evidence(claim.get("evidence") or [])}


def build_context(report: dict[str, Any]) -> dict[str, Any]:
    """Everything the template shows, derived from the report dict alone."""
    sections = sorted(report.get("sections") or [], key=lambda s: s["start"])
    headings = {s["index"]: s.get("heading") for s in sections}
    flags = [_flag_view(f, headings, sections) for f in report.get("flags", [])]
    # Dismissed flags get their own section of the panel, after the open ones.
    dismissed = [f for f in flags if f["review_status"] == "dismissed"]
    listed = [f for f in flags if f["review_status"] != "dismissed"]
    groups = [{"severity": sev, "flags": [f for f in listed if f["severity"] == sev]}
              for sev in SEVERITY_ORDER]
    others = [f for f in listed if f["severity"] not in SEVERITY_ORDER]
    if others:
        groups.append({"severity": "other", "flags": others})
    categories: dict[str, int] = {}
    for flag in flags:
        categories[flag["category"]] = categories.get(flag["category"], 0) + 1
    return {
        "report": report,
        "article": report["article"],
        "summary": report["summary"],
        "flags": flags,
        "groups": groups,
        "dismissed": dismissed,
        "categories": [{"name": c, "label": humanize(c), "count": n}
                       for c, n in sorted(categories.items())],
        "claims": [_claim_view(c) for c in report.get("claims", [])],
        "body": render_sections(report),
        "readability": readability_chart(report.get("readability")),
        "topics": topics_chart(report.get("topics")),
    }


def render_html(report: dict[str, Any]) -> str:
    """The report as one self-contained HTML page (inline CSS, JS and SVG; no network).

    Args:
        report: a report dict as built by ``analysis.report.build.build_report`` (or loaded
            from its JSON).

    Returns:
        The HTML document.
    """
    css, js = _asset("report.css"), _asset("report.js")
    csp = (f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    template = _environment().get_template(TEMPLATE)
    # Our own assets, read from the package: the only text marked safe without escaping.
    return template.render(build_context(report), css=Markup(css), js=Markup(js), csp=csp)

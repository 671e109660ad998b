"""Corpus outputs of a batch: ``summary.csv``, ``summary.json`` and ``index.html``.

Rows come from the manifest (one per article); the corpus topic model is fitted on a bounded,
order-independent sample of the articles so that memory and time stay flat however large
the batch is.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from analysis import __version__
from analysis.fileio import write_atomic

TOPIC_SAMPLE = 200
"""At most this many articles feed the corpus topic model (those with the smallest content
hashes: a stable sample, whatever the input order or the number of workers)."""
SEVERITIES = ("high", "medium", "low")
VERDICTS = ("supported", "contradicted", "unverifiable")
CSV_COLUMNS = (
    "path", "folder", "title", "status", "error", "words",
    *(f"claims_{v}" for v in VERDICTS), "claims_total",
    *(f"flags_{s}" for s in SEVERITIES), "flags_total",
    "readability_grade", "topics",
)  # fmt: skip


def need_rank(row: dict[str, Any]) -> tuple:
    """Sort key: most to check first (high, then medium, then low flags), errors last."""
    flags = row.get("flags") or {}
    return (row["status"] != "ok", *(-int(flags.get(s, 0)) for s in SEVERITIES), row["path"])


def csv_text(rows: Sequence[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        claims, flags = row.get("claims") or {}, row.get("flags") or {}
        writer.writerow([
            row["path"], row.get("folder", ""), row.get("title", ""), row["status"],
            row.get("error", ""), row.get("words", ""),
            *(claims.get(v, "") for v in VERDICTS), claims.get("total", ""),
            *(flags.get(s, "") for s in SEVERITIES), flags.get("total", ""),
            "" if row.get("readability_grade") is None else row["readability_grade"],
            "; ".join(row.get("topics") or []),
        ])  # fmt: skip
    return out.getvalue()


def corpus_topics(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The corpus-level topic model (``analyze_topics``) over a stable sample of the articles."""
    from analysis.errors import FactcheckError
    from analysis.ingest import read_article
    from analysis.topics import analyze_topics, kept_article

    ok = sorted((r for r in rows if r["status"] == "ok"), key=lambda r: (r["sha256"], r["path"]))
    articles = []
    for row in ok[:TOPIC_SAMPLE]:
        kept = kept_article(row["path"])  # checked in this process, file unchanged since
        if kept is not None:
            articles.append(kept)
            continue
        try:
            articles.append(read_article(row["path"]))
        except FactcheckError:  # changed or removed since it was checked: leave it out
            continue
    if not articles:
        return {"scored": False, "reason": "no article was checked", "topics": [], "articles": []}
    result = analyze_topics(articles)
    result["sample"] = {"articles": len(articles), "of": len(ok), "limit": TOPIC_SAMPLE}
    return result


def summary_json(rows: Sequence[dict[str, Any]], settings: dict[str, Any],
                 topics: dict[str, Any]) -> str:
    counts = {"articles": len(rows), "ok": sum(r["status"] == "ok" for r in rows)}
    counts["error"] = counts["articles"] - counts["ok"]
    flags = {s: sum((r.get("flags") or {}).get(s, 0) for r in rows) for s in SEVERITIES}
    data = {
        "schema_version": "1",
        "tool": {"name": "factcheck", "version": __version__},
        "settings": settings,
        "counts": counts | {"flags": flags},
        "articles": list(rows),
        "topics": topics,
    }
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;
text-align:left;vertical-align:top}th{background:#f4f4f4}td.n{text-align:right}
.high{color:#b00020;font-weight:600}.medium{color:#b35c00}.error{color:#b00020}
"""


def _index_row(row: dict[str, Any], link_name: str) -> str:
    e = html.escape
    flags, claims = row.get("flags") or {}, row.get("claims") or {}
    if row["status"] != "ok":
        cells = f'<td colspan="6" class="error">error: {e(row.get("error", ""))}</td>'
        name = e(row.get("title") or row["path"])
    else:
        href = e(f"{row['folder']}/{link_name}", quote=True)
        name = f'<a href="{href}">{e(row.get("title") or row["path"])}</a>'
        grade = row.get("readability_grade")
        cells = "".join([
            *(f'<td class="n {s}">{int(flags.get(s, 0))}</td>' for s in SEVERITIES),
            f'<td class="n">{int(claims.get("total", 0))}</td>',
            f'<td class="n">{"" if grade is None else e(str(grade))}</td>',
            f"<td>{e(', '.join(row.get('topics') or []))}</td>",
        ])  # fmt: skip
    return f"<tr><td>{name}<br><small>{e(row['path'])}</small></td>{cells}</tr>"


def index_html(rows: Sequence[dict[str, Any]], link_name: str) -> str:
    """A self-contained page linking every report, the articles needing most checking first."""
    body = "\n".join(_index_row(r, link_name) for r in sorted(rows, key=need_rank))
    ok = sum(r["status"] == "ok" for r in rows)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>factcheck batch: {len(rows)} articles</title><style>{_STYLE}</style></head>"
        f"<body><h1>factcheck batch</h1><p>{len(rows)} articles, {ok} checked, "
        f"{len(rows) - ok} errors. Sorted by what needs checking: high, medium, low flags.</p>"
        "<table><thead><tr><th>Article</th><th>High</th><th>Medium</th><th>Low</th>"
        "<th>Claims</th><th>Grade</th><th>Topics</th></tr></thead><tbody>\n"
        f"{body}\n</tbody></table></body></html>\n"
    )


def write_summaries(out: Path, rows: Sequence[dict[str, Any]], settings: dict[str, Any],
                    formats: Sequence[str]) -> None:
    """Write summary.csv, summary.json and index.html (each atomically)."""
    from analysis.report.render import file_name

    link = file_name("html" if "html" in formats else formats[0])
    topics = corpus_topics(rows)
    write_atomic(out / "summary.csv", csv_text(rows))
    write_atomic(out / "summary.json", summary_json(rows, settings, topics))
    write_atomic(out / "index.html", index_html(rows, link))

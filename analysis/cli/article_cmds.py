"""Commands that analyse one article: dates, entities, claims, timeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from analysis.cli.common import (
    article_argument,
    emit_json,
    format_option,
    kb_options,
    model_option,
)
from analysis.cli.tables import print_table

if TYPE_CHECKING:
    from analysis.run import Analysis


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date in YYYY-MM-DD form") from None


def date_option(name: str, help_text: str) -> Callable[[Callable], Callable]:
    return click.option(name, "ref_date", callback=_iso_date, metavar="YYYY-MM-DD", help=help_text)


def _analyze(
    article_path: Path,
    model: str | None,
    kb_paths: tuple[Path, ...] = (),
    no_bundled_kb: bool = False,
    ref_date: date | None = None,
    components: tuple[str, ...] | None = None,
    use_kb: bool = True,
) -> Analysis:
    # Imported here, not at the top: every command module is loaded to build the CLI, and these
    # pull in spaCy (about a second) -- a bad path is reported before any of it is loaded.
    from analysis.ingest import read_article

    article = read_article(article_path)
    from analysis.run import Analyzer, open_kb  # after reading: a bad path fails fast

    kb = open_kb(kb_paths, bundled=not no_bundled_kb) if use_kb else None
    return Analyzer(model, kb=kb, components=components).analyze(article, ref_date)


@click.command()
@article_argument()
@date_option("--ref-date", "Resolve relative dates against this date (default: the article's "
             "own date, else today).")
@format_option("table", "json")
@model_option
def dates(article: Path, ref_date: date | None, fmt: str, model: str | None) -> None:
    """List every temporal expression with its TIMEX3 type and value.

    Example:

        factcheck dates corpus/articles/yann-lecun-profile.txt --ref-date 2026-11-29
    """
    result = _analyze(article, model, ref_date=ref_date, components=("profile_dates",),
                      use_kb=False)
    from analysis.serialize import timex_json

    rows = [timex_json(t) for t in result.timexes]
    if fmt == "json":
        emit_json({"article": str(article), "ref_date": str(result.ref_date), "dates": rows})
        return
    print_table(
        f"Dates in {article} (reference date {result.ref_date})",
        ["text", "start", "end", "type", "value"],
        [[r["text"], r["start"], r["end"], r["type"], r["value"]] for r in rows],
    )


@click.command()
@article_argument()
@kb_options
@format_option("table", "json")
@model_option
def entities(
    article: Path, kb_paths: tuple[Path, ...], no_bundled_kb: bool, fmt: str, model: str | None
) -> None:
    """List entity mentions and the KB entries they link to.

    Example:

        factcheck entities corpus/articles/yann-lecun-profile.txt
    """
    result = _analyze(article, model, kb_paths, no_bundled_kb,
                      components=("profile_linker",))
    from analysis.serialize import mention_json

    rows = [mention_json(m) for m in result.mentions]
    if fmt == "json":
        emit_json({"article": str(article), "entities": rows})
        return
    print_table(
        f"Entities in {article}",
        ["mention", "type", "KB id", "KB label", "found by"],
        [[r["text"], r["label"], r["kb_id"] or "-", r["kb_label"] or "-", r["method"]]
         for r in rows],
    )


@click.command()
@article_argument()
@kb_options
@format_option("table", "json")
@model_option
def claims(
    article: Path, kb_paths: tuple[Path, ...], no_bundled_kb: bool, fmt: str, model: str | None
) -> None:
    """List the claims each sentence makes (subject, predicate, object, time).

    Example:

        factcheck claims corpus/articles/yann-lecun-profile.txt --format json
    """
    result = _analyze(article, model, kb_paths, no_bundled_kb)
    from analysis.serialize import claim_json

    rows = [claim_json(c, result.article.text) for c in result.claims]
    if fmt == "json":
        subject = result.subject
        emit_json({"article": str(article),
                   "subject": {"name": subject.name, "kb_id": subject.kb_id} if subject else None,
                   "claims": rows})
        return
    print_table(
        f"Claims in {article}",
        ["id", "subject", "predicate", "object", "time", "score"],
        [[r["id"], r["subject"], r["predicate"], r["object"] or "-",
          r["time"]["value"] if r["time"] else "-", f"{r['check_worthiness']:.2f}"]
         for r in rows],
    )


@click.command()
@article_argument()
@kb_options
@format_option("table", "json")
@model_option
def timeline(
    article: Path, kb_paths: tuple[Path, ...], no_bundled_kb: bool, fmt: str, model: str | None
) -> None:
    """List the article's dated events in chronological order.

    Example:

        factcheck timeline corpus/articles/yann-lecun-profile.txt
    """
    result = _analyze(article, model, kb_paths, no_bundled_kb)
    from analysis.serialize import event_json
    from analysis.timeline import build_timeline

    rows = [event_json(e) for e in build_timeline(result)]
    if fmt == "json":
        emit_json({"article": str(article), "timeline": rows})
        return
    print_table(f"Timeline of {article}", ["date", "event"],
                [[r["display"], r["event"]] for r in rows])


COMMANDS = [dates, entities, claims, timeline]

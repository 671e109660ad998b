"""``factcheck check``: the main job."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import click

from analysis.cli.article_cmds import date_option
from analysis.cli.common import article_argument, kb_options, model_option
from analysis.fileio import write_atomic
from analysis.report.render import FORMATS, file_name, render, render_file, render_json
from analysis.review.apply import apply_reviews, is_active
from analysis.review.local_kb import local_kb_path, open_kb_with_local
from analysis.review.store import ReviewStore, default_db_path

DEFAULT_REPORTS = Path("reports")
_RANK = {"high": 0, "medium": 1, "low": 2}


def slugify(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "article"


@click.command()
@article_argument(multiple=True)
@kb_options
@date_option("--as-of", "Judge 'is', 'now', 'recent' at this date (default: the article's own "
             "date, else today).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Print one format (to stdout, or to --output). Default: a terminal summary "
                   "plus every format under reports/<article>/.")
@click.option("--output", type=click.Path(path_type=Path), default=None, metavar="PATH|-",
              help="With --format: the file to write ('-' for stdout; a folder for several "
                   "articles). Without: the folder for report folders (default: reports).")
@click.option("--fail-on", type=click.Choice(["high", "medium", "low"]), default=None,
              help="Exit with code 1 when an open or confirmed flag of this severity or "
                   "higher is found (dismissed and fixed flags do not count).")
@click.option("--review-db", type=click.Path(path_type=Path, dir_okay=False), default=None,
              metavar="PATH", help="Editors' decisions to apply (default: $FACTCHECK_REVIEW_DB "
                                   "or ./factcheck-reviews.db; its local KB is used too).")
@click.option("--hide-dismissed", is_flag=True, help="Leave dismissed flags out of the reports.")
@model_option
def check(
    articles: tuple[Path, ...],
    kb_paths: tuple[Path, ...],
    no_bundled_kb: bool,
    ref_date: date | None,
    fmt: str | None,
    output: Path | None,
    fail_on: str | None,
    review_db: Path | None,
    hide_dismissed: bool,
    model: str | None,
) -> None:
    """Fact-check articles: claims against the KB and the article's own timeline.

    Example:

        factcheck check corpus/articles/yann-lecun-profile.txt --as-of 2026-11-29
    """
    # Topic models start in a forked child before spaCy is imported here (see topic_prefetch).
    from analysis.topic_prefetch import TopicPrefetch

    prefetch = TopicPrefetch(articles)
    # Imported here, not at the top: the CLI loads every command module, and the checker pulls
    # in spaCy and scikit-learn (seconds) that only this command needs.
    from analysis.checking import Checker

    db = review_db or default_db_path()
    kb = open_kb_with_local(kb_paths, bundled=not no_bundled_kb, local_path=local_kb_path(db))
    checker = Checker(model=model, kb=kb)
    store = ReviewStore(db) if db.exists() else None
    reports = []
    for path, found in zip(articles, checker.check_paths(articles, ref_date, prefetch.get),
                           strict=True):
        report = apply_reviews(found, store, hide_dismissed=hide_dismissed)
        reports.append(report)
        if fmt is None:
            _write_all(report, (output or DEFAULT_REPORTS) / slugify(path))
    if fmt is None:
        for report in reports:
            click.echo(render(report, "terminal"), nl=False)
        folder = output or DEFAULT_REPORTS
        click.echo(f"\nReports: {', '.join(str(folder / slugify(p)) for p in articles)}")
    else:
        _emit(reports, articles, fmt, output)
    if fail_on and any(_RANK[f["severity"]] <= _RANK[fail_on] and is_active(f)
                       for r in reports for f in r["flags"]):
        raise click.exceptions.Exit(1)


def _write_all(report: dict[str, Any], folder: Path) -> None:
    # Render everything first: a failure leaves the previous reports untouched.
    rendered = {file_name(fmt): render_file(report, fmt) for fmt in FORMATS}
    for name, text in rendered.items():
        write_atomic(folder / name, text)


def _emit(reports: list[dict[str, Any]], paths: tuple[Path, ...], fmt: str,
          output: Path | None) -> None:
    if len(reports) > 1 and output is not None and str(output) != "-":
        for path, report in zip(paths, reports, strict=True):
            write_atomic(output / f"{slugify(path)}-{file_name(fmt)}", render_file(report, fmt))
        return
    if fmt == "json" and len(reports) > 1:
        text = render_json({"reports": reports})  # type: ignore[arg-type]
    else:
        to_file = output is not None and str(output) != "-"
        text = "".join((render_file if to_file else render)(r, fmt) for r in reports)
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)


COMMANDS = [check]

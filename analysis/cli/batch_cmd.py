"""``factcheck batch``: many articles on all cores or a Dask cluster, resumable."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import click

from analysis.cli.article_cmds import date_option
from analysis.cli.common import kb_options, model_option


def available_formats() -> tuple[str, ...]:
    """Report formats whose renderer is installed (all of FORMATS once every renderer exists)."""
    from analysis.report.render import FORMATS, renderer

    found = []
    for fmt in FORMATS:
        try:
            renderer(fmt)
        except ImportError:
            continue
        found.append(fmt)
    return tuple(found)


def parse_formats(text: str | None) -> tuple[str, ...]:
    """``--formats json,html`` -> ("json", "html"); None -> every available format.

    Raises:
        click.BadParameter: an unknown or unavailable format.
    """
    from analysis.report.render import FORMATS

    have = available_formats()
    if text is None:
        return have
    wanted = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    for fmt in wanted:
        if fmt not in FORMATS:
            raise click.BadParameter(f"unknown format '{fmt}'; choose from {', '.join(FORMATS)}",
                                     param_hint="--formats")
        if fmt not in have:
            raise click.BadParameter(f"the '{fmt}' renderer is not available in this install",
                                     param_hint="--formats")
    if not wanted:
        raise click.BadParameter("give at least one format", param_hint="--formats")
    return wanted


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH|DIR|GLOB...")
@click.option("--output", "-o", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder for the report folders, summary.csv/json and index.html.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: all cores). Each loads the model once.")
@kb_options
@date_option("--as-of", "Judge 'is', 'now', 'recent' at this date (default: each article's own "
             "date, else today).")
@model_option
@click.option("--formats", default=None, metavar="LIST",
              help="Comma-separated report formats per article (default: all available).")
@click.option("--batch-size", type=click.IntRange(min=1), default=4, show_default=True,
              help="Articles per nlp.pipe batch sent to a worker.")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Run on a Dask distributed cluster (pip install 'factcheck[dask]').")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
def batch(
    inputs: tuple[str, ...],
    output: Path,
    jobs: int | None,
    kb_paths: tuple[Path, ...],
    no_bundled_kb: bool,
    ref_date: date | None,
    model: str | None,
    formats: str | None,
    batch_size: int,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Check many articles; a re-run skips unchanged ones and resumes an interrupted batch.

    Writes one report folder per article, summary.csv, summary.json and index.html (articles
    needing the most checking first). Bad articles are listed as errors; the batch goes on.

    Example:

        factcheck batch corpus/articles 'archive/**/*.md' --output out/ --jobs 2
    """
    from analysis.batch import BatchSettings, run_batch

    settings = BatchSettings(
        model=model, kb_paths=tuple(str(p) for p in kb_paths), bundled_kb=not no_bundled_kb,
        as_of=ref_date, formats=parse_formats(formats), batch_size=batch_size,
    )
    try:
        outcome = run_batch(inputs, output, settings, jobs=jobs or os.cpu_count() or 1,
                            scheduler=scheduler, progress=not quiet)
    except KeyboardInterrupt:
        click.echo("factcheck: interrupted; finished reports are kept: run the same command "
                   "again to resume", err=True)
        raise click.exceptions.Exit(130) from None
    click.echo(
        f"{outcome.total} articles: {outcome.checked} checked, {outcome.skipped} unchanged, "
        f"{outcome.errors} errors. Index: {outcome.output / 'index.html'}"
    )


COMMANDS = [batch]

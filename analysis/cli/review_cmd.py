"""``factcheck review`` (terminal review of flags) and ``factcheck serve`` (review in a browser)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from analysis.cli.article_cmds import date_option
from analysis.cli.common import emit_json, kb_options, model_option
from analysis.errors import InputError
from analysis.fileio import write_atomic
from analysis.review import session
from analysis.review.local_kb import local_kb_path, open_kb_with_local
from analysis.review.store import STATUSES, ReviewStore, default_db_path

_DB_HELP = "Review database (default: $FACTCHECK_REVIEW_DB or ./factcheck-reviews.db)."
_EXPORT_COLUMNS = ["id", "time", "article", "flag_id", "category", "status", "reviewer", "note",
                   "corrected_value", "corrected_source", "sentence", "message", "fingerprint",
                   "loose_key"]


def _db_option(func: Any) -> Any:
    return click.option("--db", "db_path", type=click.Path(path_type=Path, dir_okay=False),
                        default=None, metavar="PATH", help=_DB_HELP)(func)


@click.command()
@click.argument("target", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--flag", "flag_ref", metavar="ID",
              help="The flag to decide on: its id in the report (f2) or a fingerprint prefix.")
@click.option("--status", type=click.Choice(STATUSES), default=None,
              help="The decision (with --flag); 'open' reopens a flag.")
@click.option("--note", default="", help="Why (the reason for a dismissal), or a remark.")
@click.option("--reviewer", default=None, metavar="NAME",
              help="Who decides (default: $FACTCHECK_REVIEWER or the login name).")
@click.option("--correct", "correct_value", default=None, metavar="VALUE",
              help="With --flag: the correct value; saved as a fact in the local KB.")
@click.option("--source", default=None, metavar="SRC", help="Where --correct comes from.")
@click.option("--list", "list_all", is_flag=True, help="List the current decision on every flag.")
@click.option("--export", type=click.Choice(["csv", "json"]), default=None,
              help="Export the current decisions (every decision with --history).")
@click.option("--history", is_flag=True, help="With --export: every decision, oldest first.")
@click.option("--output", type=click.Path(path_type=Path), default=None, metavar="PATH|-",
              help="With --export: the file to write (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="With --list: output format.")
@_db_option
@kb_options
@date_option("--as-of", "Judge 'is', 'now', 'recent' at this date (when checking an article).")
@model_option
def review(target: Path | None, flag_ref: str | None, status: str | None, note: str,
           reviewer: str | None, correct_value: str | None, source: str | None,
           list_all: bool, export: str | None, history: bool, output: Path | None, fmt: str,
           db_path: Path | None, kb_paths: tuple[Path, ...], no_bundled_kb: bool,
           ref_date: date | None, model: str | None) -> None:
    """Review flags: confirm, dismiss (with a reason), mark fixed; decisions are kept.

    TARGET is an article (it is checked first) or a report.json written by 'factcheck check'.
    Without --flag, walks through the open flags one at a time (resumable).

    Example:

        factcheck review ARTICLE --flag f2 --status dismissed --note "checked"
    """
    store = ReviewStore(db_path or default_db_path())
    if list_all or export:
        _list_or_export(store, export, history, output, fmt)
        return
    if target is None:
        raise click.UsageError("give an ARTICLE or REPORT to review (or --list / --export)")
    if (status is None) != (flag_ref is None):
        raise click.UsageError("--flag and --status go together")
    if correct_value is not None and not (source and flag_ref):
        raise click.UsageError("--correct needs --source and --flag")
    kb = open_kb_with_local(kb_paths, bundled=not no_bundled_kb,
                            local_path=local_kb_path(store.path))
    report = _load(target, kb, ref_date, model)
    who = reviewer or session.default_reviewer()
    if flag_ref is None:
        flags = session.open_flags(report, store)
        if not flags:
            click.echo("No open flags: every flag of this article has a decision.")
            return
        from analysis.cli.review_walk import walk  # rich, only for the interactive walk

        done = walk(store, report, flags, who)
        click.echo("\n" + ", ".join(f"{n} {k}" for k, n in done.items() if n) or "no changes")
        return
    flag = session.find_flag(report, flag_ref)
    corrected = (correct_value, source or "") if correct_value is not None else None
    if corrected:
        taught = session.teach(report, flag, *corrected, kb, local_kb_path(store.path))
        click.echo(f"KB taught: {taught.describe()} ({local_kb_path(store.path)})")
    decision = session.decide(store, report, flag, status or "open", reviewer=who, note=note,
                              corrected=corrected)
    click.echo(f"{flag['id']} {decision.status} by {decision.reviewer or 'unknown'} "
               f"({decision.fingerprint[:12]}){': ' + decision.note if decision.note else ''}")


def _load(target: Path, kb: Any, ref_date: date | None, model: str | None) -> dict[str, Any]:
    if session.is_report_file(target):
        return session.load_report(target)
    if not target.exists():
        raise InputError(f"{target}: no such article or report")
    from analysis.checking import Checker

    return next(Checker(model=model, kb=kb).check_paths([target], ref_date))


def _list_or_export(store: ReviewStore, export: str | None, history: bool, output: Path | None,
                    fmt: str) -> None:
    decisions = store.history() if history else store.all_current()
    rows = session.decision_rows(decisions)
    if export == "json":
        emit_json(rows, output)
    elif export == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=_EXPORT_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        if output is None or str(output) == "-":
            click.echo(buf.getvalue(), nl=False)
        else:
            write_atomic(output, buf.getvalue())
    elif fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif not rows:
        click.echo(f"No decisions in {store.path}.")
    else:
        for r in rows:
            note = f" — {r['note']}" if r["note"] else ""
            click.echo(f"{r['time'][:16]}  {r['article'].split('|')[0]:<28} {r['flag_id']:<4} "
                       f"{r['status']:<9} {r['reviewer'] or '-':<12} {r['category']}{note}")


@click.command()
@click.argument("reports_dir", required=False, default="reports",
                type=click.Path(path_type=Path, file_okay=False))
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default: the server has no login).")
@_db_option
def serve(reports_dir: Path, port: int, host: str, db_path: Path | None) -> None:
    """Serve the HTML reports under REPORTS_DIR with review buttons on every flag.

    Example:

        factcheck serve reports --port 8765
    """
    from analysis.review.server import make_server

    if not reports_dir.is_dir():
        raise InputError(f"{reports_dir}: no such folder; run 'factcheck check' first")
    server = make_server(reports_dir, ReviewStore(db_path or default_db_path()), host, port)
    click.echo(f"Serving {reports_dir} on http://{host}:{server.server_port}/ (Ctrl-C to stop)")
    try:
        server.serve_forever()
    finally:
        server.server_close()


COMMANDS = [review, serve]

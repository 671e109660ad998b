"""Shared option bundles and the error boundary of the command line."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from analysis.errors import FactcheckError
from analysis.fileio import write_atomic


def run_safely(group: click.Group) -> None:
    """Run the CLI; every failure becomes one line on stderr and an exit code, never a traceback.

    Exit codes: 0 ran, 1 flags at or above ``--fail-on``, 2 usage or input error,
    3 an internal error (a bug: set FACTCHECK_DEBUG=1 to see the traceback), 130 interrupted.
    """
    try:
        # Without standalone mode Click returns (not raises) the code of ``Exit`` raised in a
        # command, e.g. --fail-on's 1; other commands return None.
        code = group.main(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("factcheck: interrupted", err=True)
        sys.exit(130)
    except click.UsageError as exc:
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        click.echo(f"factcheck: error: {exc.format_message()}{hint}", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        click.echo(f"factcheck: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except FactcheckError as exc:
        click.echo(f"factcheck: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("factcheck: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # the last line of defence: a bug, reported on one line
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        click.echo(
            f"factcheck: internal error: {type(exc).__name__}: {exc} "
            "(set FACTCHECK_DEBUG=1 for the traceback)",
            err=True,
        )
        sys.exit(3)


def format_option(*choices: str, default: str = "table") -> Callable[[Callable], Callable]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices, case_sensitive=False),
        default=default,
        show_default=True,
        help="Output format.",
    )


def article_argument(multiple: bool = False) -> Callable[[Callable], Callable]:
    # Existence is checked by ingest so that the message is ours and names the fix.
    return click.argument(
        "articles" if multiple else "article",
        nargs=-1 if multiple else 1,
        required=True,
        type=click.Path(path_type=Path, dir_okay=False),
    )


def model_option(func: Callable) -> Callable:
    return click.option(
        "--model",
        default=None,
        metavar="NAME",
        help="Installed spaCy pipeline (default: en_core_web_sm, else any English one).",
    )(func)


def kb_options(func: Callable) -> Callable:
    func = click.option(
        "--no-bundled-kb", is_flag=True, help="Do not load the KB bundled under corpus/kb."
    )(func)
    return click.option(
        "--kb",
        "kb_paths",
        multiple=True,
        type=click.Path(path_type=Path),
        metavar="PATH",
        help="A KB database, a KB file (YAML facts or Wikidata JSON) or a folder; repeatable.",
    )(func)


def emit_json(data: Any, output: Path | None = None) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)

"""Terminal tables through rich (plain text when stdout is not a terminal or NO_COLOR is set)."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table


def console() -> Console:
    # Rich itself drops colour for pipes and honours NO_COLOR; soft_wrap keeps long cells whole
    # when the output is redirected to a file.
    return Console(highlight=False)


def print_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    out = console()
    out.print(table)
    if not rows:
        out.print("(none)")

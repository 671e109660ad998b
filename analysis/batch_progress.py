"""Progress of a batch on stderr: a rich bar with rate and ETA on a terminal, plain lines else."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any, TextIO


class BatchProgress:
    """Counts finished articles; ``advance`` after each one."""

    def __init__(self, total: int, skipped: int = 0, stream: TextIO | None = None,
                 enabled: bool = True) -> None:
        self.total, self.skipped, self.done = total, skipped, 0
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self._start = time.monotonic()
        self._last_line = 0.0
        self._last_done = -1
        self._rich: Any = None
        self._task: Any = None

    def __enter__(self) -> BatchProgress:
        if self.enabled and self.stream.isatty():
            self._start_rich()
        elif self.enabled:
            self._line(f"batch: {self.total} articles to check, {self.skipped} unchanged (skipped)")
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._rich is not None:
            self._rich.stop()
        elif self.enabled and exc_type is None and self._last_done != self.done:
            self._plain(force=True)

    def _start_rich(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )  # fmt: skip
        from rich.text import Text

        class RateColumn(ProgressColumn):
            def render(self, task: Any) -> Text:
                speed = task.finished_speed or task.speed
                return Text("-- art/s" if speed is None else f"{speed:.2f} art/s", style="cyan")

        self._rich = Progress(
            TextColumn("[bold]checking[/]"), BarColumn(), MofNCompleteColumn(),
            TaskProgressColumn(), RateColumn(), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), console=Console(file=self.stream), transient=False,
        )  # fmt: skip
        self._rich.start()
        self._task = self._rich.add_task("batch", total=self.total)

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self._rich is not None:
            self._rich.update(self._task, advance=count)
        elif self.enabled:
            self._plain()

    def rate(self) -> float:
        elapsed = time.monotonic() - self._start
        return self.done / elapsed if elapsed > 0 else 0.0

    def _plain(self, force: bool = False) -> None:
        # A line every 5% or every 10 s: readable in CI logs, not one line per article.
        now = time.monotonic()
        step = max(1, self.total // 20)
        if not force and self.done % step and now - self._last_line < 10:
            return
        self._last_line, self._last_done = now, self.done
        rate = self.rate()
        left = (self.total - self.done) / rate if rate > 0 else float("nan")
        eta = f"{left:.0f}s" if left == left else "--"
        pct = 100 * self.done / self.total if self.total else 100.0
        self._line(f"batch: {self.done}/{self.total} ({pct:.0f}%) {rate:.2f} articles/s ETA {eta}")

    def _line(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

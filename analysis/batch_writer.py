"""A batch's writes on a background thread: the next chunk is checked while one is stored.

Why: each finished article is made durable (every report file and the manifest entry are
fsynced) before it counts as done. That is disk wait, not work; on the checking thread it
stalled every article by a few milliseconds. One writer thread takes the results in order, so
an article's files still reach the disk before its manifest entry, and the entries in the
order the articles finished.

On an error or Ctrl-C in the checking thread, what is already queued is still written (those
reports are finished); a kill loses at most the queued articles, which were not recorded in the
manifest and are checked again by the next run.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Generic, TypeVar

T = TypeVar("T")
_DONE = object()


class BackgroundWriter(Generic[T]):
    """``put`` items; a thread passes each to ``store`` in order. ``with``: drained on exit.

    At most ``limit`` items wait (memory stays bounded: a slow disk slows the producer). An
    error in ``store`` stops the writer and is raised by the next ``put`` or on exit.
    """

    def __init__(self, store: Callable[[T], None], limit: int = 8) -> None:
        self._store = store
        self._queue: queue.Queue[object] = queue.Queue(maxsize=limit)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="factcheck-writer", daemon=True)

    def __enter__(self) -> BackgroundWriter[T]:
        self._thread.start()
        return self

    def put(self, item: T) -> None:
        self._raise_error()
        while self._thread.is_alive():
            try:
                self._queue.put(item, timeout=0.5)
                return
            except queue.Full:
                continue  # the writer may have stopped on an error meanwhile
        self._raise_error()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        while self._thread.is_alive():
            try:
                self._queue.put(_DONE, timeout=0.5)
                break
            except queue.Full:
                continue
        self._thread.join()
        if exc_type is None:
            self._raise_error()

    def _run(self) -> None:
        while (item := self._queue.get()) is not _DONE:
            try:
                self._store(item)  # type: ignore[arg-type]
            except BaseException as exc:
                self._error = exc
                return

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error

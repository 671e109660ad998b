"""The batch's background writer: order kept, errors surface, queued work is not lost."""

from __future__ import annotations

import threading
import time

import pytest

from analysis.batch_writer import BackgroundWriter


def test_items_are_stored_in_order_off_the_calling_thread() -> None:
    seen: list[tuple[int, str]] = []

    def store(item: int) -> None:
        time.sleep(0.001 * (item % 3))  # uneven work must not reorder
        seen.append((item, threading.current_thread().name))

    with BackgroundWriter(store, limit=2) as writer:
        for i in range(20):
            writer.put(i)
    assert [i for i, _ in seen] == list(range(20))
    assert {name for _, name in seen} == {"factcheck-writer"}


def test_a_store_error_is_raised_in_the_caller() -> None:
    def store(item: int) -> None:
        if item == 3:
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        with BackgroundWriter(store, limit=1) as writer:
            for i in range(50):
                writer.put(i)


def test_an_interrupted_producer_still_gets_its_queued_items_written() -> None:
    stored: list[int] = []

    def store(item: int) -> None:
        time.sleep(0.01)
        stored.append(item)

    with pytest.raises(KeyboardInterrupt):
        with BackgroundWriter(store, limit=8) as writer:
            for i in range(5):
                writer.put(i)
            raise KeyboardInterrupt
    assert stored == [0, 1, 2, 3, 4]

"""Where a batch's chunks run: inline, in a local process pool, or on a Dask cluster.

Every runner takes an iterator of chunks (lists of paths) and yields each chunk's results as it
finishes, with at most ``in_flight`` chunks per worker queued, so memory stays bounded however
many articles there are. All call the same ``check_chunk``, so the reports are identical.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from analysis.batch_worker import ArticleResult, BatchSettings, check_chunk, get_checker
from analysis.errors import FactcheckError

Chunk = list[str]
_BLAS_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def run_inline(chunks: Iterator[Chunk], settings: BatchSettings) -> Iterator[list[ArticleResult]]:
    """One process, no pool: the lowest latency for a few articles (and for tests)."""
    get_checker(settings)  # load errors (model, KB) surface before any article
    # The model and KB are hundreds of thousands of long-lived objects: frozen, the cyclic
    # garbage collector stops rescanning them every few articles (about 1.5 ms per article).
    gc.freeze()
    try:
        for chunk in chunks:
            yield check_chunk(chunk, settings)
    finally:
        gc.unfreeze()  # a caller that drops this pipeline later gets its memory back


def _warm(settings: BatchSettings) -> None:
    """Pool worker start-up: watch the parent, then load the pipeline and KB once."""
    parent = os.getppid()

    def watch() -> None:
        # A killed driver (kill -9) cannot stop its pool: leave with it instead of lingering.
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="factcheck-parent-watch", daemon=True).start()
    get_checker(settings)
    gc.freeze()  # as in run_inline; the worker keeps this pipeline for life


def run_in_pool(
    chunks: Iterator[Chunk], settings: BatchSettings, jobs: int, in_flight: int
) -> Iterator[list[ArticleResult]]:
    """``jobs`` worker processes, each loading the pipeline and KB once (at start-up)."""
    # spawn, not fork: the parent may run a progress thread, and forking threads is unsafe.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_warm, initargs=(settings,))
    # One BLAS thread per worker: N workers each starting N BLAS threads oversubscribe the cores.
    # Workers are spawned on the first submits and inherit the environment then.
    saved = {k: os.environ.get(k) for k in _BLAS_VARS}
    for key in _BLAS_VARS:
        os.environ.setdefault(key, "1")
    try:
        yield from _windowed(lambda c: pool.submit(check_chunk, c, settings), chunks,
                             jobs * in_flight)
    finally:
        # On Ctrl-C or an error: drop queued chunks, do not wait for the running ones.
        pool.shutdown(wait=False, cancel_futures=True)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)


def _windowed(submit: Any, chunks: Iterator[Chunk], limit: int) -> Iterator[list[ArticleResult]]:
    running: set[Future] = set()
    for chunk in chunks:
        running.add(submit(chunk))
        if len(running) >= limit:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield _result(future)
    while running:
        done, running = wait(running, return_when=FIRST_COMPLETED)
        for future in done:
            yield _result(future)


def _result(future: Future) -> list[ArticleResult]:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise FactcheckError(
            "a worker process died (out of memory?); finished articles are kept: "
            "re-run to resume, perhaps with fewer --jobs"
        ) from exc


def run_on_dask(
    chunks: Iterator[Chunk], settings: BatchSettings, scheduler: Any, in_flight: int
) -> Iterator[list[ArticleResult]]:
    """The same chunks on Dask distributed; each worker thread keeps one loaded Checker."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise FactcheckError(
            "--scheduler needs Dask distributed; install it with: pip install 'factcheck[dask]'"
        ) from exc
    own = not isinstance(scheduler, Client)
    try:
        client = Client(scheduler, timeout="30s") if own else scheduler
    except OSError as exc:
        raise FactcheckError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); "
                             "start one with `dask scheduler`") from exc
    try:
        workers = max(1, sum(client.nthreads().values()))
        limit = workers * in_flight
        pending = as_completed()
        for chunk in chunks:
            pending.add(client.submit(check_chunk, chunk, settings, pure=False))
            if pending.count() >= limit:
                yield next(pending).result()
        for future in pending:
            yield future.result()
    finally:
        if own:
            client.close()

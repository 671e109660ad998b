"""Batch fact-checking: many articles on all cores (or a Dask cluster), resumable, bounded memory.

Why a process pool of whole Checkers rather than ``nlp.pipe(n_process=N)``: a third of the time
per article is spent after spaCy (checks, readability, topics, rendering). With ``n_process``
that part stays serial in the parent, capping two processes at about 1.5x; a pool where each
worker loads the model and KB once and runs the whole chain parallelises all of it and sends
back only small rendered reports instead of pickled Docs.

Flow: expand the inputs, hash each file, skip those the manifest holds under the same job key,
send the rest in chunks (``nlp.pipe`` batches) to the workers with a bounded number in flight,
write each finished article's files atomically and then record it in the manifest (on a writer
thread, ``batch_writer``, while the next chunk is checked); finally
write the corpus summary and index from the manifest.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.batch_progress import BatchProgress
from analysis.batch_store import Manifest, content_hash, job_key, kb_fingerprint
from analysis.batch_summary import write_summaries
from analysis.batch_worker import ArticleResult, BatchSettings
from analysis.batch_writer import BackgroundWriter
from analysis.errors import InputError
from analysis.fileio import write_atomic

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".mdown", ".html", ".htm", ".xhtml")
IN_FLIGHT_PER_WORKER = 2  # chunks queued per worker: keeps workers busy, memory bounded
_LOCK_NAME = ".factcheck-batch.lock"

Chunk = list[str]
Runner = Callable[[Iterator[Chunk], BatchSettings], Iterator[list[ArticleResult]]]


@dataclass
class BatchOutcome:
    """What a batch did: counts and where the summary is."""

    total: int
    checked: int
    skipped: int
    errors: int
    output: Path


def expand_inputs(specs: Sequence[str | Path], exclude: Path | None = None) -> list[Path]:
    """Article files named by paths, folders (searched recursively) and glob patterns, sorted.

    Raises:
        InputError: an argument that names no file and matches nothing.
    """
    found: dict[Path, Path] = {}
    skip = exclude.resolve() if exclude else None
    for spec in specs:
        spec = str(spec)
        path = Path(spec)
        if path.is_dir():
            files = [p for p in path.rglob("*") if _is_article(p)]
        elif path.exists():
            files = [path]
        else:
            files = [Path(p) for p in glob.glob(spec, recursive=True)]
            files = [f for p in files for f in (p.rglob("*") if p.is_dir() else [p])]
            files = [f for f in files if _is_article(f)]
            if not files:
                raise InputError(f"{spec}: no such file, folder or matching article; check it")
        for file in files:
            resolved = file.resolve()
            if skip is None or not resolved.is_relative_to(skip):
                found.setdefault(resolved, resolved)
    return sorted(found)


def _is_article(path: Path) -> bool:
    """A file found in a folder is an article unless hidden or a folder's README (named
    explicitly, any file is checked)."""
    hidden = any(part.startswith(".") for part in path.parts[-1:])
    readme = path.stem.lower() == "readme"
    return path.is_file() and not hidden and not readme and path.suffix.lower() in ARTICLE_SUFFIXES


def _slug(path: Path) -> str:
    # The same folder names as `factcheck check` (nothing outside cli/ imports cli).
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "article"


def assign_folders(paths: Sequence[Path], manifest: Manifest) -> dict[str, str]:
    """A report folder per article: kept from earlier runs, else its slug made unique."""
    used = manifest.folders()
    folders: dict[str, str] = {}
    for path in paths:
        stored = manifest.folder_of(str(path))
        if stored:
            folders[str(path)] = stored
    for path in paths:
        if str(path) in folders:
            continue
        base = _slug(path)
        name, n = base, 1
        while name in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name)
        folders[str(path)] = name
    return folders


def clean_partial_files(out: Path) -> int:
    """Remove temp files a killed run left behind (write_atomic's ``.name.XXXX.tmp``)."""
    removed = 0
    for tmp in out.rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)
        removed += 1
    return removed


def _finished(out: Path, row: dict[str, Any] | None, settings: BatchSettings) -> bool:
    from analysis.report.render import file_name

    if row is None:
        return False
    if row["status"] != "ok":
        return True
    return all((out / row["folder"] / file_name(f)).is_file() for f in settings.formats)


def _chunks(paths: Sequence[str], size: int) -> Iterator[Chunk]:
    for i in range(0, len(paths), size):
        yield list(paths[i : i + size])


def run_batch(
    inputs: Sequence[str | Path],
    output: Path,
    settings: BatchSettings,
    *,
    jobs: int = 1,
    scheduler: Any = None,
    progress: bool = True,
) -> BatchOutcome:
    """Check every article of ``inputs`` into ``output``; re-runs skip unchanged articles.

    Args:
        inputs: files, folders and glob patterns.
        output: the output folder (report folders, summary.csv/json, index.html, manifest).
        settings: model, KB, as-of date, formats, chunk size.
        jobs: local worker processes (1: in this process).
        scheduler: a Dask scheduler address (``tcp://host:port``) or a ``distributed.Client``.
        progress: show progress on stderr.

    Raises:
        InputError: no article to check, or the output folder is in use by another batch.
        KBError: a ``--kb`` path that cannot be used.
    """
    output.mkdir(parents=True, exist_ok=True)
    with _locked(output), Manifest(output) as manifest:
        clean_partial_files(output)
        paths = expand_inputs(inputs, exclude=output)
        if not paths:
            raise InputError("no article files found (.txt, .md, .html); check the paths")
        kb_print = kb_fingerprint([Path(p) for p in settings.kb_paths], settings.bundled_kb)
        keys, settings_key = {}, settings.key()
        for path in paths:
            keys[str(path)] = job_key(content_hash(path), kb_print, settings_key)
        folders = assign_folders(paths, manifest)
        pending = [str(p) for p in paths
                   if not _finished(output, manifest.done(str(p), keys[str(p)]), settings)]
        runner = _dask_runner(scheduler) if scheduler is not None else _local_runner(jobs)
        skipped = len(paths) - len(pending)
        with _topic_reuse(inline=scheduler is None and jobs <= 1):
            def store(result: ArticleResult) -> None:
                _store(output, manifest, result, folders[result.path], keys, kb_print,
                       settings_key)
                bar.advance()

            with BatchProgress(len(pending), skipped, enabled=progress) as bar, \
                    BackgroundWriter(store) as writer:
                for results in runner(_chunks(pending, settings.batch_size), settings):
                    for result in results:
                        writer.put(result)
            rows = list(manifest.rows([str(p) for p in paths]))
            write_summaries(output, rows, settings_key | {"kb": kb_print}, settings.formats)
    errors = sum(r["status"] != "ok" for r in rows)
    return BatchOutcome(len(paths), len(pending), skipped, errors, output)


def _topic_reuse(inline: bool) -> contextlib.AbstractContextManager[None]:
    """When articles are checked in this process, keep the corpus sample's topic documents:
    the summary's corpus model then does not split and tokenise them again."""
    if not inline:
        return contextlib.nullcontext()
    from analysis.batch_summary import TOPIC_SAMPLE
    from analysis.topics import keep_prepared  # numpy: only when a batch runs

    return keep_prepared(TOPIC_SAMPLE)


def _store(out: Path, manifest: Manifest, result: ArticleResult, folder: str,
           keys: dict[str, str], kb_print: str, settings_key: dict[str, Any]) -> None:
    """Write one article's files (each atomically), then mark it done in the manifest."""
    row = result.row | {"folder": folder}
    for name, text in result.files.items():
        write_atomic(out / folder / name, text)
    key = keys[result.path]
    if row.get("sha256") and not row["sha256"].startswith(("stat:", "unreadable:")):
        # The file may have changed between hashing and checking: key what was checked.
        key = job_key(row["sha256"], kb_print, settings_key)
    manifest.record(row, key)


class _locked:
    """An exclusive lock on the output folder: two batches must not write one folder."""

    def __init__(self, out: Path) -> None:
        self.path = out / _LOCK_NAME

    def __enter__(self) -> None:
        self._fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            os.close(self._fd)
            raise InputError(
                f"{self.path.parent}: another batch is writing this folder; wait for it or "
                "choose another --output"
            ) from exc

    def __exit__(self, *exc: object) -> None:
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)


def _local_runner(jobs: int) -> Runner:
    from analysis.batch_runners import run_in_pool, run_inline

    if jobs <= 1:
        return run_inline
    return lambda chunks, settings: run_in_pool(chunks, settings, jobs, IN_FLIGHT_PER_WORKER)


def _dask_runner(scheduler: Any) -> Runner:
    from analysis.batch_runners import run_on_dask

    return lambda chunks, settings: run_on_dask(chunks, settings, scheduler, IN_FLIGHT_PER_WORKER)


__all__ = ["BatchOutcome", "BatchSettings", "expand_inputs", "run_batch"]

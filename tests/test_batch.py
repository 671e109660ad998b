"""``factcheck batch``: bad articles, resuming, change detection, interruption, Dask parity."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from analysis.batch import BatchSettings, expand_inputs, run_batch
from analysis.batch_store import MANIFEST_NAME
from analysis.errors import InputError

REPO = Path(__file__).resolve().parents[1]
SETTINGS = BatchSettings(formats=("json", "terminal"), as_of=date(2026, 11, 29), batch_size=2)
_PEOPLE = [
    ("Ada Quill", "chemist", "Leeds", "the University of Oxford", "Imperial College London"),
    ("Tomas Brenn", "engineer", "Graz", "ETH Zurich", "Siemens"),
    ("Mina Osei", "economist", "Accra", "the London School of Economics", "the World Bank"),
    ("Rui Tavares", "biologist", "Porto", "the University of Lisbon", "the Pasteur Institute"),
]


def profile(name: str, job: str, town: str, school: str, employer: str, born: int) -> str:
    """A short generated profile: headings, dated career events, a quote."""
    last = name.split()[-1]
    return (
        f"{name}: A Life in Work\n\n{name} is a {job} known for work at {employer}.\n\n"
        f"Early Life\n\n{last} was born in {born} in {town}. {last} studied at {school}, "
        f"graduating in {born + 22}. Teachers there remember a patient and careful student.\n\n"
        f"Career\n\nIn {born + 25}, {last} joined {employer} as a junior {job}. "
        f"Ten years later {last} was promoted to lead a team of forty people.\n\n"
        f"In {born + 40}, {last} received a national award for the work. "
        f'"The work is never finished," {last} said in various talks.\n\n'
        f"Today {last} lives in {town} and still advises {employer}.\n"
    )


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, person in enumerate(_PEOPLE):
        name = person[0].lower().replace(" ", "-")
        (folder / f"{name}.txt").write_text(profile(*person, born=1940 + 5 * i), encoding="utf-8")
    (folder / "broken&binary.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def _rows(out: Path) -> dict[str, dict[str, str]]:
    with (out / "summary.csv").open(encoding="utf-8") as fh:
        return {Path(r["path"]).name: r for r in csv.DictReader(fh)}


def test_expand_inputs_folders_globs_and_missing(corpus: Path) -> None:
    assert len(expand_inputs([corpus])) == 5
    assert [p.name for p in expand_inputs([str(corpus / "ada*")])] == ["ada-quill.txt"]
    with pytest.raises(InputError, match="no such file"):
        expand_inputs([str(corpus / "nobody-*.txt")])


def test_batch_records_bad_article_and_goes_on(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    outcome = run_batch([corpus], out, SETTINGS, progress=False)
    assert (outcome.total, outcome.checked, outcome.errors) == (5, 5, 1)
    rows = _rows(out)
    assert rows["broken&binary.txt"]["status"] == "error"
    assert "binary" in rows["broken&binary.txt"]["error"]
    for name in ("ada-quill.txt", "mina-osei.txt"):
        row = rows[name]
        assert row["status"] == "ok" and int(row["claims_total"]) > 0
        report = json.loads((out / row["folder"] / "report.json").read_text())
        assert report["article"]["path"].endswith(name)
        assert (out / row["folder"] / "summary.txt").is_file()
    summary = json.loads((out / "summary.json").read_text())
    assert summary["counts"]["articles"] == 5 and summary["counts"]["error"] == 1
    assert "topics" in summary["topics"]
    index = (out / "index.html").read_text()
    assert "broken&amp;binary.txt" in index and "broken&binary" not in index
    assert index.count('href="') == 4
    # Errors sort last: every report link comes before the error row.
    assert index.rindex('href="') < index.index("error:")


def test_rerun_skips_unchanged_and_redoes_changed(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([corpus], out, SETTINGS, progress=False)
    kept = out / _rows(out)["ada-quill.txt"]["folder"] / "report.json"
    before = kept.stat().st_mtime_ns
    again = run_batch([corpus], out, SETTINGS, progress=False)
    assert (again.checked, again.skipped) == (0, 5)
    changed = corpus / "tomas-brenn.txt"
    changed.write_text(changed.read_text() + "\nIn 2001 Brenn moved to Vienna.\n")
    third = run_batch([corpus], out, SETTINGS, progress=False)
    assert (third.checked, third.skipped) == (1, 4)
    assert kept.stat().st_mtime_ns == before
    report = json.loads((out / _rows(out)["tomas-brenn.txt"]["folder"] / "report.json").read_text())
    assert "Vienna" in report["text"]
    other = BatchSettings(formats=SETTINGS.formats, as_of=date(2030, 1, 1), batch_size=2)
    assert run_batch([corpus], out, other, progress=False).checked == 5  # settings changed


def test_interrupted_run_leaves_no_partial_files(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import analysis.batch_worker as worker

    out = tmp_path / "out"
    real = worker.render_files
    calls = {"n": 0}

    def interrupt_third(report: dict, formats: tuple[str, ...]) -> dict[str, str]:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(report, formats)

    monkeypatch.setattr(worker, "render_files", interrupt_third)
    with pytest.raises(KeyboardInterrupt):
        run_batch([corpus], out, SETTINGS, progress=False)
    monkeypatch.setattr(worker, "render_files", real)
    assert not list(out.rglob("*.tmp"))
    with sqlite3.connect(out / MANIFEST_NAME) as db:
        done = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 1 <= done < 5
    outcome = run_batch([corpus], out, SETTINGS, progress=False)
    assert (outcome.checked, outcome.skipped) == (5 - done, done)


def test_killed_process_resumes_without_redoing(corpus: Path, tmp_path: Path) -> None:
    for i in range(4):  # more articles so the kill lands mid-run
        (corpus / f"extra-{i}.txt").write_text(profile(*_PEOPLE[i], born=1960 + i))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "analysis", "batch", str(corpus), "--output", str(out),
               "--jobs", "1", "--batch-size", "1", "--formats", "json", "--as-of", "2026-11-29"]
    proc = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    done = 0
    while time.monotonic() < deadline and proc.poll() is None and done < 2:
        time.sleep(0.05)
        if (out / MANIFEST_NAME).exists():
            try:
                with sqlite3.connect(out / MANIFEST_NAME, timeout=5) as db:
                    done = db.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                continue  # the batch is still creating its manifest
    if proc.poll() is not None:
        pytest.skip("the batch finished before it could be killed")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # A kill mid-write may leave a hidden temp file, never a visible partial report.
    assert all(json.loads(p.read_text())["schema_version"] == "1" for p in out.rglob("report.json"))
    settings = BatchSettings(formats=("json",), as_of=date(2026, 11, 29), batch_size=1)
    outcome = run_batch([corpus], out, settings, progress=False)
    assert outcome.skipped >= done >= 2 and outcome.checked == 9 - outcome.skipped
    assert not list(out.rglob("*.tmp"))
    assert all(json.loads(p.read_text())["schema_version"] == "1" for p in out.rglob("report.json"))


def test_dask_local_cluster_gives_identical_results(corpus: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local, remote = tmp_path / "local", tmp_path / "dask"
    run_batch([corpus], local, SETTINGS, progress=False)
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            outcome = run_batch([corpus], remote, SETTINGS, scheduler=client, progress=False)
    assert (outcome.checked, outcome.errors) == (5, 1)
    for report in local.rglob("report.json"):
        twin = remote / report.relative_to(local)
        assert twin.read_bytes() == report.read_bytes()
    assert (remote / "summary.csv").read_text() == (local / "summary.csv").read_text()
    assert (remote / "index.html").read_text() == (local / "index.html").read_text()


def test_cli_batch_and_bad_format(corpus: Path, tmp_path: Path) -> None:
    from analysis.cli import cli

    out = tmp_path / "out"
    args = ["batch", str(corpus), "--output", str(out), "--jobs", "1", "--as-of", "2026-11-29"]
    result = CliRunner().invoke(cli, [*args, "--formats", "json,terminal", "-q"])
    assert result.exit_code == 0, result.output
    assert "5 articles: 5 checked, 0 unchanged, 1 errors" in result.output
    bad = CliRunner().invoke(cli, [*args, "--formats", "json,pdf"])
    assert bad.exit_code == 2 and "unknown format 'pdf'" in bad.output


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_saved_summary_is_plain_text_when_run_from_a_terminal(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys, "stdout", _Tty())
    out = tmp_path / "out"
    run_batch([corpus / "ada-quill.txt"], out, SETTINGS, progress=False)
    summary = (out / "ada-quill" / "summary.txt").read_text(encoding="utf-8")
    assert "Fact-check:" in summary and "\x1b[" not in summary

"""Review store, fingerprints, apply_reviews on every report format, concurrent writers."""

from __future__ import annotations

import copy
import json
import multiprocessing
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from analysis.report.render import render
from analysis.review.apply import apply_reviews, is_active
from analysis.review.fingerprint import article_key, report_keys
from analysis.review.session import decide, find_flag
from analysis.review.store import Decision, ReviewError, ReviewStore


@pytest.fixture(scope="module")
def seed_report(seed_path: Path, bundled_kb: Any, as_of: Any) -> dict[str, Any]:
    from analysis.checking import Checker

    report = next(Checker(kb=bundled_kb).check_paths([seed_path], as_of))
    assert len(report["flags"]) >= 3
    return report


def _flag(report: dict[str, Any], category: str) -> dict[str, Any]:
    return next(f for f in report["flags"] if f["category"] == category)


def _edit_text(report: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    """The report of an edited article: every flag and claim sentence rewritten the same way."""
    out = copy.deepcopy(report)
    for item in [*out["flags"], *out["claims"]]:
        item["sentence"] = item["sentence"].replace(old, new)
    out["article"]["sha256"] = "0" * 64
    return out


def test_fingerprints_stable_across_runs_paths_and_edits_elsewhere(
        seed_report: dict[str, Any]) -> None:
    keys = [k.fingerprint for _, k in report_keys(seed_report)]
    assert len(set(keys)) == len(keys)  # one per flag
    moved = copy.deepcopy(seed_report)
    moved["article"]["path"] = "/elsewhere/" + Path(seed_report["article"]["path"]).name
    moved["article"]["sha256"] = "f" * 64  # the text changed somewhere else
    moved["as_of"] = "2030-01-01"
    for flag in moved["flags"]:
        flag["id"] = "x" + flag["id"]  # ids are renumbered when flags come and go
        flag["start"] += 50
        flag["sentence"] = flag["sentence"].replace("\u2019", "'")  # cosmetic: curly quotes
    assert [k.fingerprint for _, k in report_keys(moved)] == keys
    other = copy.deepcopy(seed_report)
    other["article"]["path"] = "another-profile.txt"
    assert {k.fingerprint for _, k in report_keys(other)}.isdisjoint(keys)


def test_decision_survives_rerun_and_sentence_change(seed_report: dict[str, Any],
                                                     tmp_path: Path) -> None:
    store = ReviewStore(tmp_path / "r.db")
    flag = _flag(seed_report, "date_mismatch")
    decide(store, seed_report, flag, "dismissed", reviewer="Ann", note="source checked")
    again = apply_reviews(copy.deepcopy(seed_report), store)
    review = _flag(again, "date_mismatch")["review"]
    assert (review["status"], review["reviewer"], review["note"]) == (
        "dismissed", "Ann", "source checked")
    assert review["time"] and not review["changed"]
    assert again["summary"]["review"]["dismissed"] == 1
    # The sentence itself is rewritten: same claim and category, so the old decision shows.
    edited = _edit_text(seed_report, "while at Bell Labs", "when he worked at Bell Labs")
    changed = _flag(apply_reviews(edited, store), "date_mismatch")["review"]
    assert changed["status"] == "open" and changed["changed"] is True
    assert changed["previous"]["status"] == "dismissed"
    assert changed["previous"]["note"] == "source checked"
    # Other flags are untouched by it.
    others = [f for f in apply_reviews(edited, store)["flags"] if f["category"] != "date_mismatch"]
    assert all(f["review"]["status"] == "open" and not f["review"]["changed"] for f in others)


def test_claimless_flags_do_not_inherit_each_others_decisions(
        seed_report: dict[str, Any], tmp_path: Path) -> None:
    store = ReviewStore(tmp_path / "r.db")
    same = [f for f in seed_report["flags"] if f["category"] == "unsupported_claim"]
    if len(same) < 2:
        pytest.skip("the seed has fewer than two unsupported claims")
    decide(store, seed_report, same[0], "dismissed", reviewer="Ann", note="fine")
    reviewed = {f["id"]: f["review"] for f in apply_reviews(seed_report, store)["flags"]}
    assert reviewed[same[0]["id"]]["status"] == "dismissed"
    assert reviewed[same[1]["id"]]["status"] == "open"
    assert not reviewed[same[1]["id"]]["changed"]


def test_hide_dismissed_and_fail_on_counting(seed_report: dict[str, Any], tmp_path: Path) -> None:
    store = ReviewStore(tmp_path / "r.db")
    flags = seed_report["flags"]
    decide(store, seed_report, flags[0], "dismissed", reviewer="A", note="ok")
    decide(store, seed_report, flags[1], "fixed", reviewer="A")
    decide(store, seed_report, flags[2], "confirmed", reviewer="A")
    reviewed = apply_reviews(seed_report, store)
    assert [is_active(f) for f in reviewed["flags"][:3]] == [False, False, True]
    assert reviewed["summary"]["review"]["active"] == len(flags) - 2
    hidden = apply_reviews(seed_report, store, hide_dismissed=True)
    assert len(hidden["flags"]) == len(flags) - 1
    assert hidden["summary"]["review"]["hidden"] == 1
    assert hidden["summary"]["flags"]["total"] == len(flags)  # found, whatever the review
    assert "review" not in seed_report["flags"][0]  # the input is not modified


def test_every_format_shows_the_review(seed_report: dict[str, Any], tmp_path: Path) -> None:
    store = ReviewStore(tmp_path / "r.db")
    flag = _flag(seed_report, "date_mismatch")
    decide(store, seed_report, flag, "dismissed", reviewer="Ann <b>", note="KB <i>checked</i>")
    reviewed = apply_reviews(seed_report, store)
    data = json.loads(render(reviewed, "json"))
    assert _flag(data, "date_mismatch")["review"]["note"] == "KB <i>checked</i>"
    terminal = render(reviewed, "terminal")
    dismissed_part = terminal.split("Dismissed by reviewers (1):")[1]
    assert f"[{flag['id']}]" in dismissed_part and "dismissed by Ann <b>" in dismissed_part
    assert f"[{flag['id']}]" not in terminal.split("Dismissed by reviewers")[0]
    md = render(reviewed, "md")
    assert "## Dismissed by reviewers" in md
    assert "**Review:** dismissed by Ann \\<b\\>" in md.split("## Dismissed by reviewers")[1]
    html = render(reviewed, "html")
    assert "<i>checked" not in html and "KB &lt;i&gt;checked" in html
    panel = html.split('id="dismissed-flags"')[1]
    assert f'id="flag-{flag["id"]}"' in panel and 'data-review-status="dismissed"' in panel
    claimreview = json.loads(render(reviewed, "claimreview"))
    assert all(flag["id"] not in r["identifier"] for r in claimreview)


def test_find_flag_by_id_or_fingerprint(seed_report: dict[str, Any]) -> None:
    (flag, key), *_ = report_keys(seed_report)
    assert find_flag(seed_report, flag["id"]) is flag
    assert find_flag(seed_report, key.fingerprint[:8]) is flag
    with pytest.raises(ReviewError, match="no flag"):
        find_flag(seed_report, "f999")


def test_store_validates_and_refuses_foreign_files(tmp_path: Path) -> None:
    store = ReviewStore(tmp_path / "r.db")
    with pytest.raises(ReviewError, match="status"):
        store.record(Decision("fp", "lk", "a", "maybe"))
    with pytest.raises(ReviewError, match="note"):
        store.record(Decision("fp", "lk", "a", "open", note="x" * 5000))
    store.record(Decision("fp", "lk", "a", "confirmed"))
    conn = sqlite3.connect(tmp_path / "r.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    foreign = tmp_path / "other.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(ReviewError, match="not a factcheck review database"):
        ReviewStore(foreign)
    (tmp_path / "junk.db").write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(ReviewError):
        ReviewStore(tmp_path / "junk.db")


_WRITERS, _EACH = 4, 25


def _write_many(path: str, writer: str) -> None:
    store = ReviewStore(path)
    for i in range(_EACH):
        store.record(Decision(f"{writer}-{i}", "loose", "same-article", "dismissed",
                              reviewer=writer, note=f"note {i}"))


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    threads = [threading.Thread(target=_write_many, args=(db, f"t{n}")) for n in range(_WRITERS)]
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_write_many, args=(db, f"p{n}")) for n in range(2)]
    for worker in [*threads, *procs]:
        worker.start()
    for worker in [*threads, *procs]:
        worker.join(60)
    assert all(p.exitcode == 0 for p in procs)
    decisions = ReviewStore(db).current("same-article")
    expected = {f"{w}-{i}" for w in [*(f"t{n}" for n in range(_WRITERS)), "p0", "p1"]
                for i in range(_EACH)}
    assert {d.fingerprint for d in decisions} == expected
    assert all(d.note.startswith("note ") for d in decisions)


def test_article_key_ignores_folders() -> None:
    assert article_key({"path": "a/b/Profile.txt", "title": "X  Y"}) == \
        article_key({"path": "/c/profile.txt", "title": "x y"})

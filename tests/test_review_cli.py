"""``factcheck review``: non-interactive and interactive, list/export, teaching the KB, re-runs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from analysis.cli import cli
from analysis.errors import FactcheckError

AS_OF = ["--as-of", "2026-11-29"]


@pytest.fixture(scope="module")
def seed_json(seed_path: Path, bundled_kb: Any, as_of: Any,
              tmp_path_factory: pytest.TempPathFactory) -> Path:
    from analysis.checking import Checker

    report = next(Checker(kb=bundled_kb).check_paths([seed_path], as_of))
    path = tmp_path_factory.mktemp("seed") / "report.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    return path


def _run(args: list[str], input: str | None = None) -> Any:
    result = CliRunner().invoke(cli, args, input=input, catch_exceptions=False)
    return result


def _flag_id(report_path: Path, category: str) -> str:
    report = json.loads(report_path.read_text(encoding="utf-8"))
    return next(f["id"] for f in report["flags"] if f["category"] == category)


def test_non_interactive_list_and_export(seed_json: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    fid = _flag_id(seed_json, "date_mismatch")
    result = _run(["review", str(seed_json), "--db", db, "--flag", fid, "--status", "dismissed",
                   "--note", "checked the paper", "--reviewer", "Ann"])
    assert result.exit_code == 0, result.output
    assert f"{fid} dismissed by Ann" in result.output
    listed = _run(["review", "--list", "--db", db, "--format", "json"])
    rows = json.loads(listed.output)
    assert [(r["flag_id"], r["status"], r["reviewer"], r["note"]) for r in rows] == [
        (fid, "dismissed", "Ann", "checked the paper")]
    _run(["review", str(seed_json), "--db", db, "--flag", fid, "--status", "confirmed",
          "--reviewer", "Bo"])
    table = _run(["review", "--list", "--db", db]).output
    assert "confirmed" in table and "Bo" in table and "dismissed" not in table
    out = tmp_path / "decisions.csv"
    assert _run(["review", "--export", "csv", "--history", "--db", db, "--output",
                 str(out)]).exit_code == 0
    history = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["status"] for r in history] == ["dismissed", "confirmed"]
    exported = json.loads(_run(["review", "--export", "json", "--db", db]).output)
    assert [r["status"] for r in exported] == ["confirmed"]


def test_usage_errors(seed_json: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    bad = CliRunner().invoke(cli, ["review", str(seed_json), "--db", db, "--flag", "f999",
                                   "--status", "confirmed"])
    # The error boundary (run_safely) prints it on one line with the error's exit code 2.
    assert isinstance(bad.exception, FactcheckError) and bad.exception.exit_code == 2
    assert "no flag 'f999'" in str(bad.exception)
    usage = CliRunner().invoke(cli, ["review", str(seed_json), "--db", db, "--flag", "f1"])
    assert usage.exit_code == 2 and "--flag and --status go together" in usage.output
    wrong = CliRunner().invoke(cli, ["review", str(seed_json), "--flag", "f1", "--status", "meh"])
    assert wrong.exit_code == 2


def test_interactive_walk_is_resumable(seed_json: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    report = json.loads(seed_json.read_text(encoding="utf-8"))
    first, second, third = (f["id"] for f in report["flags"][:3])
    # Dismiss the first (with a reason), note then confirm the second, quit.
    result = _run(["review", str(seed_json), "--db", db, "--reviewer", "Ann"],
                  input="x\nd\nfalse alarm: see the paper\nn\nasked the author\nc\nq\n")
    assert result.exit_code == 0, result.output
    assert "evidence:" in result.output or "suggestion:" in result.output
    assert "Why is it a false alarm?" in result.output
    rows = {r["flag_id"]: r for r in json.loads(_run(["review", "--list", "--db", db,
                                                      "--format", "json"]).output)}
    assert rows[first]["status"] == "dismissed"
    assert rows[first]["note"] == "false alarm: see the paper"
    assert rows[second]["status"] == "confirmed" and rows[second]["note"] == "asked the author"
    assert third not in rows
    # Resuming starts at the first flag still open.
    again = _run(["review", str(seed_json), "--db", db, "--reviewer", "Ann"], input="f\nq\n")
    assert f"[{third}]" in again.output and f"[{first}]" not in again.output
    rows = {r["flag_id"]: r for r in json.loads(_run(["review", "--list", "--db", db,
                                                      "--format", "json"]).output)}
    assert rows[third]["status"] == "fixed"


def test_done_when_dismiss_then_check_shows_it(seed_path: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue's done-when, on the seed: dismiss with the command, re-run check."""
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "r.db")
    seed = str(seed_path)
    reviewed = _run(["review", seed, *AS_OF, "--db", db, "--flag", "f2", "--status",
                     "dismissed", "--note", "LeNet-5 date confirmed by the author", "--reviewer",
                     "Ann"])
    assert reviewed.exit_code == 0, reviewed.output
    out = tmp_path / "out"
    checked = _run(["check", seed, *AS_OF, "--review-db", db, "--output", str(out),
                    "--fail-on", "high"])
    # The only high flag is dismissed: --fail-on high no longer fails.
    assert checked.exit_code == 0, checked.output
    assert "review: dismissed by Ann" in checked.output.split("Dismissed by reviewers (1):")[1]
    report = json.loads((out / "yann-lecun-profile" / "report.json").read_text("utf-8"))
    flag = next(f for f in report["flags"] if f["id"] == "f2")
    assert flag["review"]["status"] == "dismissed"
    assert flag["review"]["note"] == "LeNet-5 date confirmed by the author"
    md = (out / "yann-lecun-profile" / "report.md").read_text("utf-8")
    assert "LeNet-5 date confirmed by the author" in md.split("## Dismissed by reviewers")[1]
    hidden = _run(["check", seed, *AS_OF, "--review-db", db, "--format", "json",
                   "--hide-dismissed"])
    data = json.loads(hidden.output)
    assert "f2" not in {f["id"] for f in data["flags"]}
    assert data["summary"]["review"]["hidden"] == 1


ARTICLE = ("Ada Example Profile\n\nAda Example is an engineer. In 1989, Ada Example created "
           "Widget-9, a small machine for sorting mail.\n")
KB = {"entities": [
    {"id": "local:ada-example", "label": "Ada Example", "type": "person",
     "source": "https://example.org/ada",
     "facts": [{"property": "date of birth", "value": "1931-05-02"}]},
    {"id": "local:widget-9", "label": "Widget-9", "type": "work",
     "source": "https://example.org/widget",
     "facts": [{"property": "inception", "value": 1998},
               {"property": "creator", "value": "Ada Example"}]},
]}


def test_teach_the_kb_round_trip(tmp_path: Path) -> None:
    article, kb = tmp_path / "ada.txt", tmp_path / "kb.yaml"
    article.write_text(ARTICLE, encoding="utf-8")
    kb.write_text(yaml.safe_dump(KB), encoding="utf-8")
    db = tmp_path / "reviews" / "r.db"
    common = ["--no-bundled-kb", "--kb", str(kb), *AS_OF]
    before = json.loads(_run(["check", str(article), *common, "--format", "json",
                              "--review-db", str(db)]).output)
    flag = next(f for f in before["flags"] if f["category"] == "date_mismatch")
    taught = _run(["review", str(article), *common, "--db", str(db), "--flag", flag["id"],
                   "--status", "dismissed", "--note", "the KB is wrong", "--correct", "1989",
                   "--source", "Widget-9 manual, p. 1"])
    assert taught.exit_code == 0, taught.output
    local = db.parent / "factcheck-local-kb.yaml"
    assert "inception" in taught.output and local.is_file()
    data = yaml.safe_load(local.read_text(encoding="utf-8"))
    assert data["entities"][0]["id"] == "local:widget-9"
    assert data["entities"][0]["facts"][0]["source"] == "Widget-9 manual, p. 1"
    after = json.loads(_run(["check", str(article), *common, "--format", "json",
                             "--review-db", str(db)]).output)
    assert not [f for f in after["flags"] if f["category"] == "date_mismatch"]
    created = next(c for c in after["claims"] if c["predicate"] == "created")
    assert created["verdict"] == "supported"
    assert any("Widget-9 manual" in (e["source"] or "") for e in created["evidence"])
    # A flag without a claim cannot be taught: a clear error, nothing written.
    rows = json.loads(_run(["review", "--list", "--db", str(db), "--format", "json"]).output)
    assert rows[0]["corrected_value"] == "1989"


def test_teach_refuses_flags_without_a_claim(seed_json: Path, tmp_path: Path) -> None:
    report = json.loads(seed_json.read_text(encoding="utf-8"))
    fid = next(f["id"] for f in report["flags"] if not f.get("claim_id"))
    db = tmp_path / "r.db"
    result = CliRunner().invoke(cli, ["review", str(seed_json), "--db", str(db), "--flag", fid,
                                      "--status", "dismissed", "--correct", "x", "--source", "y"])
    assert isinstance(result.exception, FactcheckError) and result.exception.exit_code == 2
    assert "no KB property can be derived" in str(result.exception)
    assert not (tmp_path / "factcheck-local-kb.yaml").exists()

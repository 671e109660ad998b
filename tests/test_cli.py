"""The article commands and ``factcheck check`` through Click's CliRunner, and the error
boundary (one line on stderr, exit code) through ``python -m analysis`` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from analysis.cli import cli
from analysis.errors import InputError

AS_OF = "2026-11-29"


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, command in sorted(group.commands.items()):
        out.append((*prefix, name))
        if isinstance(command, click.Group):
            out.extend(_commands(command, (*prefix, name)))
    return out


@pytest.mark.parametrize("path", _commands(cli), ids=" ".join)
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    command: Any = cli
    for name in path:
        command = command.commands[name]
    assert (command.help or "").strip(), f"{' '.join(path)} has no help text"
    assert (command.get_short_help_str() or "").strip()
    result = _run(*path, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_group_help_lists_commands() -> None:
    result = _run("--help")
    assert result.exit_code == 0
    for name in ("check", "dates", "entities", "claims", "timeline"):
        assert name in result.output


# --- JSON on the seed -----------------------------------------------------------------------

JSON_COMMANDS = {
    "dates": (["--ref-date", AS_OF], {"article", "ref_date", "dates"}),
    "entities": ([], {"article", "entities"}),
    "claims": ([], {"article", "subject", "claims"}),
    "timeline": ([], {"article", "timeline"}),
    "check": (["--as-of", AS_OF], {"schema_version", "summary", "claims", "flags", "as_of"}),
}


@pytest.fixture(scope="module")
def seed_json(seed_path: Path) -> dict[str, Any]:
    """Each command's JSON output on the seed (each run loads the model once)."""
    out = {}
    for name, (extra, _) in JSON_COMMANDS.items():
        result = _run(name, seed_path, "--format", "json", *extra)
        assert result.exit_code == 0, result.output
        out[name] = json.loads(result.output)
    return out


@pytest.mark.parametrize("name", list(JSON_COMMANDS))
def test_json_keys(seed_json: dict[str, Any], name: str) -> None:
    assert JSON_COMMANDS[name][1] <= set(seed_json[name])


def test_dates_json(seed_json: dict[str, Any]) -> None:
    data = seed_json["dates"]
    assert data["ref_date"] == AS_OF
    row = next(d for d in data["dates"] if d["text"] == "July 2024")
    assert {"text", "start", "end", "type", "value"} <= set(row)
    assert (row["type"], row["value"]) == ("DATE", "2024-07")


def test_entities_json(seed_json: dict[str, Any]) -> None:
    rows = seed_json["entities"]["entities"]
    assert any(r["text"] == "Yann LeCun" and r["kb_id"] == "Q3571662" for r in rows)
    assert all({"text", "start", "end", "label", "kb_id"} <= set(r) for r in rows)


def test_claims_json(seed_json: dict[str, Any]) -> None:
    data = seed_json["claims"]
    assert data["subject"] == {"name": "Yann LeCun", "kb_id": "Q3571662"}
    created = [c for c in data["claims"] if c["predicate"] == "created"]
    assert any(
        c["object"] == "LeNet-5" and c["time"]["value"] == "1989" and c["subject"] == "Yann LeCun"
        for c in created
    )
    for claim in data["claims"]:
        assert 0 <= claim["check_worthiness"] <= 1 and claim["sentence"]


def test_timeline_json(seed_json: dict[str, Any]) -> None:
    dates = [e["date"] for e in seed_json["timeline"]["timeline"]]
    for expected in ("1960", "1987", "1988", "1989", "1996", "2003", "2013", "2018", "2024-07"):
        assert expected in dates, dates
    years = [d for d in dates if d[:1].isdigit()]
    assert years == sorted(years, key=lambda d: d[:4].replace("X", "0"))  # 198X: the 1980s
    events = {e["date"]: e["event"] for e in seed_json["timeline"]["timeline"]}
    assert "LeNet-5" in events["1989"] and "Llama 3.1" in events["2024-07"]


def test_check_json(seed_json: dict[str, Any]) -> None:
    report = seed_json["check"]
    assert report["schema_version"] == "1" and report["as_of"] == AS_OF
    flag = next(f for f in report["flags"] if f["category"] == "date_mismatch")
    assert {"id", "category", "severity", "sentence", "start", "end", "message", "evidence"} <= set(
        flag
    )
    assert flag["severity"] == "high" and "LeNet-5" in flag["sentence"]
    assert report["summary"]["flags"]["high"] >= 1


def test_timeline_table(seed_path: Path) -> None:
    result = _run("timeline", seed_path)
    assert result.exit_code == 0, result.output
    for year in ("1960", "1987", "1988", "1989", "1996", "2003", "2013", "2018", "July 2024"):
        assert year in result.output


# --- check: exit codes and files ------------------------------------------------------------


def test_check_fail_on_high(seed_path: Path) -> None:
    result = _run("check", seed_path, "--as-of", AS_OF, "--format", "json", "--fail-on", "high")
    assert result.exit_code == 1
    assert json.loads(result.output)["flags"]


def test_check_default_writes_reports(
    seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # an isolated filesystem: reports/ lands here
    result = _run("check", seed_path, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    folder = tmp_path / "reports" / "yann-lecun-profile"
    names = {p.name for p in folder.iterdir()}
    assert {"report.json", "summary.txt"} <= names
    assert not [n for n in names if n.startswith(".") or n.endswith(".tmp")]
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert report["schema_version"] == "1"
    assert "LeNet-5" in result.output
    assert str(Path("reports") / "yann-lecun-profile") in result.output


def test_check_output_is_atomic(seed_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "seed.json"
    result = _run("check", seed_path, "--as-of", AS_OF, "--format", "json", "--output", target)
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == "1"
    assert [p.name for p in target.parent.iterdir()] == ["seed.json"]


# --- bad input ------------------------------------------------------------------------------


@pytest.fixture()
def bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {"empty": tmp_path / "empty.txt", "binary": tmp_path / "binary.txt"}
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    files["missing"] = tmp_path / "missing.txt"
    return files


@pytest.mark.parametrize(
    "args",
    [
        ["claims", "{seed}", "--format", "xml"],
        ["dates", "{seed}", "--ref-date", "2026-13-01"],
        ["check", "{seed}", "--fail-on", "severe"],
        ["timeline"],
        ["no-such-command"],
    ],
    ids=["unknown-format", "bad-date", "bad-fail-on", "no-article", "unknown-command"],
)
def test_usage_errors(seed_path: Path, args: list[str]) -> None:
    result = _run(*[a.format(seed=seed_path) for a in args])
    assert result.exit_code == 2, result.output


@pytest.mark.parametrize("kind", ["empty", "binary", "missing"])
@pytest.mark.parametrize("command", ["dates", "claims", "timeline", "entities"])
def test_input_errors_raise_input_error(
    bad_files: dict[str, Path], command: str, kind: str
) -> None:
    result = _run(command, bad_files[kind])
    assert isinstance(result.exception, InputError), result.output
    assert result.output == ""


ENTRY_POINT_CASES = {
    # name: (arguments, exit code, words in the one stderr line; None: no stderr expected)
    "unknown-format": (["claims", "{seed}", "--format", "xml"], 2, "--format"),
    "empty": (["dates", "{empty}"], 2, "empty"),
    "binary": (["check", "{binary}", "--format", "json", "--no-bundled-kb"], 2, "binary"),
    "fail-on": (
        ["check", "{seed}", "--as-of", AS_OF, "--format", "json", "--output", "{report}",
         "--fail-on", "high"],
        1,
        None,
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def entry_point(
    seed_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[subprocess.CompletedProcess[str], Path]]:
    """Run ``python -m analysis`` for every case at once (each start costs seconds)."""
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_DEBUG"}
    running = {}
    for name, (args, _, _) in ENTRY_POINT_CASES.items():
        here = tmp_path_factory.mktemp(name)
        (here / "empty.txt").write_bytes(b"")
        (here / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
        paths = {"seed": seed_path, "empty": "empty.txt", "binary": "binary.txt"}
        argv = [a.format(report="report.json", **paths) for a in args]
        proc = subprocess.Popen(
            [sys.executable, "-m", "analysis", *argv],
            cwd=here,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        running[name] = (proc, here, argv)
    done = {}
    for name, (proc, here, argv) in running.items():
        out, err = proc.communicate(timeout=180)
        done[name] = (subprocess.CompletedProcess(argv, proc.returncode, out, err), here)
    return done


@pytest.mark.parametrize("name", [n for n, c in ENTRY_POINT_CASES.items() if c[2]])
def test_error_boundary_one_line(entry_point: dict[str, Any], name: str) -> None:
    proc, here = entry_point[name]
    _, code, words = ENTRY_POINT_CASES[name]
    assert proc.returncode == code, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert lines[0].startswith("factcheck: error:") and words in lines[0]
    # Nothing written next to the run.
    assert sorted(p.name for p in here.iterdir()) == ["binary.txt", "empty.txt"]


def test_fail_on_exit_code_through_entry_point(entry_point: dict[str, Any]) -> None:
    """The real entry point (run_safely) must keep --fail-on's exit code 1."""
    proc, here = entry_point["fail-on"]
    report = json.loads((here / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["flags"]["high"] >= 1
    assert proc.stderr == ""
    assert proc.returncode == 1

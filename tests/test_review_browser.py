"""Review in a real browser: ``factcheck serve`` in a subprocess, headless Chromium via Playwright.

Dismisses a flag with a reason through the page's buttons, then checks the decision is in the
review database, shown after a reload (in the dismissed section), and applied by a re-run of
``factcheck check``. Skips like ``test_report_browser.py`` when Chromium or Playwright is absent.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from analysis.review.store import ReviewStore

pytestmark = pytest.mark.browser

try:
    from playwright.sync_api import Browser
except ImportError:
    pytest.skip("playwright (Python package) is not installed: pip install playwright",
                allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(seed_path: Path, bundled_kb: Any, as_of: Any,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from analysis.checking import Checker

    report = next(Checker(kb=bundled_kb).check_paths([seed_path], as_of))
    root = tmp_path_factory.mktemp("browser-review")
    (root / "reports" / "seed").mkdir(parents=True)
    (root / "reports" / "seed" / "report.json").write_text(json.dumps(report), encoding="utf-8")
    db, port = root / "r.db", _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis", "serve", str(root / "reports"), "--port", str(port),
         "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"factcheck serve did not start: {proc.stdout.read()!r}")
            time.sleep(0.2)
    yield {"base": base, "db": db, "report": report, "root": root}
    proc.terminate()
    proc.wait(10)


def test_dismiss_in_browser_is_stored_and_shown(browser: Browser, server: dict[str, Any],
                                                seed_path: Path) -> None:
    flag = next(f for f in server["report"]["flags"] if f["category"] == "date_mismatch")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda req: None if req.url.startswith((server["base"], "data:"))
            else problems.append(f"network: {req.url}"))
    page.goto(server["base"] + "/")
    page.click("a[href='/reports/seed/report.html']")
    page.wait_for_selector("body[data-review-ready='1']")
    page.fill("input.reviewer-name", "Ann Editor")
    item = page.locator(f"#flag-{flag['id']}")
    item.locator("button.review-dismiss").click()
    item.locator("textarea.review-note").fill("The 1989 date is the author's own wording")
    item.locator("button.review-save").click()
    # A selector, not a JS predicate: the page's CSP forbids eval, as it should.
    page.wait_for_selector(f"#flag-{flag['id']}[data-review-status='dismissed']")
    assert "dismissed by Ann Editor" in item.locator(".review-status").inner_text()
    # Stored at once, for the next reader and the next run.
    decisions = ReviewStore(server["db"]).all_current()
    assert [(d.flag_id, d.status, d.reviewer, d.note) for d in decisions] == [
        (flag["id"], "dismissed", "Ann Editor", "The 1989 date is the author's own wording")]
    page.reload()
    page.wait_for_selector("body[data-review-ready='1']")
    moved = page.locator(f"#dismissed-flags #flag-{flag['id']}")
    assert "The 1989 date is the author's own wording" in moved.inner_text()
    assert page.locator("input.reviewer-name").input_value() == "Ann Editor"  # remembered
    assert not problems, problems
    page.close()
    # A re-run of factcheck check with the same database shows the flag as dismissed.
    from click.testing import CliRunner

    from analysis.cli import cli

    result = CliRunner().invoke(cli, ["check", str(seed_path), "--as-of", "2026-11-29",
                                      "--review-db", str(server["db"]), "--format", "md"])
    assert result.exit_code == 0, result.output
    dismissed = result.output.split("## Dismissed by reviewers")[1]
    assert "The 1989 date is the author's own wording" in dismissed

"""The HTML report in a real browser: headless Chromium (Debian's package) driven by Playwright.

Needs ``apt-get install -y chromium`` and ``pip install playwright`` (the Python package only:
no ``playwright install``, the browser is the system's). Skips with the reason when either is
missing. Run alone with ``pytest -m browser``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from analysis.report.html import render_html

pytestmark = pytest.mark.browser

SEED = Path(__file__).resolve().parents[1] / "corpus" / "articles" / "yann-lecun-profile.txt"
HOSTILE = Path(__file__).parent / "data" / "report" / "hostile_report.json"
try:
    from playwright.sync_api import Browser, Page
except ImportError:
    pytest.skip(
        "playwright (Python package) is not installed: pip install playwright",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def seed_report() -> dict[str, Any]:
    if not SEED.exists():
        pytest.skip("seed article not present")
    from analysis.checking import Checker

    return next(Checker().check_paths([SEED], date(2026, 11, 29)))


def _open(browser: Browser, html: str, folder: Path) -> tuple[Page, list[str]]:
    path = folder / "report.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on(
        "dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss())
    )
    page.on(
        "request",
        lambda req: (
            None
            if req.url.startswith(("file:", "data:", "about:"))
            else problems.append(f"network: {req.url}")
        ),
    )
    page.goto(path.as_uri())
    return page, problems


def test_seed_report_highlights_popover_filters(
    browser: Browser, seed_report: dict[str, Any], tmp_path: Path
) -> None:
    flag = next(
        f
        for f in seed_report["flags"]
        if f["category"] == "date_mismatch" and "LeNet-5" in f["sentence"]
    )
    page, problems = _open(browser, render_html(seed_report), tmp_path)

    # The LeNet-5 sentence is highlighted as a high-severity date mismatch, visibly.
    mark = page.locator(f'#article .hl[data-flags~="{flag["id"]}"]').first
    assert "LeNet-5" in mark.inner_text()
    assert mark.get_attribute("data-severity") == "high"
    assert mark.get_attribute("data-category") == "date_mismatch"
    background = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")

    # Clicking it shows the message, the evidence (1998) and the suggestion.
    popover = page.locator("#popover")
    assert not popover.is_visible()
    mark.click()
    assert popover.is_visible()
    detail = popover.locator(f'.flag-detail[data-flag-id="{flag["id"]}"]')
    evidence = detail.locator(".evidence")
    assert evidence.is_visible() and "1998" in evidence.inner_text()
    assert detail.locator(".suggestion").is_visible()
    page.screenshot(path=str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # Unticking the category hides its flags in the panel and mutes the highlight.
    total = len(seed_report["flags"])
    item = page.locator(f'#panel .flag-item[data-flag-id="{flag["id"]}"]')
    assert item.is_visible()
    page.locator('#filters input[value="date_mismatch"]').uncheck()
    assert not item.is_visible()
    shown = total - seed_report["summary"]["categories"]["date_mismatch"]
    assert page.locator("#panel .flag-item:visible").count() == shown
    assert page.locator("#flag-count").inner_text() == f"{shown} of {total}"
    assert "muted" in (mark.get_attribute("class") or "")
    page.locator('#filters input[value="date_mismatch"]').check()
    assert item.is_visible() and page.locator("#panel .flag-item:visible").count() == total

    # A flag in the panel scrolls to its highlight and opens its details.
    other = seed_report["flags"][-1]
    page.locator(f'#panel .goto[data-flag-id="{other["id"]}"]').click()
    assert popover.locator(f'.flag-detail[data-flag-id="{other["id"]}"]').is_visible()
    assert page.locator(f'#article .hl[data-flags~="{other["id"]}"]').first.is_visible()
    assert problems == []


def test_hostile_report_runs_no_injected_script(browser: Browser, tmp_path: Path) -> None:
    report = json.loads(HOSTILE.read_text(encoding="utf-8"))
    page, problems = _open(browser, render_html(report), tmp_path)
    marks = page.locator("#article .hl[data-flags]").all()
    assert marks
    for mark in marks:
        mark.click()
        assert page.locator("#popover").is_visible()
        page.keyboard.press("Escape")  # the popover may cover the next highlight
    assert page.locator("script").count() == 1
    assert page.locator("textarea, img, iframe").count() == 0
    assert '<script>alert("article")</script>' in page.locator("#article").inner_text()
    assert problems == []

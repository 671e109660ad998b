"""Screenshot of an HTML report in headless Chromium, for the README.

Opens the report, clicks the first highlight of the most severe flag (so its evidence shows)
and saves a PNG of the window. Needs Debian's ``chromium`` and the ``playwright`` Python package
(never ``playwright install``: the system browser is used).

Usage (from the repository root, after regenerating the example report):

    python benchmarks/screenshot_report.py \\
        reports/example/yann-lecun-profile/report.html docs/report-screenshot.png
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SEVERITIES = ("high", "medium", "low")


def screenshot(report_html: Path, png: Path, *, chromium: str, width: int, height: int) -> None:
    """Save ``png``: the report at ``width`` x ``height`` with the worst flag's details open."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(report_html.resolve().as_uri())
        for severity in SEVERITIES:
            marks = page.locator(f'#article .hl[data-severity="{severity}"]')
            if marks.count():
                mark = marks.first
                mark.scroll_into_view_if_needed()
                # Leave room above the highlight so the article around it shows too.
                page.evaluate("window.scrollBy(0, -180)")
                mark.click()
                break
        png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png))
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="report.html to open")
    parser.add_argument("png", type=Path, help="where to save the screenshot")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args(argv)
    if not args.report.is_file():
        print(f"error: no report at {args.report}; run factcheck check first", file=sys.stderr)
        return 2
    if not Path(args.chromium).exists():
        print(f"error: no Chromium at {args.chromium}: apt-get install -y chromium",
              file=sys.stderr)
        return 2
    try:
        import playwright  # noqa: F401
    except ImportError:
        print("error: pip install playwright (the Python package only)", file=sys.stderr)
        return 2
    screenshot(args.report, args.png, chromium=args.chromium, width=args.width,
               height=args.height)
    print(args.png)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The review page's screenshots in docs/: the page for a bundled report mid-review
(docs/review.png) and the diff page of the engine against a real report's gold
(docs/review-diff.png), at a laptop's 1366×768.

    .venv/bin/python docs/review_screenshots.py

Needs Chromium (the OS package: /usr/bin/chromium, or REPORTX_CHROMIUM) and, for the diff, the
shared corpus beside the checkout (../shared/corpus/hailar-2014.txt).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
CHROMIUM = os.environ.get("REPORTX_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1366, "height": 768}


def reportx(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "reportx", *args], check=True, cwd=ROOT)


def review_shot(browser, page_file: Path, out: Path) -> None:
    """Mid-review: from the headline GDP target, two figures confirmed, one marked wrong, one
    edited, the next selected."""
    page = browser.new_page(viewport=VIEWPORT)
    page.goto(page_file.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    page.click("#headline tr.hrow:has-text('地区生产总值 · 2024 目标')")
    for key in "cjcjxj":
        page.keyboard.press(key)
    page.keyboard.press("e")
    page.select_option("#edit-form select[name=qualifier]", "at_least")
    page.click("#edit-form button[type=submit]")
    page.keyboard.press("j")
    page.mouse.move(0, 0)
    page.screenshot(path=str(out))
    page.close()


def diff_shot(browser, page_file: Path, out: Path) -> None:
    """The first difference `reportx eval` counts, selected."""
    page = browser.new_page(viewport=VIEWPORT)
    page.goto(page_file.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    page.keyboard.press("u")
    page.mouse.move(0, 0)
    page.screenshot(path=str(out))
    page.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        review = Path(tmp) / "guigang.html"
        reportx("review", "guigang", "-o", str(review))
        diff = Path(tmp) / "diff.html"
        corpus = ROOT.parent / "shared" / "corpus"
        reportx("review", "tests/real/hailar-2014.jsonl", str(corpus / "hailar-2014.txt"), "-o", str(diff))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            review_shot(browser, review, DOCS / "review.png")
            diff_shot(browser, diff, DOCS / "review-diff.png")
            browser.close()
    print(f"wrote {DOCS / 'review.png'} and {DOCS / 'review-diff.png'}")


if __name__ == "__main__":
    main()

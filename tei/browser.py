"""Headless Chromium (Debian's `chromium`) driven by Playwright, for the HTML edition's checks and screenshots.

No browser is downloaded: Playwright runs the system's Chromium (TEI_EDITION_CHROMIUM, default
/usr/bin/chromium) with background networking off, so a page can only load what is on this machine.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    path = os.environ.get("TEI_EDITION_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return path if path and os.path.exists(path) else None


@contextmanager
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise RuntimeError("the browser feature needs Playwright, which the core install leaves out: "
                           "pip install -e '.[browser]' (or '.[test]')") from None
    path = chromium_path()
    if path is None:
        raise RuntimeError("no Chromium found: install Debian's chromium or set TEI_EDITION_CHROMIUM")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()

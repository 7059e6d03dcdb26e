"""The PDF edition: the HTML edition printed by headless Chromium (Playwright), with a running head (the title),
page numbers and margins. These come from the edition's own print stylesheet (`@page` margins and margin boxes,
Chromium >= 131), so the PDF and a reader's browser print are the same layout.

Chromium rather than WeasyPrint: the HTML edition is already tested in that browser (layout, print stylesheet),
Playwright is already a dependency of the browser tests, and WeasyPrint would add a second CSS engine (and its
Pango/cairo system libraries) whose rendering we would have to test again. Chromium stamps the time of printing
into the PDF; it is replaced by a fixed one (the same length, so the cross-reference offsets stay right), which
makes the PDF byte-identical for the same TEI. The words are checked with poppler's `pdftotext` (fidelity.py).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import datetime, timezone

from .errors import UsageError

_STAMP = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}[^)]*\)")
_BREAK_BEFORE_APOSTROPHE = re.compile(r"\n(?=['’])")


def _browser():
    """A browser for this rendering, closed after it: a Playwright left running would hold an event loop that
    any later sync Playwright use in the process (the browser tests, a review page) refuses to share."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise UsageError("the PDF edition needs Playwright: pip install playwright (and Debian's chromium)") \
            from None
    from .browser import browser, chromium_path

    if chromium_path() is None:
        raise UsageError("the PDF edition needs Chromium: install Debian's chromium or set TEI_EDITION_CHROMIUM")
    return browser()


def _stamp() -> bytes:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or 0)
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y%m%d%H%M%S").encode()


def render(tree) -> bytes:
    from . import render as renderer

    html = renderer.render(tree, "html").decode("utf-8")
    with _browser() as b:
        page = b.new_page()
        page.set_content(html, wait_until="load")
        # (the source's header, in a closed <details> on screen, is printed by the print stylesheet)
        data = page.pdf(format="Letter", print_background=False, tagged=True, outline=True)
    stamp = _stamp()
    return _STAMP.sub(lambda m: b"/" + m.group(1) + b" (D:" + stamp + b"+00'00')", data)


def text(data: bytes) -> str:
    """The PDF's text, read back with poppler's pdftotext."""
    tool = shutil.which("pdftotext")
    if tool is None:
        raise UsageError("checking the PDF edition needs pdftotext (Debian's poppler-utils)")
    proc = subprocess.run([tool, "-raw", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=False,
                          timeout=300)
    if proc.returncode != 0:
        raise UsageError(f"pdftotext could not read the PDF: {proc.stderr.decode(errors='replace').strip()}")
    # Chromium may break a line before an apostrophe ("ISIL" / "’s"): the word is one word on the page.
    return _BREAK_BEFORE_APOSTROPHE.sub("", proc.stdout.decode("utf-8"))

"""The HTML edition in a real headless Chromium: loads cleanly, links work, accessible, responsive, printable."""
from __future__ import annotations

import pytest

from tei.browser import chromium_path
from conftest import REPO, SEED, require

PAGE = (REPO / "editions" / (SEED.stem + ".html")).resolve().as_uri()
INDEX = (REPO / "editions" / "index.html").resolve().as_uri()


@pytest.fixture(scope="module")
def chromium():
    try:
        import playwright  # noqa: F401
    except ImportError:
        playwright = None
    require(playwright is not None, "Playwright is not installed (pip install -e '.[browser]', included in '.[test]')")
    require(chromium_path() is not None, "Debian's chromium is not installed (apt-get install chromium)")
    from tei.browser import browser

    with browser() as b:
        yield b


def open_page(chromium, url, **kwargs):
    page = chromium.new_page(**kwargs)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: errors.append(f"request to {r.url}") if not r.url.startswith("file:") else None)
    page.goto(url)
    return page, errors


@pytest.mark.parametrize("url", [PAGE, INDEX], ids=["edition", "index"])
def test_loads_without_console_errors_or_network(chromium, url):
    page, errors = open_page(chromium, url)
    page.wait_for_load_state("load")
    assert errors == []
    assert page.title()


def in_viewport(page, selector) -> bool:
    # "visible": some of the element is on screen (an anchor scrolled to the top may start a fraction above 0)
    return page.evaluate("""s => { const r = document.querySelector(s).getBoundingClientRect();
                                   return r.bottom > 0 && r.top < window.innerHeight; }""", selector)


def test_footnote_links_jump_both_ways(chromium):
    page, _ = open_page(chromium, PAGE, viewport={"width": 1280, "height": 800})
    page.click("sup.noteref a >> nth=0")
    assert page.url.endswith("#note-1") and in_viewport(page, "[id='note-1']")
    page.click("[id='note-1'] a.backref")
    assert page.url.endswith("#noteref-1") and in_viewport(page, "[id='noteref-1']")


def test_citation_links_target_their_paragraph(chromium):
    page, _ = open_page(chromium, PAGE, viewport={"width": 1280, "height": 800})
    link = page.locator("a.cite[href='#sp7.p2']")
    assert link.inner_text() == "sp7.p2" and link.is_visible()
    link.click()
    assert page.url.endswith("#sp7.p2") and in_viewport(page, "[id='sp7.p2']")


@pytest.mark.parametrize("url", [PAGE, INDEX], ids=["edition", "index"])
def test_no_serious_or_critical_accessibility_violations(chromium, url):
    from axe_playwright_python.sync_playwright import Axe

    page, _ = open_page(chromium, url)
    violations = Axe().run(page).response["violations"]
    serious = [(v["id"], v["impact"], v["help"]) for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_readable_on_a_phone(chromium):
    page, _ = open_page(chromium, PAGE, viewport={"width": 390, "height": 844})
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    font = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.sp p:not(.speaker)')).fontSize)")
    assert font >= 15


def test_print_layout(chromium, tmp_path):
    page, _ = open_page(chromium, PAGE)
    page.emulate_media(media="print")
    assert page.evaluate("() => getComputedStyle(document.querySelector('footer')).display") == "none"
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000

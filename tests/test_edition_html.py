"""The HTML reading edition as a reader uses it (issue 15, items 1-4 and dark mode): navigation, editorial marks,
citing, the title block, print and PDF, dark mode. Browser features are checked in the real headless Chromium."""
from __future__ import annotations

import copy
import re
import shutil
import subprocess

from lxml import html

import tei
from tei import render
from conftest import CORPUS, NS, REPO, SEED, require
from test_browser import chromium, open_page  # noqa: F401  (the shared Chromium fixture)

EDITIONS = REPO / "editions"
PAGE = EDITIONS / (SEED.stem + ".html")
# White House transcripts print a release date and a source URL; the Public Papers one a volume tag.
RELEASED = "16-wh-trump-eo-signing-crosstalk"
VOLUME = "15-ghwbush-news-conference-economic-summit-journalists-1989"


def corpus_tree(stem: str):
    path = CORPUS / f"{stem}.txt"
    require(path.exists(), f"the shared corpus is not at {CORPUS}")
    return tei.convert_file(path).tree


def write_page(tmp_path, tree, name="page") -> str:
    out = tmp_path / f"{name}.html"
    out.write_bytes(render.render(tree, "html"))
    return out.resolve().as_uri()


def pdf_text(data: bytes, *args: str) -> str:
    require(shutil.which("pdftotext") is not None, "pdftotext (Debian's poppler-utils) is not installed")
    return subprocess.run(["pdftotext", *args, "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def doc(tree) -> html.HtmlElement:
    return html.document_fromstring(render.render(tree, "html"))


# --- 1. navigation ------------------------------------------------------------------------------------------
def test_contents_of_a_transcript_without_sections_lists_blocks_of_turns(chromium):
    page, errors = open_page(chromium, PAGE.as_uri(), viewport={"width": 1280, "height": 800})
    turns = page.eval_on_selector_all(".transcript .sp", "els => els.map(e => e.id)")
    assert page.locator(".transcript h3").count() == 0  # the seed has no sections
    entries = page.locator("nav.contents li a")
    hrefs = [entries.nth(i).get_attribute("href") for i in range(entries.count())]
    assert len(hrefs) >= 2 and hrefs[0] == f"#{turns[0]}"
    step = turns.index(hrefs[1][1:])  # every Nth turn, in order, up to the last block
    assert step >= 5 and [h[1:] for h in hrefs] == turns[::step]
    entries.nth(1).click()
    assert page.url.endswith(hrefs[1]) and page.evaluate(
        "id => { const r = document.getElementById(id).getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }",
        hrefs[1][1:])
    assert errors == []


def test_speaker_index_links_every_turn_of_each_speaker(chromium):
    page, _ = open_page(chromium, PAGE.as_uri())
    people = page.eval_on_selector_all(".participants li[id^='person-']", """els => els.map(li => ({
        who: li.id.slice(7), count: (li.querySelector('a.turns') || {}).textContent || '',
        links: [...li.querySelectorAll('.turn-links a')].map(a => a.getAttribute('href').slice(1)) }))""")
    speakers = [p for p in people if p["links"]]
    assert len(speakers) >= 3
    for person in speakers:
        turns = page.eval_on_selector_all(f".sp[data-who='{person['who']}']", "els => els.map(e => e.id)")
        assert person["links"] == turns and person["count"].startswith(f"{len(turns)} turn")


def test_navigation_works_with_the_keyboard(chromium):
    page, _ = open_page(chromium, PAGE.as_uri(), viewport={"width": 1280, "height": 800})
    # Each step waits (up to 5 s) for the browser to have done it: a key press returns before the page has
    # followed the link or opened the list, and on a loaded machine an immediate check saw the old state.
    def settles(condition: str, *arg) -> None:
        page.wait_for_function(condition, arg=arg[0] if arg else None, timeout=5000)

    page.keyboard.press("Tab")
    settles("document.activeElement.className.startsWith('skip-link')")
    page.keyboard.press("Enter")
    settles("location.hash === '#transcript-heading'")
    summary = page.locator("details.turn-index summary").first
    summary.focus()
    page.keyboard.press("Enter")  # opens the list of every turn
    settles("document.querySelector('details.turn-index').open")
    page.keyboard.press("Tab")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    assert target and target.startswith("#sp")
    page.keyboard.press("Enter")
    settles("target => location.hash === target", target)
    assert page.url.endswith(target)


def test_section_headings_have_anchors(tmp_path, chromium):
    page, _ = open_page(chromium, write_page(tmp_path, corpus_tree(VOLUME)), viewport={"width": 1280, "height": 800})
    heads = page.eval_on_selector_all(".transcript h3", "els => els.map(h => [h.id, h.querySelector('a.anchor').getAttribute('href')])")
    assert len(heads) >= 2 and all(href == f"#{hid}" for hid, href in heads)
    contents = page.eval_on_selector_all("nav.contents a", "els => els.map(a => a.getAttribute('href'))")
    assert contents == [href for _, href in heads]


def test_phone_layout_with_every_index_open_does_not_scroll_sideways(chromium):
    page, _ = open_page(chromium, PAGE.as_uri(), viewport={"width": 390, "height": 844})
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0


def _serious(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    return [(v["id"], v["help"]) for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]


def test_axe_clean_with_the_indexes_open(chromium):
    page, _ = open_page(chromium, PAGE.as_uri())
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert _serious(page) == []


# --- 6. dark mode -------------------------------------------------------------------------------------------
def test_dark_mode_follows_the_system_setting_and_keeps_contrast(chromium):
    colours = "() => { const s = getComputedStyle(document.body); return [s.backgroundColor, s.color]; }"
    light, _ = open_page(chromium, PAGE.as_uri(), color_scheme="light")
    dark, errors = open_page(chromium, PAGE.as_uri(), color_scheme="dark")
    (light_bg, light_fg), (dark_bg, dark_fg) = light.evaluate(colours), dark.evaluate(colours)
    assert light_bg != dark_bg and light_fg != dark_fg

    def luminance(rgb: str) -> float:
        return sum(int(v) for v in re.findall(r"\d+", rgb)[:3])

    assert luminance(dark_bg) < luminance(dark_fg)  # light text on a dark page
    dark.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert _serious(dark) == [] and errors == []


# --- 2. editorial marks -------------------------------------------------------------------------------------
def test_each_editorial_mark_is_distinct_and_explained(chromium):
    page, _ = open_page(chromium, PAGE.as_uri())
    style = """s => { const e = document.querySelector(s); const c = getComputedStyle(e);
                      return [c.backgroundColor, c.color, c.borderStyle].join(); }"""
    looks = {kind: page.evaluate(style, f".transcript {sel}") for kind, sel in
             {"inaudible": ".gap-inaudible", "untranscribed": ".untranscribed", "lacuna": ".lacuna"}.items()}
    assert len(set(looks.values())) == 3
    legend = page.inner_text("section.marks")
    assert "inaudible" in legend and "did not transcribe" in legend
    assert "inferred by tei-edition" in legend and "certainty medium" in legend  # who and how sure, visible
    lacuna = page.inner_text(".transcript .lacuna >> nth=0")
    assert "inferred by tei-edition, certainty medium" in lacuna
    supplied = page.inner_text(".sp:has(.who.supplied) .speaker >> nth=0")
    assert "supplied, certainty medium" in supplied.lower()


def test_crosstalk_has_its_own_mark_in_every_format(tmp_path, chromium):
    tree = corpus_tree(RELEASED)
    page, _ = open_page(chromium, write_page(tmp_path, tree))
    crosstalk = page.evaluate("getComputedStyle(document.querySelector('.transcript .gap-crosstalk')).backgroundColor")
    inaudible = page.evaluate("getComputedStyle(document.querySelector('.transcript .gap-inaudible')).backgroundColor")
    assert crosstalk != inaudible and "several people speaking at once" in page.inner_text("section.marks")
    wording = tree.xpath("//t:gap[@reason='crosstalk']/t:desc", namespaces=NS)[0].text
    for fmt in ("text", "markdown"):
        assert wording in render.render(tree, fmt).decode()  # the source's own wording, not a generic chip


def test_text_formats_show_who_inferred_a_lacuna(seed_conversion):
    for fmt in ("text", "markdown"):
        out = render.render(seed_conversion.tree, fmt).decode()
        assert "\u27e6material skipped in the source (inferred by tei-edition, certainty medium)\u27e7" in out


# --- 3. citing ----------------------------------------------------------------------------------------------
def test_citation_metadata_in_head(tmp_path, chromium):
    tree = corpus_tree(RELEASED)
    page, _ = open_page(chromium, write_page(tmp_path, tree))
    meta = dict(page.eval_on_selector_all("meta[name]", "els => els.map(m => [m.name, m.content])"))
    url = tree.xpath("//t:sourceDesc/t:bibl/t:ref/@target", namespaces=NS)[0]
    assert meta["DC.title"] == meta["citation_title"] == page.title()
    assert meta["DC.date"] == "2025-01-23" and meta["citation_date"] == "2025/01/23"
    assert meta["citation_publication_date"] == "2025/01/24"  # the release date
    assert meta["DC.source"] == meta["citation_public_url"] == url
    assert meta["DC.publisher"] == meta["citation_publisher"] == "The White House"
    assert meta["DC.creator"] == meta["citation_author"] and meta["DC.language"] == "en"


def test_how_to_cite_names_source_edition_and_paragraph(chromium):
    page, _ = open_page(chromium, PAGE.as_uri())
    cite = page.inner_text("section.how-to-cite")
    version = tei.__version__
    for part in ("Ash Carter", "Remarks by Secretary Carter at Ecole Militaire", "January 21, 2016",
                 "US Department of Defense", f"tei-edition {version}", PAGE.name):
        assert part in cite
    link = page.locator("section.how-to-cite .cite-paragraph a")
    assert link.inner_text() == f"{PAGE.name}{link.get_attribute('href')}"
    link.click()
    assert page.url.endswith(link.get_attribute("href"))
    assert page.evaluate("document.querySelector('meta[name=\"DC.identifier\"]').content") == PAGE.name


def test_built_edition_links_every_format_written_beside_it(chromium):
    page, _ = open_page(chromium, PAGE.as_uri())
    hrefs = page.eval_on_selector_all("dd.formats a", "els => els.map(a => a.getAttribute('href'))")
    assert f"{SEED.stem}.xml" in hrefs and f"{SEED.stem}.json" in hrefs
    assert all((EDITIONS / href).is_file() for href in hrefs)
    assert f"{SEED.stem}.pdf" not in hrefs  # PDF is opt-in: not built, not linked


def test_render_of_one_file_links_no_other_format(seed_conversion):
    page = doc(seed_conversion.tree)
    assert not page.find_class("formats") and not page.xpath("//meta[@name='DC.identifier']")


# --- 4. title block -----------------------------------------------------------------------------------------
def _meta(page: html.HtmlElement) -> dict:
    dl = page.find_class("meta")[0]
    return {dt.text_content(): dt.getnext().text_content() for dt in dl.iter("dt")}


def test_event_date_is_the_date_and_the_release_date_is_labelled():
    tree = corpus_tree(RELEASED)
    meta = _meta(doc(tree))
    assert meta["Date"] == "January 23, 2025" and meta["Released"] == "January 24, 2025"
    assert meta["Source URL"] == tree.xpath("//t:sourceDesc/t:bibl/t:ref/@target", namespaces=NS)[0]
    for fmt, line in (("text", "Date: January 23, 2025"), ("markdown", "- Date: January 23, 2025")):
        assert line in render.render(tree, fmt).decode().splitlines()  # one date format in every edition


def test_volume_tag_is_not_in_the_date():
    tree = corpus_tree(VOLUME)
    printed = tree.xpath("//t:sourceDesc/t:bibl/t:date[not(@type)]", namespaces=NS)[0].text
    assert "(" in printed  # the source's date line carries the tag ...
    meta = _meta(doc(tree))
    assert meta["Date"] == "July 6, 1989" and "Bush Q3" in meta["Source"]  # ... shown as the volume


def test_no_participants_heading_without_participants(seed_conversion):
    tree = copy.deepcopy(seed_conversion.tree)
    for person in tree.xpath("//t:particDesc//t:person | //t:particDesc//t:personGrp", namespaces=NS):
        person.getparent().remove(person)
    assert not doc(tree).xpath("//*[@id='participants-heading']")
    assert doc(seed_conversion.tree).xpath("//*[@id='participants-heading']")


# --- 5. print -----------------------------------------------------------------------------------------------
def test_browser_print_has_running_head_page_numbers_and_the_source_header(chromium):
    page, _ = open_page(chromium, PAGE.as_uri())
    data = page.pdf(format="Letter")  # the reader's own print: only the page's print stylesheet
    pages = pdf_text(data, "-layout").split("\f")[:-1]
    assert len(pages) >= 3
    total = len(pages)
    for number, text in enumerate(pages, 1):
        assert f"{number} / {total}" in text  # page numbers
    title = page.title()
    assert all(title in text.strip().splitlines()[0] for text in pages[1:])  # running head from page 2
    front = page.eval_on_selector_all("details.source-header p", "els => els.map(p => p.textContent.trim())")
    flat = " ".join(" ".join(pages).split())
    assert front and all(" ".join(line.split()) in flat for line in front)  # the closed <details>, printed


def test_print_sets_short_turns_run_in_and_leaves_no_empty_page_fragment(chromium):
    page, _ = open_page(chromium, PAGE.as_uri())
    label, first = page.evaluate("""() => { const sp = document.querySelector('.sp.short');
        return [sp.querySelector('.who').textContent.trim(), sp.querySelector('.speaker + p').textContent.trim().split(/\\s+/).slice(1, 3).join(' ')]; }""")
    pages = pdf_text(page.pdf(format="Letter"), "-layout").split("\f")[:-1]
    assert any(label in line and first in line for text in pages for line in text.splitlines())
    lines = [len([ln for ln in text.splitlines() if ln.strip()]) for text in pages]
    assert min(lines[:-1]) >= 0.6 * max(lines)  # every page but the last is mostly full


def test_print_shows_the_source_url(tmp_path, chromium):
    tree = corpus_tree(RELEASED)
    page, _ = open_page(chromium, write_page(tmp_path, tree))
    url = tree.xpath("//t:sourceDesc/t:bibl/t:ref/@target", namespaces=NS)[0]
    assert url in "".join(pdf_text(page.pdf(format="Letter"), "-raw").split())


def test_running_head_title_cannot_break_out_of_the_style_element(seed_conversion):
    tree = copy.deepcopy(seed_conversion.tree)
    title = tree.xpath("//t:titleStmt/t:title", namespaces=NS)[0]
    title.text = 'A "quoted" \\ title</style><p id="injected">x</p>'
    page = doc(tree)
    assert not page.xpath("//*[@id='injected']")
    style = page.xpath("//style")[0].text
    assert 'content: "A \\22 quoted\\22  \\5c  title\\3c /style>' in style

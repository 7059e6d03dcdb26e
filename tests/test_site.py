"""The edition site build writes: index page (sort, filter, search), search index, speakers page; in Chromium."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import etree, html

from tei import outputs, site, xmlio
from tei.build import build, discover, is_edition_output
from tei.errors import UsageError
from conftest import CORPUS, NS, SEED, corpus_files, require
from test_browser import chromium, in_viewport, open_page  # noqa: F401 - the module's Chromium fixture

STEM = SEED.stem


def load_index(folder: Path) -> dict:
    data = (folder / site.SEARCH).read_text(encoding="utf-8")
    prefix, suffix = "self.TEI_SEARCH = ", ";\n"
    assert data.startswith(prefix) and data.endswith(suffix)
    return json.loads(data[len(prefix):-len(suffix)])


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("seed-site")
    shutil.copy(SEED, folder)
    assert build(folder).ok
    return folder


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> Path:
    require(bool(corpus_files()), f"the shared corpus is not at {CORPUS}")
    out = tmp_path_factory.mktemp("corpus-site")
    result = build(CORPUS, out, jobs=2)
    assert result.editions
    return out


def tei_of(folder: Path, stem: str):
    return xmlio.parse_file(folder / f"{stem}.xml").getroot()


# --- files, manifest, determinism ---------------------------------------------------------------------------
def test_site_files_are_recorded_deterministic_and_never_sources(seed_site, tmp_path):
    manifest = outputs.Manifest(seed_site)
    for name in site.SITE_FILES:
        assert manifest.files.get(name) == outputs.file_digest(seed_site / name), name
        assert is_edition_output(seed_site / name)
    assert [stem for stem, _t, _x in discover(seed_site)] == [STEM]
    other = tmp_path / "again"
    other.mkdir()
    shutil.copy(SEED, other)
    assert build(other).ok
    for name in site.SITE_FILES:
        assert (other / name).read_bytes() == (seed_site / name).read_bytes(), name


def test_site_read_by_the_workers_equals_the_site_read_from_disk(tmp_path):
    """A full build takes each document's site data from its worker (the tree in hand); an incremental build
    that skips every document reads them back from the TEI on disk: the pages must be the same bytes, or the
    in-worker shortcut reads something else than what was written."""
    shutil.copy(SEED, tmp_path)
    shutil.copy(SEED, tmp_path / "copy.txt")
    first = build(tmp_path, jobs=2)
    assert first.ok and first.built == 2 and set(first.site_docs) == {STEM, "copy"}
    written = {name: (tmp_path / name).read_bytes() for name in site.SITE_FILES}
    again = build(tmp_path)
    assert again.ok and again.skipped == 2 and not again.site_docs
    for name in site.SITE_FILES:
        assert (tmp_path / name).read_bytes() == written[name], name


def test_a_hand_edited_site_file_is_kept_unless_force(tmp_path):
    shutil.copy(SEED, tmp_path)
    assert build(tmp_path).ok
    (tmp_path / site.STYLE).write_text("body { color: red }\n")
    result = build(tmp_path, incremental=False)
    assert (tmp_path / site.STYLE).read_text() == "body { color: red }\n"
    assert any(site.STYLE in w and "--force" in w for w in result.warnings)
    build(tmp_path, incremental=False, force=True)
    assert (tmp_path / site.STYLE).read_bytes() == (site.resources.transforms_dir() / site.STYLE).read_bytes()


def test_documentation_in_a_transcript_folder_is_not_built(tmp_path):
    shutil.copy(SEED, tmp_path)
    docs = ["README.md", "LICENSE.txt", "CHANGELOG.md", "CONTRIBUTING.md", "readme.fr.md", "SOURCES.md", "NOTES.txt"]
    for name in docs:
        (tmp_path / name).write_text("MR. SMITH: This reads like a transcript.\n")
    (tmp_path / "security-council-remarks.txt").write_text("MR. SMITH: A transcript whose name starts "
                                                           "with a documentation word.\n")
    result = build(tmp_path)
    stems = sorted(e["stem"] for e in result.editions)
    assert stems == sorted([STEM, "security-council-remarks"])
    for name in docs:
        assert any(w.startswith(f"{tmp_path / name}: documentation, not a transcript") for w in result.warnings)
        assert not (tmp_path / (Path(name).stem + ".xml")).exists()


def test_a_source_that_would_overwrite_a_site_page_is_refused(tmp_path):
    (tmp_path / "speakers.txt").write_text("MR. SMITH: Hello.\n")
    with pytest.raises(UsageError, match="speakers.html"):
        discover(tmp_path)


# --- the search index --------------------------------------------------------------------------------------
def test_search_index_has_one_entry_per_paragraph_with_anchor_speaker_and_tokens(seed_site):
    index = load_index(seed_site)
    root = tei_of(seed_site, STEM)
    [doc] = index["docs"]
    assert doc[0] == STEM and doc[3] == f"{STEM}.html"
    entries = {e[1]: e for e in index["p"]}
    paragraphs = root.xpath("//t:body//t:sp/t:p[@xml:id]", namespaces=NS)
    assert len(index["p"]) == len(paragraphs) and set(entries) == {p.get(site.XML_ID) for p in paragraphs}
    for p in paragraphs:
        _doc, anchor, speaker, words = entries[p.get(site.XML_ID)]
        assert words == words.lower() and words.split() == site.tokens(site.fidelity.text_as_printed(p))
        who = p.getparent().get("who").lstrip("#")
        name = root.xpath(f"string(//t:person[@xml:id='{who}']/t:persName | //t:personGrp[@xml:id='{who}']/t:name)",
                          namespaces=NS)
        assert site.fold(index["speakers"][speaker][1]).split()[-1] == site.fold(name).split()[-1]


def test_index_counts_come_from_the_tei(corpus_site):
    page = html.parse(str(corpus_site / "index.html")).getroot()
    items = page.xpath("//li[@class='edition']")
    assert len(items) == len(list(corpus_site.glob("*.review.json")))
    for li in items:
        root = tei_of(corpus_site, li.get("data-stem"))
        assert int(li.get("data-turns")) == len(root.xpath("//t:body//t:sp", namespaces=NS))
        spoken = sum(len(site.tokens(site.fidelity.text_as_printed(p)))
                     for p in root.xpath("//t:body//t:sp/t:p", namespaces=NS))
        assert int(li.get("data-words")) == spoken
        assert li.get("data-date") == root.xpath("string(//t:sourceDesc/t:bibl/t:date/@when)", namespaces=NS)


# --- persons across documents ------------------------------------------------------------------------------
def _tei(persons: str, turns: str) -> etree._Element:
    return etree.fromstring(f"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
      <title>T</title></titleStmt></fileDesc><profileDesc><particDesc><listPerson>{persons}</listPerson>
      </particDesc></profileDesc></teiHeader><text><body>{turns}</body></text></TEI>""")


def test_persons_are_merged_by_normalised_name_not_by_id():
    a = site.read_document(_tei(
        '<person xml:id="smith" role="speaker"><persName><roleName>Secretary</roleName> Jane Smith</persName></person>'
        '<person xml:id="jones"><persName>Mr. Jones</persName></person>'
        '<person xml:id="moderator" role="moderator"><persName>Moderator</persName></person>',
        '<sp xml:id="sp1" who="#smith"><p xml:id="sp1.p1">One.</p></sp>'
        '<sp xml:id="sp2" who="#jones"><p>Two.</p></sp><sp xml:id="sp3" who="#moderator"><p>Three.</p></sp>'), "a")
    b = site.read_document(_tei(
        '<person xml:id="js"><persName>Ms. JANE SMÍTH</persName></person>'
        '<person xml:id="smith"><persName>Paul Smith</persName></person>'
        '<person xml:id="j2"><persName>Robert Jones</persName></person>'
        '<person xml:id="moderator" role="moderator"><persName>Moderator</persName></person>',
        '<sp xml:id="sp1" who="#js"><p>Four.</p></sp><sp xml:id="sp2" who="#smith"><p>Five.</p></sp>'
        '<sp xml:id="sp3" who="#j2"><p>Six.</p></sp><sp xml:id="sp4" who="#moderator"><p>Seven.</p></sp>'), "b")
    persons = site.merge_persons([a, b])
    assert set(persons) == {"jane smith", "paul smith", "robert jones"}   # same id "smith", two people
    assert [(d["stem"], t) for d, t in persons["jane smith"]["docs"]] == [("a", [("sp1", "One.")]),
                                                                         ("b", [("sp1", "Four.")])]
    assert [d["stem"] for d, _ in persons["robert jones"]["docs"]] == ["a", "b"]   # "Mr. Jones": the one Jones
    assert site.display_name(persons["jane smith"]) == "Jane Smith"
    assert a["people"]["moderator"]["key"] == "" and b["people"]["moderator"]["key"] == ""


def test_speaker_page_links_every_turn_of_each_person_to_an_existing_anchor(corpus_site):
    page = html.parse(str(corpus_site / "speakers.html")).getroot()
    sections = page.xpath("//section[@class='person']")
    assert sections
    anchors: dict[str, set[str]] = {}
    linked = 0
    for a in page.xpath("//ol[@class='turns']//a"):
        name, _, anchor = a.get("href").partition("#")
        if name not in anchors:
            anchors[name] = set(html.parse(str(corpus_site / name)).getroot().xpath("//@id"))
        assert anchor in anchors[name], a.get("href")
        linked += 1
    # every turn of every merged person, counted from the TEI
    expected = 0
    for xml in corpus_site.glob("*.xml"):
        doc = site.read_document(xmlio.parse_file(xml).getroot(), xml.stem)
        expected += sum(len(p["turns"]) for p in doc["people"].values() if not p["function"])
    assert linked == expected
    across = [s for s in sections if len({a.get("href").split("#")[0] for a in s.xpath(".//ol//a")}) > 1]
    assert across, "the corpus has persons speaking in several editions"


# --- in Chromium --------------------------------------------------------------------------------------------
def test_search_finds_a_known_phrase_and_links_to_its_paragraph(chromium, seed_site):  # noqa: F811
    root = tei_of(seed_site, STEM)
    [p] = root.xpath("//t:p[@xml:id='sp7.p2']", namespaces=NS)
    phrase = " ".join(site.fidelity.text_as_printed(p).split()[4:10]).upper()   # any case
    page, errors = open_page(chromium, (seed_site / "index.html").as_uri(), viewport={"width": 1280, "height": 800})
    page.fill("#q", phrase)
    hits = page.locator("#hits a")
    assert hits.count() >= 1
    hrefs = [hits.nth(i).get_attribute("href") for i in range(hits.count())]
    assert f"{STEM}.html#sp7.p2" in hrefs
    page.locator(f"#hits a[href='{STEM}.html#sp7.p2']").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("#sp7.p2") and in_viewport(page, "[id='sp7.p2']")
    assert errors == []


def test_filters_sort_and_free_text(chromium, corpus_site):  # noqa: F811
    page, errors = open_page(chromium, (corpus_site / "index.html").as_uri())
    visible = "els => els.filter(e => !e.hidden).map(e => e.dataset)"
    total = page.locator("li.edition").count()
    assert page.is_visible("#tools") and len(page.eval_on_selector_all("li.edition", visible)) == total
    key = page.eval_on_selector_all("#f-speaker option", "os => os.map(o => o.value)")[1]
    page.select_option("#f-speaker", key)
    shown = page.eval_on_selector_all("li.edition", visible)
    assert 0 < len(shown) < total and all(f"|{key}|" in d["speakers"] for d in shown)
    page.select_option("#f-speaker", "")
    years = page.eval_on_selector_all("#f-year option", "os => os.map(o => o.value).filter(Boolean)")
    page.select_option("#f-year", years[0])
    shown = page.eval_on_selector_all("li.edition", visible)
    assert shown and all(d["year"] == years[0] for d in shown)
    page.select_option("#f-year", "")
    page.select_option("#sort", "-words")
    words = [int(d["words"]) for d in page.eval_on_selector_all("li.edition", visible)]
    assert len(words) == total and words == sorted(words, reverse=True)
    page.select_option("#sort", "title")
    titles = [d["title"] for d in page.eval_on_selector_all("li.edition", visible)]
    assert titles == page.evaluate("ts => ts.slice().sort((a, b) => a.localeCompare(b))", titles)
    # free text: a title word matches the title's edition even where no paragraph says it
    title = page.eval_on_selector_all("li.edition", "els => els.map(e => e.dataset.title)")[0]
    page.fill("#q", title)
    shown = page.eval_on_selector_all("li.edition", visible)
    assert [d["title"] for d in shown] == [title]
    page.fill("#q", "zzqxj nonexistent")
    assert page.eval_on_selector_all("li.edition", visible) == [] and "No passage" in page.inner_text("#more")
    assert errors == []


def test_without_javascript_the_list_is_complete(chromium, corpus_site):  # noqa: F811
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((corpus_site / "index.html").as_uri())
    items = page.locator("li.edition")
    assert items.count() == len(list(corpus_site.glob("*.review.json")))
    assert all(items.nth(i).is_visible() for i in range(items.count()))
    assert not page.is_visible("#tools")
    context.close()


def test_keyboard_reaches_search_and_results(chromium, seed_site):  # noqa: F811
    page, _ = open_page(chromium, (seed_site / "index.html").as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q":
            break
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("vive la")
    assert page.locator("#hits li").count() >= 1
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#hits') !== null"):
            break
    href = page.evaluate("document.activeElement.getAttribute('href')")
    assert href and href.startswith(f"{STEM}.html#")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(href)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["index.html", "speakers.html"])
def test_site_pages_accessible_styled_and_fit_a_phone(chromium, corpus_site, name, scheme):  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    page, errors = open_page(chromium, (corpus_site / name).as_uri(), viewport={"width": 390, "height": 844},
                             color_scheme=scheme)
    if name == "index.html":
        page.fill("#q", "the")      # the search results are checked too
    assert errors == []             # before axe, which fetches the stylesheet (a connect CSP refuses)
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], v["impact"]) for v in violations if v["impact"] in ("serious", "critical")] == []
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.locator("main").count() == 1
    link = page.evaluate("() => getComputedStyle(document.querySelector('main a')).color")
    assert link not in ("rgb(0, 0, 238)", "rgb(85, 26, 139)")    # not the browser's default blue/purple
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    dark = sum(int(x) for x in background[4:-1].split(",")[:3]) < 200
    assert dark == (scheme == "dark")


def test_screenshot_script_writes_small_clipped_pngs(tmp_path):
    import shutil as _shutil
    import struct
    import subprocess
    import sys

    from tei.browser import chromium_path
    from conftest import REPO

    require(chromium_path() is not None, "Debian's chromium is not installed (apt-get install chromium)")
    require(_shutil.which("pdftoppm") is not None, "poppler's pdftoppm is not installed (apt-get install poppler-utils)")
    page = REPO / "editions" / f"{STEM}.html"
    proc = subprocess.run([sys.executable, str(REPO / "tools" / "screenshot.py"), str(page), "-o", str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    for view in ("desktop", "phone", "print"):
        png = (tmp_path / f"{STEM}-{view}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", png[16:24])
        assert height <= 1200
        assert width == {"desktop": 1280, "phone": 390}[view] if view != "print" else abs(width - 794) <= 1  # A4, 96 dpi


def test_site_read_in_parallel_is_byte_identical(corpus_site, monkeypatch):
    editions = [json.loads((corpus_site / outputs.MANIFEST).read_text())["inputs"][k]["edition"]
                for k in sorted(json.loads((corpus_site / outputs.MANIFEST).read_text())["inputs"])]
    one = site.build_site(corpus_site, editions, jobs=1)
    monkeypatch.setattr(site, "PARALLEL_FROM", 2)
    assert site.build_site(corpus_site, editions, jobs=2) == one
    assert one[site.INDEX] == (corpus_site / site.INDEX).read_bytes()


def test_a_no_op_rebuild_does_not_make_the_site_again_but_any_change_does(tmp_path, monkeypatch):
    """A rebuild that changed nothing keeps the pages without reading any TEI back; a changed transcript, a
    deleted page or a journaled (interrupted) page write makes them again."""
    shutil.copy(SEED, tmp_path)
    assert build(tmp_path).ok
    pages = {name: (tmp_path / name).read_bytes() for name in site.SITE_FILES}
    real = site.build_site
    calls = []
    monkeypatch.setattr(site, "build_site", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert build(tmp_path).ok and calls == []
    assert {name: (tmp_path / name).read_bytes() for name in site.SITE_FILES} == pages

    (tmp_path / site.SPEAKERS).unlink()                      # a page gone: made again
    assert build(tmp_path).ok and len(calls) == 1 and (tmp_path / site.SPEAKERS).read_bytes() == pages[site.SPEAKERS]

    manifest = outputs.Manifest(tmp_path)                    # a run killed while writing the pages
    manifest.open_journal()
    manifest.set_site(None)
    manifest.close_journal()
    assert outputs.Manifest(tmp_path).site is None
    assert build(tmp_path).ok and len(calls) == 2

    source = tmp_path / SEED.name                            # a changed transcript: its words are searched
    source.write_text(source.read_text(encoding="utf-8") + "\nMODERATOR: Zanzibar quokka.\n", encoding="utf-8")
    assert build(tmp_path).ok and len(calls) == 3
    assert "quokka" in (tmp_path / site.SEARCH).read_text(encoding="utf-8")


def test_search_tokens_are_the_token_regex_matches_of_the_folded_text():
    """site.tokens splits text whose folded word characters are ASCII by string methods: the same tokens as
    _TOKEN.findall(fold(text)), on every paragraph of the seed and on random strings of the awkward
    characters (apostrophes straight and curly, underscores, dashes, accents, combining marks, other scripts)."""
    import random

    from tei import fidelity, site as site_module, xmlio as xml

    root = xml.parse_file(SEED.parent / (SEED.stem + ".xml")).getroot()
    texts = [fidelity.text_as_printed(p) for p in root.iter("{http://www.tei-c.org/ns/1.0}p")]
    rng = random.Random(7)
    alphabet = "ab Z9_'’ -—“”.,é\u0301ßø日\t\n?!()[]:;Ⅻ²"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(40))) for _ in range(20000)]
    for text in texts:
        assert site_module.tokens(text) == site_module._TOKEN.findall(site_module.fold(text)), repr(text)


def test_fold_is_nfd_without_marks_lowered_for_any_text():
    """site.fold skips NFD and the marks' removal for a text whose non-ASCII characters they leave as they are
    (curly quotes, dashes): for random text from Latin, Greek, Cyrillic, Hangul, combining marks and more, the
    result of doing them."""
    import random
    import unicodedata

    from tei import site as site_module

    def by_definition(text: str) -> str:
        decomposed = unicodedata.normalize("NFD", text.replace("’", "'"))
        return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()

    rng = random.Random(16)
    chars = [chr(c) for c in range(0x20, 0x3000) if not 0xD800 <= c < 0xE000] + ["\uac00", "\u0301", "’", "“"]
    for _ in range(5000):
        text = "".join(rng.choice(chars) if rng.random() < 0.3 else rng.choice("abc XY") for _ in range(8))
        assert site_module.fold(text) == by_definition(text), repr(text)

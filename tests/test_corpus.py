"""Every corpus transcript: nothing lost, valid TEI P5, metadata kept, deterministic."""
from __future__ import annotations

import pytest
import yaml
from lxml import etree

import tei
from conftest import NS, corpus_params
from wordcheck import source_words, tei_words, words

pytestmark = pytest.mark.parametrize("corpus_file", corpus_params(), indirect=True)


def test_every_word_survives_in_order(corpus_file):
    result = tei.convert_file(corpus_file)
    expected = source_words(corpus_file.read_text(encoding="utf-8"))
    found = tei_words(result.tree.getroot())
    assert len(expected) > 500
    first = next((i for i, (a, b) in enumerate(zip(expected, found)) if a != b), None)
    assert first is None, f"word {first}: source {expected[first:first + 5]} vs TEI {found[first:first + 5]}"
    assert len(found) == len(expected)


def test_valid_against_official_tei_p5(corpus_file, tei_all):
    result = tei.convert_file(corpus_file)
    reparsed = etree.fromstring(result.data)
    assert tei_all.validate(reparsed), str(tei_all.error_log)


def test_header_keeps_title_date_and_front_matter(corpus_file):
    text = corpus_file.read_text(encoding="utf-8")
    header = tei.convert_file(corpus_file).tree.getroot().find("t:teiHeader", NS)
    assert header.findtext("t:fileDesc/t:titleStmt/t:title", namespaces=NS).strip()
    when = header.find("t:fileDesc/t:sourceDesc/t:bibl/t:date[@when]", NS).get("when")
    assert len(when) == 10 and when[:2] in ("19", "20")
    if text.startswith("---"):  # whitehouse.gov Markdown: every front-matter value is kept in the header
        front = yaml.safe_load(text.split("---")[1])
        have = set(words(" ".join(header.itertext())))
        for key, value in front.items():
            assert set(words(str(value))) <= have, key


def test_byte_identical_output(corpus_file):
    assert tei.convert_file(corpus_file).data == tei.convert_file(corpus_file).data


def test_every_who_points_to_a_participant_and_ids_are_unique(corpus_file):
    root = tei.convert_file(corpus_file).tree.getroot()
    declared = {p.get("{http://www.w3.org/XML/1998/namespace}id")
                for p in root.iterfind(".//t:listPerson/*", NS)}
    for el in root.iterfind(".//*[@who]"):
        assert el.get("who").lstrip("#") in declared
    ids = root.xpath("//@xml:id")
    assert len(ids) == len(set(ids))


def test_every_language_used_is_declared(corpus_file):
    root = tei.convert_file(corpus_file).tree.getroot()
    declared = set(root.xpath("//t:langUsage/t:language/@ident", namespaces=NS))
    assert set(root.xpath("//@xml:lang")) <= declared

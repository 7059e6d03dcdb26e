"""The JSON edition: valid against its JSON Schema, every word kept, turns attributed, for ours and others' TEI."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from conftest import REPO, SHARED, require
from tei import fidelity, render

SCHEMA = json.loads((REPO / "schemas" / "edition.schema.json").read_text(encoding="utf-8"))
SEED_TEI = REPO / "editions" / "dod-2016-01-21-carter-ecole-militaire.xml"


def _json(path: Path):
    tree = etree.parse(str(path))
    data = render.render(tree, "json")
    return tree, data, json.loads(data)


def test_seed_json_is_valid_and_keeps_every_word():
    tree, data, doc = _json(SEED_TEI)
    jsonschema.validate(doc, SCHEMA)
    assert fidelity.check_edition("json", data, tree.getroot()) is None
    turns = [i for i in doc["body"] if i["type"] == "turn"]
    assert len(turns) == len(tree.getroot().findall(".//{http://www.tei-c.org/ns/1.0}sp"))
    assert doc["metadata"]["date"] == "2016-01-21"
    assert {p["id"] for p in doc["participants"]} >= {t["who"][0] for t in turns}


def test_seed_json_marks_supplied_speakers_and_interpretation():
    _, _, doc = _json(SEED_TEI)
    turns = [i for i in doc["body"] if i["type"] == "turn"]
    supplied = [t for t in turns if t["label_supplied"]]
    assert supplied and all(t["certainty"] for t in supplied)
    assert any(t["interpreted"] for t in turns)
    # a supplied label is the edition's, not the source's: not counted among the source's texts
    from tei.jsondata import texts

    source_texts = texts(render.render(etree.parse(str(SEED_TEI)), "json"))
    for label in {t["label"] for t in supplied}:
        printed = [t for t in turns if t["label"] == label and not t["label_supplied"]]
        assert source_texts.count(label) == len(printed)


def test_dropping_a_paragraph_is_caught():
    tree, data, doc = _json(SEED_TEI)
    turn = next(i for i in doc["body"] if i["type"] == "turn" and len(i["content"]) > 1)
    turn["content"].pop()
    broken = json.dumps(doc).encode()
    assert fidelity.check_edition("json", broken, tree.getroot()) is not None


def test_json_is_deterministic():
    assert _json(SEED_TEI)[1] == _json(SEED_TEI)[1]


def _reference_files():
    ref = SHARED / "reference"
    return sorted(ref.glob("parlamint/*.xml")) + sorted(ref.glob("examples/*.xml"))


@pytest.mark.parametrize("index", range(3))
def test_reference_tei_json(index):
    files = _reference_files()
    require(len(files) > index, f"reference TEI not found under {SHARED / 'reference'}")
    tree, data, doc = _json(files[index])
    jsonschema.validate(doc, SCHEMA)
    assert fidelity.check_edition("json", data, tree.getroot()) is None
    if "ParlaMint" in files[index].name:  # ParlaMint: <u who> utterances become attributed turns
        turns = [i for i in doc["body"] if i["type"] == "turn"]
        assert turns and all(t["who"] for t in turns)


def test_a_label_the_editor_supplied_is_not_counted_as_source_text():
    """A speaker correction that splits a turn supplies a label (resp the editor): the JSON edition must read it
    as an addition, as the word check does, or the corrected document fails its own check."""
    import tei

    root = etree.parse(str(SEED_TEI)).getroot()
    p = root.find(".//{http://www.tei-c.org/ns/1.0}p[@{http://www.w3.org/XML/1998/namespace}id='sp2.p3']")
    opening = " ".join("".join(p.itertext()).split()[:6])
    source = (REPO / "editions" / "dod-2016-01-21-carter-ecole-militaire.txt").read_bytes()
    corrected = tei.convert(source, meta={"correction": [{"paragraph": opening, "speaker": "moderator"}]},
                            path="seed.txt").tree
    data = render.render(corrected, "json")
    assert fidelity.check_edition("json", data, corrected.getroot()) is None
    split = [t for t in json.loads(data)["body"] if t["type"] == "turn" and t["label_supplied"]
             and t["who"] == ["moderator"]]
    assert split, "the corrected paragraph starts a supplied moderator turn"


def test_every_edition_and_the_site_read_the_same_event_date():
    """A source whose first date is typed (a release date) before the event's: the JSON, the TSV, the Markdown
    front matter and the site's record all take the event's (jsondata.event_date), not the first date."""
    from tei import frontmatter, site

    tei_ns = "http://www.tei-c.org/ns/1.0"
    doc = etree.fromstring(f"""<TEI xmlns="{tei_ns}"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
      <publicationStmt><p>x</p></publicationStmt><sourceDesc><bibl><date type="published" when="2001-02-03">Feb 3</date>
      <date when="2001-01-31">Jan 31</date></bibl></sourceDesc></fileDesc></teiHeader>
      <text><body><p>Words here.</p></body></text></TEI>""".encode())
    tree = etree.ElementTree(doc)
    data = json.loads(render.render(tree, "json"))
    assert (data["metadata"]["date"], data["metadata"]["date_as_printed"]) == ("2001-01-31", "Jan 31")
    rows = render.render(tree, "tsv").decode().splitlines()
    assert rows[1].split("\t")[1] == "2001-01-31"
    assert frontmatter.values(doc)["date"] == "2001-01-31"
    assert site.header_metadata(doc)["date"] == "2001-01-31"

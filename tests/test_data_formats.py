"""The data formats: the corpus TSV (speech and remarks apart, every word kept), ParlaMint's -meta.tsv, the
Markdown edition's YAML front matter (values from the TEI), and front-matter tags kept as a list."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from lxml import etree

import tei
from conftest import NS, REPO
from tei import fidelity, frontmatter, render, tsvdata, xmlio

SEED_TEI = REPO / "editions" / "dod-2016-01-21-carter-ecole-militaire.xml"
FIXTURES = REPO / "tests" / "fixtures" / "tei"
PARLAMINT = FIXTURES / "parlamint-AT-2001-09-26.xml"
TURNS = "Q: Thank you, sir. How do you see it?\n\nSEC. CARTER: Well, I see it (Laughter.) as a \"fine\" day.\n\n" \
        "And that's all.\n"


def rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""), dialect="excel-tab"))


def seed():
    return xmlio.parse_file(SEED_TEI)


def convert(text: str):
    return tei.convert(text).tree


# --- the corpus TSV ---------------------------------------------------------------------------------------------
def test_tsv_header_and_rows_of_the_seed_come_from_the_tei():
    tree = seed()
    root = tree.getroot()
    data = render.render(tree, "tsv")
    table = list(csv.reader(io.StringIO(data.decode(), newline=""), dialect="excel-tab"))
    assert table[0] == tsvdata.HEADER and {len(r) for r in table} == {len(tsvdata.HEADER)}
    found = rows(data)
    assert len({r["id"] for r in found}) == len(found)
    p_ids = root.xpath("//t:sp/t:p/@xml:id", namespaces=NS)
    assert [r["id"] for r in found if r["kind"] == "speech"] == p_ids
    assert {r["doc_id"] for r in found} == {SEED_TEI.stem}
    assert {r["date"] for r in found} == {root.xpath("string(//t:sourceDesc/t:bibl/t:date/@when)", namespaces=NS)}
    row = next(r for r in found if r["id"] == "sp2.p1")
    sp = root.xpath("//t:sp[@xml:id='sp2']", namespaces=NS)[0]
    person = root.xpath("//t:person[@xml:id='carter']", namespaces=NS)[0]
    assert row["turn_id"] == "sp2" and row["who"] == "carter"
    assert row["name"] == " ".join("".join(person.find("t:persName", NS).itertext()).split())
    assert row["role"] == person.get("role")
    assert row["label"] == "SEC. CARTER:" and row["label_supplied"] == "true"
    assert row["certainty"] == sp.get("cert")
    assert row["text"].startswith("General, thank you") and "⟦" not in row["text"]
    printed = next(r for r in found if r["turn_id"] == "sp1")
    assert printed["label"] == "MODERATOR:" and printed["label_supplied"] == "false"


def test_tsv_flags_interpretation_and_languages():
    found = rows(render.render(seed(), "tsv"))
    root = seed().getroot()
    interpreted = {sp.get("{http://www.w3.org/XML/1998/namespace}id") for sp in root.xpath(
        "//t:sp[.//@ana[contains(., '#interpreted')] or contains(@ana, '#interpreted')]", namespaces=NS)}
    assert interpreted
    assert {r["turn_id"] for r in found if r["interpreted"] == "true"} == interpreted
    # a paragraph with a French passage: both languages, the paragraph's own first
    foreign_p = root.xpath("//t:p[.//t:foreign[@xml:lang='fr']]/@xml:id", namespaces=NS)[0]
    assert next(r for r in found if r["id"] == foreign_p)["languages"].split() == ["en", "fr"]


def test_a_remark_is_a_row_of_its_own_not_in_the_speech_text():
    tree = convert("A Talk\n\nJan. 5, 2017\n\n" + TURNS)
    data = render.render(tree, "tsv")
    found = rows(data)
    speech = next(r for r in found if "I see it" in r["text"])
    assert "Laughter" not in speech["text"] and speech["kind"] == "speech"
    remark = found[found.index(speech) + 1]
    assert remark["kind"] == "remark" and remark["text"] == "(Laughter.)" and remark["turn_id"] == speech["turn_id"]
    assert speech["text"][:int(remark["at"])].rstrip().endswith("I see it")
    assert fidelity.check_edition("tsv", data, tree.getroot()) is None


def test_the_word_check_catches_a_moved_or_dropped_remark():
    tree = convert("A Talk\n\nJan. 5, 2017\n\n" + TURNS)
    data = render.render(tree, "tsv")
    found = rows(data)
    i = next(i for i, r in enumerate(found) if r["kind"] == "remark")

    def write(table):
        out = io.StringIO(newline="")
        w = csv.DictWriter(out, tsvdata.HEADER, dialect="excel-tab", lineterminator="\n")
        w.writeheader()
        w.writerows(table)
        return out.getvalue().encode()

    assert fidelity.check_edition("tsv", write(found), tree.getroot()) is None   # the rewrite itself is faithful
    moved = [dict(r) for r in found]
    moved[i]["at"] = "0"
    assert fidelity.check_edition("tsv", write(moved), tree.getroot()) is not None
    assert fidelity.check_edition("tsv", write(found[:i] + found[i + 1:]), tree.getroot()) is not None


def test_tsv_cells_with_quotes_tabs_and_line_ends_are_read_back_by_a_csv_reader():
    tei_doc = etree.fromstring(SEED_TEI.read_bytes())
    p = tei_doc.xpath("//t:p[@xml:id='sp1.p5']", namespaces=NS)[0]
    p.text = 'Say "tab\there" and\nnew line\r\nend.'
    tree = etree.ElementTree(tei_doc)
    data = render.render(tree, "tsv")
    row = next(r for r in rows(data) if r["id"] == "sp1.p5")
    assert row["text"] == 'Say "tab here" and new line end.'
    assert len(data.decode().split("\n")) == len(rows(data)) + 2   # header, rows, final newline: no stray line
    assert fidelity.check_edition("tsv", data, tei_doc) is None


def test_tsv_fast_writer_and_reader_are_the_csv_modules_for_any_cells():
    """tsvdata writes rows that need no quoting by a join and reads a quote-free table by splits: for random
    cells (tabs, line ends, carriage returns, quotes, empty cells, a lone cell), the bytes csv.writer writes
    and the rows csv.reader reads."""
    import random

    rng = random.Random(16)
    alphabet = ["a", " ", "\t", "\n", "\r", '"', "é", "\x00", "", "x y"]
    for _ in range(3000):
        table = [["".join(rng.choice(alphabet) for _ in range(rng.randrange(4)))
                  for _ in range(rng.choice([1, 2, 17]))] for _ in range(rng.randrange(1, 5))]
        out = io.StringIO(newline="")
        writer = csv.writer(out, dialect="excel-tab", lineterminator="\n")
        for row in table:
            writer.writerow(row)
        assert tsvdata._write(table[0], table[1:]) == out.getvalue().encode("utf-8"), table
        text = out.getvalue()
        assert list(tsvdata._rows(text)) == list(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab"))


@pytest.mark.parametrize("path", sorted(p for p in FIXTURES.glob("*.xml") if p.name != "teic-p4-carol.xml"),
                         ids=lambda p: p.stem)
def test_tsv_of_any_tei_has_the_columns_and_turns(path):
    tree = xmlio.parse_file(path)
    found = rows(render.render(tree, "tsv"))
    assert found and list(found[0]) == tsvdata.HEADER
    turns = tree.getroot().xpath("//t:text//t:sp | //t:text//t:u", namespaces=NS)
    assert len({r["turn_id"] for r in found if r["turn_id"]}) == len(turns)
    assert all(r["who"] == " ".join(w.lstrip("#") for w in (t.get("who") or "").split())
               for t in turns for r in found if r["turn_id"] == t.get("{http://www.w3.org/XML/1998/namespace}id"))


def test_parlamint_utterances_keep_speakers_and_events_apart():
    found = rows(render.render(xmlio.parse_file(PARLAMINT), "tsv"))
    speech = [r for r in found if r["kind"] == "speech"]
    assert speech and all(r["who"] and r["name"] and r["element"] == "seg" for r in speech)
    assert all("Beifall" not in r["text"] for r in speech)
    assert any(r["kind"] == "event" and r["element"] == "kinesic" and "Beifall" in r["text"] for r in found)


# --- the ParlaMint-style meta table --------------------------------------------------------------------------------
PARLAMINT_HEADER = ("Text_ID ID Title Date Body Term Session Meeting Sitting Agenda Subcorpus Lang Speaker_role "
                    "Speaker_MP Speaker_minister Speaker_party Speaker_party_name Party_status Party_orientation "
                    "Speaker_ID Speaker_name Speaker_gender Speaker_birth").split()


def test_meta_table_one_row_per_turn_with_parlamint_columns():
    tree = seed()
    root = tree.getroot()
    data = render.render(tree, "meta")
    table = list(csv.reader(io.StringIO(data.decode(), newline=""), dialect="excel-tab"))
    assert table[0] == PARLAMINT_HEADER
    found = rows(data)
    sps = root.xpath("//t:sp", namespaces=NS)
    assert [r["ID"] for r in found] == [sp.get("{http://www.w3.org/XML/1998/namespace}id") for sp in sps]
    assert [r["Speaker_ID"] for r in found] == [sp.get("who").lstrip("#") for sp in sps]
    title = root.xpath("string(//t:titleStmt/t:title)", namespaces=NS)
    assert {r["Title"] for r in found} == {title} and {r["Text_ID"] for r in found} == {SEED_TEI.stem}
    assert {r["Lang"] for r in found} == {"English"}   # the langUsage name of the turns' xml:lang
    carter = next(r for r in found if r["Speaker_ID"] == "carter")
    assert carter["Speaker_name"] == "Secretary of Defense Ash Carter" and carter["Speaker_role"] == "speaker"
    assert all(r["Body"] == r["Speaker_party"] == "-" for r in found)   # what the TEI does not say
    assert fidelity.check_edition("meta", data, root) is None
    assert fidelity.check_edition("meta", data.rsplit(b"\n", 2)[0] + b"\n", root) is not None   # a row dropped


def test_meta_table_of_parlamint_names_its_utterances():
    tree = xmlio.parse_file(PARLAMINT)
    data = render.render(tree, "meta")
    found = rows(data)
    us = tree.getroot().xpath("//t:u", namespaces=NS)
    assert [r["ID"] for r in found] == [u.get("{http://www.w3.org/XML/1998/namespace}id") for u in us]
    assert all(r["Speaker_name"] != "-" for r in found)
    # Parla-CLARIN's u/@ana role, as ParlaMint's own table prints it
    assert [r["Speaker_role"] for r in found] == [{"#chair": "Chairperson", "#regular": "Regular"}[u.get("ana")]
                                                  for u in us]
    assert fidelity.check_edition("meta", data, tree.getroot()) is None


def test_meta_is_opt_in_and_built_when_asked(tmp_path):
    from tei.build import build

    assert "meta" not in render.DEFAULT_FORMATS
    (tmp_path / "t.txt").write_text("A Talk\n\nJan. 5, 2017\n\n" + TURNS, encoding="utf-8")
    assert build(tmp_path, formats=["tsv", "meta"]).ok
    assert rows((tmp_path / "t-meta.tsv").read_bytes())[0]["Text_ID"] == "t"
    assert rows((tmp_path / "t.tsv").read_bytes())[0]["doc_id"] == "t"


# --- Markdown front matter --------------------------------------------------------------------------------------
def _front(data: bytes) -> dict:
    text = data.decode()
    assert text.startswith("---\n")
    return yaml.safe_load(text[4:text.index("\n---\n")])


def test_front_matter_values_come_from_the_tei():
    tree = seed()
    root = tree.getroot()
    data = render.render(tree, "markdown")
    front = _front(data)
    assert front == frontmatter.parse(data)
    x = lambda path: root.xpath(f"string({path})", namespaces=NS)   # noqa: E731
    assert front["title"] == x("//t:titleStmt/t:title")
    assert front["date"] == x("//t:sourceDesc/t:bibl/t:date/@when") and isinstance(front["date"], str)
    assert front["publisher"] == x("//t:sourceDesc/t:bibl/t:publisher")
    assert front["language"] == root.get("{http://www.w3.org/XML/1998/namespace}lang")
    assert front["id"] == SEED_TEI.stem
    assert "Secretary of Defense Ash Carter" in front["speakers"]
    # (id: the file name, language: an attribute, both checked above) every other value is in the header
    assert fidelity.header_losses({k: v for k, v in front.items() if k not in ("id", "language")}, root) == []
    # change the TEI, the front matter follows
    root.xpath("//t:titleStmt/t:title", namespaces=NS)[0].text = "Another: title"
    assert _front(render.render(tree, "markdown"))["title"] == "Another: title"


def test_front_matter_is_quoted_yaml_and_skipped_by_the_word_check():
    source = ("---\ntitle: 'Yes: a \"quoted\" # title'\ndate: 2021-01-05\nsource_url: https://example.gov/x?a=1&b=2\n"
              "tags: [Speeches, 'on']\n---\n\n" + TURNS)
    tree = convert(source)
    data = render.render(tree, "markdown")
    front = _front(data)
    assert front["title"] == 'Yes: a "quoted" # title'
    assert front["date"] == "2021-01-05" and front["source_url"] == "https://example.gov/x?a=1&b=2"
    assert front["tags"] == ["Speeches", "on"]   # a string, never YAML's boolean
    assert all(line.split(": ", 1)[1].startswith('"') for line in data.decode().split("\n---\n")[0].splitlines()[1:]
               if ": " in line)
    assert fidelity.check_edition("markdown", data, tree.getroot()) is None
    # the front matter's words are not counted as the transcript's
    assert "quoted" not in fidelity.edition_words("markdown", data)


def test_front_matter_tags_become_one_term_each_not_a_list_repr():
    """Regression: `tags: [Speeches]` was written as the term "['Speeches']" (str() of the YAML list)."""
    for given, expected in (("[Speeches]", ["Speeches"]), ("[Speeches, Press Briefings]", ["Speeches", "Press Briefings"]),
                            ("press-briefings", ["press-briefings"])):
        tree = convert(f"---\ntitle: A Talk\ndate: 2021-01-05\ntags: {given}\n---\n\n" + TURNS)
        terms = [t.text for t in tree.getroot().iterfind(".//t:textClass/t:keywords/t:term", NS)]
        assert terms == expected
        assert _front(render.render(tree, "markdown"))["tags"] == expected


@pytest.mark.parametrize("fmt", ["tsv", "meta", "markdown"])
def test_data_formats_are_deterministic(fmt):
    assert render.render(seed(), fmt) == render.render(seed(), fmt)


def test_render_cli_writes_the_meta_table(tmp_path):
    from typer.testing import CliRunner

    from tei.cli import app

    out = tmp_path / "x-meta.tsv"
    result = CliRunner().invoke(app, ["render", str(SEED_TEI), "--to", "meta", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert rows(out.read_bytes())[0]["ID"] == "sp1"


def test_front_matter_from_libyaml_is_the_pure_python_emitters_bytes():
    """frontmatter uses PyYAML's C emitter where it is built in: the same bytes as the pure-Python one (so an
    install without libyaml writes the same editions), escapes included."""
    class Pure(yaml.SafeDumper):
        pass

    Pure.add_representer(frontmatter._Quoted, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", str(s),
                                                                              style='"'))
    tricky = {"title": frontmatter._Quoted('He said "no" \\ and: yes\t# not a comment ’ é — \u2028 end'),
              "tags": [frontmatter._Quoted("a: b"), frontmatter._Quoted("- x"), frontmatter._Quoted("")]}
    headers = [tricky] + [frontmatter.values(xmlio.parse_file(p).getroot())
                          for p in sorted((REPO / "tests").rglob("*.xml")) if "hostile" not in p.parts
                          and "p4" not in p.name]
    kw = dict(sort_keys=False, allow_unicode=True, default_flow_style=False, width=1 << 30)
    for values in headers:
        data = {k: [frontmatter._Quoted(x) for x in v] if isinstance(v, list) else frontmatter._Quoted(v)
                for k, v in values.items()}
        assert yaml.dump(data, Dumper=frontmatter._Dumper, **kw) == yaml.dump(data, Dumper=Pure, **kw)
    assert len(headers) > 20

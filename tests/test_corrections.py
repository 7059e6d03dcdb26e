"""The editor's corrections in the sidecar: every kind applied and recorded, anchored to the text (they survive
a source edit that moves lines), stale ones reported by name, and a strict sidecar schema."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

import tei
from tei import corrections, meta as metadata
from tei.cli import app
from tei.validate import gate
from conftest import CORPUS, NS, SEED, require

runner = CliRunner()
EDITOR = "#edition-editor"

SEED_CORRECTIONS = '''
[edition]
editor = "A. Editor"

[[correction]]
paragraph = "Thank you very much, Mr. Secretary"
speaker = "carter"
note = "The moderator's closing words are Carter's in the video."

[[correction]]
paragraph = "Yesterday it was my solemn honor"
speaker = "moderator"

[[correction]]
labels = ["Q:", "QUESTION (THROUGH TRANSLATOR):"]
same = false
speaker = "translated-questioner"

[[correction]]
passage = "Vive la France"
lang = ""

[[correction]]
passage = "Institut Des Hautes Etudes De Defense Nationale"
lang = "fr"

[[correction]]
remark = "(Laughter.)"
kind = "incident"
type = "laughter"
'''


def convert(path, toml: str, tmp_path, name="meta.toml"):
    sidecar = tmp_path / name
    sidecar.write_text(toml, encoding="utf-8")
    return tei.convert(path.read_bytes(), meta=metadata.load(sidecar), path=str(path))


def xp(root, query):
    return root.xpath(query, namespaces=NS)


def paragraph_starting(root, words):
    return xp(root, f"//t:body//t:p[starts-with(normalize-space(.), '{words}')]")[0]


def check_valid(result, tei_all):
    gate(result.tree, "corrected.xml")               # project XSD + rules (raises when invalid)
    assert tei_all.validate(result.tree), tei_all.error_log.last_error


def test_every_kind_is_applied_recorded_and_valid_on_the_seed(tmp_path, tei_all):
    result = convert(SEED, SEED_CORRECTIONS, tmp_path)
    root = result.tree.getroot()
    assert [r.status for r in result.corrections] == ["applied"] * 6
    changes = xp(root, "//t:revisionDesc/t:change")
    assert len(changes) == 6 and all(c.get("who") == EDITOR and c.get("when") is None for c in changes)
    assert xp(root, "//t:titleStmt/t:editor[@xml:id='edition-editor']/text()") == ["A. Editor"]
    assert "closing words are Carter's" in changes[0].text
    # 1. speaker: the turn of that paragraph is Carter's now, by the editor's authority
    sp = paragraph_starting(root, "Thank you very much, Mr. Secretary").getparent()
    assert (sp.get("who"), sp.get("resp"), sp.get("cert")) == ("#carter", EDITOR, "high")
    assert sp.findtext("t:speaker", namespaces=NS) == "MODERATOR:"       # the printed label stays
    # 2. a paragraph in the middle of a turn starts a new turn; its paragraph ids are kept for citation
    p = paragraph_starting(root, "Yesterday it was my solemn honor")
    assert p.get("{http://www.w3.org/XML/1998/namespace}id") == "sp2.p2"
    new = p.getparent()
    assert new.get("{http://www.w3.org/XML/1998/namespace}id") == "sp2-2" and new.get("who") == "#moderator"
    assert xp(new, "t:speaker/t:supplied[@resp='#edition-editor']/text()") == ["MODERATOR:"]
    # 3. labels: two people, not one group
    person = xp(root, "//t:person[@xml:id='translated-questioner']")[0]
    assert person.get("resp") == EDITOR and "QUESTION (THROUGH TRANSLATOR):" in "".join(person.itertext())
    assert "THROUGH" not in "".join(xp(root, "//t:personGrp[@xml:id='questioners']")[0].itertext())
    assert xp(root, "//t:sp[t:speaker[starts-with(., 'QUESTION (')]]/@who") == ["#translated-questioner"]
    # 4. not foreign; 5. foreign, by the editor
    assert not xp(root, "//t:foreign[contains(., 'Vive la France')]")
    assert "Vive la France!" in "".join(paragraph_starting(root, "Thank you once again").itertext())
    assert xp(root, "//t:foreign[@resp='#edition-editor']/@xml:lang") == ["fr"]
    # 6. remark kind
    incident = xp(root, "//t:incident[t:desc='Laughter.']")[0]
    assert (incident.get("type"), incident.get("resp"), incident.get("cert")) == ("laughter", EDITOR, "high")
    assert not xp(root, "//t:vocal[t:desc='Laughter.']")
    check_valid(result, tei_all)


def test_corpus_label_merge_and_remark_kept_as_text(tmp_path, tei_all):
    require(CORPUS.is_dir(), f"the shared corpus is not at {CORPUS}")
    biden = CORPUS / "10-wh-biden-military-families-austin.txt"
    plain = tei.convert_file(biden)
    labels = {p.id: p.labels for p in plain.document.participants.values()}
    assert len(labels["biden"]) == 1 and len(labels["president-biden"]) == 1   # one man, two ids
    toml = (f'[edition]\neditor = "E"\n[[correction]]\nlabels = ["{labels["biden"][0]}", '
            f'"{labels["president-biden"][0]}"]\nsame = true\n')
    result = convert(biden, toml, tmp_path)
    root = result.tree.getroot()
    assert not xp(root, "//*[@xml:id='president-biden']") and not xp(root, "//*[@who='#president-biden']")
    assert len(xp(root, "//t:sp[@who='#biden'][@resp='#edition-editor']")) == 3
    assert "Labels: " + ", ".join(labels["biden"] + labels["president-biden"]) in "".join(
        xp(root, "//t:person[@xml:id='biden']")[0].itertext())
    check_valid(result, tei_all)

    trump = CORPUS / "16-wh-trump-eo-signing-crosstalk.txt"
    toml = '[[correction]]\nremark = "(The president gives Mr. Scharf the signing pen.)"\nkind = "incident"\n'
    result = convert(trump, toml, tmp_path)
    root = result.tree.getroot()
    found = xp(root, "//t:incident[@resp='#edition-editor']")
    assert len(found) == 2 and found[0].get("type") == "the-president-gives-mr-scharf-the-signing-pen"
    assert xp(root, "//t:respStmt[@xml:id='edition-editor']")   # no editor named: still recorded
    check_valid(result, tei_all)


def test_a_source_edit_that_moves_lines_keeps_the_corrections(tmp_path):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("MODERATOR:") and i > 20)
    edited = lines[:at] + ["MODERATOR: A question was added here.", "", "Q: And another one.", ""] + lines[at:]
    moved = tmp_path / "moved.txt"
    moved.write_text("\n".join(edited), encoding="utf-8")
    before, after = convert(SEED, SEED_CORRECTIONS, tmp_path), convert(moved, SEED_CORRECTIONS, tmp_path)
    assert [r.status for r in after.corrections] == ["applied"] * 6
    sp_before = paragraph_starting(before.tree.getroot(), "Thank you very much, Mr. Secretary").getparent()
    sp_after = paragraph_starting(after.tree.getroot(), "Thank you very much, Mr. Secretary").getparent()
    assert sp_before.get("{http://www.w3.org/XML/1998/namespace}id") != sp_after.get(
        "{http://www.w3.org/XML/1998/namespace}id")           # the turn moved ...
    assert sp_after.get("who") == "#carter" and sp_after.get("resp") == EDITOR  # ... its correction followed


def test_hash_anchor_and_stale_or_ambiguous_corrections_are_reported_not_applied(tmp_path):
    text = "Thank you very much, Mr. Secretary, for your clear answers. Thank you very much for being here with " \
           "us. And good luck for your determination for your fight."
    digest = corrections.paragraph_hash(text)[:13]
    toml = (f'[[correction]]\nhash = "{digest}"\nspeaker = "carter"\n'
            '[[correction]]\nparagraph = "Words the source never printed"\nspeaker = "carter"\n'
            '[[correction]]\nparagraph = "Thank you."\nspeaker = "moderator"\n'
            '[[correction]]\npassage = "Vive la Belgique"\nlang = "fr"\n')
    result = convert(SEED, toml, tmp_path)
    assert [r.status for r in result.corrections] == ["applied", "stale", "stale", "stale"]
    stale = [str(w) for w in result.warnings if w.convention == "correction.stale"]
    assert len(stale) == 3 and "meta.toml: [[correction]] 2 (paragraph = 'Words the source never printed')" \
        in stale[0] and "paragraphs begin with these words" in stale[1]
    assert "correction.stale" in result.report()
    assert len(xp(result.tree.getroot(), "//t:change")) == 1


def test_a_date_override_gives_tei_that_validate_accepts(tmp_path):
    meta = tmp_path / "meta.toml"
    meta.write_text('[source]\ndate = 2016-01-22\n', encoding="utf-8")   # a TOML date, unquoted
    out = tmp_path / "out.xml"
    assert runner.invoke(app, ["convert", str(SEED), "--meta", str(meta), "-o", str(out)]).exit_code == 0
    result = runner.invoke(app, ["validate", str(out)])
    assert result.exit_code == 0, result.output
    assert 'when="2016-01-22" resp="#edition-editor"' in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("toml, message", [
    ('[sourc]\nplace = "Paris"\n', "meta.toml: sourc: unknown table"),
    ('[source]\nplcae = "Paris"\n', "meta.toml: [source] plcae: unknown key (did you mean 'place'?"),
    ('[source]\ndate = 5\n', "meta.toml: [source] date: must be a string or date, not number"),
    ('[source]\ndate = "next tuesday"\n', "meta.toml: [source] date: 'next tuesday' is not a date"),
    ('[source]\nlanguages = "fr"\n', "meta.toml: [source] languages: must be a list, not string"),
    ('[edition]\neditor = ["A", "B"]\n', "meta.toml: [edition] editor: must be a string, not list"),
    ('[speakers.cartr]\nname = "Ash Carter"\n', "meta.toml: [speakers.cartr]: no participant 'cartr'"),
    ('[speakers.carter]\nnmae = "Ash Carter"\n', "meta.toml: [speakers.carter] nmae: unknown key"),
    ('[[correction]]\nparagraph = "Thank you"\nspeakr = "carter"\n', "[[correction]] 1 speakr: unknown key (did you mean 'speaker'?"),
    ('[[correction]]\nparagraph = "Thank you"\nspeaker = "cartr"\n',
     "[[correction]] 1 speaker: unknown speaker id 'cartr'"),
    ('[[correction]]\nremark = "(Laughter.)"\nkind = "giggle"\n', "[[correction]] 1 kind: 'giggle'"),
    ('[[correction]]\nlabels = ["Q:", "Q."]\n', "[[correction]] 1: a labels correction needs same"),
    ('[[correction]]\npassage = "Vive la France"\n', "[[correction]] 1: a passage correction needs lang"),
    ('[correction]\nspeaker = "carter"\n', "meta.toml: correction: must be an array of tables"),
    ('[source\n', "meta.toml: not valid TOML"),
])
def test_sidecar_errors_are_one_line_naming_key_and_file(tmp_path, toml, message):
    meta = tmp_path / "meta.toml"
    meta.write_text(toml, encoding="utf-8")
    result = runner.invoke(app, ["convert", str(SEED), "--meta", str(meta)])
    assert result.exit_code == 2, result.output
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("tei-edition: error: ") and "Traceback" not in result.stderr


def test_a_change_must_be_made_by_an_editor_not_a_participant(tmp_path):
    from tei.validate import Validator

    result = convert(SEED, '[[correction]]\npassage = "Vive la France"\nlang = ""\n', tmp_path)
    tree = result.tree
    assert Validator("project").validate_tree(tree, "ok.xml").valid
    xp(tree.getroot(), "//t:change")[0].set("who", "#carter")
    problems = Validator("project").validate_tree(tree, "bad.xml").problems
    assert any("change-who" in str(p) for p in problems)


@pytest.mark.parametrize("remark", ["(Pause.)", "(Laughter.)", "(Applause.)", "(inaudible)", "(Crosstalk.)"])
def test_a_paragraph_after_a_lone_remark_maps_to_its_own_line(remark):
    """A remark standing alone is an event of the turn, not a <p> (encoder): the corrections' numbering of
    paragraphs (spN.pM, the review's lines and anchors) skips it for every kind, pause included."""
    text = f"T\n\nJan. 1, 2020\n\nSEC. CARTER: First.\n\n{remark}\n\nSecond one.\n\nQ: Why?\n"
    conversion = tei.convert(text)
    entries = corrections.paragraphs(conversion.tree, conversion.document)
    assert [(e.id, e.line, "".join(e.p.itertext())) for e in entries] == [
        ("sp1.p1", 5, "First."), ("sp1.p2", 9, "Second one."), ("sp2.p1", 11, "Why?")]


def test_a_remark_correction_reaches_a_turn_that_is_only_that_remark(tmp_path):
    """"AUDIENCE MEMBER: (Applause.)" is a turn with an event and no <p>: a document-wide remark correction
    reclassifies it there as everywhere else, instead of calling itself stale."""
    text = "T\n\nJan. 1, 2020\n\nSEC. CARTER: First.\n\nAUDIENCE MEMBER: (Applause.)\n\nQ: Why? (Applause.)\n"
    sidecar = tmp_path / "meta.toml"
    sidecar.write_text('[[correction]]\nremark = "(Applause.)"\nkind = "incident"\n', encoding="utf-8")
    result = tei.convert(text, meta=metadata.load(sidecar))
    assert not [w for w in result.warnings if w.convention == "correction.stale"]
    root = result.tree.getroot()
    assert [e.getparent().get("{http://www.w3.org/XML/1998/namespace}id") for e in
            xp(root, "//t:incident[@resp='#edition-editor']")] == ["sp2", "sp3.p1"]
    assert not xp(root, "//t:kinesic")
    assert sorted(result.corrections[0].targets) == ["sp2", "sp3.p1"]


def test_a_remark_correction_keeps_each_occurrences_own_wording(tmp_path):
    """A remark is matched without regard to case ("[Laughter]" also finds "[laughter]"); what replaces each one
    keeps its own wording: kept as text or reclassified, the source's words are unchanged (the conversion's
    word gate would refuse the TEI otherwise)."""
    text = "T\n\nJan. 1, 2020\n\nSEC. CARTER: One. [Laughter]\n\nQ: Two. [laughter]\n"
    for kind, xpath in (("text", "//t:body//t:p"), ("vocal", "//t:vocal[@resp='#edition-editor']")):
        sidecar = tmp_path / f"{kind}.toml"
        sidecar.write_text(f'[[correction]]\nremark = "[Laughter]"\nkind = "{kind}"\n', encoding="utf-8")
        result = tei.convert(text, meta=metadata.load(sidecar))
        assert not [w for w in result.warnings if w.convention == "correction.stale"]
        found = ["".join(e.itertext()) for e in xp(result.tree.getroot(), xpath)]
        assert found == (["One. [Laughter]", "Two. [laughter]"] if kind == "text" else ["Laughter", "laughter"])


def test_a_repeated_paragraph_is_named_by_its_occurrence_and_a_changed_count_is_stale(tmp_path):
    """"Thank you." in three turns: `review --set at=` names the second by hash and occurrence "2 of 3" (the
    hash alone finds three and a speaker correction refuses to guess); it applies to that paragraph only; and
    when the source gains a fourth, the correction is stale rather than moved."""
    from tei import review

    source = tmp_path / "t.txt"
    text = ("T\n\nJan. 1, 2020\n\nSEC. CARTER: Thank you.\n\nQ: A question?\n\nSEC. CARTER: Thank you.\n\n"
            "Q: Another?\n\nSEC. CARTER: Thank you.\n")
    source.write_text(text, encoding="utf-8")
    sidecar = tmp_path / "t.toml"
    result, records = review.add_corrections(source, ['at="sp3.p1", speaker="questioners"'], meta=sidecar)
    written = metadata.load(sidecar)["correction"][0]
    assert written["occurrence"] == "2 of 3" and written["hash"].startswith("sha1:") and "paragraph" not in written
    assert [r.status for r in records] == ["applied"]
    whos = [sp.get("who") for sp in xp(result.tree.getroot(), "//t:sp")]
    assert whos == ["#carter", "#questioners", "#questioners", "#questioners", "#carter"]
    source.write_text(text + "\nQ: More?\n\nSEC. CARTER: Thank you.\n", encoding="utf-8")
    again = tei.convert_file(source, meta_path=sidecar)
    assert [r.status for r in again.corrections] == ["stale"]
    assert "not 3 as when the correction was written" in again.corrections[0].message


@pytest.mark.parametrize("value", ["3 of 2", "two of three", "0 of 1"])
def test_a_bad_occurrence_is_a_clear_error(tmp_path, value):
    sidecar = tmp_path / "m.toml"
    sidecar.write_text(f'[[correction]]\nhash = "sha1:0123456789ab"\noccurrence = "{value}"\nspeaker = "x"\n',
                       encoding="utf-8")
    with pytest.raises(tei.errors.UsageError, match="occurrence"):
        metadata.load(sidecar)


@pytest.mark.parametrize("kind", ["note", "gap", "vocal", "kinesic", "incident", "text"])
def test_every_remark_correction_kind_builds_every_edition(tmp_path, kind):
    """A remark reclassified by the editor, inside a paragraph and standing alone, keeps its words in every
    default edition: each one's word check passes (a note was a footnote of the edition's own before, and the
    HTML check refused the document)."""
    from tei.build import build

    (tmp_path / "t.txt").write_text("Remarks\n\nJan. 1, 2020\n\nSEC. CARTER: First words here.\n\n(Applause.)\n\n"
                                    "Second words. (Applause.)\n\nQ: Why?\n", encoding="utf-8")
    (tmp_path / "t.toml").write_text(f'[[correction]]\nremark = "(Applause.)"\nkind = "{kind}"\n', encoding="utf-8")
    result = build(tmp_path)
    assert not result.failed and result.built == 1, result.failed
    assert (tmp_path / "t.edition.txt").read_text(encoding="utf-8").count("Applause.") == 2

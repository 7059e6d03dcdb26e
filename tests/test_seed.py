"""The seed transcript (Carter at the Ecole Militaire, 2016-01-21): the encoding decisions, checked one by one."""
from __future__ import annotations

from conftest import NS

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def root_of(conv):
    return conv.tree.getroot()


def test_header_title_date_author_source_disclaimer(seed_conversion):
    r = root_of(seed_conversion)
    assert r.findtext(".//t:titleStmt/t:title", namespaces=NS) == \
        "Remarks by Secretary Carter at Ecole Militaire in Paris, France"
    date = r.find(".//t:sourceDesc/t:bibl/t:date", NS)
    assert date.get("when") == "2016-01-21" and date.text == "Jan. 21, 2016"
    assert r.find(".//t:titleStmt/t:author", NS).get("ref") == "#carter"
    assert r.findtext(".//t:sourceDesc/t:bibl/t:publisher", namespaces=NS) == "US Department of Defense"
    disclaimer = r.findtext(".//t:notesStmt/t:note[@type='disclaimer']", namespaces=NS)
    assert disclaimer.startswith("This information is provided for historical purposes only.")
    assert "DOD Webmaster" in disclaimer
    assert "public domain" in r.findtext(".//t:availability/t:licence", namespaces=NS)


def test_front_keeps_the_source_header_lines_in_order(seed_conversion):
    front = root_of(seed_conversion).find(".//t:text/t:front", NS)
    kinds = [el.tag.split("}")[1] for el in front]
    assert kinds == ["note", "note", "docTitle", "docDate", "byline"]
    assert front.findtext("t:byline", namespaces=NS) == "Secretary of Defense Ash Carter"


def test_participants_variants_resolve_to_one_person(seed_conversion):
    r = root_of(seed_conversion)
    people = {p.get(XML_ID): p for p in r.iterfind(".//t:listPerson/*", NS)}
    assert set(people) == {"carter", "moderator", "questioners", "audience"}
    assert people["carter"].get("role") == "speaker"
    assert "Ash Carter" in "".join(people["carter"].find("t:persName", NS).itertext())
    assert people["moderator"].get("role") == "moderator"
    assert people["questioners"].tag.endswith("personGrp")
    # Q: and QUESTION (THROUGH TRANSLATOR): are the same group
    whos = {sp.findtext("t:speaker", namespaces=NS): sp.get("who") for sp in r.iterfind(".//t:sp", NS)}
    assert whos["Q:"] == whos["QUESTION (THROUGH TRANSLATOR):"] == "#questioners"
    assert whos["SEC. CARTER:"] == "#carter"


def test_three_unlabeled_turns_are_attributed_editorially(seed_conversion):
    r = root_of(seed_conversion)
    unlabeled = r.xpath("//t:sp[t:speaker/t:supplied]", namespaces=NS)
    assert [(sp.get("who"), sp.get("cert"), sp.get("resp")) for sp in unlabeled] == [
        ("#carter", "medium", "#tei-edition"), ("#questioners", "medium", "#tei-edition"),
        ("#carter", "medium", "#tei-edition")]
    rules = [sp.findtext("t:note[@type='attribution']", namespaces=NS) for sp in unlabeled]
    assert ["hand-over" in rules[0], "question-invitation" in rules[1], "continuation" in rules[2]] == [True] * 3
    assert unlabeled[0].find("t:p", NS).text.startswith("General, thank you so much")
    reported = [w for w in seed_conversion.warnings if w.convention == "turn.unlabeled"]
    assert [w.line for w in reported] == [21, 207, 242]


def test_inaudible_gaps_keep_the_source_wording(seed_conversion):
    gaps = root_of(seed_conversion).xpath("//t:gap[@reason='inaudible']", namespaces=NS)
    assert len(gaps) == 10  # the source prints "(inaudible)" ten times
    assert {g.findtext("t:desc", namespaces=NS) for g in gaps} == {"inaudible"}


def test_laughter_is_a_vocal_event_of_the_audience(seed_conversion):
    vocal = root_of(seed_conversion).xpath("//t:vocal", namespaces=NS)
    assert len(vocal) == 1
    assert (vocal[0].get("type"), vocal[0].get("who"), vocal[0].findtext("t:desc", namespaces=NS)) == \
        ("laughter", "#audience", "Laughter.")


def test_untranscribed_french_and_inline_french(seed_conversion):
    r = root_of(seed_conversion)
    speaking = r.xpath("//t:foreign[t:gap]", namespaces=NS)
    assert len(speaking) == 1 and speaking[0].get(XML_LANG) == "fr"
    assert speaking[0].findtext("t:gap/t:desc", namespaces=NS) == "SPEAKING IN FRENCH"
    inline = r.xpath("//t:foreign[not(t:gap)]", namespaces=NS)
    assert [(f.get(XML_LANG), f.text) for f in inline] == [("fr", "Vive la France!")]
    # English sentences with French names ("Minister Le Drian", "Place de La Republique") stay unmarked
    assert len(r.xpath("//t:p[contains(., 'Le Drian')]", namespaces=NS)) >= 3
    assert not r.xpath("//t:foreign[contains(., 'Drian') or contains(., 'Republique')]", namespaces=NS)
    assert r.xpath("//t:langUsage/t:language/@ident", namespaces=NS) == ["en", "fr"]


def test_interpreted_question_is_marked(seed_conversion):
    r = root_of(seed_conversion)
    sp = r.xpath("//t:sp[t:speaker='QUESTION (THROUGH TRANSLATOR):']", namespaces=NS)[0]
    assert sp.get("ana") is None   # interpretation is on the paragraphs it covers (interpretation.py)
    assert [p.get("ana") for p in sp.findall("t:p", NS)] == ["#interpreted"] * len(sp.findall("t:p", NS))
    assert sp.find("t:note[@type='interpretation']", NS) is not None
    assert r.find(".//t:category", NS).get("{http://www.w3.org/XML/1998/namespace}id") == "interpreted"


def test_skipped_material_between_dashes_is_an_editorial_gap(seed_conversion):
    r = root_of(seed_conversion)
    lacunae = r.xpath("//t:gap[@reason='lacuna']", namespaces=NS)
    assert len(lacunae) == 2
    for gap in lacunae:
        before = gap.getprevious()
        after = gap.getnext()
        assert "".join(before.xpath("t:p[last()]//text()", namespaces=NS)).rstrip().endswith("--")
        assert "".join(after.xpath("t:p[1]//text()", namespaces=NS)).lstrip().startswith("--")
    # "-- (inaudible) --" is not a break
    assert len(r.xpath("//t:p[contains(., 'convening the --')]", namespaces=NS)) == 1


def test_every_sp_and_p_has_a_stable_id(seed_conversion):
    r = root_of(seed_conversion)
    sps = r.xpath("//t:sp", namespaces=NS)
    assert [sp.get(XML_ID) for sp in sps] == [f"sp{i}" for i in range(1, len(sps) + 1)]
    for sp in sps:
        ps = sp.findall("t:p", NS)
        assert [p.get(XML_ID) for p in ps] == [f"{sp.get(XML_ID)}.p{i}" for i in range(1, len(ps) + 1)]


def test_report_counts(seed_conversion):
    report = seed_conversion.report()
    assert "turns 21 (unlabeled 3)" in report
    assert "gaps 11" in report and "foreign passages 1" in report and "lacunae 2" in report
    assert "line 207: [turn.unlabeled]" in report


def test_label_variants_and_byline_are_one_person():
    import tei

    text = ("Remarks at a Test\n\nJan. 21, 2016\nSecretary of Defense Ash Carter\n\n"
            "SEC. CARTER: One.\n\nSECRETARY CARTER: Two.\n\nQ: Three?\n\nQUESTION: Four?\n")
    root = tei.convert(text).tree.getroot()
    assert root.xpath("//t:sp/@who", namespaces=NS) == ["#carter", "#carter", "#questioners", "#questioners"]
    people = root.xpath("//t:listPerson/*/@xml:id", namespaces=NS)
    assert people == ["carter", "questioners"]
    labels = root.findtext(".//t:person[@role='speaker']/t:note[@type='labels']", namespaces=NS)
    assert labels == "Labels: SEC. CARTER:, SECRETARY CARTER:"

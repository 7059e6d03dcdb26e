"""Header layouts of the DoD archive family (issue 10, item 1): every line before the first label is typed, kept
in <front> as printed, and its facts reach the teiHeader; no header line is ever inside an <sp>."""
from __future__ import annotations

import re

import pytest

import tei
from tei.conventions import HANDOVER_CUES_FAMILY, HEADER_CUES
from tei.dates import parse_date
from conftest import CORPUS, NS, SEED
from wordcheck import source_words, tei_words

TURNS = "\nMR. SMITH: Good afternoon, everyone. Thank you for coming.\n\nQ: Thank you, sir. A question?\n"


def convert(text: str):
    result = tei.convert(text)
    root = result.tree.getroot()
    assert source_words(text) == tei_words(root)  # the fidelity of every layout, checked independently
    return result, root


def front_kinds(result) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in result.document.front]


def sp_text(root) -> str:
    return " ".join(" ".join(sp.itertext()) for sp in root.iterfind(".//t:sp", NS))


def header(root, path: str) -> str | None:
    return root.findtext(path, namespaces=NS)


def check_none_in_sp(root, lines):
    paragraphs = " ".join(" ".join(p.itertext()) for p in root.iterfind(".//t:sp/t:p", NS))
    for line in lines:
        assert line not in paragraphs, line


# --- each layout the issue lists, built from its described form ------------------------------------------------
def test_seed_layout_notice_title_date_byline():
    text = ("This information is provided for historical purposes only. It may contain outdated information and "
            "links may no longer function.\nPlease contact the DOD Webmaster if you have any questions about this "
            "archive.\n\nRemarks by Secretary Carter at Ecole Militaire in Paris, France\n\nJan. 21, 2016\n"
            "Secretary of Defense Ash Carter\n" + TURNS)
    result, root = convert(text)
    assert [k for k, _ in front_kinds(result)] == ["disclaimer", "disclaimer", "title", "date", "byline"]
    assert header(root, ".//t:titleStmt/t:title") == "Remarks by Secretary Carter at Ecole Militaire in Paris, France"
    assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == "2016-01-21"
    assert root.find(".//t:titleStmt/t:author", NS).get("ref") == "#carter"


def test_agency_office_news_transcript_presenter_with_date_title_place():
    lines = ["U.S. Department of Defense", "Office of the Assistant Secretary of Defense (Public Affairs)",
             "News Transcript", "Presenter: Pentagon Press Secretary Peter Cook   Jan. 5, 2017",
             "Department of Defense Press Briefing by Pentagon Press Secretary Peter Cook in the Pentagon Briefing "
             "Room", "Pentagon Briefing Room, Arlington, Va."]
    result, root = convert("\n".join(lines) + "\n" + TURNS.replace("MR. SMITH", "MR. COOK"))
    assert [k for k, _ in front_kinds(result)] == ["agency", "agency", "doctype", "presenter", "title", "setting"]
    assert header(root, ".//t:titleStmt/t:title") == lines[4]
    assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == "2017-01-05"
    author = root.find(".//t:titleStmt/t:author", NS)
    assert author.text == "Peter Cook" and author.get("role") == "pentagon-press-secretary"
    assert author.get("ref") == "#cook"
    check_none_in_sp(root, lines)
    assert [el.get("type") for el in root.iterfind(".//t:front/t:note", NS)] == [
        "agency", "agency", "doctype", "presenter", "setting"]


def test_presenters_several_people_with_commas_and_semicolons():
    text = ("News Transcript\n\nDepartment of Defense Press Briefing on Operation Inherent Resolve\n\n"
            "Presenters: Dana White, Pentagon Press Secretary; Lt. Gen. Kenneth F. McKenzie Jr., Director, "
            "Joint Staff\nJune 1, 2018\n\nMS. WHITE: Good afternoon.\n\nLT. GEN. MCKENZIE: Thank you.\n")
    result, root = convert(text)
    authors = [(a.text, a.get("ref")) for a in root.iterfind(".//t:titleStmt/t:author", NS)]
    assert ("Dana White", "#white") in authors
    assert any(ref == "#mckenzie" for _, ref in authors)
    assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == "2018-06-01"
    assert header(root, ".//t:titleStmt/t:title") == "Department of Defense Press Briefing on Operation Inherent Resolve"


@pytest.mark.parametrize("crumbs", [["DoD Transcripts"], ["NEWS | Jan. 5, 2017"], ["TRANSCRIPT | Aug. 7, 2018"]])
def test_breadcrumbs_before_the_title(crumbs):
    title = "Press Briefing by Secretary Mattis in the Pentagon Briefing Room"
    result, root = convert("\n\n".join(crumbs + [title]) + "\n" + TURNS)
    assert header(root, ".//t:titleStmt/t:title") == title
    kinds = [k for k, _ in front_kinds(result)]
    assert kinds[-1] == "title" and kinds[0] in ("doctype", "breadcrumb")
    when = parse_date(crumbs[0])
    if when:  # "TRANSCRIPT | Aug. 7, 2018": the breadcrumb's date is the transcript's date
        assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == when
    check_none_in_sp(root, crumbs + [title])


def test_issuing_office_image_alt_text_and_doubled_agency_line():
    lines = ["Seal of the Department of Defense", "United States Department of Defense United States Department of "
             "Defense", "News Transcript", "Press Operations", "Operation Inherent Resolve Briefing",
             "By CJTF-OIR Public Affairs", "March 3, 2017"]
    result, root = convert("\n\n".join(lines) + "\n" + TURNS)
    assert [k for k, _ in front_kinds(result)] == ["image", "agency", "doctype", "office", "title", "office", "date"]
    assert header(root, ".//t:titleStmt/t:title") == "Operation Inherent Resolve Briefing"
    assert header(root, ".//t:titleStmt/t:respStmt[t:resp='Issued by']/t:orgName") == "Press Operations"
    check_none_in_sp(root, lines)


def test_email_copy_banner():
    lines = ["You are subscribed to Transcripts for U.S. Department of Defense. This information has recently been "
             "updated, and is now available.", "Secretary Carter Press Conference in Brussels, Belgium",
             "Feb. 11, 2016"]
    result, root = convert("\n\n".join(lines) + "\n" + TURNS)
    assert [k for k, _ in front_kinds(result)] == ["banner", "title", "date"]
    assert header(root, ".//t:titleStmt/t:title") == lines[1]
    check_none_in_sp(root, lines)
    # the mailing-list copy of the alert prints its two lines apart, the presenter and the date on one line, and
    # the remarks unlabeled (tests/data/fresh/38, 2012)
    lines = ["You are subscribed to News Transcripts for U.S. Department of Defense.",
             "This information has recently been updated, and is now available.",
             "Presenter: Deputy Secretary of Defense Ashton B. Carter December 03, 2012",
             "Remarks by Deputy Secretary Carter at the Cooperative Threat Reduction Symposium"]
    result, root = convert("\n\n".join(lines) + "\n\n            Well good afternoon.  Thank you, David.\n")
    assert [k for k, _ in front_kinds(result)][:2] == ["banner", "banner"]
    assert header(root, ".//t:titleStmt/t:title") == lines[3]
    assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == "2012-12-03"
    check_none_in_sp(root, lines)


def test_the_end_of_a_bracketed_note_whose_opening_the_copy_lost_is_a_header_line():
    """A 1996 defense.gov page (TranscriptID 3811) prints its setting note's end only, "...]", below the date."""
    lines = ["Secretary Perry at U.S. Strategic Command - Wednesday, November 6, 1996 - 4:40 p.m. (EST)",
             "Presenter: Secretary of Defense William J. Perry", "November 06, 1996 4:40 PM EDT",
             'recognizing the United States Strategic Command for receiving the Hammer Award for efforts to cut '
             '"Red Tape" in Government]']
    text = "\n\n".join([lines[0], "\n".join(lines[1:])]) + ("\n\nSecretary Perry: Fifty years ago the Strategic "
                                                            "Air Command began.\n\nQ: Have you?\n")
    result, root = convert(text)
    assert [k for k, _ in front_kinds(result)] == ["title", "presenter", "date", "setting"]
    assert [t.label for t in result.document.turns()] == ["Secretary Perry:", "Q:"]
    check_none_in_sp(root, lines)


def test_a_washington_file_copy_before_its_begin_transcript_mark_is_header():
    """header.lead: the State Department's Washington File (usinfo.org, 2002) reprints a White House transcript
    after its own code line, title, summary paragraph and "Following is the White House transcript:", then
    "(begin transcript)"; a print page's menu links end in "|" ("Print this document |")."""
    lines = ["Transcript: White House Press Briefing, August 22",
             "White House Press Secretary Ari Fleischer briefed reporters on Air Force One as they accompanied "
             "President Bush on a trip to Oregon.", "Following is the White House transcript:", "(begin transcript)",
             "THE WHITE HOUSE", "Office of the Press Secretary", "August 22, 2002", "PRESS GAGGLE WITH ARI FLEISCHER",
             "10:30 A.M. CDT"]
    result, root = convert("\n".join(lines) + "\nMR. FLEISCHER: Tonight's event is expected to raise $900,000.\n"
                           "Q: Is he still on the list?\n")
    assert [k for k, _ in front_kinds(result)][1:4] == ["lead", "lead", "notice"]
    assert [t.label for t in result.document.turns()] == ["MR. FLEISCHER:", "Q:"]
    check_none_in_sp(root, lines)
    # without the mark, a summary paragraph is still read as speech (the header ends there)
    result, _ = convert("\n".join(lines[:2]) + "\nMR. FLEISCHER: Hello.\n")
    assert len(result.document.turns()) == 2
    result, _ = convert("The White House\nPrint this document |\nPress Briefing by Ari Fleischer\nNovember 1, 2001\n"
                        "MR. FLEISCHER: Good afternoon.\n")
    assert ("banner", "Print this document |") in front_kinds(result)


def test_a_posted_copys_message_header():
    """header.message: a White House transcript posted to a bulletin-board echo (2008, tests/data/fresh/32) starts
    with the message's own fields; they are header lines (the posting's "date:" is not the event's), and a
    "Date:" line alone further down is still the date line."""
    lines = ["echo: whitehouse", "to: all", "from: Whitehouse Press", "date: 2008-07-04 23:31:20",
             "subject: Press Release (0807041) for Fri, 2008 Jul 4"]
    text = "\n".join(lines) + ("\n\n=====================\nRoundtable Interview of the President by Foreign Print "
                               "Media\n=====================\n\nJuly 2, 2008\n\nTHE PRESIDENT: So here's the thing.\n")
    result, root = convert(text)
    assert [k for k, _ in front_kinds(result)][:5] == ["message"] * 5
    assert header(root, ".//t:titleStmt/t:title") == "Roundtable Interview of the President by Foreign Print Media"
    assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == "2008-07-02"
    assert [t.who for t in result.document.turns()] == ["bush"]
    check_none_in_sp(root, lines)
    # an e-mail distribution's copy (the Clinton White House list, 1993): the mailbox's "From " line first
    lines = ["From @lex-luthor.ai.mit.edu:hes@REAGAN.AI.MIT.EDU  Sun May 16 23:32:42 1993",
             "Date: Fri, 14 May 1993 18:51-0400", "From: The White House <75300.3115@compuserve.com>",
             "Subject: President's Press Conference  May 14, 1993"]
    result, root = convert("\n".join(lines) + "\n \n                           THE WHITE HOUSE\n \nFor Immediate "
                           "Release                               May 14, 1993\n\n                  PRESS CONFERENCE "
                           "BY THE PRESIDENT\n\n         THE PRESIDENT:  Good afternoon, ladies and gentlemen.\n")
    assert [k for k, _ in front_kinds(result)][:4] == ["message"] * 4
    assert header(root, ".//t:titleStmt/t:title") == "PRESS CONFERENCE BY THE PRESIDENT"
    check_none_in_sp(root, lines)
    # one field alone at the top is no message header; nor is a field line below the title
    result, _ = convert("from: the Pentagon\n\nMR. SMITH: Hello.\n")
    assert "message" not in [k for k, _ in front_kinds(result)]
    result, _ = convert("Remarks at the Pentagon\n\nDate: March 3, 2017\n\nMR. SMITH: Hello.\n")
    assert "message" not in [k for k, _ in front_kinds(result)]


def test_the_gov_banner_of_a_page_copy():
    """header.banner: a copy of a defense.gov page (2020) starts with the banner every .gov page prints."""
    lines = ["An official website of the United States Government", "Here's how you know",
             "Official websites use .gov",
             ".gov website belongs to an official government organization in the United States.",
             "Secure .gov websites use HTTPS",
             "A lock ( lock ) or https:// means you’ve safely connected to the .gov website. Share sensitive "
             "information only on official, secure websites.",
             "You have accessed part of a historical collection on Some of the information contained within may be "
             "outdated and links may not function. Please contact the DOD Webmaster with any questions.",
             "Assistant to the Secretary of Defense for Public Affairs Updates Reporters on DOD Operations"]
    result, root = convert("\n\n".join(lines) + "\n\nASSISTANT TO THE SECRETARY OF DEFENSE JONATHAN RATH HOFFMAN: "
                           "All right, good morning.\n")
    assert [k for k, _ in front_kinds(result)] == ["banner"] * 6 + ["disclaimer", "title"]
    assert header(root, ".//t:titleStmt/t:title") == lines[-1]
    check_none_in_sp(root, lines)


@pytest.mark.parametrize("notice", ["(Edited for Clarity)", "(As Prepared)"])
def test_notice_between_title_and_date_and_a_title_ending_in_a_place(notice):
    title = "Remarks at the Reagan National Defense Forum, Simi Valley, Calif."
    result, root = convert(f"{title}\n\n{notice}\n\nDec. 3, 2016\n" + TURNS)
    assert [k for k, _ in front_kinds(result)] == ["title", "notice", "date"]
    assert header(root, ".//t:titleStmt/t:title") == title
    assert header(root, ".//t:notesStmt/t:note[@type='notice']") == notice
    assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == "2016-12-03"


def test_title_ending_in_washington_dc():
    title = "Media Availability with Secretary Hagel at the Pentagon, Washington, D.C."
    result, root = convert(title + "\n\nMay 1, 2014\n" + TURNS)
    assert header(root, ".//t:titleStmt/t:title") == title


@pytest.mark.parametrize("line,iso", [
    ("Jan. 21, 2016", "2016-01-21"), ("April 08, 2014", "2014-04-08"),
    ("Mon, 10 Mar 2008 17:45:00 -0500", "2008-03-10"), ("TRANSCRIPT | Aug. 7, 2018", "2018-08-07"),
    ("Presenter: Secretary of Defense Leon E. Panetta March 30, 2012", "2012-03-30"),
    ("By The Pentagon, The Pentagon - February 3, 2012", "2012-02-03")])
def test_date_in_every_printed_form(line, iso):
    result, root = convert("A Press Briefing at the Pentagon\n\n" + line + "\n" + TURNS)
    assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == iso


def test_date_prefix_glued_to_the_title_or_to_the_first_label():
    result, root = convert(" date 2018-08-28 Secretary Mattis Media Availability\n\nMATTIS: Good morning.\n")
    assert front_kinds(result)[:2] == [("date", "date 2018-08-28"), ("title", "Secretary Mattis Media Availability")]
    result, root = convert(" date 2025-01-27 SECRETARY OF DEFENSE PETE HEGSETH: Morning, everybody.\nThanks.\n")
    assert front_kinds(result) == [("date", "date 2025-01-27")]
    sp = root.find(".//t:sp", NS)
    assert sp.findtext("t:speaker", namespaces=NS) == "SECRETARY OF DEFENSE PETE HEGSETH:"
    assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == "2025-01-27"


def test_unclassified_header_line_stays_in_front_with_a_warning():
    result, root = convert("A Press Briefing at the Pentagon\n\nJan. 5, 2017\n\nSomething Else Entirely\n" + TURNS)
    assert ("unclassified", "Something Else Entirely") in front_kinds(result)
    assert any(w.convention == "header.unclassified" for w in result.warnings)
    assert "Something Else Entirely" not in sp_text(root)


def test_speech_without_labels_after_the_header_goes_to_the_byline_person():
    text = ("This information is provided for historical purposes only.\nSecretary of Defense Speech\n\n"
            "Remarks at Honor Cordon Welcoming TAPS\n\nMay 22, 2015\nAs Delivered by Secretary of Defense Ash Carter\n"
            "\nThat's in honor of you. This entrance is the one we use.\n\nThank you for being here.\n")
    result, root = convert(text)
    assert [k for k, _ in front_kinds(result)] == ["disclaimer", "doctype", "title", "date", "byline"]
    sp = root.find(".//t:sp", NS)
    assert sp.get("who") == "#carter" and sp.get("cert") == "medium"
    assert header(root, ".//t:titleStmt/t:title") == "Remarks at Honor Cordon Welcoming TAPS"


def test_header_decisions_are_recorded():
    result, _ = convert("U.S. Department of Defense\nNews Transcript\nA Briefing\nJan. 5, 2017\n" + TURNS)
    rules = [d.rule for d in result.document.decisions if d.subject.startswith("header line")]
    assert rules[:2] == ["header.agency", "header.doctype"] and "header.title" in rules


# --- the registry rows: examples match, counter-examples do not ----------------------------------------------------
@pytest.mark.parametrize("cue", HEADER_CUES + HANDOVER_CUES_FAMILY, ids=lambda c: c.id)
def test_every_cue_row_matches_its_examples_and_not_its_counter_examples(cue):
    header_row = cue in HEADER_CUES
    for example in cue.examples:
        text = example.strip() if header_row else example
        hit = cue.regex.fullmatch(text) if header_row and cue.id != "header.date-prefix" else cue.regex.search(text)
        assert hit, (cue.id, example)
    for counter in cue.counter:
        hit = cue.regex.fullmatch(counter) if header_row else cue.regex.search(counter)
        assert not hit, (cue.id, counter)


def test_every_header_kind_has_a_conventions_row():
    from tei.conventions import BY_ID

    for cue in HEADER_CUES:
        if cue.id != "header.date-prefix":
            assert cue.id in BY_ID, cue.id
    for kind in ("header.title", "header.date", "header.setting", "header.unclassified"):
        assert kind in BY_ID


def test_front_notes_render_in_every_edition_words_kept():
    from tei import fidelity, render

    text = "U.S. Department of Defense\nNews Transcript\nA Briefing\nJan. 5, 2017\n" + TURNS
    result = tei.convert(text)
    expected = fidelity.words(fidelity.tei_text(result.tree.getroot()))
    for fmt in ("html", "text", "markdown", "tsv"):
        data = render.render(result.tree, fmt)
        assert fidelity.check_edition(fmt, data, expected=expected) is None, fmt
        assert re.search(rb"News Transcript", data), fmt


def test_early_archive_title_case_labels_and_a_parenthesised_notice():
    text = ("United States Department of Defense United States Department of Defense\n\nNews Transcript\n\n"
            "Press Operations Bookmark and Share\n\nTranscript\n\n\nRumsfeld's opening remarks at the signing of the "
            "Defense Authorization Bill\n\nPresenter: Secretary of Defense Donald H. Rumsfeld\nDecember 02, 2002\n\n"
            "Monday, December 2, 2002\n\n(Secretary Rumsfeld's opening remarks at the signing, located on the White "
            "House web site)\n\nSecretary Rumsfeld: The president says thank you.\n\nPresident Bush: (Chuckling.) "
            "Very good.\n\nRumsfeld: Mr. President, welcome back to the Pentagon.\n\nI regret that they are away.\n")
    result, root = convert(text)
    assert [k for k, _ in front_kinds(result)] == ["agency", "doctype", "office", "doctype", "title", "presenter",
                                                   "date", "date", "notice"]
    assert [(t.label, t.who) for t in result.document.turns()] == [
        ("Secretary Rumsfeld:", "rumsfeld"), ("President Bush:", "bush"), ("Rumsfeld:", "rumsfeld")]
    assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == "2002-12-02"
    # a single capitalised word before a colon is a label only when the document names it elsewhere
    result, _ = convert(HEAD_AND("Secretary Rumsfeld: Thanks.\n\nNote: this is text.\n"))
    assert len(result.document.turns()) == 1
    # ... a presenter line too: an excerpt may print "Rumsfeld:" before any longer label (tests/data/fresh/11)
    result, _ = convert("Presenter: Secretary of Defense Donald H. Rumsfeld\nWednesday, February 19, 2003 - 1:46 "
                        "p.m. EST\n\nDoD News Briefing - Secretary Rumsfeld and Gen. Myers\n\nRumsfeld: Good "
                        "afternoon.\n\nNote: this is text.\n")
    assert [(t.label, t.who) for t in result.document.turns()] == [("Rumsfeld:", "rumsfeld")]


def HEAD_AND(body: str) -> str:
    return "A Press Briefing at the Pentagon\n\nJan. 5, 2017\n\n" + body


def test_speech_page_byline_with_place_and_weekday():
    text = ("You have reached a collection of archived material.\n\nUnited States Department of Defense United States "
            "Department of Defense\n\nDeputy Secretary of Defense Speech\n\nPress Operations Bookmark and Share\n\n\n"
            "National Security Leadership for the 21st Century\n\nAs Prepared for Delivery by Deputy Secretary of "
            "Defense Ashton B. Carter, U.S. Naval Academy, Annapolis, Maryland, Friday, November 22, 2013\n\n"
            "Midshipman First Class Andon, thank you for that introduction.\n\nCaptain Vahsen, thank you.\n")
    result, root = convert(text)
    assert [k for k, _ in front_kinds(result)][-2:] == ["title", "byline"]
    assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == "2013-11-22"
    assert [a.text for a in root.iterfind(".//t:titleStmt/t:author", NS)] == ["Ashton B. Carter"]
    assert [t.who for t in result.document.turns()] == ["carter"]


def test_wire_copy_lead_and_separator_and_its_own_date_above_the_title():
    text = ("Wednesday - August 27, 2025\nDeputy Defense Secretary Hicks, Pentagon Press Secretary Kirby Hold a News "
            "Briefing\nSeptember 24, 2021\nWASHINGTON, Sept. 24 -- The U.S. Department of Defense issued the "
            "following transcript of a news briefing by Deputy Defense Secretary Dr. Kathleen Hicks and Press "
            "Secretary John Kirby on Sept. 22, 2021:\n\n* * *\n\nPRESS SECRETARY JOHN F. KIRBY: Good afternoon.\n")
    result, root = convert(text)
    assert [k for k, _ in front_kinds(result)] == ["date", "title", "date", "lead", "separator"]
    assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == "2021-09-24"
    check_none_in_sp(root, ["WASHINGTON, Sept. 24", "* * *"])


def test_white_house_plain_text_header():
    text = ("THE WHITE HOUSE\nOffice of Communications\n____________________\nFor Immediate Release      January 24, "
            "2025\n\nREMARKS BY PRESIDENT TRUMP AND PRIME MINISTER NARENDRA MODI OF THE\nREPUBLIC OF INDIA IN JOINT "
            "PRESS CONFERENCE\n\nEast Room\n\n(January 23, 2025)\n\n3:10 P.M. EST\n\n     THE PRESIDENT:  Hello, "
            "everybody.\n\n     Q    Hello, sir.\n\n     PRIME MINISTER MODI:  Thank you.\n")
    result, root = convert(text)
    assert [k for k, _ in front_kinds(result)] == ["agency", "agency", "separator", "release", "title", "title",
                                                   "setting", "date", "setting"]
    assert header(root, ".//t:titleStmt/t:title") == ("REMARKS BY PRESIDENT TRUMP AND PRIME MINISTER NARENDRA MODI OF "
                                                     "THE REPUBLIC OF INDIA IN JOINT PRESS CONFERENCE")
    assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == "2025-01-23"
    assert [(t.label, t.who) for t in result.document.turns()] == [
        ("THE PRESIDENT:", "trump"), ("Q", "questioners"), ("PRIME MINISTER MODI:", "modi")]
    assert result.document.participants["trump"].name == "Trump"


def test_a_title_ending_in_a_question_mark_is_still_the_title():
    title = "What Is Next for the Joint Force?"
    result, root = convert(title + "\n\nJan. 5, 2020\n" + TURNS)
    assert header(root, ".//t:titleStmt/t:title") == title
    # but a sentence that asks is speech, not a title
    result, root = convert("Are you all ready to begin now, everyone?\n\nThank you.\n")
    assert not result.document.front


def test_markdown_printed_event_date_wins_over_the_publication_date():
    text = ("---\ntitle: Remarks by President Trump at Executive Order Signing\ndate: '2025-01-24'\n---\n\n"
            "For Immediate Release                            January 24, 2025\n\nREMARKS BY PRESIDENT TRUMP\n\n"
            "Oval Office\n\n(January 23, 2025)\n\n3:10 P.M. EST\n\n     THE PRESIDENT:  Hello, everybody.\n")
    result = tei.convert(text)
    root = result.tree.getroot()
    assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == "2025-01-23"
    # the date line in brackets is read as a date: not an unknown parenthetical for the review to ask about
    assert "(January 23, 2025)" in [s.text for s in root.iterfind(".//t:stage[@type='date']", NS)]
    assert not [w for w in result.warnings if w.convention == "text.unknown-remark"]
    # with no printed date line, the front matter's date is the date
    result = tei.convert(text.replace("(January 23, 2025)\n\n", ""))
    assert result.tree.getroot().find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == "2025-01-24"


def test_public_papers_volume_tag_names_the_president():
    """header.volume-tag: "(Bush Q3)" after the date line names the President; THE PRESIDENT resolves to him,
    with medium certainty recorded as a decision. A date line without the tag names no one."""
    import tei

    text = "The President's News Conference\n\nJuly 6, 1989 (Bush Q3)\n\nThe President. Thank you.\n\nQ. Sir?\n"
    result = tei.convert(text)
    root = result.tree.getroot()
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert root.xpath("//t:sp[1]/@who", namespaces=ns) == ["#bush"]
    assert root.xpath("//t:titleStmt/t:author/@ref", namespaces=ns) == ["#bush"]
    assert any(d.rule == "header.volume-tag" and d.certainty == "medium" for d in result.document.decisions)
    # without the tag the date still names him (person.president-by-date); without a date no one does
    plain = tei.convert(text.replace(" (Bush Q3)", ""))
    assert plain.tree.getroot().xpath("//t:sp[1]/@who", namespaces=ns) == ["#bush"]
    assert any(d.rule == "person.president-by-date" for d in plain.document.decisions)
    undated = tei.convert(text.replace("July 6, 1989 (Bush Q3)\n\n", "")).tree.getroot()
    assert undated.xpath("//t:sp[1]/@who", namespaces=ns) != ["#bush"]


@pytest.mark.parametrize("title, name", [
    ("Acting Secretary Esper En-Route Media Availability", "Esper"),          # defense.gov, 2019
    ("Secretary of Defense Esper Media Engagement En Route to Sydney, Australia", "Esper"),
])
def test_en_route_ends_a_name_in_a_title(title, name):
    from tei.header import title_people

    assert [p.name for p in title_people(title)] == [name]


def test_role_words_in_a_label_are_title_cased_as_prose():
    import tei

    root = tei.convert("Remarks\n\nSECRETARY OF DEFENSE DR. MARK T. ESPER: Thank you.\n").tree.getroot()
    names = ["".join(p.itertext()) for p in root.iter("{http://www.tei-c.org/ns/1.0}persName")]
    assert any("Secretary of Defense" in n for n in names) and not any(" Of " in n for n in names), names


def test_the_hand_over_cues_needed_words_never_hide_a_cue():
    """has_handover_cue skips the regex where none of a cue's needed words is in the text: every hand-over row
    names them, each example holds one, and on every corpus sentence and on random strings built from the cues'
    own vocabulary the answer is HANDOVER_CUES's."""
    import random

    from tei import conventions

    for cue in HANDOVER_CUES_FAMILY:
        assert cue.needs, cue.id
        for example in cue.examples:
            assert any(w in example.lower() for w in cue.needs), (cue.id, example)
    texts = [SEED.read_text(encoding="utf-8")]
    if CORPUS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("**/*.txt"))]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t)]
    vocabulary = sorted({w for c in HANDOVER_CUES_FAMILY for w in re.findall(r"[A-Za-z']+", c.pattern + " " +
                                                                            " ".join(c.examples))})
    vocabulary += [",", ".", "?", " ", "  ", "Mr.", "\u212a", "\u017f", "é", "’", "\n"]
    rng = random.Random(16)
    sentences += [" ".join(rng.choice(vocabulary) for _ in range(rng.randrange(1, 8))) for _ in range(20000)]
    found = 0
    for sentence in sentences:
        expected = bool(conventions.HANDOVER_CUES.search(sentence))
        assert conventions.has_handover_cue(sentence) == expected, sentence
        found += expected
    assert found > 100   # the random strings do hold cues


@pytest.mark.parametrize("place", ["South Lawn", "Rose Garden", "Grand Foyer"])
def test_a_short_line_before_the_time_line_is_the_place(place):
    """whitehouse.gov prints the room, then the time (sometimes a date between): a place line whatever its words,
    not an unclassified one; a sentence there is not taken for a place."""
    text = (f"Remarks by the President at Fourth of July Celebration\n\n{place}\n\n5:56 P.M. EDT\n\n"
            "THE PRESIDENT:  Hello, everybody!\n")
    result, _ = convert(text)
    assert front_kinds(result) == [("title", "Remarks by the President at Fourth of July Celebration"),
                                   ("setting", place), ("setting", "5:56 P.M. EDT")]
    assert not [w for w in result.document.warnings if w.convention == "header.unclassified"]
    result, _ = convert(f"Remarks by the President\n\n{place}\n\n(July 4, 2014)\n\n5:56 P.M. EDT\n\n"
                        "THE PRESIDENT:  Hello.\n")
    assert [k for k, _ in front_kinds(result)] == ["title", "setting", "date", "setting"]
    result, _ = convert("Remarks by the President\n\nThis was unscheduled and brief\n\n5:56 P.M. EDT\n\n"
                        "THE PRESIDENT:  Hello.\n")
    assert [k for k, _ in front_kinds(result)] == ["title", "unclassified", "setting"]


def test_an_archive_notice_of_the_white_house_archives_is_a_disclaimer_not_speech():
    """obamawhitehouse.archives.gov opens with a sentence ("This is historical material ..."): it was read as the
    first spoken paragraph, and the whole header after it went into an unattributed turn (tests/data/fresh/17)."""
    notice = ("This is historical material “frozen in time”. The website is no longer updated and links to external "
              "websites and some internal pages may not work.")
    text = (f"{notice}\n\nThe White House\nOffice of the Press Secretary\nFor Immediate Release\n\n"
            "Daily Press Briefing by Press Secretary Josh Earnest, 6/4/2015\n\nJames S. Brady Press Briefing Room\n\n"
            "12:40 P.M. EDT\n\nMR. EARNEST:  It’s nice to see you all this afternoon.\n")
    result, root = convert(text)
    assert front_kinds(result)[0] == ("disclaimer", notice)
    assert header(root, ".//t:titleStmt/t:title") == "Daily Press Briefing by Press Secretary Josh Earnest, 6/4/2015"
    assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == "2015-06-04"   # the title's date
    assert [t.label for t in result.document.turns()] == ["MR. EARNEST:"]
    check_none_in_sp(root, ["The White House", "Daily Press Briefing", "James S. Brady"])


def test_a_page_without_a_title_takes_neither_its_room_nor_its_time_for_one():
    text = ("James S. Brady Press Briefing Room\n\n1:59 P.M. EST\n\nMS. SANDERS:  Good afternoon.\n\nQ  Thanks.\n")
    result, root = convert(text)
    assert [k for k, _ in front_kinds(result)] == ["setting", "setting"]
    assert "title" not in [k for k, _ in front_kinds(result)]


def test_a_print_pages_banner_name_is_not_the_title_when_a_line_below_names_the_event():
    """georgewbush-whitehouse.archives.gov print pages: "The White House" / "President George W. Bush" /
    "Print this document" above the release lines; the title is "Press Briefing by Scott McClellan", and its
    briefer, named after "by" with no role, is a presenter."""
    text = ("The White House\nPresident George W. Bush\nPrint this document\n\nFor Immediate Release\nOffice of the "
            "Press Secretary\nApril 26, 2006\n\nPress Briefing by Scott McClellan\nJames S. Brady Briefing Room\n\n"
            "12:18 P.M. EDT\n\nMR. McCLELLAN: Good afternoon, everyone.\n\nQ Scott, a question.\n")
    result, root = convert(text)
    kinds = dict((t, k) for k, t in front_kinds(result))
    assert kinds["President George W. Bush"] == "unclassified" and kinds["Print this document"] == "banner"
    assert header(root, ".//t:titleStmt/t:title") == "Press Briefing by Scott McClellan"
    assert "Scott McClellan" in [a.text for a in root.iterfind(".//t:titleStmt/t:author", NS)]
    # without such a line below, a name line at the top is still the title
    result, root = convert("President George W. Bush\n\nApril 26, 2006\n\nTHE PRESIDENT: Thank you.\n")
    assert header(root, ".//t:titleStmt/t:title") == "President George W. Bush"


def test_a_title_naming_four_officials_is_a_title_not_an_opening_speech():
    title = ("Secretary of State Antony J. Blinken, Secretary of Defense Lloyd J. Austin III, Japanese Foreign Minister "
             "Hayashi Yoshimasa and Japanese Defense Minister Hamada Yasukazu at a Joint Press Availability")
    assert len(title.split()) > 25
    result, root = convert(f"{title}\n\nSECRETARY BLINKEN: Good evening, everyone.\n\nQ: A question.\n")
    assert front_kinds(result) == [("title", title)]
    assert [t.label for t in result.document.turns()] == ["SECRETARY BLINKEN:", "Q:"]
    # a long line that ends a sentence is still speech
    speech = "Well, " + " ".join(["we discussed the alliance and the press availability"] * 4) + "."
    result, _ = convert(f"{speech}\n\nQ: A question.\n")
    assert not result.document.front


@pytest.mark.parametrize("printed, iso", [("6/4/2015", "2015-06-04"), ("Briefing, 1/11/2017", "2017-01-11"),
                                          ("12/31/1999", "1999-12-31"), ("13/1/2015", None), ("24/7", None),
                                          ("1/2/34567", None)])
def test_whitehouse_numeric_dates_are_month_first(printed, iso):
    assert parse_date(printed) == iso


def test_defenselink_contact_block_and_an_image_caption_are_header_lines():
    """A UNT web-archive copy of a 2002 DefenseLink page: "On the Web:", the page's address, the media and public
    contacts sat in an unattributed opening turn and "On the Web:" was the title; an American Presidency Project
    page's caption "Barack Obama photo" was the title (tests/data/fresh/23, 25, 27)."""
    text = ("US Department of Defense\nNews Transcript\nOn the Web:\nhttp://www.defenselink.mil/transcripts/"
            "transcript.aspx?transcriptid=3592\nMedia contact: +1 (703) 697-5131/697-5132\nPublic contact:\n"
            "http://www.defenselink.mil/faq/comment.html\nor +1 (703) 428-0711 +1\n\nPresenter: Secretary of "
            "Defense Donald H. Rumsfeld August 15, 2002\n\nDoD News Briefing - Secretary Rumsfeld and Gen. Franks\n\n"
            "Rumsfeld: Good afternoon.\n\nQ: Yea!\n")
    result, root = convert(text)
    kinds = [k for k, _ in front_kinds(result)]
    assert kinds[2:7] == ["contact"] * 5 and kinds[-1] == "title"
    assert header(root, ".//t:titleStmt/t:title") == "DoD News Briefing - Secretary Rumsfeld and Gen. Franks"
    assert [t.label for t in result.document.turns()] == ["Rumsfeld:", "Q:"]
    result, root = convert("Barack Obama photo\n\nPress Gaggle by Principal Deputy Press Secretary Eric Schultz\n\n"
                           "June 19, 2015\n\nMR. SCHULTZ: Good morning.\n")
    assert front_kinds(result)[0] == ("image", "Barack Obama photo")
    assert header(root, ".//t:titleStmt/t:title") == "Press Gaggle by Principal Deputy Press Secretary Eric Schultz"


@pytest.mark.parametrize("title", ["DoD News Briefing: Secretary of Defense William S. Cohen",
                                   "DoD News Briefing: Admiral Quigley, DASD PA"])
def test_a_title_with_a_colon_is_not_a_speaker_label(title):
    """The 1990s archive titles a briefing "DoD News Briefing: NAME": a title-case label naming an event
    (briefing, conference, interview ...) is no speaker, so the title, presenter and date lines stay the header."""
    result, root = convert(f"{title}\n\nPresenter: Secretary of Defense William S. Cohen\nApril 21, 1997 9:00 AM EDT\n"
                           "\nSecretary Cohen: Good morning.\n\nQ: Sir?\n")
    assert header(root, ".//t:titleStmt/t:title") == title
    assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == "1997-04-21"
    assert [t.label for t in result.document.turns()] == ["Secretary Cohen:", "Q:"]


def test_a_first_line_of_event_and_date_is_the_title_and_gives_the_date():
    result, root = convert("DoD News Briefing - Dec. 5, 1996\n\nPresenters: Mr. Kenneth H. Bacon, ASD (PA)\n\n"
                           "Mr. Bacon: Good afternoon.\n\nQ: A question.\n")
    assert front_kinds(result)[0] == ("title", "DoD News Briefing - Dec. 5, 1996")
    assert root.find(".//t:sourceDesc/t:bibl/t:date", NS).get("when") == "1996-12-05"
    # a date line that names no event is still the date line
    result, _ = convert("Remarks at the Pentagon\n\nThursday - Dec. 5, 1996\n\nMR. BACON: Hello.\n")
    assert [k for k, _ in front_kinds(result)] == ["title", "date"]


def test_answer_labels_are_the_briefer_who_last_spoke_under_a_name():
    """label.answer: the 1990s Q/A layout prints every answer as "A:"; it was a participant "#a"."""
    result, root = convert("DoD News Briefing - Dec. 5, 1996\n\nMr. Bacon: Good afternoon.\n\nQ: Are you going to "
                           "pipe it back?\n\nA: I will inquire.\n\nSecretary Cohen: I add this.\n\nQ: And?\n\nA: No.\n")
    assert [(t.label, t.who) for t in result.document.turns()] == [
        ("Mr. Bacon:", "bacon"), ("Q:", "questioners"), ("A:", "bacon"), ("Secretary Cohen:", "cohen"),
        ("Q:", "questioners"), ("A:", "cohen")]
    assert "a" not in result.document.participants
    assert any(d.rule == "label.answer" for d in result.document.decisions)
    # an interview that opens with Q: and is answered by A: only: the principal the presenter line names
    result, _ = convert("Interview with the Defense Writers Group\n\nPresenter: Secretary of Defense William S. "
                        "Cohen\n\nJanuary 31, 2000\n\nQ: Welcome, Mr. Secretary.\n\nA: Thank you.\n\nQ: And?"
                        "\n\nA: No.\n")
    assert [t.who for t in result.document.turns()] == ["questioners", "cohen", "questioners", "cohen"]
    decision = next(d for d in result.document.decisions if d.rule == "label.answer")
    assert "no one spoke under a name before" in decision.evidence and decision.certainty == "medium"
    # and with no one named anywhere, "A:" stays a participant of its own
    result, _ = convert("Interview\n\nQ: Welcome.\n\nA: Thank you.\n")
    assert [t.who for t in result.document.turns()] == ["questioners", "a"]


@pytest.mark.parametrize("label, who", [("Unknown:", "unidentified"), ("Moderator:", "moderator"),
                                        ("Staff:", "staff")])
def test_a_role_word_alone_in_title_case_is_a_label(label, who):
    """label.title-case: "Moderator:", "Unknown:" (2004 radio interviews, tests/data/fresh/24); a header line
    "Participants: ..." stays a header line (checked below the parametrised cases)."""
    result, _ = convert(f"{HEAD_AND('Secretary Rumsfeld: Good morning.')}\n\nQ: All set?\n\n{label} Just watch that "
                        "cable.\n\nNote: this is text.\n")
    assert [(t.label, t.who) for t in result.document.turns()] == [
        ("Secretary Rumsfeld:", "rumsfeld"), ("Q:", "questioners"), (label, who)]


def test_the_1970s_public_papers_in_capitals_and_a_title_ending_with_a_period():
    """The American Presidency Project prints the 1970s volumes' labels in capitals with a period ("ALAN JEWETT.",
    "THE PRESIDENT.") and the title as a sentence ending in a period, right above the date."""
    text = ("Jimmy Carter photo\n\nClinton, Massachusetts Remarks and a Question-and Answer Session at the Clinton Town "
            "Meeting.\n\nMarch 16, 1977\n\nALAN JEWETT. Mr. President, members of the clergy, distinguished guests:\n\n"
            "On behalf of the board of selectmen, welcome.\n\nTHE PRESIDENT. Thank you very much.\n\nQ. Mr. "
            "President, a question.\n")
    result, root = convert(text)
    assert result.document.style == "public-papers"
    assert [k for k, _ in front_kinds(result)] == ["image", "title", "date"]
    assert [(t.label, t.who) for t in result.document.turns()] == [
        ("ALAN JEWETT.", "jewett"), ("THE PRESIDENT.", "carter"), ("Q.", "questioners")]


def labelled(text: str, *expected: tuple[str, str]):
    """Convert `text`, check its turns' (label, who) are `expected`, return the conversion."""
    result, _ = convert(text)
    assert [(t.label, t.who) for t in result.document.turns()] == list(expected)
    return result


def test_a_journalists_label_with_the_affiliation_in_brackets():
    """label.speaker (Public Papers): an interview's journalists are printed with their network in brackets
    ("ALASTAIR BURNET [ITN, Great Britain].", tests/data/fresh/33, 1978): the label as printed, the person by the
    name; "Question-and-Answer" after "the President" in the title is no name of his."""
    text = ("Jimmy Carter photo\n\nInterview With the President Question-and-Answer Session With Western European "
            "and Japanese Reporters.\n\nJuly 11, 1978\n\n\nALASTAIR BURNET [ITN, Great Britain]. Mr. President, "
            "on the eve of your going to Europe, why?\n\nTHE PRESIDENT. Well, some people allege that.\n\n"
            "PETER MERSEBURGER [ARD Television]. Mr. President, in Berlin?\n")
    result = labelled(text, ("ALASTAIR BURNET [ITN, Great Britain].", "burnet"), ("THE PRESIDENT.", "carter"),
                      ("PETER MERSEBURGER [ARD Television].", "merseburger"))
    assert result.document.participants["burnet"].name == "Alastair Burnet"


def test_a_public_papers_label_with_the_office_and_the_whole_name():
    """label.speaker (Public Papers since 2017): "Secretary of Homeland Security Kristi L. Noem." (remarks following
    a Cabinet meeting, July 2025, the American Presidency Project); a sentence naming a President is still text."""
    text = ("Remarks Following a Cabinet Meeting and an Exchange With Reporters\n\nJuly 8, 2025\n\n"
            "The President. Thank you very much. And maybe you could say a few words.\n\n"
            "Secretary of Homeland Security Kristi L. Noem. Sure. Well, thank you, Mr. President.\n\n"
            "[At this point, Secretary Noem continued her remarks, concluding as follows.]\n\n"
            "And all the first responders there did incredible work.\n\nThe President. Thank you, Kristi. "
            "President Obama said that too.\n")
    result = labelled(text, ("The President.", "trump"), ("Secretary of Homeland Security Kristi L. Noem.", "noem"),
                      ("The President.", "trump"))
    noem = result.document.participants["noem"]   # (named as the DoD style's capitals label is)
    assert noem.name.endswith("Kristi L. Noem") and noem.role_name == "Secretary of Homeland Security"


def test_the_presidency_projects_picture_caption_is_an_image_not_the_title():
    """header.image: the American Presidency Project captions its portrait "NAME photo" or, on 1980s pages,
    "NAME picture" ("Informal Exchange With Reporters on the Presidential Campaign", October 22, 1984)."""
    text = ("Ronald Reagan picture\n\nInformal Exchange With Reporters on the Presidential Campaign\n\n"
            "October 22, 1984\n\nThe President. [Inaudible]—running across the country for the cause of cancer, "
            "across the United States.\n\nQ. That's very courageous.\n\nMrs. Reagan. He won.\n")
    result, root = convert(text)
    assert [k for k, _ in front_kinds(result)] == ["image", "title", "date"]
    assert root.findtext(".//{*}titleStmt/{*}title") == "Informal Exchange With Reporters on the Presidential Campaign"
    assert [t.label for t in result.document.turns()] == ["The President.", "Q.", "Mrs. Reagan."]


def test_the_president_no_line_names_is_the_president_of_that_day():
    """person.president-by-date: a 1994 town hall names the President only as "Mr. Clinton" in a host's words."""
    text = ("REMARKS BY THE PRESIDENT IN A TOWN HALL MEETING\n\nMay 9, 1994\n\nMR. WHITE: Good evening.\n\n"
            "THE PRESIDENT: Thank you very much.\n")
    result, root = convert(text)
    assert [t.who for t in result.document.turns()] == ["white", "clinton"]
    assert result.document.participants["clinton"].name == "Bill Clinton"
    decision = next(d for d in result.document.decisions if d.rule == "person.president-by-date")
    assert decision.certainty == "medium"
    # no date: the office stays unnamed; a title naming the President wins over the date
    result, _ = convert("REMARKS BY THE PRESIDENT\n\nMR. WHITE: Hello.\n\nTHE PRESIDENT: Thanks.\n")
    assert result.document.turns()[1].who == "president"
    result, _ = convert("Remarks by President Obama\n\nMay 9, 1994\n\nTHE PRESIDENT: Thanks.\n")
    assert result.document.turns()[0].who == "obama"


def test_the_vice_president_no_line_names_is_the_vice_president_of_that_day():
    """person.president-by-date, the second office: "The Vice President." of the Reagan Library's Public Papers page
    "Remarks to Reagan Administration Political Appointees" (August 12, 1988), before the President speaks, and
    "THE VICE PRESIDENT:" of a White House page (2014); a vacancy (1974-08-09 to 1974-12-18) names no one; a
    Mrs. Bush of the same page is not the Vice President Bush."""
    result, _ = convert("Remarks to Reagan Administration Political Appointees\n\n\nAugust 12, 1988\n\n\n"
                        "The Vice President. Let me salute our able Chief of Staff -- the President's -- who is here "
                        "and who has spoken.\n\n\nThe President. Thank you all.\n")
    assert [t.who for t in result.document.turns()] == ["bush", "reagan"]
    assert result.document.participants["bush"].name == "George H. W. Bush"
    decision = next(d for d in result.document.decisions if d.subject == "label The Vice President.")
    assert decision.rule == "person.president-by-date" and "Vice President on 1988-08-12" in decision.evidence
    result, _ = convert("REMARKS AT A RECEPTION\n\nMarch 3, 2014\n\nTHE VICE PRESIDENT: Welcome.\n")
    assert result.document.turns()[0].who == "biden"
    result, _ = convert("REMARKS\n\nSeptember 3, 1974\n\nTHE VICE PRESIDENT: Welcome.\n")
    assert result.document.turns()[0].who == "vice-president"
    result, _ = convert("Remarks at a Dinner\n\nMay 5, 1983\n\nMrs. Bush. Welcome.\n\nThe Vice President. "
                        "Thank you, Barbara.\n")
    first, second = (t.who for t in result.document.turns())
    assert first != second and result.document.participants[second].name == "George H. W. Bush"


def test_a_participants_line_in_title_case_stays_in_the_header():
    result, _ = convert("Press Call on the Summit\n\nParticipants: Secretary Smith and General Jones\n\n"
                        "MODERATOR: Good morning.\n")
    assert [k for k, _ in front_kinds(result)][0] == "title" and len(front_kinds(result)) == 2
    assert [t.label for t in result.document.turns()] == ["MODERATOR:"]


def test_a_staff_or_moderator_turn_between_does_not_take_the_briefers_answers():
    result, _ = convert("DoD News Briefing - Dec. 5, 1996\n\nMr. Bacon: Good afternoon.\n\nQ: A question?\n\n"
                        "A: An answer.\n\nStaff: One more.\n\nQ: And?\n\nA: No.\n")
    assert [t.who for t in result.document.turns()] == ["bacon", "questioners", "bacon", "staff", "questioners",
                                                        "bacon"]


def test_the_first_lady_is_not_merged_into_the_president_by_her_surname():
    """A whitehouse.gov page (the 2014 Fourth of July remarks): "MRS. OBAMA:" beside THE PRESIDENT, who is named
    by the date or by the title: two people. "MRS." was a courtesy title, compatible with any office."""
    for title in ("Remarks by the President at Fourth of July Celebration",
                  "Remarks by President Obama at Fourth of July Celebration"):
        result, _ = convert(f"{title}\n\nSouth Lawn\n\nJuly 4, 2014\n\n5:56 P.M. EDT\n\nTHE PRESIDENT:  Hello, "
                            "everybody!\n\nMRS. OBAMA:  You’re welcome!\n\nTHE PRESIDENT:  No, thank you.\n")
        assert [t.who for t in result.document.turns()] == ["obama", "mrs-obama", "obama"], title
        assert result.document.participants["obama"].name.endswith("Obama")

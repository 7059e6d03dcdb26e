"""The conventions registry: one row per source convention.

The reader compiles its parenthetical patterns from these rows, the docs' conventions table is generated from
them (`tei-edition conventions`, docs/conventions.md), the tests are parametrised over their examples, and
warnings cite their ids. A new source quirk is a new row here, a fixture and a doc line, never a special case.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Convention:
    id: str
    source: str          # the source form, as a reader sees it
    tei: str             # the TEI form we emit
    html: str            # how the HTML edition shows it
    text: str            # how the plain-text edition shows it
    example: str         # a minimal source example (used by tests)
    guidelines: str = ""  # TEI Guidelines section
    # Matching data for parentheticals / bracketed remarks (inner text, case-insensitive, full match).
    pattern: str | None = None
    element: str | None = None     # gap | vocal | kinesic | incident | note | foreign-gap
    attrs: dict = field(default_factory=dict)
    who: str | None = None         # "audience" | "speaker" | None
    # Where the example sits in a minimal transcript for the docs and tests (tei/docs.py CONTEXTS): "turn" (a
    # later paragraph of a DoD transcript), "top" (its first lines), "header" (a header line after the title),
    # "titled" (later paragraphs, under a title that names a person), "qa" (after a Q&A exchange), "spaced" (a
    # file with two blank lines between all paragraphs), "markdown", "public-papers".
    context: str = "turn"

    @property
    def regex(self) -> re.Pattern[str] | None:
        return _compiled(self.pattern) if self.pattern else None


_cache: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    if pattern not in _cache:
        _cache[pattern] = re.compile(r"\s*(?:" + pattern + r")\s*[.!]?\s*", re.IGNORECASE)
    return _cache[pattern]


# remark.action: a transcriber's third-person sentence about a participant or a thing ("The president gives
# Mr. Sacks the signing pen.", "An aircraft is heard."): a capitalised subject of one to five words that is not
# a first- or second-person pronoun, then a finite verb (is/are/was/were/has/have, or a lower-case word in -s
# or -ed), then the rest, ending with a period. No spoken parenthetical in the corpus has that form; spoken
# asides are phrases ("(the President said)") or use I/we/you, which are excluded.
_GESTURE_VERBS = ("nods|waves|points|gestures|motions|bows|salutes|shakes hands|applauds|claps|smiles|hugs|embraces"
                  "|kneels|bows his head|bows her head|raises (?:his|her|their) hands?")
# a passive needs a participle: "is signed", "is heard", not "is 25" (a copula with a predicate is speech-like)
_PARTICIPLE = (r"(?:[a-z]+(?:ed|en|wn)|heard|seen|held|read|sung|made|shot|given|brought|lit|set|put|cut|sold"
               r"|built|struck|hung|won|led|sent|met|left)")
_PERSONAL = r"(?!(?:[^()]*\s)?(?-i:I|we|We|you|You|my|My|our|Our|your|Your|me|us)\b)"


def _third_person(verbs: str | None = None) -> str:
    verb = (r"(?:" + verbs + r")\b" if verbs else
            r"(?-i:(?:is|are|was|were|has been|have been)\s+(?:being\s+)?" + _PARTICIPLE
            + r"|[a-z]{2,}(?<!ss)(?<!us)(?:s|ed))\b")
    return (_PERSONAL + r"(?!(?-i:It|It's|That|This|There|These|Those|They|He|She|What|Which|Who|So|And|But|If)\b)"
            r"(?-i:[A-Z][\w.’'-]*)(?:\s+[\w.’'-]+){0,4}?\s+" + verb + r"[^()\[\]]*\.")


# --- transcriber remarks in (parentheses) or [brackets]: matched in this order -----------------------------
REMARKS: tuple[Convention, ...] = (
    Convention(
        "gap.inaudible", "(inaudible), (Inaudible.), (unintelligible)",
        '<gap reason="inaudible"><desc>inaudible</desc></gap>',
        "a marked [inaudible]", "(inaudible) as in the source",
        "Q: (inaudible)", "3.5.3",
        pattern=r"(?:[\w-]+\s+){0,2}(?:inaudible|unintelligible|indiscernible|indecipherable|garbled)"
                r"(?:\s+[^()\[\]]*)?|unclear", element="gap", attrs={"reason": "inaudible"}),
    Convention(
        "gap.crosstalk", "(CROSSTALK), (Cross-talk.), (Cross-talk by reporters.), (cross talk)",
        '<gap reason="crosstalk"><desc>Cross-talk by reporters.</desc></gap>',
        "a marked [crosstalk]", "the source wording",
        "Q: But -- (Cross-talk by reporters.)", "3.5.3, 8.3.3",
        pattern=r"cross[- ]?talk(?:\s+(?:by|among|between|from|with|of)\b[^()]*)?|overlapping (?:speakers|voices|speech)"
                r"|(?:multiple|several|many) (?:speakers|voices)(?: [^()]*)?|simultaneous (?:speech|conversation)",
        element="gap", attrs={"reason": "crosstalk"}),
    Convention(
        "gap.off-mic", "(off mic), (Off mic.), (off-mike), (Off microphone.)",
        '<gap reason="off-mic"><desc>off mic</desc></gap>',
        "a marked [off mic]", "the source wording",
        "MODERATOR: (off mic) minister of defense and member of the parliament of Mongolia", "3.5.3",
        pattern=r"(?:[\w-]+\s+){0,2}off[- ]?mi(?:c|ke|crophone)(?:\s+[^()\[\]]*)?", element="gap",
        attrs={"reason": "off-mic"}),
    Convention(
        "gap.technical", "(Technical difficulties.), (Audio drops.), (Audio interrupted.), (In progress following "
        "audio break)",
        '<gap reason="technical"><desc>Technical difficulties.</desc></gap>',
        "a marked [technical difficulties]", "the source wording",
        "SEC. CARTER: And we will -- (Technical difficulties.)", "3.5.3",
pattern=r"(?:technical|audio|sound|connection|transmission|phone|line|feed|video|satellite) (?:difficult(?:y|ies)"
                r"|problems?|issues?|drops?|dropped|lost|interrupted|interruption|breaks?|gaps?|glitch(?:es)?"
                r"|failures?|cuts? out|feed lost)|no audio|loss of (?:audio|signal|connection)"
                r"|(?:audio|feed|line|connection|signal) (?:drops|dropped|lost|interrupted|is lost|cuts out)"
                r"|in progress (?:following|after) (?:an? |the )?(?:audio|sound|technical|transmission) "
                r"(?:breaks?|gaps?|difficult(?:y|ies)|problems?|interruption)",   # speech lost before it
        element="gap", attrs={"reason": "technical"}),
    Convention(
        "gap.omitted", "[Two paragraphs removed to comply with UK security policy], [Redacted.], (Portion omitted.)",
        '<gap reason="omitted"><desc>Two paragraphs removed to comply with UK security policy</desc></gap>',
        "a marked [omission notice] (the source's wording)", "the source wording",
        "SEC. CARTER: Thank you. [Two paragraphs removed to comply with UK security policy]", "3.5.3",
        pattern=r"(?:(?:[\w’'-]+\s+){0,3}(?:paragraphs?|sentences?|lines?|words?|passages?|portions?|sections?|text"
                r"|material|remarks|names?|questions?|answers?|content|audio|video|transcript)\s+)?"
                r"(?:(?:was|were|has been|have been|is|are)\s+)?"
                r"(?:removed|omitted|deleted|redacted|withheld|excised)\b[^()\[\]]*",
        element="gap", attrs={"reason": "omitted"}),
    Convention(
        "note.language-switch", "(Speaks English.), (In English.), (SPEAKING IN ENGLISH)",
        '<note type="language-switch" place="inline">Speaks English.</note>: what follows is transcribed',
        "a marked remark", "the source wording",
        "PRESIDENT MACRON: (Speaks English.) Thank you very much.", "8.4.5",
        pattern=r"(?:speaking in|speaks|in) english", element="note",
        attrs={"type": "language-switch", "place": "inline"}),
    Convention(
        "gap.foreign", "(SPEAKING IN FRENCH), (Speaks Spanish.)",
        '<foreign xml:lang="fr"><gap reason="untranscribed"><desc xml:lang="en">SPEAKING IN FRENCH</desc></gap></foreign>',
        "a marked remark with the language named, lang attribute set", "the source wording",
        "MODERATOR: Welcome, (SPEAKING IN FRENCH).", "8.4.5, 3.3.2.1",
        pattern=r"(?:(?:speaking|speaks|responds|answers|continues)(?: in)?|in)(?: an?)? (?P<lang>[a-z]+)"
                r"(?: language)?", element="foreign-gap",
        attrs={"reason": "untranscribed"}),
    Convention(
        "gap.untranslated", "(No translation provided.)",
        '<gap reason="untranslated"><desc>No translation provided.</desc></gap>',
        "a marked remark", "the source wording",
        "Q: (Speaks Spanish.) (No translation provided.)", "3.5.3",
        pattern=r"no (?:translation|interpretation)(?: provided| given| available)?|translation not provided"
                r"|untranslated|not (?:translated|interpreted)", element="gap", attrs={"reason": "untranslated"}),
    Convention(
        "note.interpreting", "(Interpreting.), (Translating.)",
        '<note type="interpreting" place="inline">Interpreting.</note>; the paragraphs from here carry '
        '@ana="#interpreting" and the sp @corresp points to the turn rendered',
        "a marked remark; the paragraphs carry an 'interpreting' badge", "the source wording",
        "MR. ACEVEDO: (Interpreting.) I spent the night watching the news about Hurricane Milton.", "2.3.7, 8.4",
        pattern=r"(?:interpreting|translating)(?: for (?P<for>[^()]+))?", element="note",
        attrs={"type": "interpreting", "place": "inline"}),
    Convention(
        "note.interpreted", "(As interpreted.), (through translator), (As interpreted from French.)",
        '<note type="interpretation" place="inline">As interpreted.</note>; the paragraphs from here carry '
        '@ana="#interpreted"',
        "a marked remark; the paragraphs carry an 'interpreted' badge", "the source wording",
        "PRESIDENT MACRON: (As interpreted.) Thank you.", "2.3.7, 8.4",
        pattern=r"(?:as interpreted|interpreted|as translated|translated|in translation|(?:through|via) (?:an? )?"
                r"(?:translator|interpreter|interpretation|translation))"
                r"(?:,? (?:from|in) (?P<lang>[a-z]+))?", element="note",
        attrs={"type": "interpretation", "place": "inline"}),
    Convention(
        "vocal.laughter", "(Laughter.), [Laughter], (laughter)",
        '<vocal type="laughter" who="#audience"><desc>Laughter.</desc></vocal>',
        "a stage direction in italics", "the source wording",
        "SEC. CARTER: My French used to be really good. (Laughter.)", "8.3.3",
        pattern=r"laughter", element="vocal", attrs={"type": "laughter"}, who="audience"),
    Convention(
        "vocal.speaker", "(Laughs.), (Sneezes.), (Cries.), (voice breaks)",
        '<vocal type="laughs" who="#speaker"><desc>Laughs.</desc></vocal>',
        "a stage direction in italics", "the source wording",
        "THE PRESIDENT: Okay. (Laughs.)", "8.3.3",
        pattern=r"(?P<kind>laughs|laughing|chuckles|chuckling|sneezes|coughs|coughing|cries|crying|sighs|voice breaks"
                r"|clears (?:his |her )?throat|whistles)", element="vocal",
        who="speaker"),
    Convention(
        "kinesic.applause", "(Applause.), (applause)",
        '<kinesic type="applause" who="#audience"><desc>Applause.</desc></kinesic>',
        "a stage direction in italics", "the source wording",
        "THE PRESIDENT: God bless you. (Applause.)", "8.3.3",
        pattern=r"applause|cheers|standing ovation", element="kinesic", attrs={"type": "applause"},
        who="audience"),
    Convention(
        "vocal.audience", "(Booing.), (Audience groans.), (Cheering.)",
        '<vocal type="booing" who="#audience"><desc>Booing.</desc></vocal>',
        "a stage direction in italics", "the source wording",
        "THE PRESIDENT: And they said no. (Booing.)", "8.3.3",
        pattern=r"(?:audience |crowd )?(?:booing|boos|groans|groaning|gasps|murmurs?|murmuring|jeers|jeering"
                r"|shouting|chanting|cheering)(?: [^()]*)?", element="vocal", who="audience"),
    Convention(
        "kinesic.gesture", "(Motions to Secretary Austin.), (Nods.)",
        '<kinesic type="gesture" who="#speaker"><desc>Motions to Secretary Austin.</desc></kinesic>',
        "a stage direction in italics", "the source wording",
        "THE PRESIDENT: Lloyd. (Motions to Secretary Austin.)", "8.3.3",
        pattern=r"(?:motions|gestures|points|nods|waves)\b.*", element="kinesic", attrs={"type": "gesture"},
        who="speaker"),
    Convention(
        "incident.break", "(Commercial break.), (Break.), (Recess.)",
        '<incident type="break"><desc>Commercial break.</desc></incident>',
        "a stage direction in italics", "the source wording",
        "MR. ACEVEDO: We'll be right back. (Commercial break.)", "8.3.3",
        pattern=r"(?:commercial )?break|recess", element="incident", attrs={"type": "break"}),
    Convention(
        "pause", "(Pause.), (Long pause.), (pause)",
        '<pause rend="parentheses"/> for the printed form (Pause.); another wording: '
        '<incident type="pause"><desc>Long pause.</desc></incident>',
        "a stage direction in italics", "the source wording",
        "SEC. CARTER: Well -- (Pause.) -- let me put it this way.", "8.3.2",
        pattern=r"(?:(?:a |brief |short |long |slight |momentary )+)?pause(?: (?:for|in) [^()]*)?", element="pause",
        attrs={"type": "pause"}),
    Convention(
        "incident.sound", "(Background noise.), (An aircraft is heard.), (Sound of a siren.)",
        '<incident type="sound"><desc>An aircraft is heard.</desc></incident>',
        "a stage direction in italics", "the source wording",
        "Q: Can you hear me? (An aircraft is heard.)", "8.3.3",
        pattern=r"(?:background |loud |audio |crowd )?(?:noise|static|feedback)[^()]*"
                r"|(?:the )?sounds? of [^()]+|[^()]{1,60} (?:is|are|can be) heard(?: [^()]*)?",
        element="incident", attrs={"type": "sound"}),
    Convention(
        "incident.media", "(Video plays.), (Begin video clip.), (End video clip.), (Music.), (Moment of silence.)",
        '<incident type="media"><desc>Begin video clip.</desc></incident>',
        "a stage direction in italics", "the source wording",
        "MODERATOR: Let's watch. (Begin video clip.)", "8.3.3",
        pattern=r"(?:begin|end|start|beginning of|end of|resume)\s+(?:of\s+)?(?:the\s+)?(?:video|audio|clip|recording"
                r"|music|film|tape)[^()]*|(?:video|audio|film) (?:clip|presentation|plays|is played|shown)[^()]*"
                r"|music(?: plays)?|(?:a )?moments? of silence|silence",
        element="incident", attrs={"type": "media"}),
    Convention(
        "kinesic.action", "(The President shakes hands with Prime Minister Modi.), (Secretary Austin salutes.)",
        '<kinesic type="gesture"><desc>The President shakes hands with Prime Minister Modi.</desc></kinesic>',
        "a stage direction in italics", "the source wording",
        "THE PRESIDENT: Thank you. (The President shakes hands with Prime Minister Modi.)", "8.3.3",
        pattern=_third_person(_GESTURE_VERBS), element="kinesic", attrs={"type": "gesture"}),
    Convention(
        "incident.action",
        "(The executive order is signed.), (The president gives Mr. Sacks the signing pen.), "
        "(The President signs the executive order.)",
        '<incident type="action"><desc>The president gives Mr. Sacks the signing pen.</desc></incident>',
        "a stage direction in italics", "the source wording",
        "THE PRESIDENT: There we go. (The president gives Mr. Sacks the signing pen.)", "8.3.3",
        pattern=_third_person(), element="incident", attrs={"type": "action"}),
    Convention(
        "note.sic", "[sic], (sic)",
        '<note type="sic" place="inline">sic</note>',
        "a marked editorial remark", "the source wording",
        "Q: The goverment [sic] said so.", "3.5.1",
        pattern=r"sic", element="note", attrs={"type": "sic", "place": "inline"}),
    Convention(
        "note.phonetic", "(ph), (phonetic)",
        '<note type="phonetic" place="inline">ph</note>',
        "a marked editorial remark", "the source wording",
        "Q: General Winegrove (ph) said so.", "3.5.1",
        pattern=r"ph|phonetic|phonetically|sp\?|spelling\?|spelled phonetically", element="note",
        attrs={"type": "phonetic", "place": "inline"}),
    Convention(
        "note.editorial", "[Editor's note: the audio ends here.], (Editor's note: Remarks as prepared.)",
        '<note type="editorial" place="inline">Editor\'s note: …</note> (the source editor\'s, not ours)',
        "a marked editorial remark", "the source wording",
        "SEC. CARTER: Thank you. [Editor's note: the audio ends here.]", "3.9",
        pattern=r"(?:editor['’]?s |transcriber['’]?s )?note:[^()\[\]]*", element="note",
        attrs={"type": "editorial", "place": "inline"}),
)

# --- everything else the reader does, for the docs table (no matching data: the reader implements them) ----
LAYOUT: tuple[Convention, ...] = (
    Convention("header.disclaimer", "DoD archive notices at the top (historical collection, archived material, "
               "Section 508)",
               '<front><note type="disclaimer"> and teiHeader notesStmt/note[@type="disclaimer"]',
               "a boxed note above the title", "printed first, verbatim",
               "This information is provided for historical purposes only.", "2.2.6", context="top"),
    Convention("header.banner", "an e-mail copy's banner (You are subscribed to Transcripts for ..., This "
               "information has recently been updated, and is now available.), a print page's links (Print this "
               "document), the .gov banner of a page (An official website of the United States Government, "
               "Here's how you know, ...)",
               '<front><note type="banner">', "in the source header block", "as printed",
               "You are subscribed to Transcripts for U.S. Department of Defense.", "4.6", context="top"),
    Convention("header.image", "an image's alt text or caption (Seal of the Department of Defense, Barack Obama "
               "photo, Ronald Reagan picture)", '<front><note type="image">', "in the source header block", "as printed",
               "Seal of the Department of Defense", "4.6", context="top"),
    Convention("header.message", "a posted copy's message header, its first lines (echo: whitehouse, from: "
               "Whitehouse Press, date: 2008-07-04 23:31:20, subject: Press Release ...): fields of a mail, news or "
               "bulletin-board message, not the event's; two or more at the top of the file",
               '<front><note type="message">', "in the source header block", "as printed",
               "from: Whitehouse Press\nsubject: Press Release (0807041)", "4.6", context="top"),
    Convention("header.contact", "DefenseLink's contact block (On the Web:, the page's address, Media contact: "
               "+1 (703) ..., Public contact:)", '<front><note type="contact">', "in the source header block",
               "as printed", "Media contact: +1 (703) 697-5131/697-5132", "4.6", context="top"),
    Convention("header.agency", "agency lines (U.S. Department of Defense, Office of the Assistant Secretary of "
               "Defense (Public Affairs), printed twice in the old archive)",
               '<front><note type="agency">', "in the source header block", "as printed",
               "U.S. Department of Defense", "4.6", context="top"),
    Convention("header.breadcrumb", "breadcrumbs (DoD Transcripts, NEWS | date, TRANSCRIPT | Aug. 7, 2018)",
               '<front><note type="breadcrumb">; a date in it can be the header date', "in the source header block",
               "as printed", "TRANSCRIPT | Aug. 7, 2018", "4.6", context="top"),
    Convention("header.release", "a release line (For Immediate Release   January 24, 2025)",
               '<front><note type="release">; its date is the header date only when no date line follows the title',
               "in the source header block", "as printed", "For Immediate Release January 24, 2025", "4.6", context="top"),
    Convention("header.doctype", "the page's document type (News Transcript, Secretary of Defense Speech)",
               '<front><note type="doctype">', "in the source header block", "as printed", "News Transcript",
               "4.6", context="top"),
    Convention("header.office", "the issuing office (Press Operations, By CJTF-OIR Public Affairs)",
               '<front><note type="office">; <respStmt><resp>Issued by</resp><orgName>CJTF-OIR Public Affairs</orgName>'
               '</respStmt> in titleStmt',
               "in the source header block", "as printed", "By CJTF-OIR Public Affairs", "2.2.1", context="top"),
    Convention("header.presenter", "Presenter: / Presenters: NAME, role; NAME, role (a date may end the line)",
               '<front><note type="presenter">; titleStmt/author[@role] for each; a participant each',
               "in the source header block", "as printed",
               "Presenter: Secretary of Defense Leon E. Panetta March 30, 2012", "2.2.1, 15.2.2", context="top"),
    Convention("header.title", "the transcript's own title: the first line of no other kind, before the "
               "date/presenter line (not an agency line, breadcrumb or 'News Transcript'); or YAML title",
               "front/docTitle; titleStmt/title; bibl/title",
               "the page title", "the first line", "Remarks by Secretary Carter at Ecole Militaire", "2.2.1, 4.6", context="top"),
    Convention("header.date", "the event's date in any printed form (Jan. 21, 2016; April 08, 2014; Mon, 10 Mar "
               "2008 17:45:00 -0500; a ' date 2018-08-28 ' prefix) or YAML date",
               'front/docDate[@when]; bibl/date[@when]', "under the title", "under the title", "Jan. 21, 2016",
               "2.2.7", context="top"),
    Convention("header.volume-tag", "a date line ending in the Public Papers volume tag (July 6, 1989 (Bush Q3)): "
               "the President whose papers these are", '<person xml:id="bush">; '
               "THE PRESIDENT:/The President. resolves to him (medium certainty, recorded as a decision)",
               "the date as printed", "the date as printed",
               "News Conference\\n\\nJuly 6, 1989 (Bush Q3)\\n\\nTHE PRESIDENT: Thank you.", "2.2.7, 13.3.2",
               context="top"),
    Convention("header.byline", "a byline (Secretary of Defense Ash Carter; By The Pentagon - February 3, 2012; "
               "As Delivered by ...)", "front/byline; titleStmt/author",
               "under the date", "under the date", "Secretary of Defense Ash Carter", "4.6", context="header"),
    Convention("header.notice", "a notice between title and date ((As Prepared), (Edited for Clarity))",
               '<front><note type="notice">; notesStmt/note[@type="notice"]', "in the source header block",
               "as printed", "(Edited for Clarity)", "2.2.6", context="top"),
    Convention("header.lead", "a wire copy's lead (WASHINGTON, Sept. 24 -- The U.S. Department of Defense issued "
               "the following transcript ...:, Following is the White House transcript:), and any line before a "
               "copy's (begin transcript) mark", '<front><note type="lead">', "in the source header block",
               "as printed", "The Department of Defense issued the following transcript:", "4.6", context="top"),
    Convention("header.separator", "a rule or ornament line in the header (* * *, ____)",
               '<front><note type="separator">', "in the source header block", "as printed", "* * *", "4.6", context="top"),
    Convention("header.setting", "a place or time line in the header (The Pentagon, Washington, D.C.; a short "
               "line of capitalised words before the time line, as whitehouse.gov prints the room: South Lawn)",
               '<front><note type="setting">', "in the source header block", "as printed",
               "Pentagon Briefing Room, Arlington, Va.", "4.6", context="header"),
    Convention("header.unclassified", "a header line of no known kind", '<front><note type="unclassified">; '
               "reported", "in the source header block", "as printed", "Something else entirely", "",
               context="header"),
    Convention("header.front-matter", "YAML front matter (title, date, source_url, tags, times)",
               "teiHeader: titleStmt/title; bibl/date[@when]; bibl/ref[@target]; keywords/term; notesStmt/note",
               "title block", "header lines", "---\\ntitle: Remarks\\ndate: '2022-12-01'\\n"
               "source_url: https://www.whitehouse.gov/x/\\ntags: [Speeches]\\ntimes: 1:18 P.M. EST\\n---", "2.2",
               context="top"),
    Convention("label.speaker", "SEC. CARTER:, PRESIDENT LÓPEZ OBRADOR:, COMMANDER NAME, DOD PRESS OFFICER:, "
               "The President., Secretary of Homeland Security Kristi L. Noem., ALASTAIR BURNET [ITN, Great "
               "Britain]. (capitals of any script, up to 10 words, "
               "commas, parentheses anywhere, indented; a journalist's affiliation in brackets)",
               '<sp who="#carter"><speaker>SEC. CARTER:</speaker>', "the name in small caps, set off",
               "LABEL: text", "SEC. CARTER: Thank you.", "3.13.2"),
    Convention("label.title-case", "the early archive's title-case labels (Secretary Rumsfeld:, President Bush:, "
               "then Rumsfeld:), DoD style", '<sp who="#rumsfeld"><speaker>Secretary Rumsfeld:</speaker>',
               "as a speaker", "as printed", "Secretary Rumsfeld: The president says thank you.", "3.13.2"),
    Convention("label.not-label", "capitals before a colon that are no speaker (NOTE:, a sentence in capitals)",
               "<p>NOTE: The briefing is on background.</p>; text of the paragraph, no new turn", "as text",
               "as text", "NOTE: The briefing is on background.", ""),
    Convention("label.timestamped", "a transcription service's label: a name and the time into the recording, on a "
               "line of its own (President Trump (00:39):, Speaker 1 (00:52):)",
               '<sp who="#trump"><speaker>President Trump (00:39):</speaker>', "as a speaker", "as printed",
               "President Trump (00:39):\nAnd Howard, thank you very much.", "3.13.2", context="top"),
    Convention("label.question", "Q:, Q (no colon, every style), Q., QUESTION:",
               '<sp who="#questioners"><speaker>Q:</speaker> and a personGrp', "as a speaker",
               "as printed", "Q: (inaudible)", "3.13.2, 13.3.2"),
    Convention("label.answer", "A: after Q: (the 1990s DoD archive): the answer of the briefer who last spoke "
               "under a name, or, before anyone did, of the principal speaker the title or a presenter line names", '<sp who="#bacon"><speaker>A:</speaker>', "as a speaker", "as printed",
               "Mr. Bacon: Good afternoon.\n\nQ: Are you going to pipe it back?\n\nA: I will inquire.", "3.13.2"),
    Convention("label.interpreted", "QUESTION (THROUGH TRANSLATOR):, (UNKNOWN) (THROUGH TRANSLATOR):, "
               "NAME (via translator):",
               '<sp><note type="interpretation" resp="#tei-edition">; sp/p/@ana="#interpreted"',
               "an 'interpreted' badge", "label as printed", "QUESTION (THROUGH TRANSLATOR): Thank you.", "2.3.7"),
    Convention("label.hard-break", "a label on the line after a Markdown hard break, no blank line between",
               '<sp who="#biden"><speaker>PRESIDENT BIDEN:</speaker><p>Thank you.</p></sp>; a new sp', "a new turn",
               "a new turn", "And more.  \nPRESIDENT BIDEN:  Thank you.", "3.13.2", context="markdown"),
    Convention("layout.hard-wrapped", "a plain-text copy whose paragraphs are broken over lines (an old mirror's "
               "or a mailing list's text): labelled paragraphs that go on to the next line mid-sentence",
               "<p>Women have been making fools of men, right?</p>; one p per paragraph, its lines joined; "
               "reported", "one paragraph", "one paragraph",
               "Q: Women have been making\n   fools of men, right?\n\nA: There's probably no\n   right answer.\n\n"
               "Q: Only fools fall\n   in love.", "3.13.2", context="top"),
    Convention("label.run-on", "a label glued to the previous sentence (hit.STARR: So ...)",
               '<sp who="#starr"><speaker>STARR:</speaker><p>So what now?</p></sp>; a new sp; reported',
               "a new turn", "a new turn", "That was it.STARR: So what now?", "3.13.2"),
    Convention("person.name", "labels that name a person (SECRETARY OF DEFENSE LEON PANETTA:, SEC. PANETTA:; a "
               "broadcaster's NAME, ROLE: ARI FLEISCHER, WHITE HOUSE PRESS SECRETARY:, then FLEISCHER:)",
               '<person xml:id="panetta"><note type="labels">Labels: SECRETARY OF DEFENSE LEON PANETTA:, '
               'SEC. PANETTA:</note></person>; one person, id from the surname', "one participant",
               "labels as printed", "SECRETARY OF DEFENSE LEON PANETTA: Thank you.\n\nSEC. PANETTA: And more.",
               "13.3.2"),
    Convention("person.role", "labels that are a role (SENIOR ADMINISTRATION OFFICIAL:, WHITE HOUSE AIDE:) or an "
               "office (THE PRESIDENT:)", '<sp who="#senior-military-official">; <sp who="#biden"><speaker>THE '
               'PRESIDENT:</speaker>; id from all the role words; an office resolves to the holder another label, '
               'the header or the title names', "one participant per role",
               "labels as printed", "SENIOR MILITARY OFFICIAL: Right.\n\nTHE PRESIDENT: Thank you.", "13.3.2",
               context="titled"),
    Convention("person.president-by-date", "THE PRESIDENT: (or THE VICE PRESIDENT:) that no label, header line or "
               "title names, in a transcript with a date: the holder of that office of the United States on that "
               "day (US_PRESIDENTS, US_VICE_PRESIDENTS)",
               '<person xml:id="clinton"><persName><roleName>President</roleName> Bill Clinton</persName>; '
               "recorded as a decision of medium certainty", "one participant", "labels as printed",
               "May 9, 1994\n\nMR. WHITE: Welcome.\n\nTHE PRESIDENT: Thank you very much.", "13.3.2",
               context="top"),
    Convention("person.group", "PARTICIPANTS:, AUDIENCE MEMBERS:, REPORTERS:, Q:", "<personGrp>",
               "a group", "labels as printed", "AUDIENCE MEMBERS: Yes!", "13.3.2"),
    Convention("person.typo", "a label a letter off a commoner one (MR. SULLVIAN: beside MR. SULLIVAN:, "
               "MODERARTOR:), or printed with a comma for its stop (THE PRESIDENT, beside THE PRESIDENT.)", '<sp who="#moderator"><speaker>MODERARTOR:</speaker>; speaker as printed, @who the '
               'right person; reported', "as printed",
               "as printed", "MODERARTOR: Welcome.", "13.3.2"),
    Convention("person.principal", "the person the byline, title or presenter line names (Remarks by Vice "
               "President Harris)", 'titleStmt/author[@ref="#harris"]; <person xml:id="harris" role="speaker">',
               "the author",
               "the author", "Remarks by Vice President Harris in a Town Hall", "2.2.1", context="top"),
    Convention("turn.unlabeled", "a paragraph after a visible break with no label",
               '<sp who="#…" cert="medium|low" resp="#tei-edition"><speaker><supplied reason="unlabeled-turn" '
               'resp="#tei-edition"> and <note type="attribution" resp="#tei-edition">',
               "the supplied label in [brackets], marked editorial, with a note saying why",
               "the supplied label in ⟦white brackets⟧, with a numbered note",
               "the floor is yours.\\n\\n\\nGeneral, thank you", "11.3.1.6, 22.3"),
    Convention("turn.layout-gap", "the blank lines a file prints between all paragraphs (2 or 4 in the "
               "2016-2017 archive)", '<sp who="#moderator"><p>Welcome.</p><p>Four.</p></sp>; no break: '
               "only a larger gap, or a hand-over cue, starts a turn (measured from four paragraph transitions on)",
               "-", "-", "One.\n\n\nTwo.\n\n\nThree.\n\n\nFour.", "", context="spaced"),
    Convention("turn.hand-over", "a hand-over cue ending the previous turn (without further ado, the floor is "
               "yours, over to you, pass it off to you, I'll turn it over to, a bare 'Mr. Secretary?')",
               '<sp who="#biden" cert="medium" resp="#tei-edition"><note type="attribution" resp="#tei-edition">No '
               'speaker label in the source…</note></sp>; the note names the rule (hand-over); the unlabeled turn '
               "goes to the person the cue or the header names", "-", "-",
               "With that, over to you, Mr. President.\n\n\nThank you.", "22.3", context="titled"),
    Convention("turn.resumption", "a turn breaks off with a dash, another speaker puts in a few words, an "
               "unlabeled paragraph follows", '<sp who="#moderator" cert="low" resp="#tei-edition"><note '
               'type="attribution" resp="#tei-edition">No speaker label in the source…</note></sp>; the note names '
               "the rule (resumption); the paragraph goes back to the interrupted speaker",
               "-", "-", "on the ground in Iraq --\n\nSTAFF: Saudi Arabia.\n\nI'm sorry, in Saudi Arabia.", "22.3"),
    Convention("turn.question-invitation", "an invitation to ask, in a Q&A exchange, before a paragraph that is "
               "evidently a question", '<sp who="#questioners" cert="medium" resp="#tei-edition"><note '
               'type="attribution" resp="#tei-edition">No speaker label in the source…</note></sp>; the note names '
               "the rule (question-invitation); the unlabeled turn goes to the questioners", "-", "-",
               "MODERATOR: One last question.\n\n\nSir, my question is this?", "22.3", context="qa"),
    Convention("break.lacuna", "a turn ending with --, two blank lines, a turn starting with --",
               '<gap reason="lacuna" resp="#tei-edition" cert="medium"/>', "a marked [material skipped in the source]",
               "⟦material skipped in the source (inferred by tei-edition, certainty medium)⟧",
               "about the alliance --\\n\\n\\nSEC. CARTER: -- the rest", "3.5.3"),
    Convention("stage.setting", "place and time lines, END lines (whitehouse.gov)",
               '<stage type="setting|time|end">', "a stage direction", "the line as printed",
               "East Room\\n\\n1:18 P.M. EST", "3.13.2"),
    Convention("head.topic", "Public Papers topic subheadings between exchanges", "<div><head>", "a subheading",
               "the line as printed", "Oliver North", "4.2", context="public-papers"),
    Convention("markup.emphasis", "Markdown *emphasis*", '<hi rend="italic">', "italics", "the words",
               "*merci*", "3.3.2.2", context="markdown"),
    Convention("markup.correction", "<s>Johnson</s> \\[Thompson\\]",
               '<subst><del rend="strikethrough">Johnson</del><add rend="brackets">Thompson</add></subst>',
               "struck through, then the correction", "Johnson [Thompson]", "<s>Johnson</s> \\[Thompson\\]", "3.5.1",
               context="markdown"),
    Convention("markup.insertion", "[Helen Thomas, United Press International], \\[…\\]",
               '<add rend="brackets">', "in [brackets]", "in [brackets]",
               "Yes, Helen [Helen Thomas, United Press International]?", "3.5.1"),
    Convention("foreign.inline", "an inline passage in another language (Vive la France!)",
               '<foreign xml:lang="fr">Vive la France!</foreign>', "lang attribute and a language marker", "the words",
               "Merci. (SPEAKING IN FRENCH) Thank you. Vive la France!", "3.3.2.1"),
    Convention("text.unknown-remark", "a parenthetical that no row matches", "<p>(Something new.)</p>: kept as text; reported",
               "as text", "as text", "(Something new.)", ""),
    Convention("text.characters", "no-break spaces, tabs, CRLF, XML-forbidden characters, Markdown escapes",
               "<p>one two</p>: ordinary spaces; forbidden characters replaced by U+FFFD and reported; escapes "
               "undone", "-", "-", "Q: one\\u00a0two", "vi"),
)

# --- rules over the remark rows (no pattern of their own) -------------------------------------------------
REMARK_RULES: tuple[Convention, ...] = (
    Convention("remark.combined", "(Laughter, cross talk.), (Applause and laughter.)",
               '<vocal type="laughter" who="#audience"><desc>Laughter, cross talk.</desc></vocal>; '
               "the first part's element, with the whole wording",
               "as its first part", "the source wording", "Q Oh, okay. (Laughter, cross talk.)", "8.3.3"),
)

LANGUAGE_RULES: tuple[Convention, ...] = (
    Convention("foreign.formula", "a well-known greeting, thanks or slogan as a whole sentence, clause or "
               "emphasised span (Merci. Gracias., *Slava Ukraini*, First of all, buonasera.)",
               '<foreign xml:lang="fr">Merci.</foreign>; <foreign xml:lang="es">Gracias.</foreign>; '
               '<foreign xml:lang="uk"><hi rend="italic">Slava Ukraini</hi></foreign>',
               "lang attribute and a language marker", "the words", "Merci. Gracias. *Slava Ukraini*", "3.3.2.1",
               context="markdown"),
)

ALL: tuple[Convention, ...] = REMARKS + REMARK_RULES + LANGUAGE_RULES + LAYOUT
BY_ID = {c.id: c for c in ALL}
_PARTS = re.compile(r"\s*(?:[,;]|\band\b)\s*", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)   # the same remarks ("Laughter.", "inaudible") recur in every transcript
def match_remark(inner: str) -> tuple[Convention, re.Match[str]] | None:
    """The first row whose pattern matches the whole remark text, or None (an unknown remark).

    remark.combined: a remark whose comma-, semicolon- or "and"-separated parts each match a row
    ("Laughter, cross talk.") takes its first part's row; the caller keeps the whole wording. One element per
    remark keeps the printed remark in one place; the first part is what the transcriber put first."""
    found = _match_one(inner)
    if found is None and _PARTS.search(inner):
        parts = [p for p in _PARTS.split(inner.strip().rstrip(".!")) if p]
        if len(parts) > 1:
            matches = [_match_one(p) for p in parts]
            if all(matches):
                return matches[0]
    return found


def _match_one(inner: str) -> tuple[Convention, re.Match[str]] | None:
    for conv in REMARKS:
        m = conv.regex.fullmatch(inner)
        if m:
            return conv, m
    return None


# --- vocabulary the reader uses -----------------------------------------------------------------------------
LANGUAGES = {  # language names in remarks -> ISO 639-1
    "english": "en", "french": "fr", "spanish": "es", "german": "de", "italian": "it", "portuguese": "pt",
    "russian": "ru", "arabic": "ar", "chinese": "zh", "mandarin": "zh", "japanese": "ja", "korean": "ko",
    "hindi": "hi", "ukrainian": "uk", "hebrew": "he", "polish": "pl", "dutch": "nl", "turkish": "tr",
    "persian": "fa", "farsi": "fa", "vietnamese": "vi", "greek": "el", "swedish": "sv", "romanian": "ro",
}
LANGUAGES.update({"sanskrit": "sa", "irish": "ga", "latin": "la", "urdu": "ur", "tagalog": "tl"})
LANGUAGE_NAMES = {v: k.capitalize() for k, v in reversed(list(LANGUAGES.items()))}
# gap.foreign without a name ("(Speaking foreign language.)"): ISO 639 "und", undetermined
LANGUAGES.update({"foreign": "und", "another": "und", "native": "und"})
LANGUAGE_NAMES["und"] = "Undetermined language"

# foreign.formula: well-known short formulas (greetings, thanks, farewells, slogans, mottos) that speakers of
# English drop into a speech without any "(Speaks X.)" remark. Matched, accents and case aside, only as a whole
# sentence ("Merci. Gracias."), a whole clause between commas or dashes ("First of all, buonasera."), or a whole
# emphasised span (*Slava Ukraini*); never inside a clause. Kept out: words English has borrowed (ciao, adios,
# amigo, bravo, aloha, amen, bon voyage, status quo), short homographs of English words (no, si, tack, ja), and
# anything that is also a name in the corpus (Shalom, as in "Kerem Shalom").
FORMULAS: dict[str, tuple[str, ...]] = {
    "fr": ("merci", "merci beaucoup", "merci bien", "bonjour", "bonsoir", "au revoir", "bienvenue", "oui",
           "vive la france", "vive la republique", "vive l'europe", "mes amis", "mon ami", "felicitations",
           "a bientot", "bonne chance", "s'il vous plait", "mesdames et messieurs", "liberte, egalite, fraternite"),
    "es": ("gracias", "muchas gracias", "mil gracias", "muchisimas gracias", "hola", "buenos dias", "buenas tardes",
           "buenas noches", "bienvenido", "bienvenida", "bienvenidos", "bienvenidas", "de nada", "por favor",
           "felicidades", "feliz navidad", "si se puede", "viva mexico", "hasta luego", "hasta la vista",
           "con permiso", "mucho gusto", "buen provecho", "que dios los bendiga", "dios los bendiga"),
    "de": ("danke", "danke schon", "danke sehr", "vielen dank", "guten tag", "guten morgen", "guten abend",
           "auf wiedersehen", "willkommen", "herzlich willkommen", "ich bin ein berliner", "prost"),
    "it": ("grazie", "grazie mille", "buongiorno", "buonasera", "buona sera", "buonanotte", "arrivederci",
           "benvenuti", "benvenuto"),
    "pt": ("obrigado", "obrigada", "muito obrigado", "muito obrigada", "bom dia", "boa tarde", "boa noite"),
    "uk": ("slava ukraini", "heroyam slava", "heroiam slava", "слава україні", "героям слава", "дякую"),
    "ru": ("spasibo", "спасибо", "do svidaniya"),
    "pl": ("dziekuje", "dzien dobry", "niech zyje polska"),
    "nl": ("dank u wel", "dank je wel", "dank u", "goedemiddag"),
    "he": ("todah", "toda raba", "todah rabah", "shabbat shalom", "am yisrael chai", "chag sameach",
           "shana tova"),
    "ar": ("shukran", "as-salamu alaykum", "assalamu alaikum", "salaam alaikum", "eid mubarak", "ramadan kareem",
           "ramadan mubarak", "inshallah", "alhamdulillah"),
    "hi": ("namaste", "namaskar", "namashkar", "dhanyavaad", "dhanyavad", "jai hind", "bharat mata ki jai"),
    "sa": ("vasudhaiva kutumbakam",),
    "zh": ("xie xie", "xiexie", "ni hao", "gan bei", "谢谢"),
    "ja": ("arigato", "arigatou", "arigato gozaimasu", "konnichiwa", "kanpai"),
    "ko": ("kamsahamnida", "gamsahamnida", "annyeonghaseyo", "katchi kapshida", "kachi kapshida",
           "katchi gapshida"),
    "el": ("efharisto", "ευχαριστώ"),
    "tr": ("tesekkurler", "tesekkur ederim"),
    "ga": ("slainte", "cead mile failte"),
    "tl": ("mabuhay", "maraming salamat", "salamat po"),
}

# person.*: title words that precede a name in labels, bylines and titles ("SEC. CARTER", "LIEUTENANT GENERAL
# SIMS", "Chairman of the Joint Chiefs of Staff Adm. Mike Mullen"); role words that make a label a role
# ("SENIOR ADMINISTRATION OFFICIAL", "WHITE HOUSE AIDE"): a label whose last word is one of these names no one.
TITLES = (
    "the", "sec", "secretary", "mr", "mrs", "ms", "dr", "president", "vice", "prime", "minister", "min", "first",
    "lady", "general", "lieutenant", "lt", "gen", "major", "maj", "admiral", "adm", "rear", "colonel", "col",
    "captain", "capt", "sergeant", "sgt", "ambassador", "amb", "senator", "sen", "representative", "rep",
    "governor", "gov", "chairman", "chair", "deputy", "dep", "under", "assistant", "asst", "spokesman",
    "spokeswoman", "spokesperson", "press", "chancellor", "king", "queen", "prince", "princess", "his", "her",
    "excellency", "madam", "director", "commander", "cmdr", "cdr", "chief", "chiefs", "staff", "of", "defense",
    "state", "for", "and", "attorney", "mayor", "speaker", "leader", "coordinator", "national", "security",
    "adviser", "advisor", "communications", "strategic", "joint", "air", "force", "army", "navy", "marine",
    "corps", "brig", "brigadier", "pentagon", "senior", "sr", "official", "officials", "officer", "aide",
    "correspondent", "reporter", "moderator", "dod", "nsc", "u.s", "us", "sgt", "gunnery", "petty", "master",
    "command", "senior", "deputy", "undersecretary", "nominee", "host", "anchor", "interpreter", "translator",
)
# Abbreviations in labels, expanded for role-only ids ("SR. DEFENSE OFFICIAL" = "SENIOR DEFENSE OFFICIAL").
LABEL_ABBREVIATIONS = {
    "sec": "secretary", "sr": "senior", "adm": "admiral", "gen": "general", "lt": "lieutenant", "col": "colonel",
    "capt": "captain", "maj": "major", "min": "minister", "amb": "ambassador", "dep": "deputy",
    "asst": "assistant", "sgt": "sergeant", "brig": "brigadier", "cmdr": "commander", "cdr": "commander",
    "pres": "president", "gov": "governor", "sen": "senator", "rep": "representative",
}
# The nouns among them that name the event itself: a title-case "label" holding one is a title line ("DoD News
# Briefing: Mr. Kenneth H. Bacon, ASD(PA)"), where "Press Secretary Earnest:" is a label.
EVENT_NOUNS = frozenset({"briefing", "conference", "interview", "remarks", "gaggle", "transcript", "availability",
                         "roundtable", "statement", "speech", "meeting", "news", "teleconference", "hearing"})
# Words of an event, not of a name, in titles ("Press Briefing", "Holds a Press Conference").
EVENT_WORDS = EVENT_NOUNS | frozenset({
    "briefing", "briefings", "conference", "remarks", "meeting", "call", "availability", "gaggle", "interview",
    "roundtable", "signing", "ceremony", "statement", "news", "transcript", "speech", "town", "townhall", "hall",
    "hearing", "event", "session", "summit", "visit", "trip", "dinner", "luncheon", "reception", "address",
    "discussion", "forum", "panel", "background", "media", "order", "executive", "holds", "hold", "delivers",
    "participates", "hosts", "host", "welcomes", "meets", "gives", "conversation", "q&a", "press", "update",
    "room", "cordon", "honor", "arrival", "departure", "engagement", "exchange", "operations", "cabinet",
    "question-and-answer",   # "Interview With the President Question-and-Answer Session With ...": not a name
})
# Function words that end a name in a title ("President Trump Before Cabinet Meeting", "Macron of France").
TITLE_STOP_WORDS = frozenset({
    "a", "an", "the", "and", "at", "in", "on", "with", "to", "for", "of", "from", "by", "before", "after",
    "during", "aboard", "prior", "upon", "via", "as", "about", "regarding", "into", "over", "&", "following",
    "ahead", "between", "while", "without", "amid", "en", "en-route", "enroute",   # "Esper En-Route Media ..."
})

# Labels for groups rather than one person (person.group: a personGrp).
QUESTIONER_LABELS = ("q", "question", "questioner", "questioners", "reporter", "reporters", "journalist",
                     "journalists", "press")
# person.president-by-date: who was President of the United States from which day (inauguration or succession),
# for THE PRESIDENT: where the transcript names no holder; (first day, id, name).
US_PRESIDENTS = (
    ("1945-04-12", "truman", "Harry S. Truman"), ("1953-01-20", "eisenhower", "Dwight D. Eisenhower"),
    ("1961-01-20", "kennedy", "John F. Kennedy"), ("1963-11-22", "johnson", "Lyndon B. Johnson"),
    ("1969-01-20", "nixon", "Richard Nixon"), ("1974-08-09", "ford", "Gerald R. Ford"),
    ("1977-01-20", "carter", "Jimmy Carter"), ("1981-01-20", "reagan", "Ronald Reagan"),
    ("1989-01-20", "bush", "George H. W. Bush"), ("1993-01-20", "clinton", "Bill Clinton"),
    ("2001-01-20", "bush", "George W. Bush"), ("2009-01-20", "obama", "Barack Obama"),
    ("2017-01-20", "trump", "Donald J. Trump"), ("2021-01-20", "biden", "Joseph R. Biden Jr."),
    ("2025-01-20", "trump", "Donald J. Trump"),
)
# The Vice Presidents the same way ("THE VICE PRESIDENT:", "The Vice President."); None: the office was vacant.
US_VICE_PRESIDENTS = (
    ("1945-01-20", "truman", "Harry S. Truman"), ("1945-04-12", None, None),
    ("1949-01-20", "barkley", "Alben W. Barkley"), ("1953-01-20", "nixon", "Richard Nixon"),
    ("1961-01-20", "johnson", "Lyndon B. Johnson"), ("1963-11-22", None, None),
    ("1965-01-20", "humphrey", "Hubert H. Humphrey"), ("1969-01-20", "agnew", "Spiro T. Agnew"),
    ("1973-10-10", None, None), ("1973-12-06", "ford", "Gerald R. Ford"), ("1974-08-09", None, None),
    ("1974-12-19", "rockefeller", "Nelson A. Rockefeller"), ("1977-01-20", "mondale", "Walter F. Mondale"),
    ("1981-01-20", "bush", "George H. W. Bush"), ("1989-01-20", "quayle", "Dan Quayle"),
    ("1993-01-20", "gore", "Al Gore"), ("2001-01-20", "cheney", "Dick Cheney"),
    ("2009-01-20", "biden", "Joe Biden"), ("2017-01-20", "pence", "Mike Pence"),
    ("2021-01-20", "harris", "Kamala Harris"), ("2025-01-20", "vance", "JD Vance"),
)
# label.answer: the answer label of a Q/A layout; its speaker is the one who last spoke under a name.
ANSWER_LABELS = ("a", "answer")
GROUP_LABELS = {  # label words -> (id, role)
    "audience": ("audience", "audience"), "audience member": ("audience", "audience"),
    "audience members": ("audience", "audience"), "crowd": ("audience", "audience"),
    "participant": ("participants", "questioner"), "participants": ("participants", "questioner"),
    "students": ("audience", "audience"), "student": ("audience", "audience"),
    "troops": ("audience", "audience"), "service members": ("audience", "audience"),
}
ROLE_LABELS = {  # label (without titles) -> (id, role)
    "moderator": ("moderator", "moderator"),
    "interpreter": ("interpreter", "interpreter"),
    "translator": ("interpreter", "interpreter"),
    "aide": ("staff", "staff"),
    "staff": ("staff", "staff"),
    "operator": ("operator", "staff"),
    "announcer": ("announcer", "staff"),
    "narrator": ("narrator", "staff"),
    "unknown": ("unidentified", "participant"),
    "unidentified": ("unidentified", "participant"),
    "unidentified speaker": ("unidentified", "participant"),
    "speaker": ("unidentified", "participant"),
}

# label.speaker / label.question / label.interpreted: how each source style prints a speaker label.
# Style detection (source.py) counts these and the reader (reader.py) parses with them: one definition.
# A capitals label is up to LABEL_MAX_WORDS words in upper case of any script (LÓPEZ OBRADOR, PEÑA, MÜLLER:
# str.isupper decides, as Unicode does), with commas and parenthesised parts anywhere
# ("(UNKNOWN) (THROUGH TRANSLATOR):", "NAME (via translator):"), then a colon and a space or the line end.
LABEL_MAX_WORDS = 10
_LABEL_TOKEN = r"(?:[^\W\d_][\w.'’&/-]*,?|\([^()\n]{1,40}\),?)"
_CAPS_LABEL_RE = re.compile(
    r"^(?P<label>" + _LABEL_TOKEN + r"(?:\s+" + _LABEL_TOKEN + r"){0,%d}\s*:)(?:\s+(?P<rest>.*))?$"
    % (LABEL_MAX_WORDS + 3))
_PARENS = re.compile(r"\([^()]*\)")
_INTERPRETED_PART = re.compile(r"[(\[](?:[^()\[\]]*\b(?:translat|interpret)[^()\[\]]*)[)\]]", re.IGNORECASE)
# label.not-label: capitals before a colon that are not a speaker ("NOTE:", "UPDATE:"), and the words that make a
# capitals run a sentence rather than a name or a title ("THIS IS THE QUESTION:").
NOT_LABELS = frozenset({"NOTE", "NB", "N.B", "UPDATE", "CORRECTION", "EDITOR'S NOTE", "EDITOR’S NOTE", "WARNING",
                        "ATTENTION", "SUBJECT", "RE", "PS", "P.S", "FYI", "TRANSCRIPT", "SOURCE", "END", "WHEN",
                        "WHERE", "WHAT", "WHO", "WHY", "HOW", "TOPIC", "AGENDA"})
SENTENCE_WORDS = frozenset({"IS", "ARE", "WAS", "WERE", "WILL", "WE", "I", "YOU", "HAVE", "HAS", "HAD", "DO",
                            "DOES", "DID", "NOT", "THIS", "THESE", "THAT", "IT", "CAN", "MUST", "SHOULD", "WOULD",
                            "BE", "ALL", "OUR", "MY"})


@dataclass(frozen=True)
class LabelMatch:
    """A speaker label found at the start of a paragraph: as printed, what follows, whether interpreted."""

    label: str
    rest: str
    interpreted: bool = False

    def group(self, name: str) -> str:   # the re.Match interface the tests and callers use
        return getattr(self, name)


@functools.lru_cache(maxsize=4096)   # a document prints the same few labels hundreds of times
def is_caps_label(label: str) -> bool:
    """label.speaker: the capitals form, checked the way Unicode reads case, with the false positives kept out."""
    core = _PARENS.sub(" ", label).rstrip().rstrip(":").strip()
    words = core.replace(",", " ").split()
    if len(words) > LABEL_MAX_WORDS:
        return False
    if not core:  # only parenthesised parts: "(UNKNOWN):"
        inner = " ".join(_PARENS.findall(label))
        return any(c.isupper() for c in inner) and inner == inner.upper()
    if not any(c.isupper() for c in core) or core != core.upper():
        return False
    if core.rstrip(".") in NOT_LABELS or sum(c.isalpha() for c in core) < 1:
        return False
    return not any(w.strip(".,") in SENTENCE_WORDS for w in words) or core in ("I", "Q")


class _CapsLabel:
    """CAPS_LABEL.match(text): a LabelMatch or None (the regex finds the form, is_caps_label checks the case)."""

    def match(self, text: str) -> LabelMatch | None:
        if ":" not in text:   # every label ends in a colon: most paragraphs are answered without the regex
            return None
        m = _CAPS_LABEL_RE.match(text)
        if m is None or not is_caps_label(m.group("label")):
            return None
        label = m.group("label")
        return LabelMatch(label, m.group("rest") or "", _is_interpreted(label))


@functools.lru_cache(maxsize=4096)
def _is_interpreted(label: str) -> bool:
    return bool(_INTERPRETED_PART.search(label))


CAPS_LABEL = _CapsLabel()
# label.title-case: the early DoD archive prints "Secretary Rumsfeld:", "President Bush:" and then "Rumsfeld:".
# A title word and one to three capitalised names, or one capitalised word the document names elsewhere (a
# title-case label's last word or a header person's surname); DoD style only.
# (An interpretation mark may stand before the colon: "Al-Sabah [Through translator]:", 1996.)
TITLE_CASE_LABEL = re.compile(r"^(?P<label>(?P<words>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)"
                              r"(?:\s*(?P<via>(?i:[\[(](?:through|via) (?:an? )?(?:translator|interpreter)[\])])))?"
                              r"\s*:)(?:\s+(?P<rest>\S.*))?$")
# label.timestamped: a transcription service's label, a name and the time into the recording, on a line of its own
# ("President Trump (00:39):", "Speaker 1 (00:52):"), every style: the time in parentheses is no sentence's.
TIMESTAMPED_LABEL = re.compile(r"^(?P<label>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z0-9][\w'’.-]*\s*"
                               r"\(\d{1,2}:\d{2}(?::\d{2})?\):)(?:\s+(?P<rest>\S.*))?$")
# label.question: "Q" without a colon, in every style ("Q    Thank you", "Q Oh, okay."), and "Q." of Public Papers.
BARE_Q_LABEL = re.compile(r"^(?P<label>Q)(?:\s+(?P<rest>\S.*))?$")
PUBLIC_PAPERS_LABEL = re.compile(
    r"^(?P<label>(?:Q|The (?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+|(?:Mr|Mrs|Ms|Dr)\. [A-Z][a-z]+(?:-[A-Z][a-z]+)?"
    r"|(?:Secretary|Prime Minister|President|Chancellor|General|Ambassador|Senator|Governor) [A-Z][a-z]+"
    # the volumes since 2017 print the office and the whole name: "Secretary of Homeland Security Kristi L.
    # Noem.", "Vice President JD Vance.", "Attorney General Pamela J. Bondi."
    r"|(?:Secretary|Vice President|Attorney General|Administrator|Director|Ambassador|Senator|Governor"
    r"|Representative|Prime Minister|President|Chancellor)(?: of(?: the)?(?: [A-Z][a-z]+){1,4})?"
    r"(?: (?:[A-Z][a-z'’-]+|[A-Z]\.|[A-Z]{2,3})){0,3} [A-Z][a-z'’-]+"
    # the 1970s volumes in capitals: "THE PRESIDENT.", "ALAN JEWETT."
    r"|(?:[A-Z][A-Z'’-]+\.? ){1,3}[A-Z][A-Z'’-]+)"
    # an interview's journalist with the affiliation in brackets: "ALASTAIR BURNET [ITN, Great Britain]."
    r"(?: \[[^\[\]]{1,60}\])?\.)"
    r"(?:\s+(?P<rest>.*))?$")
# label.run-on: a label glued to the end of the previous sentence with no line break ("hit.STARR: So ...").
# Only after closing punctuation with no space, and only where the capitals form checks out.
RUN_ON_LABEL = re.compile(r"(?<=[.?!…)\]])(?=[^\W\d_][^\s:]{0,40}(?:\s+\S{1,40}){0,%d}?:\s)" % LABEL_MAX_WORDS)
# A label on the next line of a hard-wrapped Markdown paragraph (after a hard break): starts a new block.
MD_LINE_LABEL = re.compile(r"^(?:Q {2,}\S|[^\W\d_a-z][^\s:]{0,40}(?:\s+\S{1,40}){0,%d}?:\s)" % LABEL_MAX_WORDS)

# --- cues (regex rows with examples, tested in tests/test_headers.py and tests/test_speakers.py) -----------------
@dataclass(frozen=True)
class Cue:
    id: str
    pattern: str
    examples: tuple[str, ...]
    counter: tuple[str, ...] = ()   # forms the cue must NOT match (tested)
    flags: int = re.IGNORECASE
    # Words one of which every match holds, in lower case (a cheap test before the regex; tested against it).
    # Empty: not known, the regex is always asked.
    needs: tuple[str, ...] = ()

    @property
    def regex(self) -> re.Pattern[str]:
        key = f"{self.flags}:{self.pattern}"
        if key not in _cache:
            _cache[key] = re.compile(self.pattern, self.flags)
        return _cache[key]


# header.*: what each line before the first speaker label is. Matched in this order against the whole line;
# a line no row matches is a title (the first such), a byline (a name after the title) or unclassified.
# header.message: a field of a posted copy's message header (mail, Usenet, a bulletin-board echo). Read only as
# the file's first lines, two or more (header.classify): "Date:" alone further down is the event's date line.
MESSAGE_FIELD = re.compile(r"(?:echo|area|from|to|cc|date|sent|subject|msgid|message-id|newsgroups|organization"
                           r"|reply-to|x-[\w-]+):\s.*"
                           r"|From \S+\s.*\d{4}",   # a mailbox's separator line: "From SENDER  Sun May 16 ... 1993"
                           re.IGNORECASE)
HEADER_CUES: tuple[Cue, ...] = (
    Cue("header.disclaimer",
        r".*(?:historical purposes only|contact the DOD Webmaster|links may (?:no longer|not) function"
        r"|collection of archived material|no longer being updated|Section 508|persons with disabilities"
        r"|historical collection|historical material “frozen in time”|website is no longer updated"
        r"|is an archive site).*",   # (the State Department's Electronic Research Collection, 1990s pages)
        ("This information is provided for historical purposes only.", "Note: This Electronic Research Collection "
         "is an archive site. For the most current information, please visit the State Department's home page.",
         "You have reached a collection of "
         "archived material.", "Please contact the DOD Webmaster if you have any questions about this archive.",
         "This is historical material “frozen in time”. The website is no longer updated and links to external "
         "websites and some internal pages may not work.")),
    Cue("header.banner", r"You are subscribed to\b.*|.*\bunsubscribe\b.*|.*\bGovDelivery\b.*"
        r"|This information has recently been updated\b.*"   # the e-mail alert's second line, on a line of its own
        r"|(?:Print|E-?mail|Share) this (?:document|page|article)"   # a print page's links
        r"|View Header"   # the Clinton White House archive's link above a release
        r"|Skip to (?:main )?content\b.*"   # a web page's first link
        # the banner of every .gov page (the U.S. Web Design System's), as a copy of the page prints it
        r"|An official website of the United States Government|Here[’']s how you know|Official websites use \.gov"
        r"|(?:A )?\.gov website belongs to an official government organization\b.*|Secure \.gov websites use HTTPS"
        r"|A lock \(.{0,20}\) or https://.*",
        ("You are subscribed to Transcripts for U.S. Department of Defense. This information has recently "
         "been updated.", "This information has recently been updated, and is now available.",
         "Print this document", "View Header", "Skip to main content /TRANSCRIPTS",
         "An official website of the United States Government",
         "Here's how you know", "Official websites use .gov",
         ".gov website belongs to an official government organization in the United States.",
         "Secure .gov websites use HTTPS", "A lock ( lock ) or https:// means you’ve safely connected to the .gov "
         "website. Share sensitive information only on official, secure websites.")),
    Cue("header.image", r"(?:Seal of the|Official (?:photo|portrait) of|Photo of|Image of)\b.{0,80}"
        r"|(?:[A-Z][\w.'’-]*\s+){1,4}(?:photo|picture|portrait)",   # the American Presidency Project's caption
        ("Seal of the Department of Defense", "Barack Obama photo", "Jimmy Carter photo", "Ronald Reagan picture"),
        flags=0),
    Cue("header.contact",
        r"On the Web:|https?://\S+|(?:Media|Public) contact:.*|or \+\d[\d ()/+-]{6,60}",
        ("On the Web:", "http://www.defenselink.mil/transcripts/transcript.aspx?transcriptid=3592",
         "Media contact: +1 (703) 697-5131/697-5132", "Public contact:", "or +1 (703) 428-0711 +1"), flags=0),
    Cue("header.agency",
        r"(?:(?:The )?(?:U\.S\.|United States|US) )?Department of Defense(?:\s+(?:(?:The )?(?:U\.S\.|United "
        r"States|US) )?Department of Defense)?|Office of the (?:Assistant )?Secretary of Defense.{0,40}"
        r"|Defense\.gov|DOD News|Defense Media Activity|(?:The )?White House|THE WHITE HOUSE"
        r"|Office of (?:the Press Secretary|Communications|the First Lady|the Vice President)",
        ("U.S. Department of Defense", "United States Department of Defense United States Department of Defense",
         "Office of the Assistant Secretary of Defense (Public Affairs)", "THE WHITE HOUSE",
         "Office of the Press Secretary"),
        ("Department of Defense Press Briefing by Rear Adm. Kirby",)),
    Cue("header.release", r"(?:For Immediate Release|Embargoed (?:until|for)|For Release)\b.{0,80}",
        ("For Immediate Release                            January 24, 2025",)),
    Cue("header.breadcrumb",
        r"(?:[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3} ?(?:\||>|›|»|/) ?)+.{1,80}",
        ("NEWS | Jan. 5, 2017", "TRANSCRIPT | Aug. 7, 2018", "Home > News > Transcripts"),
        ("Remarks by Secretary Carter at Ecole Militaire",), flags=0),
    Cue("header.doctype",
        r"(?:News |DoD |DOD )?(?:Transcripts?|Speech(?:es)?|News Release|Press Release|Press Advisory|Statement)"
        r"|(?:Secretary of Defense|Deputy Secretary of Defense) (?:Speech|Transcript)|Speeches|Transcripts",
        ("News Transcript", "DoD Transcripts", "Secretary of Defense Speech")),
    Cue("header.office",
        r"Press Operations(?: Bookmark and Share)?|Bookmark and Share|By [\w .&-]*Public Affairs(?: Office)?"
        r"|(?:[\w&-]+ )*Public Affairs(?: Office)?",
        ("Press Operations Bookmark and Share", "Press Operations", "By CJTF-OIR Public Affairs")),
    Cue("header.presenter", r"Presenters?\s*:\s*(?P<names>.*)",
        ("Presenter: Pentagon Press Secretary Peter Cook   Jan. 5, 2017",
         "Presenters: Senior Defense Official and Senior Military Official",
         "Presenters: Dana White, Pentagon Press Secretary; Lt. Gen. Kenneth McKenzie, Joint Staff director")),
    Cue("header.byline",
        r"(?:By|As Delivered by|As Prepared for Delivery by|As Prepared by|Delivered by) (?P<who>.+)",
        ("By The Pentagon, The Pentagon - February 3, 2012",
         "As Delivered by Secretary of Defense Secretary of Defense Ash Carter"),
        ("Remarks by Secretary Carter at Ecole Militaire in Paris, France",), flags=0),
    Cue("header.notice",
        r"\([^()]{2,400}\)|(?:As Prepared|As Delivered|As Prepared for Delivery|Edited for Clarity)",
        ("(As Prepared)", "(Edited for Clarity)", "(As Delivered)",
         "(Secretary Rumsfeld's opening remarks at the signing, located on the White House web site)")),
    Cue("header.lead", r".{0,200}\b(?:issued|released|provided|distributed) the following (?:edited )?"
        r"(?:transcript|text|remarks|statement|briefing)\b.{0,300}"
        r"|(?:.{0,200}\bThe following is|Following is) (?:a|the) .{0,60}\b(?:transcript|text)\b.{0,300}",
        ("WASHINGTON, Sept. 24 -- The U.S. Department of Defense issued the following transcript of a news "
         "briefing by Press Secretary John Kirby on Sept. 22, 2021:", "Following is the White House transcript:",
         "WASHINGTON, Oct. 10 /U.S. Newswire/ -- The following is a transcript of today's White House press "
         "briefing by Ari Fleischer:")),
    Cue("header.separator", r"[\W_]{1,80}", ("* * *", "____________")),
    Cue("header.date-prefix", r"date (?P<iso>\d{4}-\d{2}-\d{2})(?=\s|$)", (" date 2018-08-28 ",), flags=0),
)
HEADER_CUE = {c.id: c for c in HEADER_CUES}

# header.disclaimer: the archive's boilerplate lines at the top of a transcript.
DISCLAIMER_CUES = HEADER_CUE["header.disclaimer"].regex
# header.volume-tag: "(Bush Q3)" after a Public Papers date names the President (surname, quarter volume).
VOLUME_TAG = re.compile(r"\((?P<name>[A-Z][\w'’-]+) Q[1-4]\)\s*$")

# turn.handover: cues, in the last paragraph before an unlabeled turn, that the floor passes to someone.
HANDOVER_CUES_FAMILY: tuple[Cue, ...] = (
    Cue("handover.floor", r"\b(?:the )?(?:floor|podium|stage|microphone) is (?:now )?yours\b",
        ("Mr. Secretary, the floor is yours.", "The podium is yours."), needs=("yours",)),
    Cue("handover.ado", r"\bwithout (?:any )?further ado\b", ("So, sir, without any further ado, Mr. Secretary.",),
        needs=("further ado",)),
    Cue("handover.over-to", r"\b(?:turn|hand|pass|give)\w*\s+(?:it|this|things|the floor|the podium)\s+over to\b"
        r"|\bover to you\b",
        ("With that, over to you, Mr. Secretary.", "I'll turn it over to our Senior Defense Official One.",
         "I'll turn it over to General Sims."),
        ("that criminal is now going to be handed over to India", "We handed over to the Iraqis."), needs=("over to",)),
    Cue("handover.pass", r"\bpass (?:it|this|things) (?:off |over |along )?to (?:you|the|our|him|her)\b",
        ("we'll pass it off to you for opening remarks",), needs=("pass ",)),
    Cue("handover.welcome", r"\bplease (?:join me in )?welcom(?:e|ing)\b|\bI(?:'d| would) like to (?:introduce"
        r"|invite|welcome)\b|\bit is my (?:honor|pleasure|privilege) to (?:introduce|welcome)\b",
        ("Please welcome the Secretary of Defense.",), needs=("welcom", "introduce", "invite")),
    Cue("handover.address",
        r"(?:^|[.!?]\s+)(?:(?:And|So|Well|Okay),?\s+)?(?:with that,?\s+)?(?:sir|ma'am|"
        r"(?:Mr\.|Madam|Madame|Mister)\s+(?:Secretary|President|Vice President|Chairman|Minister|Ambassador)"
        r"|(?:General|Admiral|Secretary|Minister|Ambassador|Chairman)(?:\s+[A-Z][\w'-]+)?)[.?!]?\s*$",
        ("And with that, Mr. Secretary?", "Mr. Secretary.", "General?"),
        ("Thank you very much, Mr. Secretary, for your clear answers. Thank you very much for being here.",
         "We appreciate the opportunity to share ideas with you, Mr. President."),
        needs=("sir", "ma'am", "secretary", "president", "chairman", "minister", "ambassador", "general", "admiral")),
    Cue("handover.with-that", r"\bwith that,? (?:I(?:'ll| will)|let me|we(?:'ll| will)) (?:turn|hand|pass|give)\b",
        ("And with that, I'll turn it to the Secretary.",), needs=("with that",)),
)
HANDOVER_CUES = re.compile("|".join(f"(?:{c.pattern})" for c in HANDOVER_CUES_FAMILY), re.IGNORECASE)
# The same cues as two searches, for the reader's yes-or-no question (asked of nearly every paragraph): the
# cues that start at a word boundary, then the others (the address, anchored at the end). Python's regex
# engine searches the two in about half the time of the one alternation of all (9.8 against 17.3 µs for a
# sentence of 100 characters); a cue is found by one of them exactly when it is found by HANDOVER_CUES.
_HANDOVER_SEARCHES = tuple(
    re.compile("|".join(f"(?:{c.pattern})" for c in group), re.IGNORECASE)
    for group in ([c for c in HANDOVER_CUES_FAMILY if c.pattern.startswith(r"\b")],
                  [c for c in HANDOVER_CUES_FAMILY if not c.pattern.startswith(r"\b")])
    if group)   # (an empty pattern would find a cue everywhere)


# Every cue's needed words, when every cue knows them (else None: the regex is always asked).
_HANDOVER_NEEDS = tuple(w for c in HANDOVER_CUES_FAMILY for w in c.needs) \
    if all(c.needs for c in HANDOVER_CUES_FAMILY) else None
# A letter outside ASCII: text without one can be asked by C-level string methods on its lower case what a
# case-insensitive regex would say (with one, matching may fold it onto an ASCII letter: the Kelvin sign, the
# long s). Here and in language.py.
NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")


def has_handover_cue(text: str) -> bool:
    """turn.hand-over: whether HANDOVER_CUES finds a cue in `text`. Asked of nearly every paragraph's last
    sentence: one without any cue's needed word (nearly all) is answered without the regex."""
    if _HANDOVER_NEEDS is not None and not NON_ASCII_LETTER.search(text):
        lowered = text.lower()
        if not any(w in lowered for w in _HANDOVER_NEEDS):
            return False
    return any(rx.search(text) for rx in _HANDOVER_SEARCHES)
# turn.question-invitation: an invitation to ask, at the end of a turn (used only in a Q&A exchange, and only
# when the unlabeled paragraph that follows is evidently a question).
QUESTION_CUES = re.compile(r"\bquestions?\b|\bplease\.?\s*$|\bmicrophone\b|\byes,? (?:sir|ma'am)\b|\bI see\.?\s*$"
                           r"|\bgo ahead\b|\byou'?re (?:up|next)\b", re.IGNORECASE)
EVIDENT_QUESTION = re.compile(r"\?|\bmy question\b|\bI(?:'d| would) like to ask\b|\bquestion (?:is|for)\b",
                              re.IGNORECASE)

"""The conventions registry: one row per source convention.

The reader compiles its parenthetical patterns from these rows, the docs' conventions table is generated from
them (`tei-edition conventions`, docs/conventions.md), the tests are parametrised over their examples, and
warnings cite their ids. A new source quirk is a new row here, a fixture and a doc line, never a special case.
"""
from __future__ import annotations

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
    # later paragraph of a DoD transcript), "top" (its first lines), "markdown", "public-papers".
    context: str = "turn"

    @property
    def regex(self) -> re.Pattern[str] | None:
        return _compiled(self.pattern) if self.pattern else None


_cache: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    if pattern not in _cache:
        _cache[pattern] = re.compile(r"\s*(?:" + pattern + r")\s*[.!]?\s*", re.IGNORECASE)
    return _cache[pattern]


# --- transcriber remarks in (parentheses) or [brackets]: matched in this order -----------------------------
REMARKS: tuple[Convention, ...] = (
    Convention(
        "gap.inaudible", "(inaudible), (Inaudible.), (unintelligible)",
        '<gap reason="inaudible"><desc>inaudible</desc></gap>',
        "a marked [inaudible]", "(inaudible) as in the source",
        "Q: (inaudible)", "3.5.3",
        pattern=r"inaudible|unintelligible|indiscernible", element="gap", attrs={"reason": "inaudible"}),
    Convention(
        "gap.crosstalk", "(CROSSTALK), (Cross-talk.)",
        '<gap reason="crosstalk"><desc>Cross-talk.</desc></gap>',
        "a marked [crosstalk]", "the source wording",
        "Q: But -- (Cross-talk.)", "3.5.3, 8.3.3",
        pattern=r"cross-?talk", element="gap", attrs={"reason": "crosstalk"}),
    Convention(
        "gap.foreign", "(SPEAKING IN FRENCH), (Speaks Spanish.)",
        '<foreign xml:lang="fr"><gap reason="untranscribed"><desc xml:lang="en">SPEAKING IN FRENCH</desc></gap></foreign>',
        "a marked remark with the language named, lang attribute set", "the source wording",
        "MODERATOR: Welcome, (SPEAKING IN FRENCH).", "8.4.5, 3.3.2.1",
        pattern=r"(?:speaking in|speaks|in) (?P<lang>[a-z]+)", element="foreign-gap",
        attrs={"reason": "untranscribed"}),
    Convention(
        "gap.untranslated", "(No translation provided.)",
        '<gap reason="untranslated"><desc>No translation provided.</desc></gap>',
        "a marked remark", "the source wording",
        "Q: (Speaks Spanish.) (No translation provided.)", "3.5.3",
        pattern=r"no translation provided", element="gap", attrs={"reason": "untranslated"}),
    Convention(
        "note.interpreted", "(As interpreted.), (Interpreting.)",
        '<note type="interpretation" place="inline">As interpreted.</note> and sp/@ana="#interpreted"',
        "a marked remark; the turn carries an 'interpreted' badge", "the source wording",
        "PRESIDENT MACRON: (As interpreted.) Thank you.", "2.3.7, 8.4",
        pattern=r"as interpreted|interpreting|through (?:an )?(?:translator|interpreter)", element="note",
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
        pattern=r"(?P<kind>laughs|chuckles|sneezes|coughs|cries|sighs|voice breaks)", element="vocal",
        who="speaker"),
    Convention(
        "kinesic.applause", "(Applause.), (applause)",
        '<kinesic type="applause" who="#audience"><desc>Applause.</desc></kinesic>',
        "a stage direction in italics", "the source wording",
        "THE PRESIDENT: God bless you. (Applause.)", "8.3.3",
        pattern=r"applause|cheers", element="kinesic", attrs={"type": "applause"}, who="audience"),
    Convention(
        "kinesic.gesture", "(Motions to Secretary Austin.), (Nods.)",
        '<kinesic type="gesture" who="#speaker"><desc>Motions to Secretary Austin.</desc></kinesic>',
        "a stage direction in italics", "the source wording",
        "THE PRESIDENT: Lloyd. (Motions to Secretary Austin.)", "8.3.3",
        pattern=r"(?:motions|gestures|points|nods|waves)\b.*", element="kinesic", attrs={"type": "gesture"},
        who="speaker"),
    Convention(
        "incident.off-mic", "(Off mic.), (off-mike)",
        '<incident type="off-mic" who="#speaker"><desc>Off mic.</desc></incident>',
        "a stage direction in italics", "the source wording",
        "Q: (Off mic.)", "8.3.3",
        pattern=r"off[- ]?mi(?:c|ke|crophone)", element="incident", attrs={"type": "off-mic"}, who="speaker"),
    Convention(
        "incident.break", "(Commercial break.), (Break.), (Recess.)",
        '<incident type="break"><desc>Commercial break.</desc></incident>',
        "a stage direction in italics", "the source wording",
        "MR. ACEVEDO: We'll be right back. (Commercial break.)", "8.3.3",
        pattern=r"(?:commercial )?break|recess|pause|brief pause", element="incident", attrs={"type": "break"}),
    Convention(
        "incident.action", "(The executive order is signed.)",
        '<incident type="action"><desc>The executive order is signed.</desc></incident>',
        "a stage direction in italics", "the source wording",
        "THE PRESIDENT: There we go. (The executive order is signed.)", "8.3.3",
        pattern=r"(?:the|a|an) [\w\s'’-]{1,60} (?:is|are|was|were) (?:signed|played|shown|distributed|presented)",
        element="incident", attrs={"type": "action"}),
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
        pattern=r"ph|phonetic|sp\?", element="note", attrs={"type": "phonetic", "place": "inline"}),
)

# --- everything else the reader does, for the docs table (no matching data: the reader implements them) ----
LAYOUT: tuple[Convention, ...] = (
    Convention("header.disclaimer", "DoD archive disclaimer lines at the top",
               '<front><note type="disclaimer"> and teiHeader notesStmt/note[@type="disclaimer"]',
               "a boxed note above the title", "printed first, verbatim",
               "This information is provided for historical purposes only.", "2.2.6", context="top"),
    Convention("header.title", "title line (DoD, Public Papers) or YAML title", "front/docTitle; titleStmt/title; bibl/title",
               "the page title", "the first line", "Remarks by Secretary Carter at Ecole Militaire", "2.2.1, 4.6",
               context="top"),
    Convention("header.date", "date line (Jan. 21, 2016) or YAML date", 'front/docDate[@when]; bibl/date[@when]',
               "under the title", "under the title", "Remarks\\n\\nJan. 21, 2016", "2.2.7", context="top"),
    Convention("header.byline", "byline (Secretary of Defense Ash Carter)", "front/byline; titleStmt/author",
               "under the date", "under the date", "Remarks\\n\\nJan. 21, 2016\\n\\nSecretary of Defense Ash Carter",
               "4.6", context="top"),
    Convention("header.front-matter", "YAML front matter (title, date, source_url, tags, times)",
               "teiHeader: titleStmt/title; bibl/date[@when]; bibl/ref[@target]; keywords/term; notesStmt/note",
               "title block", "header lines", "---\\ntitle: Remarks\\ndate: '2022-12-01'\\n"
               "source_url: https://www.whitehouse.gov/x/\\ntags: [Speeches]\\ntimes: 1:18 P.M. EST\\n---", "2.2",
               context="top"),
    Convention("label.speaker", "SEC. CARTER:, PRESIDENT BIDEN:, The President.",
               '<sp who="#carter"><speaker>SEC. CARTER:</speaker>', "the name in small caps, set off",
               "LABEL: text", "SEC. CARTER: Thank you.", "3.13.2"),
    Convention("label.question", "Q:, Q (no colon), Q., QUESTION:",
               '<sp who="#questioners"><speaker>Q:</speaker> and a personGrp', "as a speaker",
               "as printed", "Q: (inaudible)", "3.13.2, 13.3.2"),
    Convention("label.interpreted", "QUESTION (THROUGH TRANSLATOR):", 'sp/@ana="#interpreted" and a typed note',
               "an 'interpreted' badge", "label as printed", "QUESTION (THROUGH TRANSLATOR): (inaudible)", "2.3.7"),
    Convention("turn.unlabeled", "a paragraph after a break with no label",
               '<sp who="#…" cert="medium" resp="#tei-edition"><speaker><supplied reason="unlabeled-turn" '
               'resp="#tei-edition"> and <note type="attribution" resp="#tei-edition">',
               "the supplied label in [brackets], marked editorial, with a note saying why",
               "the supplied label in ⟦white brackets⟧, with a numbered note",
               "the floor is yours.\\n\\n\\nGeneral, thank you", "11.3.1.6, 22.3"),
    Convention("break.lacuna", "a turn ending with --, two blank lines, a turn starting with --",
               '<gap reason="lacuna" resp="#tei-edition" cert="medium"/>', "a marked [material skipped in the source]",
               "⟦material skipped in the source⟧",
               "about the alliance --\\n\\n\\nSEC. CARTER: -- the rest", "3.5.3"),
    Convention("stage.setting", "place and time lines, END lines (whitehouse.gov)",
               '<stage type="setting|time|end">', "a stage direction", "the line as printed",
               "East Room\\n\\n1:18 P.M. EST", "3.13.2"),
    Convention("head.topic", "Public Papers topic subheadings between exchanges", "<div><head>", "a subheading",
               "the line as printed", "Oliver North", "4.2", context="public-papers"),
    Convention("markup.emphasis", "Markdown *emphasis*", '<hi rend="italic">', "italics", "the words",
               "*merci*", "3.3.2.2", context="markdown"),
    Convention("markup.correction", "<s>Johnson</s> \\[Thompson\\]",
               '<del rend="strikethrough">Johnson</del> <add rend="brackets">Thompson</add>',
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

ALL: tuple[Convention, ...] = REMARKS + LAYOUT
BY_ID = {c.id: c for c in ALL}


def match_remark(inner: str) -> tuple[Convention, re.Match[str]] | None:
    """The first row whose pattern matches the whole remark text, or None (an unknown remark)."""
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
LANGUAGE_NAMES = {v: k.capitalize() for k, v in reversed(list(LANGUAGES.items()))}

# Title words that precede a surname in labels and bylines ("SEC. CARTER", "LIEUTENANT GENERAL SIMS").
TITLES = (
    "the", "sec", "secretary", "mr", "mrs", "ms", "dr", "president", "vice", "prime", "minister", "first", "lady",
    "general", "lieutenant", "lt", "gen", "major", "maj", "admiral", "adm", "rear", "vice", "colonel", "col",
    "captain", "capt", "sergeant", "sgt", "ambassador", "senator", "sen", "representative", "rep", "governor",
    "gov", "chairman", "chair", "deputy", "under", "assistant", "spokesman", "spokeswoman", "press",
    "chancellor", "king", "queen", "prince", "princess", "his", "her", "excellency", "madam", "director",
    "commander", "chief", "staff", "of", "defense", "state", "for", "and", "attorney", "mayor", "speaker",
    "leader", "coordinator", "national", "security", "adviser", "advisor", "communications", "strategic",
)

# Labels for groups rather than one person.
QUESTIONER_LABELS = ("q", "question", "questioner", "reporter", "audience member", "participant")
ROLE_LABELS = {  # label (without titles) -> (id, role)
    "moderator": ("moderator", "moderator"),
    "interpreter": ("interpreter", "interpreter"),
    "translator": ("interpreter", "interpreter"),
    "aide": ("aide", "staff"),
    "staff": ("aide", "staff"),
    "operator": ("operator", "staff"),
    "announcer": ("announcer", "staff"),
    "narrator": ("narrator", "staff"),
}

# label.speaker / label.question / label.interpreted: how each source style prints a speaker label.
# Style detection (source.py) counts these and the reader (reader.py) parses with them: one definition.
CAPS_LABEL = re.compile(
    r"^(?P<label>(?:[A-Z][A-Z.'’-]*\s+){0,5}[A-Z][A-Z.'’-]*(?:\s*\((?P<via>[A-Z][A-Z ]+)\))?:)(?:\s+(?P<rest>.*))?$")
BARE_Q_LABEL = re.compile(r"^(?P<label>Q)(?:\s+(?P<rest>\S.*))?$")  # whitehouse.gov: "Q    Thank you"
PUBLIC_PAPERS_LABEL = re.compile(
    r"^(?P<label>(?:Q|The (?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+|(?:Mr|Mrs|Ms|Dr)\. [A-Z][a-z]+(?:-[A-Z][a-z]+)?"
    r"|(?:Secretary|Prime Minister|President|Chancellor|General|Ambassador|Senator|Governor) [A-Z][a-z]+)\.)"
    r"(?:\s+(?P<rest>.*))?$")

# header.disclaimer: the archive's boilerplate lines at the top of a transcript.
DISCLAIMER_CUES = re.compile(r"historical purposes only|contact the DOD Webmaster|links may no longer function",
                             re.IGNORECASE)

# Cues for attributing an unlabeled turn (turn.unlabeled), matched in the last paragraph before the break.
HANDOVER_CUES = re.compile(
    r"the floor is yours|floor is (?:now )?yours|please welcome|I(?:'d| would) like to (?:introduce|invite|welcome)"
    r"|(?:over|turn it over) to (?:you|the)|the podium is yours|without further ado",
    re.IGNORECASE)
QUESTION_CUES = re.compile(r"\bquestions?\b|\?\s*$|\bplease\.?\s*$|\bmicrophone\b|\byes,? (?:sir|ma'am)\b",
                           re.IGNORECASE)

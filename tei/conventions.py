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
        "Q: But -- (Cross-talk.)", "3.5.3, 8.3.3",
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
        "gap.technical", "(Technical difficulties.), (Audio drops.), (Audio interrupted.)",
        '<gap reason="technical"><desc>Technical difficulties.</desc></gap>',
        "a marked [technical difficulties]", "the source wording",
        "SEC. CARTER: And we will -- (Technical difficulties.)", "3.5.3",
pattern=r"(?:technical|audio|sound|connection|transmission|phone|line|feed|video|satellite) (?:difficult(?:y|ies)"
                r"|problems?|issues?|drops?|dropped|lost|interrupted|interruption|breaks?|gaps?|glitch(?:es)?"
                r"|failures?|cuts? out|feed lost)|no audio|loss of (?:audio|signal|connection)"
                r"|(?:audio|feed|line|connection|signal) (?:drops|dropped|lost|interrupted|is lost|cuts out)",
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
        "Q: Can you hear me? (Background noise.)", "8.3.3",
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
    Convention("header.disclaimer", "DoD archive disclaimer lines at the top",
               '<front><note type="disclaimer"> and teiHeader notesStmt/note[@type="disclaimer"]',
               "a boxed note above the title", "printed first, verbatim",
               "This information is provided for historical purposes only.", "2.2.6"),
    Convention("header.title", "title line (DoD, Public Papers) or YAML title", "front/docTitle; titleStmt/title; bibl/title",
               "the page title", "the first line", "Remarks by Secretary Carter at Ecole Militaire", "2.2.1, 4.6"),
    Convention("header.date", "date line (Jan. 21, 2016) or YAML date", 'front/docDate[@when]; bibl/date[@when]',
               "under the title", "under the title", "Jan. 21, 2016", "2.2.7"),
    Convention("header.byline", "byline (Secretary of Defense Ash Carter)", "front/byline; titleStmt/author",
               "under the date", "under the date", "Secretary of Defense Ash Carter", "4.6"),
    Convention("header.front-matter", "YAML front matter (title, date, source_url, tags, times)",
               "teiHeader: title, bibl/date, bibl/ref, keywords/term, notesStmt note", "title block",
               "header lines", "---\\ntitle: Remarks\\ndate: '2022-12-01'\\n---", "2.2"),
    Convention("label.speaker", "SEC. CARTER:, PRESIDENT BIDEN:, The President.",
               '<sp who="#carter"><speaker>SEC. CARTER:</speaker>', "the name in small caps, set off",
               "LABEL: text", "SEC. CARTER: Thank you.", "3.13.2"),
    Convention("label.question", "Q:, Q (no colon), Q., QUESTION:",
               '<sp who="#questioners"><speaker>Q:</speaker> and a personGrp', "as a speaker",
               "as printed", "Q: (inaudible)", "3.13.2, 13.3.2"),
    Convention("label.interpreted", "QUESTION (THROUGH TRANSLATOR):", 'sp/@ana="#interpreted" and a typed note',
               "an 'interpreted' badge", "label as printed", "QUESTION (THROUGH TRANSLATOR): (inaudible)", "2.3.7"),
    Convention("turn.unlabeled", "a paragraph after a break with no label",
               '<sp who="#id" cert="medium" resp="#tei-edition"><speaker><supplied resp="#tei-edition">',
               "the supplied label in [brackets]", "the supplied label in [brackets]",
               "the floor is yours.\\n\\n\\nGeneral, thank you", "11.3.1.6, 22.3"),
    Convention("break.lacuna", "a turn ending with --, two blank lines, a turn starting with --",
               '<gap reason="editorial" resp="#tei-edition"/>', "a marked [material skipped]", "[...]",
               "about the alliance --\\n\\n\\nSEC. CARTER: -- the rest", "3.5.3"),
    Convention("stage.setting", "place and time lines, END lines (whitehouse.gov)",
               '<stage type="setting|time|end">', "a stage direction", "the line as printed",
               "East Room\\n\\n1:18 P.M. EST", "3.13.2"),
    Convention("head.topic", "Public Papers topic subheadings between exchanges", "<div><head>", "a subheading",
               "the line as printed", "Oliver North", "4.2"),
    Convention("markup.emphasis", "Markdown *emphasis*", '<hi rend="italic">', "italics", "the words",
               "*merci*", "3.3.2.2"),
    Convention("markup.correction", "<s>Johnson</s> \\[Thompson\\]",
               '<subst><del rend="strikethrough">Johnson</del><add rend="brackets">Thompson</add></subst>',
               "struck through, then the correction", "Johnson [Thompson]", "<s>Johnson</s> \\[Thompson\\]", "3.5.1"),
    Convention("markup.insertion", "[Helen Thomas, United Press International], \\[…\\]",
               '<add rend="brackets">', "in [brackets]", "in [brackets]",
               "Yes, Helen [Helen Thomas, United Press International]?", "3.5.1"),
    Convention("foreign.inline", "an inline passage in another language (Vive la France!)",
               '<foreign xml:lang="fr">', "lang attribute and a language marker", "the words",
               "Thank you. Vive la France!", "3.3.2.1"),
    Convention("text.unknown-remark", "a parenthetical that no row matches", "kept as text; reported",
               "as text", "as text", "(Something new.)", ""),
    Convention("text.characters", "no-break spaces, tabs, CRLF, XML-forbidden characters, Markdown escapes",
               "ordinary spaces; forbidden characters replaced by U+FFFD and reported; escapes undone", "-", "-",
               "\\u00a0", "vi"),
)

# --- rules over the remark rows (no pattern of their own) -------------------------------------------------
REMARK_RULES: tuple[Convention, ...] = (
    Convention("remark.combined", "(Laughter, cross talk.), (Applause and laughter.)",
               'the first part\'s element, with the whole wording: '
               '<vocal type="laughter" who="#audience"><desc>Laughter, cross talk.</desc></vocal>',
               "as its first part", "the source wording", "Q Oh, okay. (Laughter, cross talk.)", "8.3.3"),
)

LANGUAGE_RULES: tuple[Convention, ...] = (
    Convention("foreign.formula", "a well-known greeting, thanks or slogan as a whole sentence, clause or "
               "emphasised span (Merci. Gracias., *Slava Ukraini*, First of all, buonasera.)",
               '<foreign xml:lang="uk"><hi rend="italic">Slava Ukraini</hi></foreign>',
               "lang attribute and a language marker", "the words", "Thank you. Merci. Gracias.", "3.3.2.1"),
)

ALL: tuple[Convention, ...] = REMARKS + REMARK_RULES + LANGUAGE_RULES + LAYOUT
BY_ID = {c.id: c for c in ALL}
_PARTS = re.compile(r"\s*(?:[,;]|\band\b)\s*", re.IGNORECASE)


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

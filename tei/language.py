"""foreign.inline: mark passages in another language with <foreign xml:lang>.

Language identification is lingua's (restricted to the languages the transcript itself names, e.g. through
"(SPEAKING IN FRENCH)", plus any given in metadata): restricting the candidates is what keeps English
sentences that contain French names ("Minister Le Drian", "Place de La Republique") from being marked.
Candidates are sentences of running text and Markdown *emphasis* spans (the archive italicises foreign words).

foreign.formula: before any of that, and whatever languages the transcript names, a registry of well-known
short formulas (conventions.FORMULAS: "Merci.", "Gracias.", *Slava Ukraini*, "buonasera") is matched against
whole sentences, whole clauses and whole emphasised spans. It needs no model, so lingua is still loaded only
for a document that names a second language and has a candidate passage.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from .conventions import FORMULAS
from .model import Document, Emphasis, Foreign, Remark, merge_strings, walk

# A sentence is marked foreign when the foreign language's share of lingua's confidence reaches this value.
SENTENCE_THRESHOLD = 0.55
EMPHASIS_THRESHOLD = 0.55
MAX_FOREIGN_WORDS = 12     # longer passages are almost always English with names in them
_SENTENCE = re.compile(r"[^.!?]*[.!?]+[\"”’)]*\s*|[^.!?]+$")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# A sentence of running text that contains an English function word is English, whatever its names suggest
# ("It's not our intention.", "My name is Jesús."); lingua alone scores such short sentences near 0.6.
_ENGLISH_FUNCTION_WORDS = frozenset("""
a an the and or but if so of to in on at by for with from as is are was were be been am it it's its i i'm
i've i'll me my we our us you your he his she her they their them this that these those not no yes do does
did have has had will would can could should what who how why when where there here just very all ma'am
""".split())

_LINGUA_NAMES = {
    "en": "ENGLISH", "fr": "FRENCH", "es": "SPANISH", "de": "GERMAN", "it": "ITALIAN", "pt": "PORTUGUESE",
    "ru": "RUSSIAN", "ar": "ARABIC", "zh": "CHINESE", "ja": "JAPANESE", "ko": "KOREAN", "hi": "HINDI",
    "uk": "UKRAINIAN", "he": "HEBREW", "pl": "POLISH", "nl": "DUTCH", "tr": "TURKISH", "fa": "PERSIAN",
    "vi": "VIETNAMESE", "el": "GREEK", "sv": "SWEDISH", "ro": "ROMANIAN",
}


@functools.lru_cache(maxsize=32)
def _detector(codes: tuple[str, ...]):
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, _LINGUA_NAMES[c]) for c in codes if c in _LINGUA_NAMES]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def _iso(language) -> str:
    return language.iso_code_639_1.name.lower()


def named_languages(doc: Document) -> list[str]:
    """Languages the transcript names in its remarks (gap.foreign)."""
    found = []
    for content in doc.inline_contents():   # stage lines too: a "(SPEAKING IN FRENCH)" before any label
        for node in walk(content):
            if isinstance(node, Remark) and node.lang and node.lang not in found:
                found.append(node.lang)
    return found


def classify(text: str, codes: tuple[str, ...], threshold: float) -> str | None:
    """The foreign language of `text`, or None when it is the base language (codes[0]) or unsure."""
    words = _WORD.findall(text)
    if not words or len(words) > MAX_FOREIGN_WORDS:
        return None
    values = _detector(codes).compute_language_confidence_values(text)
    if not values:
        return None
    best = values[0]
    code = _iso(best.language)
    return code if code != codes[0] and best.value >= threshold else None


def _fold(text: str) -> str:
    """Lower case, accents off, one kind of apostrophe, single spaces, no surrounding punctuation."""
    text = unicodedata.normalize("NFD", text.replace("’", "'").lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.split()).strip(" .,;:!?¡¿\"“”'()-—–")


_FORMULA_LANG = {_fold(f): lang for lang, forms in FORMULAS.items() for f in forms}
_CLAUSE = re.compile(r"[^,;:—–]+")
MAX_FORMULA_CHARS = max(len(f) for f in _FORMULA_LANG) + 4   # room for the punctuation around a sentence
_ACCENTS = {"a": "aáàâäãåą", "e": "eéèêëę", "i": "iíìîï", "o": "oóòôöõø", "u": "uúùûü", "n": "nñń", "c": "cçć",
            "s": "sşśš", "z": "zżźž", "l": "lł", "g": "gğ", "y": "yý"}


def _loose(word: str) -> str:
    return "".join(f"[{_ACCENTS[c]}]" if c in _ACCENTS else re.escape(c) for c in word)


# One search per text node says whether any formula may be there: the longest word of every formula, accents
# optional. Text without one (nearly all of it) skips the sentence walk when no second language is named.
_FORMULA_HINT = re.compile(r"(?<![^\W\d_])(?:" + "|".join(sorted(
    {_loose(max(re.findall(r"[^\W\d_]+", f), key=len)) for f in _FORMULA_LANG}, key=len, reverse=True))
    + r")(?![^\W\d_])", re.IGNORECASE)


def formula(text: str) -> str | None:
    """foreign.formula: the language of a text that is, as a whole, a registered formula."""
    if len(text) > MAX_FORMULA_CHARS:
        return None
    return _FORMULA_LANG.get(_fold(text))


def mark(doc: Document, extra: list[str] | None = None) -> dict[str, int]:
    """Wrap foreign passages in Foreign nodes; return counts per language."""
    named = named_languages(doc)  # one walk of the document
    codes = tuple(dict.fromkeys(["en"] + [c for c in named if c != "und"] + list(extra or [])))
    counts: dict[str, int] = {}
    for turn in doc.turns():
        for para in turn.paragraphs:
            para.content = _mark_nodes(para.content, codes, counts)
    for code in list(codes) + named + sorted(counts):
        if code not in doc.languages and (code in counts or code in named):
            doc.languages.append(code)
    return counts


def _mark_nodes(nodes: list, codes, counts) -> list:
    out: list = []
    for node in nodes:
        if isinstance(node, str):
            if len(codes) > 1 or _FORMULA_HINT.search(node):
                out.extend(_mark_sentences(node, codes, counts))
            else:
                out.append(node)
        elif isinstance(node, Emphasis):
            text = "".join(n for n in node.children if isinstance(n, str))
            lang = formula(text) or (classify(text, codes, EMPHASIS_THRESHOLD) if len(codes) > 1 else None)
            if lang:
                counts[lang] = counts.get(lang, 0) + 1
                out.append(Foreign(lang, [node]))
            else:
                out.append(node)
        else:
            out.append(node)
    return out


_FUNCTION_WORD = re.compile(r"(?<![^\W\d_'’])(?:" + "|".join(
    re.escape(w).replace("'", "['’]") for w in sorted(_ENGLISH_FUNCTION_WORDS, key=len, reverse=True))
    + r")(?![^\W\d_'’])", re.IGNORECASE)


def _sentence_candidate(sentence: str) -> bool:
    """Worth asking lingua: no English function word, two or more real words, not only capitalised names."""
    if _FUNCTION_WORD.search(sentence):   # most sentences stop here, in one regex search
        return False
    words = [w for w in _WORD.findall(sentence) if len(w) > 1]
    return len(words) >= 2 and not all(w[0].isupper() for w in words)


def _mark_sentences(text: str, codes, counts) -> list:
    out: list = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        core = sentence.rstrip()
        lead = len(core) - len(core.lstrip())
        body = core.strip()
        lang = formula(body)
        if lang is None and len(codes) > 1 and _sentence_candidate(body):
            lang = classify(body, codes, SENTENCE_THRESHOLD)
        if lang:
            counts[lang] = counts.get(lang, 0) + 1
            out.extend([core[:lead], Foreign(lang, [body]), sentence[len(core):]])
        elif _may_hold_formula(body):
            out.extend(_mark_clauses(sentence, counts))
        else:
            out.append(sentence)
    return [n for n in merge_strings(out) if n != ""]


def _may_hold_formula(sentence: str) -> bool:
    """A cheap pre-filter: a clause delimiter and a word of some formula."""
    return bool(_CLAUSE_DELIM.search(sentence)) and bool(_FORMULA_HINT.search(sentence))


_CLAUSE_DELIM = re.compile(r"[,;:—–]")


def _mark_clauses(sentence: str, counts) -> list:
    """foreign.formula inside a sentence: a clause that is, as a whole, a formula ("First of all, buonasera.")."""
    out: list = []
    pos = 0
    for m in _CLAUSE.finditer(sentence):
        clause = m.group(0)
        word_span = re.search(r"[^\W_](?:.*[^\W_])?", clause)
        lang = formula(clause) if word_span else None
        if lang:
            start, end = m.start() + word_span.start(), m.start() + word_span.end()
            counts[lang] = counts.get(lang, 0) + 1
            out.extend([sentence[pos:start], Foreign(lang, [sentence[start:end]])])
            pos = end
    out.append(sentence[pos:])
    return out

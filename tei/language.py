"""foreign.inline: mark passages in another language with <foreign xml:lang>.

Language identification is lingua's (restricted to the languages the transcript itself names, e.g. through
"(SPEAKING IN FRENCH)", plus any given in metadata): restricting the candidates is what keeps English
sentences that contain French names ("Minister Le Drian", "Place de La Republique") from being marked.
Candidates are sentences of running text and Markdown *emphasis* spans (the archive italicises foreign words).

Two stages keep lingua's full models (0.4 s and ~100 MiB to load, per language pair) off the common path: a
sentence goes to the full model only when lingua's small trigram model (low-accuracy mode, 0.15 s and ~40 MiB
for every language here) gives the foreign languages at least PREFILTER_SHARE of its confidence. On the
shared corpus, the held-out transcripts and 60 generated documents (750 candidates, 72 marked foreign), no
passage the full model marks foreign scores below 0.18 there; in the test fixtures the lowest is 0.07 ("naïve
-- Muchas gracias."). At 0.02, 229 of those candidates go to the full model (366 at 0.005): each call is
~0.6 ms, the model's tables being far larger than the CPU's caches, a fifth of a conversion's time.

foreign.formula: before any of that, and whatever languages the transcript names, a registry of well-known
short formulas (conventions.FORMULAS: "Merci.", "Gracias.", *Slava Ukraini*, "buonasera") is matched against
whole sentences, whole clauses and whole emphasised spans. It needs no model, so lingua is still loaded only
for a document that names a second language and has a candidate passage.
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata

from .conventions import FORMULAS, NON_ASCII_LETTER as _NON_ASCII_LETTER
from .model import Document, Emphasis, Foreign, Remark, merge_strings, walk

# A sentence is marked foreign when the foreign language's share of lingua's confidence reaches this value.
SENTENCE_THRESHOLD = 0.55
EMPHASIS_THRESHOLD = 0.55
MAX_FOREIGN_WORDS = 12     # longer passages are almost always English with names in them
PREFILTER_SHARE = 0.02     # below this foreign share in the trigram model, a sentence is English (see above)
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


@functools.lru_cache(maxsize=32)
def _prefilter(codes: tuple[str, ...]):
    """lingua's trigram model alone: lingua shares loaded models between detectors, process-wide."""
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, _LINGUA_NAMES[c]) for c in codes if c in _LINGUA_NAMES]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def _could_be_foreign(text: str, codes: tuple[str, ...]) -> bool:
    values = _prefilter(codes).compute_language_confidence_values(text)
    base = next((v.value for v in values if _iso(v.language) == codes[0]), 0.0)
    return 1.0 - base >= PREFILTER_SHARE


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
    if not words or len(words) > MAX_FOREIGN_WORDS or not _could_be_foreign(text, codes):
        return None
    values = confidence_values(text, codes)
    if not values:
        return None
    code, value = values[0]
    return code if code != codes[0] and value >= threshold else None


@functools.lru_cache(maxsize=512)
def confidence_values(text: str, codes: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """lingua's full model on `text` among `codes`: (language, confidence) pairs, best first. Remembered from one
    mark() to the next: the review of a conversion asks again of the passages its marking asked (~0.6 ms a
    call); a benchmark's recombined sentences must not find another document's answers here."""
    return tuple((_iso(v.language), v.value) for v in _detector(codes).compute_language_confidence_values(text))


def _fold(text: str) -> str:
    """Lower case, accents off, one kind of apostrophe, single spaces, no surrounding punctuation."""
    text = text.replace("’", "'").lower()
    if not text.isascii():  # ASCII has no accents to take off (NFD leaves it as it is): most text skips this
        text = unicodedata.normalize("NFD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.split()).strip(" .,;:!?¡¿\"“”'()-—–")


_FORMULA_LANG = {_fold(f): lang for lang, forms in FORMULAS.items() for f in forms}
_CLAUSE = re.compile(r"[^,;:—–]+")
MAX_FORMULA_CHARS = max(len(f) for f in _FORMULA_LANG) + 4   # room for the punctuation around a sentence
# Whether any formula may be in a text: the longest word of every formula, folded (_hints below). Text without
# one (nearly all of it) skips the sentence walk when no second language is named.
_LETTERS = re.compile(r"[^\W\d_]+")
# _LETTERS in lower-case text without a letter outside ASCII: the runs of a-z, as bytes, found by C-level
# string methods (every other character, a non-ASCII one encoded as '?', made a space), and the hints to meet.
_A_TO_Z_ONLY = bytes(b if 97 <= b <= 122 else 32 for b in range(256))
_HINT_WORDS = frozenset(max(_LETTERS.findall(f), key=len) for f in _FORMULA_LANG)
_ASCII_HINT_WORDS = frozenset(w.encode("ascii") for w in _HINT_WORDS if w.isascii())


def formula(text: str) -> str | None:
    """foreign.formula: the language of a text that is, as a whole, a registered formula."""
    if len(text) > MAX_FORMULA_CHARS:
        return None
    return _FORMULA_LANG.get(_fold(text))


def mark(doc: Document, extra: list[str] | None = None) -> dict[str, int]:
    """Wrap foreign passages in Foreign nodes; return counts per language."""
    confidence_values.cache_clear()   # remembered for one document (its review), not across documents
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
            # Where a formula's word occurs, found in one search of the node (not one per sentence): a hint
            # is a whole word, so it falls inside one sentence and the per-sentence answer is the same.
            # With a second language every sentence is walked anyway: the hints are found only if a sentence
            # asks for them (_mark_sentences).
            hints = _hints(node) if len(codes) == 1 else None
            if len(codes) > 1 or hints:
                out.extend(_mark_sentences(node, codes, counts, hints))
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


# _FUNCTION_WORD in text whose letters are ASCII, by C-level string methods: its words are the runs of a-z once
# lower-cased, and it matches where one of them is a function word. (A function word with an apostrophe, "it's",
# holds one without: "it"; tests/test_language.py checks the list keeps that so.)
_ASCII_FUNCTION_WORDS = frozenset(w.encode("ascii") for w in _ENGLISH_FUNCTION_WORDS if "'" not in w)


def has_function_word(sentence: str) -> bool:
    """An English function word is in the sentence (_FUNCTION_WORD finds one)."""
    if _NON_ASCII_LETTER.search(sentence):   # "Jesús": the regex, whose letters are Unicode's
        return _FUNCTION_WORD.search(sentence) is not None
    # Nearly every sentence: its letters are a-z (a curly quote or a dash is no letter, encoded as '?' here).
    runs = sentence.lower().encode("ascii", "replace").translate(_A_TO_Z_ONLY).split()
    return not _ASCII_FUNCTION_WORDS.isdisjoint(runs)


def _sentence_candidate(sentence: str) -> bool:
    """Worth asking lingua: no English function word, two or more real words, not only capitalised names."""
    if has_function_word(sentence):   # most sentences stop here
        return False
    words = [w for w in _WORD.findall(sentence) if len(w) > 1]
    return len(words) >= 2 and not all(w[0].isupper() for w in words)


def _mark_sentences(text: str, codes, counts, hints: list[int] | None) -> list:
    """`hints`: _hints(text), or None to find them when the first sentence needs them."""
    out: list = []
    marked = False   # whether out holds anything but the sentences as they are
    several = len(codes) > 1
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        body = sentence.strip()
        lang = formula(body)
        if lang is None and several and _sentence_candidate(body):
            lang = classify(body, codes, SENTENCE_THRESHOLD)
        if lang:
            counts[lang] = counts.get(lang, 0) + 1
            core = sentence.rstrip()
            lead = len(core) - len(core.lstrip())
            out.extend([core[:lead], Foreign(lang, [body]), sentence[len(core):]])
            marked = True
        elif hints != [] and _CLAUSE_DELIM.search(body) and _hint_within(  # (None: not looked for yet)
                hints if hints is not None else (hints := _hints(text)), m.start(), m.end()):
            out.extend(_mark_clauses(sentence, counts))
            marked = True
        else:
            out.append(sentence)
    if not marked:   # only strings: what merge_strings and the filter below make of them, in one join
        joined = "".join(out)
        return [joined] if joined else []
    return [n for n in merge_strings(out) if n != ""]


def _hints(text: str) -> list[int]:
    """Where a word of some formula (its longest word, any case, accents folded) starts in `text`. One C-level
    set intersection answers for most text nodes (no such word); positions only for the rest."""
    lowered = text.lower()
    if not _NON_ASCII_LETTER.search(lowered):
        # Most text nodes (a curly apostrophe or a dash is no letter): the words are runs of a-z, found by a
        # simpler pattern, and no word has accents to fold off.
        runs = lowered.encode("ascii", "replace").translate(_A_TO_Z_ONLY).split()
        if _ASCII_HINT_WORDS.isdisjoint(runs):
            return []
    else:
        words = _LETTERS.findall(lowered)
        # Only a word with a letter outside ASCII may fold (accents off) into a hint it does not spell.
        if _HINT_WORDS.isdisjoint(words) and not any(not w.isascii() and _fold(w) in _HINT_WORDS for w in words):
            return []
    return [m.start() for m in _LETTERS.finditer(text) if _is_hint(m.group(0).lower())]


def _is_hint(word: str) -> bool:
    # a lower-case ASCII word folds to itself: only the others pay for _fold
    return word in _HINT_WORDS or (not word.isascii() and _fold(word) in _HINT_WORDS)


def _hint_within(hints: list[int], start: int, end: int) -> bool:
    """A cheap pre-filter for the clause walk: a word of some formula starts within [start, end)."""
    i = bisect.bisect_left(hints, start)
    return i < len(hints) and hints[i] < end


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

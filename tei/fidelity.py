"""Nothing lost: the word sequence of the source equals the word sequence read back from the TEI.

Source side: every line after any YAML front matter, with the Markdown syntax of the source format removed
(`<s>`/`</s>` tags, backslash escapes, emphasis asterisks); words are runs of letters and digits.
TEI side: the text of <text>, where this tool's own additions (supplied, note and gap with
@resp="#tei-edition") are skipped; everything else, remarks' <desc> included, is the source's wording.
(An <sp> may carry @resp too: there it says who attributed the turn, not who wrote its words.)
The front matter is metadata: each of its values must appear in the teiHeader (header_losses).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from . import anytei, memo
from .encode import RESP, TEI_NS

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
# Only a <s>...</s> pair within one paragraph is syntax (as inline.py reads it); a lone or mismatched tag
# (`<s>Johnson</b>`) is the source's text, kept in the TEI as printed.
_MD_SYNTAX = re.compile(r"<s>((?:(?!\n[ \t]*\n).)*?)</s>", re.DOTALL)
_ADDITIONS = {f"{{{TEI_NS}}}{n}" for n in ("supplied", "note", "gap")}
_PAUSE = f"{{{TEI_NS}}}pause"
_REMARKS = {f"{{{TEI_NS}}}{n}" for n in ("gap", "vocal", "kinesic", "incident", "pause", "shift", "note")}
_PRINTED = {"parentheses": ("(", ")"), "brackets": ("[", "]")}   # a remark's @rend: its printed brackets
_SUPPLIED_TAG = f"{{{TEI_NS}}}supplied"
EDITOR = "#edition-editor"   # corrections.EDITOR (not imported: corrections imports the model, we stay light)
# Elements around which a word boundary falls even without whitespace in the XML: blocks, remarks, and the
# inline elements whose source form has delimiters ([add], <s>del</s>, *hi*), as in "Jan[si]" -> Jan, si.
_BLOCKS = {f"{{{TEI_NS}}}{n}" for n in ("speaker", "p", "head", "stage", "note", "desc", "docDate", "byline",
                                         "titlePart", "docTitle", "sp", "div", "gap", "vocal", "kinesic",
                                         "incident", "front", "body", "add", "del", "hi")}


def words(text: str) -> list[str]:
    """The runs of letters and digits of `text`, an apostrophe between two of them inside the word (_WORD).

    _WORD's findall over a whole transcript is most of this check's time, so the text is read in pieces cut
    at spaces and line ends (no word crosses one): the stretches around a letter or digit outside ASCII
    ("Peña", "Zelenskyy’s" is ASCII) by _WORD itself, the rest, where a letter or digit is one of [A-Za-z0-9],
    by C-level string methods (_ascii_words)."""
    text = text.replace("’", "'")
    out: list[str] = []
    pos = 0
    while (found := _NON_ASCII_WORD_CHAR.search(text, pos)) is not None:
        at = found.start()
        start = max(text.rfind(" ", pos, at), text.rfind("\n", pos, at)) + 1 or pos
        end = min((i for i in (text.find(" ", at), text.find("\n", at)) if i >= 0), default=len(text))
        out += _ascii_words(text[pos:start])
        out += _WORD.findall(text, start, end)
        pos = end
    out += _ascii_words(text[pos:])
    return out


_NON_ASCII_WORD_CHAR = re.compile(r"[^\W_\x00-\x7f]")
# An apostrophe that is not between two letters or digits: a word boundary, like any other punctuation.
_LOOSE_APOSTROPHE = re.compile(r"'(?:(?<![A-Za-z0-9]')|(?![A-Za-z0-9]))")
_WORD_BYTES = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'"
_ASCII_SEPARATORS = bytes(b if b in _WORD_BYTES else 32 for b in range(256))   # all else -> a space


def _ascii_words(text: str) -> list[str]:
    """words(text) for a text whose letters and digits are all ASCII."""
    return split_ascii(text, _LOOSE_APOSTROPHE, _ASCII_SEPARATORS)


def split_ascii(text: str, loose_apostrophe, separators: bytes) -> list[str]:
    """The words of a text whose word characters are all ASCII, by C-level string methods: the apostrophes
    `loose_apostrophe` finds (not between two word characters) and every byte `separators` maps to a space (a
    non-ASCII character is a dash, a quote, a space here: encoded as '?') made spaces, then split. Also the
    site's search tokens (site.tokens), with its own word characters."""
    if not text:
        return []
    spaced = loose_apostrophe.sub(" ", text).encode("ascii", "replace").translate(separators)
    return spaced.decode("ascii").split()


def source_words(source_text: str, markdown: bool) -> list[str]:
    if markdown:
        source_text = _MD_SYNTAX.sub(r" \1 ", source_text)
    return words(source_text)


def tei_text(root) -> str:
    """Readback of <text> as the source's wording (for TEI of other projects: as the generic renderer reads it,
    see tei/anytei.py)."""
    if root.tag == f"{{{TEI_NS}}}TEI" and not anytei.is_ours(root):
        return anytei.reading(root)
    text_el = root.find(f"{{{TEI_NS}}}text") if root.tag != f"{{{TEI_NS}}}text" else root
    out: list[str] = []
    _collect(text_el, out)
    return "".join(out)


def _collect(el, out: list[str], brackets: bool = False, marks: list | None = None) -> None:
    """`marks`: a remark inside `el` (at any depth, not inside another) is not read but appended to it, its place
    in the text a marker, MARK_OPEN + its index + MARK_CLOSE, between spaces (the TSV edition's remark rows)."""
    tag = el.tag   # read once: lxml makes a new string at each access
    # is_addition asks for attributes: only of the elements that can be additions (every one is in _ADDITIONS)
    if not isinstance(tag, str) or (tag in _ADDITIONS and is_addition(el)):
        return
    block = tag in _BLOCKS
    open_, close = _PRINTED.get(el.get("rend", ""), ("", "")) if brackets and tag in _REMARKS else ("", "")
    if tag == _PAUSE and len(el) == 0:   # conventions "pause": the empty element stands for "(Pause.)"
        out.append(f" {open_}Pause.{close} ")
        return
    if block:
        out.append(" ")
    out.append(open_)
    if el.text:
        out.append(el.text)
    for child in el:
        if marks is not None and child.tag in _REMARKS:
            out.append(f" {MARK_OPEN}{len(marks)}{MARK_CLOSE} ")
            marks.append(child)
        else:
            _collect(child, out, brackets, marks)
        if child.tail:
            out.append(child.tail)
    out.append(close)
    if block:
        out.append(" ")


MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"   # private-use characters: no source text has them


def marked_text(el) -> tuple[str, list]:
    """text_as_printed(el) with each remark inside it (not inside another) a marker (see _collect), and the
    remarks in the order of their markers."""
    out: list[str] = []
    marks: list = []
    _collect(el, out, True, marks)
    return " ".join("".join(out).split()), marks


def is_addition(el) -> bool:
    """What this tool or the editor added to the source's words: our supplied labels, attribution notes and
    inferred gaps (@resp="#tei-edition"), and a label the editor supplied (corrections.py)."""
    return (el.get("resp") == RESP and el.tag in _ADDITIONS) or (el.tag == _SUPPLIED_TAG and el.get("resp") == EDITOR)


def text_as_printed(el) -> str:
    """The element's words as the source printed them, remarks in their brackets, additions left out (the JSON
    edition's texts: the same reading as the word check)."""
    remembered = memo.active()
    if remembered is None:
        return _text_as_printed(el)
    text = remembered.get(el)
    if text is None:
        text = remembered[el] = _text_as_printed(el)
    return text


def _text_as_printed(el) -> str:
    if len(el) == 0 and el.tag not in _REMARKS and isinstance(el.tag, str) and not is_addition(el):
        # most paragraphs: text only, what _collect gives (not a remark: _collect sets those in their brackets)
        return " ".join((el.text or "").split())
    out: list[str] = []
    _collect(el, out, brackets=True)
    return " ".join("".join(out).split())


@dataclass
class Difference:
    index: int
    expected: list[str]
    found: list[str]

    def __str__(self) -> str:
        return (f"word {self.index}: source has {' '.join(self.expected) or '(end)'!r}, "
                f"found {' '.join(self.found) or '(end)'!r}")


def compare(expected: list[str], found: list[str]) -> Difference | None:
    """The first difference between two word sequences, with a little context, or None."""
    if expected == found:  # the usual case, compared in C
        return None
    for i, (a, b) in enumerate(zip(expected, found)):
        if a != b:
            return Difference(i, expected[i:i + 6], found[i:i + 6])
    if len(expected) != len(found):
        n = min(len(expected), len(found))
        return Difference(n, expected[n:n + 6], found[n:n + 6])
    return None


def header_losses(front_matter: dict, root) -> list[str]:
    """Front-matter values whose words are not all in the teiHeader."""
    header = root.find(f"{{{TEI_NS}}}teiHeader")
    have = set(words(" ".join(header.itertext()))) if header is not None else set()
    missing = []
    for key, value in front_matter.items():
        if value is None:
            continue
        lost = [w for w in words(str(value)) if w not in have]
        if lost:
            missing.append(f"{key}: {' '.join(lost)}")
    return missing


# --- editions -----------------------------------------------------------------------------------------------
# What an edition adds to the source's words is marked: ⟦white brackets⟧ in the text formats, class="editorial"
# in HTML. The header block (before the first rule of '=') and the notes (after the last rule of '-') of the
# text edition, and everything outside <!-- transcript --> in Markdown, are the edition's own.
_EDITORIAL = re.compile("\u27e6[^\u27e7]*\u27e7")
_MD_NOTE_REF = re.compile(r"\[\^\d+\]")
_TEXT_RULE = re.compile(r"^=+$", re.MULTILINE)
_NOTES_RULE = re.compile("^-+\n(Notes|\u27e6Notes\u27e7)$", re.MULTILINE)


def edition_words(fmt: str, data: bytes, result=None) -> list[str]:
    """The source words an edition holds. `result`: for HTML, the stylesheet's result tree `data` was serialised
    from (read instead of parsing `data` again; it is changed: the edition's additions are removed)."""
    if fmt == "pdf":
        from .pdf import text as pdf_text

        return words(pdf_text(data))
    text = data.decode("utf-8")
    if fmt == "text":
        # Found by regex over the whole text (not a Python test per line): the first rule of '=', the last
        # rule of '-' followed by a Notes line.
        head = _TEXT_RULE.search(text)
        if head is None:
            raise ValueError("a text edition without its header rule of '='")
        start = head.end()
        rules = list(_NOTES_RULE.finditer(text))
        # This project's notes are the edition's own; another TEI's footnotes (under ⟦Notes⟧) are the source's.
        end = rules[-1].start() if rules and rules[-1].group(1) == "Notes" else len(text)
        body = text[start:end]
        return words(_EDITORIAL.sub(" ", _any(body, ANY_TEI_TEXT in text[:start])))
    if fmt == "markdown":
        any_tei = ANY_TEI_MD in text
        body = re.split(r"<!-- transcript(?: [a-z-]+)? -->", text, maxsplit=1)[1].split("<!-- /transcript -->", 1)[0]
        if any_tei:  # emphasis marks may fall inside a word; escaped characters stay
            body = re.sub(r"(?<!\\)(\*+|~~)", "", body)
        return words(_EDITORIAL.sub(" ", _MD_NOTE_REF.sub(" ", _any(body, any_tei))))
    if fmt == "tsv":   # each turn's printed label once, remarks put back at their offsets (tsvdata.texts)
        from .tsvdata import texts

        return words(" ".join(texts(data)))
    if fmt == "html":
        # lxml's plain HTML parser: the same libxml2 parse as lxml.html's, without a Python element class per
        # node (lxml.html's lookup was a third of this check).
        doc = result.getroot() if result is not None else etree.fromstring(data, _HTML_PARSER)
        transcript = _with_class(_TRANSCRIPT_XPATH(doc), "transcript")[0]
        if transcript.get("data-tei") == "any":
            return words(_any(_html_any(doc), True))
        for el in _with_class(_EDITORIAL_XPATH(transcript), "editorial"):
            _drop_tree(el)
        return words(" ".join(transcript.itertext()))
    if fmt == "json":
        from .jsondata import texts

        return words(" ".join(texts(data)))
    raise ValueError(f"no fidelity reader for {fmt}")


_HTML_PARSER = etree.HTMLParser()
# lxml.html's find_class, in two steps: libxml2 keeps the elements whose class contains the name (cheap), Python
# the ones where it is a whole token (concat/normalize-space on every element cost more than the parse).
_TRANSCRIPT_XPATH = etree.XPath("descendant-or-self::*[contains(@class, 'transcript')]")
_EDITORIAL_XPATH = etree.XPath(".//*[contains(@class, 'editorial')]")


def _with_class(elements, name: str) -> list:
    return [el for el in elements if name in el.get("class").split()]


def _drop_tree(el) -> None:
    """lxml.html's drop_tree: the element goes, its tail joins the text before it."""
    parent = el.getparent()
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


# Editions of TEI from other projects (the generic renderer) say so: these markers tell the readers.
ANY_TEI_TEXT = "Rendered from TEI by tei-edition (any TEI)"
ANY_TEI_MD = "<!-- transcript any-tei -->"
_SUPPLIED = re.compile("[\u27e8\u27e9]|~~")
_HTML_BLOCKS = {"p", "div", "section", "li", "ul", "ol", "td", "th", "tr", "table", "caption", "h1", "h2", "h3",
                "h4", "h5", "h6", "br", "blockquote", "figure", "figcaption", "dl", "dt", "dd", "nav", "aside"}


def _any(text: str, any_tei: bool) -> str:
    """Supplied text is set in ⟨angle brackets⟩ and deleted text struck with ~~, which may fall inside a word:
    not a word boundary."""
    return _SUPPLIED.sub("", text) if any_tei else text


def _html_any(doc) -> str:
    """The text of the edition and its notes, as a reader sees it: inline markup joins, blocks and the
    edition's own additions (class editorial, replaced by a space) separate."""
    out: list[str] = []

    def walk(el) -> None:
        cls = f" {el.get('class') or ''} "
        if " editorial " in cls:
            out.append(" ")
            return
        boundary = el.tag in _HTML_BLOCKS or " block " in cls or " boundary " in cls   # an event: inline, apart
        if boundary:
            out.append(" ")
        out.append(el.text or "")
        for child in el:
            if isinstance(child.tag, str):
                walk(child)
            out.append(child.tail or "")
        if boundary:
            out.append(" ")

    for part in doc.xpath("//*[contains(concat(' ', @class, ' '), ' transcript ') or "
                          "contains(concat(' ', @class, ' '), ' notes ')]"):
        walk(part)
    return "".join(out)


def check_edition(fmt: str, data: bytes, root=None, expected: list[str] | None = None,
                  result=None) -> Difference | None:
    """The edition's words against the TEI's reading of the source (pass `expected`, the TEI's words, when
    checking several editions of one document: it is computed once). The meta table needs `root`; `result`,
    the stylesheet's result tree (render_with_tree), spares the HTML check a parse."""
    if fmt == "meta":   # a metadata table, no text: one row per turn of the TEI, with its speaker
        from .tsvdata import meta_difference

        found = meta_difference(data, root)
        return Difference(*found) if found else None
    if expected is None:
        expected = words(tei_text(root))
    if fmt == "pdf":  # a printed page adds running heads and page numbers between the words: in order is enough
        return in_order(expected, edition_words(fmt, data))
    return compare(expected, edition_words(fmt, data, result))


def in_order(expected: list[str], found: list[str]) -> Difference | None:
    """None when `expected` is a subsequence of `found` (every word, in order, others between allowed)."""
    i = 0
    for word in found:
        if i < len(expected) and word == expected[i]:
            i += 1
    if i == len(expected):
        return None
    return Difference(i, expected[i:i + 6], [])

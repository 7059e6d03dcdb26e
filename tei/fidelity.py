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


from .encode import RESP, TEI_NS

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_MD_SYNTAX = re.compile(r"</?s>")
_ADDITIONS = {f"{{{TEI_NS}}}{n}" for n in ("supplied", "note", "gap")}
_PAUSE = f"{{{TEI_NS}}}pause"
# Elements around which a word boundary falls even without whitespace in the XML: blocks, remarks, and the
# inline elements whose source form has delimiters ([add], <s>del</s>, *hi*), as in "Jan[si]" -> Jan, si.
_BLOCKS = {f"{{{TEI_NS}}}{n}" for n in ("speaker", "p", "head", "stage", "note", "desc", "docDate", "byline",
                                         "titlePart", "docTitle", "sp", "div", "gap", "vocal", "kinesic",
                                         "incident", "front", "body", "add", "del", "hi")}


def words(text: str) -> list[str]:
    return _WORD.findall(text.replace("’", "'"))


def source_words(source_text: str, markdown: bool) -> list[str]:
    if markdown:
        source_text = _MD_SYNTAX.sub(" ", source_text)
    return words(source_text)


def tei_text(root) -> str:
    """Readback of <text> as the source's wording."""
    text_el = root.find(f"{{{TEI_NS}}}text") if root.tag != f"{{{TEI_NS}}}text" else root
    out: list[str] = []
    _collect(text_el, out)
    return "".join(out)


def _collect(el, out: list[str]) -> None:
    if not isinstance(el.tag, str) or (el.get("resp") == RESP and el.tag in _ADDITIONS):
        return
    block = el.tag in _BLOCKS
    if el.tag == _PAUSE and len(el) == 0:   # conventions "pause": the empty element stands for "(Pause.)"
        out.append(" Pause. ")
        return
    if block:
        out.append(" ")
    if el.text:
        out.append(el.text)
    for child in el:
        _collect(child, out)
        if child.tail:
            out.append(child.tail)
    if block:
        out.append(" ")


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


def edition_words(fmt: str, data: bytes) -> list[str]:
    if fmt == "pdf":
        from .pdf import text as pdf_text

        return words(pdf_text(data))
    text = data.decode("utf-8")
    if fmt == "text":
        lines = text.split("\n")
        start = next(i for i, line in enumerate(lines) if line and set(line) == {"="}) + 1
        rules = [i for i, line in enumerate(lines) if line and set(line) == {"-"} and i + 1 < len(lines)
                 and lines[i + 1] == "Notes"]
        end = rules[-1] if rules else len(lines)
        return words(_EDITORIAL.sub(" ", "\n".join(lines[start:end])))
    if fmt == "markdown":
        body = text.split("<!-- transcript -->", 1)[1].split("<!-- /transcript -->", 1)[0]
        return words(_EDITORIAL.sub(" ", _MD_NOTE_REF.sub(" ", body)))
    if fmt == "tsv":
        out: list[str] = []
        last_sp = None
        for row in text.split("\n")[1:]:
            if not row:
                continue
            ident, _who, label, cell = row.split("\t")
            sp = ident.split(".")[0] if label else None
            if label and sp != last_sp:
                out += words(_EDITORIAL.sub(" ", label))
            last_sp = sp
            out += words(_EDITORIAL.sub(" ", cell))
        return out
    if fmt == "html":
        from lxml import html

        doc = html.document_fromstring(data)
        transcript = doc.find_class("transcript")[0]
        for el in transcript.xpath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' editorial ')]"):
            el.drop_tree()
        return words(" ".join(transcript.itertext()))
    if fmt == "json":
        from .jsondata import texts

        return words(" ".join(texts(data)))
    raise ValueError(f"no fidelity reader for {fmt}")


def check_edition(fmt: str, data: bytes, root=None, expected: list[str] | None = None) -> Difference | None:
    """The edition's words against the TEI's reading of the source (pass `expected`, the TEI's words, when
    checking several editions of one document: it is computed once)."""
    if expected is None:
        expected = words(tei_text(root))
    if fmt == "pdf":  # a printed page adds running heads and page numbers between the words: in order is enough
        return in_order(expected, edition_words(fmt, data))
    return compare(expected, edition_words(fmt, data))


def in_order(expected: list[str], found: list[str]) -> Difference | None:
    """None when `expected` is a subsequence of `found` (every word, in order, others between allowed)."""
    i = 0
    for word in found:
        if i < len(expected) and word == expected[i]:
            i += 1
    if i == len(expected):
        return None
    return Difference(i, expected[i:i + 6], [])

"""Any TEI P5: what the generic renderer (transforms/common.xsl, html.xsl) treats as a block, and the words of
<text> as that renderer presents them, for the nothing-lost check of editions of TEI from other projects.

The lists of block, floating and silent elements are read from common.xsl, where they are committed as data
(the block list is generated from tei_all.rng by tools/tei_classes.py): one definition for both sides.

What TEI marks as not read is not a word of the edition: of a <choice>, only the reading shown (the first
<expan>, else <corr>, else <reg>, else the first child); of an <app>, the <lem> (else the first <rdg>); the <teiHeader>. A word broken by
<lb break="no"/> (or pb, cb) is one word. Footnotes (notes inside text, not standing as blocks) are read
after the text, in document order, as every edition prints them at the end.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import resources, xmlio

T = f"{{{xmlio.TEI_NS}}}"
BREAKS = ("lb", "pb", "cb")


@lru_cache(maxsize=None)
def _lists() -> dict[str, frozenset[str]]:
    text = (resources.transforms_dir() / "common.xsl").read_text(encoding="utf-8")
    found = dict(re.findall(r'<xsl:variable name="(BLOCKS|FLOATING|SILENT|DOC_PARTS|DOC_PART_HOLDERS|ELEMENT_ONLY)" '
                            r'select="\'([^\']*)\'"', text))
    strip = re.search(r'<xsl:strip-space elements="([^"]*)"', text).group(1)
    found["STRIP"] = strip.replace("t:", "")
    return {k: frozenset(v.split()) for k, v in found.items()}


def is_ours(root) -> bool:
    """This project's own TEI: it names tei-edition as its application (the converter writes that)."""
    return root.find(f"{T}teiHeader/{T}encodingDesc/{T}appInfo/{T}application[@ident='tei-edition']") is not None


def local(el) -> str | None:
    tag = el.tag if el is not None else None
    return tag[len(T):] if isinstance(tag, str) and tag.startswith(T) else None


def is_block(el) -> bool:
    """A block of the generic renderer (common.xsl's f:block): by its name ($BLOCKS), a seg of an utterance, or
    a docAuthor (docDate, ...) standing in a front, titlePage, body or div ($DOC_PARTS in $DOC_PART_HOLDERS; in a
    byline it is a phrase)."""
    name = local(el)
    lists = _lists()
    return (name in lists["BLOCKS"] or (name == "seg" and local(el.getparent()) == "u")
            or (name in lists["DOC_PARTS"] and local(el.getparent()) in lists["DOC_PART_HOLDERS"]))


def _side_ok(n, step, depth: int = 0) -> bool:
    """common.xsl's f:side-ok: the neighbour `n` (found by `step`, _previous or _next) lets a floating element
    stand as a block: none, a block, or a floating element standing so itself on that side (up to 8 deep)."""
    if n is None:
        return True
    if n == "text":
        return False
    lists = _lists()
    name = local(n)
    if not (name in lists["BLOCKS"] or name in lists["FLOATING"] or is_block(n)):
        return False
    if depth < 8 and name in lists["FLOATING"] and name not in lists["BLOCKS"]:
        return _side_ok(step(n), step, depth + 1)
    return True


def _previous(el):
    """The sibling before el that is an element or non-blank text ("text"), or None (as the XSLT sees it)."""
    p = el.getprevious()
    while p is not None:
        if p.tail and p.tail.strip():
            return "text"
        if isinstance(p.tag, str):
            return p
        p = p.getprevious()
    parent = el.getparent()
    return "text" if parent is not None and parent.text and parent.text.strip() else None


def _next(el):
    if el.tail and el.tail.strip():
        return "text"
    n = el.getnext()
    while n is not None:
        if isinstance(n.tag, str):
            return n
        if n.tail and n.tail.strip():
            return "text"
        n = n.getnext()
    return None


def is_blockish(el) -> bool:
    """A block, or a floating element (note, pb, gap, stage, ...) standing between blocks."""
    if is_block(el):
        return True
    return (local(el) in _lists()["FLOATING"] and _side_ok(_previous(el), _previous)
            and _side_ok(_next(el), _next))


def reading_of(choice):
    """common.xsl's f:reading: the expansion, correction, regularisation, lemma or first reading (a lemma or
    reading may stand in a group, rdgGrp)."""
    for path in ("expan", "corr", "reg", "lem", "rdgGrp/lem", "rdg", "rdgGrp/rdg"):
        found = choice.find("/".join(f"{T}{step}" for step in path.split("/")))
        if found is not None:
            return found
    return next((c for c in choice if isinstance(c.tag, str)), None)


def reading(root) -> str:
    """The words of <text> in the order the generic renderer prints them: the text, then the footnotes."""
    text_el = root.find(f"{T}text")
    if text_el is None:
        return ""
    main: list[str] = []
    notes: list[str] = []
    _walk(text_el, main, notes, False)
    return "".join(main) + " " + " ".join(notes)


def _footnotes_in(el) -> list:
    """The notes in el (el itself included) that are footnotes: not inside another note, not standing as a block."""
    found = []
    for x in el.iter(f"{T}note"):
        node, nested = x, False
        while node is not el:   # (el has no note above it: a caller inside a note does not ask)
            node = node.getparent()
            nested = nested or local(node) == "note"
        if not nested and not is_blockish(x):
            found.append(x)
    return found


def _broken(el) -> bool:
    return local(el) in BREAKS and el.get("break") == "no"


# Element-only elements of which one child is shown (f:reading): no boundary before it (common.xsl's gparts
# never runs for them).
_ONE_SHOWN = ("choice", "app", "rdgGrp")


def _token_boundary(el) -> bool:
    """common.xsl's token-boundary: a <w> right after another <w>, nothing between, neither joining."""
    if local(el) != "w" or el.get("join") in ("left", "both"):
        return False
    prev = el.getprevious()
    return prev is not None and local(prev) == "w" and not prev.tail and prev.get("join") not in ("right", "both")


def _part_boundary(el) -> bool:
    """common.xsl's gparts: a part of an element of element-only content after another part, where no text
    stands among them, is apart from it (not the one reading a choice or app shows)."""
    parent = el.getparent()
    name = local(parent)
    return (name in _lists()["ELEMENT_ONLY"] and name not in _ONE_SHOWN
            and any(isinstance(x.tag, str) for x in el.itersiblings(preceding=True)) and not _holds_text(parent))


def _holds_text(el) -> bool:
    """Whether text (not blank) stands directly in the element."""
    return bool(el.text and el.text.strip()) or any(c.tail and c.tail.strip() for c in el)


def _walk_reading(el, chosen, out: list[str], notes: list[str], in_note: bool) -> None:
    for child in el:   # in document order, as the footnotes are numbered
        if child is chosen:
            _walk(child, out, notes, in_note)
        elif local(child) == "rdgGrp" and chosen is not None and chosen.getparent() is child:
            _walk_reading(child, chosen, out, notes, in_note)
        elif isinstance(child.tag, str) and not in_note:
            # Not shown, but a footnote in it is printed by every edition (common.xsl's FOOTNOTES: every
            # note of the text not standing as a block): an apparatus' note on its reading, above all.
            for note in _footnotes_in(child):
                _walk(note, out, notes, in_note)


def _walk(el, out: list[str], notes: list[str], in_note: bool) -> None:
    name = local(el)
    lists = _lists()
    if name in lists["SILENT"]:
        return
    if name == "note" and not in_note and not is_blockish(el):
        inner: list[str] = []
        _content(el, inner, notes, True)
        notes.append("".join(inner))
        out.append(" ")
        return
    if name in ("choice", "app"):
        _walk_reading(el, reading_of(el), out, notes, in_note)
        return
    boundary = (name in lists["BLOCKS"] or name in lists["FLOATING"] or is_block(el)
                or name in ("space", "desc", "milestone")) and not _broken(el)
    if boundary or _part_boundary(el) or _token_boundary(el):
        out.append(" ")
    _content(el, out, notes, in_note)
    if boundary:
        out.append(" ")


def _content(el, out: list[str], notes: list[str], in_note: bool) -> None:
    strip = local(el) in _lists()["STRIP"]  # xsl:strip-space: blank text there is not rendered
    text = el.text or ""
    if strip and not text.strip():
        text = ""
    kids = list(el)
    if kids and _broken(kids[0]):
        text = text.rstrip()
    out.append(text)
    for i, child in enumerate(kids):
        if isinstance(child.tag, str):
            _walk(child, out, notes, in_note)
        tail = child.tail or ""
        if _broken(child) and isinstance(child.tag, str):
            tail = tail.lstrip()
        if i + 1 < len(kids) and _broken(kids[i + 1]):
            tail = tail.rstrip()
        if strip and not tail.strip():
            tail = ""
        out.append(tail)


# --- the render gate for TEI of other projects ------------------------------------------------------------------
def kind_problem(root) -> str | None:
    """Why a document cannot be rendered at all (not TEI P5), with what to do; None for TEI P5."""
    tag = root.tag if isinstance(root.tag, str) else ""
    name = tag.rsplit("}", 1)[-1]
    if tag in ("TEI.2", "TEI") or name == "TEI.2":
        return ("TEI P4 (root <TEI.2> or <TEI> without the TEI namespace), not TEI P5: convert it to P5 first "
                "(the TEI Consortium's p4top5.xsl does this), then render the result")
    if tag == f"{T}teiCorpus":
        return "a teiCorpus: render each of its TEI documents (save each <TEI> as a file of its own)"
    if tag != f"{T}TEI":
        return (f"not TEI: the root element is <{name}>{' in ' + tag[1:].split('}')[0] if tag.startswith('{') else ''}"
                f", expected <TEI> in the namespace {xmlio.TEI_NS}")
    if root.find(f"{T}text") is None:
        return "TEI without a <text> element: nothing to render"
    if next(root.iter("{http://www.w3.org/2001/XInclude}*"), None) is not None:
        # not processed (a security rule): rendering without the included parts would lose them silently
        return ("the document uses XInclude (xi:include), which is not processed here: resolve the inclusions "
                "first (for example xmllint --xinclude), then render the result")
    return None


@lru_cache(maxsize=None)
def _specific() -> frozenset[str]:
    """Elements the HTML edition renders by a template of their own (the rest: by class, the fallback)."""
    text = (resources.transforms_dir() / "html.xsl").read_text(encoding="utf-8")
    names: set[str] = set(_lists()["SILENT"])
    for match in re.findall(r'<xsl:template match="([^"]*)" mode="hgeni?"', text):
        names |= set(re.findall(r"t:([A-Za-z0-9]+)", match))
    generic = text[text.index('<xsl:template name="any-page">'):]
    names |= set(re.findall(r"self::t:([A-Za-z0-9]+)", generic))   # tests inside the generic templates
    names |= set(re.findall(r"\.tei-([A-Za-z0-9]+)", generic))      # styled in the edition's CSS
    names |= set(re.findall(r'select="t:([A-Za-z0-9]+)', generic))   # rendered by their container (row, cell)
    return frozenset(names)


def fallback_elements(root) -> list[str]:
    """Elements of <text> that got only the generic rendering (block or inline by their TEI class)."""
    text_el = root.find(f"{T}text")
    tags = {el.tag for el in text_el.iter()} if text_el is not None else set()   # distinct tags first: one
    found = {tag[len(T):] for tag in tags if isinstance(tag, str) and tag.startswith(T)}   # pass, in C
    return sorted(found - _specific() - {"text", "body", "front", "back"})


def outside_note(root) -> str:
    names = fallback_elements(root)
    shown = ", ".join(names[:20]) + (f" (+{len(names) - 20} more)" if len(names) > 20 else "")
    note = ("outside the project customization: rendered as TEI P5 by the generic renderer"
            + (f"; by their TEI class only: {shown}" if names else ""))
    text_el = root.find(f"{T}text")
    if text_el is not None and not "".join(text_el.itertext()).strip():
        # a manuscript description (msDesc) or a catalogue record: its words are all in the header
        note += "; its <text> holds no words, so the editions are empty (the teiHeader is not rendered)"
    return note

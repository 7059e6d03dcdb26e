"""Any TEI P5: what the generic renderer (transforms/common.xsl, html.xsl) treats as a block, and the words of
<text> as that renderer presents them, for the nothing-lost check of editions of TEI from other projects.

The lists of block, floating and silent elements are read from common.xsl, where they are committed as data
(the block list is generated from tei_all.rng by tools/tei_classes.py): one definition for both sides.

What TEI marks as not read is not a word of the edition: of a <choice>, only the reading shown (the first
<expan>, else <corr>, else <reg>, else the first child); the <teiHeader>. A word broken by
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
    found = dict(re.findall(r'<xsl:variable name="(BLOCKS|FLOATING|SILENT)" select="\'([^\']*)\'"', text))
    strip = re.search(r'<xsl:strip-space elements="([^"]*)"', text).group(1)
    found["STRIP"] = strip.replace("t:", "")
    return {k: frozenset(v.split()) for k, v in found.items()}


def blocks() -> frozenset[str]:
    return _lists()["BLOCKS"]


def is_ours(root) -> bool:
    """This project's own TEI: it names tei-edition as its application (the converter writes that)."""
    return root.find(f"{T}teiHeader/{T}encodingDesc/{T}appInfo/{T}application[@ident='tei-edition']") is not None


def local(el) -> str | None:
    tag = el.tag if el is not None else None
    return tag[len(T):] if isinstance(tag, str) and tag.startswith(T) else None


def is_block(el) -> bool:
    name = local(el)
    return name in blocks() or (name == "seg" and local(el.getparent()) == "u")


def _neighbour_ok(n) -> bool:
    if n is None:
        return True
    if n == "text":
        return False
    lists = _lists()
    return local(n) in lists["BLOCKS"] or local(n) in lists["FLOATING"] or is_block(n)


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
    return (local(el) in _lists()["FLOATING"] and _neighbour_ok(_previous(el)) and _neighbour_ok(_next(el)))


def reading_of(choice):
    for name in ("expan", "corr", "reg"):
        found = choice.find(f"{T}{name}")
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


def _broken(el) -> bool:
    return local(el) in BREAKS and el.get("break") == "no"


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
    if name == "choice":
        chosen = reading_of(el)
        if chosen is not None:
            _walk(chosen, out, notes, in_note)
        return
    boundary = (name in lists["BLOCKS"] or name in lists["FLOATING"] or is_block(el)
                or name in ("space", "desc", "milestone")) and not _broken(el)
    if boundary:
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

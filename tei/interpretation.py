"""label.interpreted / note.interpreted / note.interpreting: what interpretation covers, and whose words it gives.

Decisions (TEI Guidelines 2.3.7 for @ana categories, 8.3 and 8.4.5 for spoken texts):
- Interpretation is a property of the paragraphs it covers, not of a turn: "(As interpreted.)" marks its own
  paragraph and the rest of the turn (@ana="#interpreted" on each p); when the remark stands after words of
  the same paragraph ("And now my question to you, Mr. President: (Speaks French.) (As interpreted.) ..."),
  only the part from the remark on is a <seg ana="#interpreted">. "(Speaks English.)" ends it. A label that
  says so ("QUESTION (THROUGH TRANSLATOR):") covers the whole turn.
- "(As interpreted.)": the speaker of the turn is the author; the text is an interpreter's rendering of their
  words. "MR. NAME: (Interpreting.)": the turn's speaker IS the interpreter (sp/@who stays his: he speaks
  these words), and the words he renders are another participant's: @ana="#interpreting" on the paragraphs and
  sp/@corresp pointing to the turn rendered, the nearest earlier turn of another participant with untranscribed
  foreign speech ("Q (Speaks Spanish.)"). Without such a turn nearby no link is made (no guessing).
- The language interpreted from, when the source says it (a "(Speaks Spanish.)" of the turn rendered or of the
  same turn, "(As interpreted from French.)", a label naming it) or the metadata lists exactly one language
  besides English, goes to doc.interpreted_languages, which langUsage lists.
"""
from __future__ import annotations

import re

from .conventions import LANGUAGES
from .model import Document, Remark, Turn

WINDOW = 4   # how many turns back an interpreter's rendering may reach for the words it renders
_VIA = re.compile(r"\((?P<via>[^()]*)\)")
_VIA_INTERPRETED = re.compile(r"translat|interpret", re.IGNORECASE)


def analyse(doc: Document) -> None:
    turns = doc.turns()
    meta_langs = [c for c in doc.metadata.get("languages", []) or [] if c != "en"]
    default_lang = meta_langs[0] if len(meta_langs) == 1 else None
    for index, turn in enumerate(turns):
        state, lang = _from_label(turn.label)
        heard: str | None = None      # a language this turn's own remarks name ("(Speaks French.)")
        for para in turn.paragraphs:
            para.interp, para.interp_from = state, None
            nodes = para.content
            for k, node in enumerate(nodes):
                if not isinstance(node, Remark):
                    continue
                cid = node.convention.id
                if cid == "gap.foreign":
                    heard = heard or node.lang
                elif cid in ("note.interpreted", "note.interpreting"):
                    new = "interpreted" if cid == "note.interpreted" else "interpreting"
                    lang = node.lang or lang
                    if new != state:
                        if _leading(nodes, k) or para.interp == new:
                            para.interp = new
                        elif para.interp_from is None:
                            para.interp_from = (k, new)
                    state = new
                elif cid == "note.language-switch":
                    if _leading(nodes, k):
                        para.interp = None
                    state = None
        kinds = {p.interp for p in turn.paragraphs} | {p.interp_from[1] for p in turn.paragraphs if p.interp_from}
        if "interpreting" in kinds:
            turn.renders = _rendered(turns, index)
            if turn.renders is not None:
                lang = lang or _heard(turn.renders)
        if kinds & {"interpreted", "interpreting"}:
            lang = lang or heard or default_lang
            if lang and lang != "en" and lang not in doc.interpreted_languages:
                doc.interpreted_languages.append(lang)
    for code in doc.interpreted_languages:
        if code not in doc.languages:
            doc.languages.append(code)


def _from_label(label: str | None) -> tuple[str | None, str | None]:
    m = _VIA.search(label or "")
    if not m or not _VIA_INTERPRETED.search(m.group("via")):
        return None, None
    words = re.findall(r"[a-z]+", m.group("via").lower())
    return "interpreted", next((LANGUAGES[w] for w in words if w in LANGUAGES and w != "english"), None)


def _leading(nodes: list, k: int) -> bool:
    """Only blanks and other remarks before node k: the remark opens its paragraph."""
    return all(isinstance(n, Remark) or (isinstance(n, str) and not n.strip()) for n in nodes[:k])


def _heard(turn: Turn) -> str | None:
    for para in turn.paragraphs:
        for node in para.content:
            if isinstance(node, Remark) and node.convention.id == "gap.foreign" and node.lang:
                return node.lang
    return None


def _rendered(turns: list[Turn], index: int) -> Turn | None:
    me = turns[index].who
    for j in range(index - 1, max(-1, index - 1 - WINDOW), -1):
        other = turns[j]
        if other.who != me and _heard(other):
            return other
    return None

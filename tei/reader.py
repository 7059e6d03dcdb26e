"""Normalised source lines -> the document model (front matter, turns, stage lines, headings).

The three source styles differ in layout (one paragraph per line vs hard-wrapped Markdown) and label form;
everything else (remarks, attribution of unlabeled turns, lacunae) is shared and driven by conventions.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import inline
from .conventions import (BARE_Q_LABEL, CAPS_LABEL, DISCLAIMER_CUES, HANDOVER_CUES, PUBLIC_PAPERS_LABEL,
                          QUESTION_CUES)
from .dates import parse_date
from .errors import Warning_
from .model import Document, FrontItem, Heading, Paragraph, Stage, Turn
from .source import Source

# --- stage lines (stage.setting) ------------------------------------------------------------------------------
_TIME = re.compile(r"^\(?\d{1,2}:\d{2}\s*[AaPp]\.?\s*[Mm]\.?(?:\s+[A-Z]{2,4})?\)?$")
_END = re.compile(r"^END(?:\s+(?P<time>\d{1,2}:\d{2}\s*[AP]\.M\.(?:\s+[A-Z]{2,4})?))?$")
_DASH_END = re.compile(r"(?:--|—|–)\s*$")
_DASH_START = re.compile(r"^\s*(?:--|—|–)")


@dataclass
class Block:
    line: int
    text: str
    blanks_before: int


def blocks(source: Source) -> list[Block]:
    """Paragraph blocks: one per line (DoD, Public Papers) or joined hard-wrapped lines (Markdown)."""
    joined = source.style == "whitehouse-md"
    out: list[Block] = []
    blanks = 0
    current: Block | None = None
    for no, line in source.numbered():
        text = line.strip()
        if not text:
            blanks += 1
            current = None
            continue
        if joined and current is not None:
            current.text += " " + text
        else:
            current = Block(no, text, blanks)
            out.append(current)
        blanks = 0
    return out


def match_label(text: str, style: str):
    """The speaker label at the start of a paragraph, by the source style's conventions, or None."""
    if style == "public-papers":
        return PUBLIC_PAPERS_LABEL.match(text)
    m = CAPS_LABEL.match(text)
    if m is None and style == "whitehouse-md":
        m = BARE_Q_LABEL.match(text)
    return m


def read(source: Source) -> Document:
    doc = Document(style=source.style, warnings=source.warnings)
    markdown = source.style == "whitehouse-md"
    items = blocks(source)
    start = _front(items, source, doc)
    turn: Turn | None = None
    for index in range(start, len(items)):
        block = items[index]
        text = block.text
        leading = turn is None and markdown
        stage = _stage(" ".join(inline.unescape(text).split()) if markdown else text, block.line, leading)
        if stage is not None:
            if markdown and len(stage) == 1:  # Markdown syntax in a stage line is parsed like any paragraph
                stage[0].content = inline.parse(" ".join(text.split()), block.line, True, doc.warnings)
            doc.body.extend(stage)
            turn = None
            continue
        if source.style == "public-papers" and _is_heading(text) and not match_label(text, source.style):
            doc.body.append(Heading(block.line, text))
            turn = None
            continue
        m = match_label(text, source.style)
        lacuna = (turn is not None and block.blanks_before >= 2 and turn.paragraphs
                  and _DASH_END.search(inline.unescape(turn.paragraphs[-1].text_source))
                  and _DASH_START.match(m.group("rest") or "" if m else text))
        if m:
            turn = Turn(block.line, m.group("label").strip(), interpreted=bool(m.groupdict().get("via")))
            doc.body.append(turn)
            rest = m.group("rest") or ""
        elif turn is None or block.blanks_before >= 2:
            previous = turn
            turn = Turn(block.line, None)
            turn.attribution = _attribution(previous, doc)
            doc.body.append(turn)
            rest = text
        else:
            rest = text
        turn.lacuna_before = turn.lacuna_before or bool(lacuna)
        if rest:
            turn.paragraphs.append(
                Paragraph(block.line, inline.parse(rest, block.line, markdown, doc.warnings), rest))
    if not doc.turns():
        doc.warnings.append(Warning_(items[0].line if items else 1, "turn.unlabeled", "no speaker turns found"))
    return doc


def _attribution(previous: Turn | None, doc: Document) -> str:
    """turn.unlabeled: which rule attributes a turn that the source printed without a label."""
    if previous is None:
        return "opening"
    last = previous.paragraphs[-1].text_source if previous.paragraphs else ""
    if HANDOVER_CUES.search(last):
        return "hand-over"
    if previous.label and QUESTION_CUES.search(last) and not _is_question_label(previous.label):
        return "question-invitation"
    return "continuation"


def _is_question_label(label: str) -> bool:
    return re.match(r"^(?:Q|QUESTION)\b", label, re.IGNORECASE) is not None


def _stage(text: str, line: int, leading: bool) -> list[Stage] | None:
    """stage.setting: time lines and END lines anywhere; place/date/title lines before the first turn."""
    m = _END.match(text)
    if m:
        out = [Stage(line, "end", "END")]
        if m.group("time"):
            out.append(Stage(line, "time", m.group("time")))
        return out
    if _TIME.match(text):
        return [Stage(line, "time", text)]
    if leading and not CAPS_LABEL.match(text) and not BARE_Q_LABEL.match(text) and len(text.split()) <= 25:
        if parse_date(text.strip("()")):
            return [Stage(line, "date", text)]
        if text.isupper():
            return [Stage(line, "title", text)]
        if not re.search(r"[^\W_]", text):
            return [Stage(line, "separator", text)]
        if not re.search(r"[.?!]$", text):
            return [Stage(line, "setting", text)]
    return None


def _is_heading(text: str) -> bool:
    """head.topic (Public Papers): a short line without closing punctuation, mostly capitalised words."""
    words = text.split()
    if not 1 <= len(words) <= 12 or re.search(r"[.?!:;,\"”)\]-]$", text):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return capitalised >= max(1, len(words) // 2)


def _front(items: list[Block], source: Source, doc: Document) -> int:
    """header.*: disclaimer, title, date and byline lines at the top (DoD and Public Papers styles)."""
    if source.style == "whitehouse-md":
        return 0
    i = 0
    while i < len(items) and DISCLAIMER_CUES.search(items[i].text) and not match_label(items[i].text, source.style):
        doc.front.append(FrontItem(items[i].line, "disclaimer", items[i].text))
        i += 1
    seen_title = seen_date = False
    while i < len(items) and not match_label(items[i].text, source.style) and len(items[i].text.split()) <= 25:
        text = items[i].text
        when = parse_date(text)
        if when and not seen_date:
            doc.front.append(FrontItem(items[i].line, "date", text, when))
            seen_date = True
        elif (not seen_title and not seen_date and not re.search(r"[.?!]$", text)
              and (text[:1].isupper() or text[:1].isdigit())):
            doc.front.append(FrontItem(items[i].line, "title", text))
            seen_title = True
        elif seen_date and not re.search(r"[.?!:]$", text) and len(text.split()) <= 12 \
                and not any(f.kind == "byline" for f in doc.front):
            doc.front.append(FrontItem(items[i].line, "byline", text))
        else:
            break
        i += 1
    return i

"""Normalised source lines -> the document model (front matter, turns, stage lines, headings).

The three source styles differ in layout (one paragraph per line vs hard-wrapped Markdown) and label form;
everything else (remarks, attribution of unlabeled turns, lacunae) is shared and driven by conventions.py.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import inline
from . import header
from .conventions import (BARE_Q_LABEL, CAPS_LABEL, EVENT_NOUNS, EVIDENT_QUESTION, GROUP_LABELS, HEADER_CUE,
                          MD_LINE_LABEL, PUBLIC_PAPERS_LABEL, QUESTION_CUES, QUESTIONER_LABELS, ROLE_LABELS,
                          RUN_ON_LABEL, TIMESTAMPED_LABEL, TITLE_CASE_LABEL, TITLES, LabelMatch, has_handover_cue)
from .dates import parse_date
from .errors import Warning_
from .model import Document, Heading, Paragraph, Stage, Turn
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


def blocks(source: Source, warnings: list | None = None) -> list[Block]:
    """Paragraph blocks: one per line (DoD, Public Papers) or joined hard-wrapped lines (Markdown).
    label.hard-break: in Markdown, a line that starts with a label starts a new block even with no blank line
    before it (it follows a hard break). label.run-on: a label glued to the previous sentence ("hit.STARR: So")
    starts a new block on the same line."""
    joined = source.style == "whitehouse-md"
    wrapped = not joined and hard_wrapped(source.lines, source.style)
    if wrapped and warnings is not None:
        warnings.append(Warning_(source.first_line, "layout.hard-wrapped", "the lines are hard-wrapped (labelled "
                                 "paragraphs go on to the next line mid-sentence): each paragraph's lines joined, "
                                 "from the first label on"))
    body = False   # (wrapped: the header's lines before the first label stay lines, as printed)
    out: list[Block] = []
    blanks = 0
    current: Block | None = None
    for no, line in source.numbered():
        text = line.strip()
        if not text:
            blanks += 1
            current = None
            continue
        labelled = wrapped and match_label(text, source.style) is not None   # (asked once per line, wrapped only)
        if joined and current is not None and not (MD_LINE_LABEL.match(text) and match_label(text, source.style)):
            current.text += " " + text
        elif wrapped and current is not None and body and not labelled:
            current.text += " " + text
        else:
            current = Block(no, text, blanks)
            out.append(current)
            body = body or labelled
        blanks = 0
    if source.style != "public-papers":
        out = [piece for block in out for piece in _run_on(block, source.style, warnings)]
    return out


def hard_wrapped(lines: list[str], style: str) -> bool:
    """layout.hard-wrapped: a plain-text copy whose paragraphs are broken over lines of a fixed width (an old
    mirror's or a mailing list's text, a posted message), not one paragraph per line. Told from the first label
    on (a header's lines are short whatever the layout): at least three lines, and a third as many as there are
    paragraphs, end mid-word or at a comma with more of their paragraph on the next line. (A file of one
    paragraph per line ends each line with the paragraph's punctuation.)"""
    runs = wrapped = 0
    body = False
    previous = ""
    for i, line in enumerate(lines):
        text = line.strip()
        body = body or (bool(text) and match_label(text, style) is not None)
        if body and text and not previous:
            runs += 1
        previous = text
        if not body or not text or not (text[-1].isalnum() or text[-1] == ",") or i + 1 == len(lines):
            continue
        after = lines[i + 1].strip()
        if after and match_label(after, style) is None:
            wrapped += 1
    return wrapped >= 3 and wrapped * 3 >= runs


# What every run-on cut has (RUN_ON_LABEL's look-behind and the first character of its look-ahead): closing
# punctuation glued to a letter. One scan for it spares RUN_ON_LABEL's walk of nearly every block.
_GLUED = re.compile(r"[.?!…)\]][^\W\d_]")


def _run_on(block: Block, style: str, warnings: list | None) -> list[Block]:
    """label.run-on: split a block where a label is glued to the end of a sentence with no space."""
    if ":" not in block.text or not _GLUED.search(block.text):
        return [block]
    cuts = [m.start() for m in RUN_ON_LABEL.finditer(block.text) if CAPS_LABEL.match(block.text[m.start():])]
    if not cuts:
        return [block]
    pieces: list[Block] = []
    start = 0
    for cut in cuts:
        pieces.append(Block(block.line, block.text[start:cut], block.blanks_before if not pieces else 0))
        start = cut
    pieces.append(Block(block.line, block.text[start:], 0))
    if warnings is not None:
        warnings.append(Warning_(block.line, "label.run-on",
                                 f"{len(cuts)} label(s) glued to the previous sentence read as new turns"))
    return [p for p in pieces if p.text.strip()]


def match_label(text: str, style: str, known: frozenset = frozenset()) -> LabelMatch | None:
    """The speaker label at the start of a paragraph, by the source style's conventions, or None. `known`: the
    names a title-case label may be alone (label.title-case, DoD style)."""
    if style == "public-papers":
        m = PUBLIC_PAPERS_LABEL.match(text) or BARE_Q_LABEL.match(text)
        return LabelMatch(m.group("label"), m.group("rest") or "") if m else None
    m = CAPS_LABEL.match(text)
    if m is None and "):" in text:   # label.timestamped (cheap test first: most paragraphs have no "):")
        t = TIMESTAMPED_LABEL.match(text)
        if t:
            return LabelMatch(t.group("label"), t.group("rest") or "")
    if m is None:
        q = BARE_Q_LABEL.match(text)
        if q is not None:
            return LabelMatch("Q", q.group("rest") or "")
        if style == "dod":
            t = TITLE_CASE_LABEL.match(text)
            # (a name with an interpretation mark is a label though no other line names it: "Al-Sabah [Through
            # translator]:")
            if t and t.group("rest") and (_title_case_label(t.group("words"), known) or t.group("via")
                                          and _interpreted_name(t.group("words"))):
                return LabelMatch(t.group("label"), t.group("rest"), bool(t.group("via")))
    return m


_TITLE_WORDS = {w for w in TITLES if w not in ("the", "of", "for", "and", "his", "her", "first", "vice", "us",
                                                "u.s", "national", "security", "state", "defense", "press")}


# label.title-case: a role or group word alone is a label in title case too ("Moderator:", "Unknown:", "Staff:"),
# as the early archive prints them; not "Speaker:", "Press:" or "Participants:", which head header lines as often.
_ROLE_WORDS = {w for w in (*ROLE_LABELS, *GROUP_LABELS, *QUESTIONER_LABELS) if " " not in w} - {
    "speaker", "press", "participant", "participants"}


def _title_case_label(words: str, known: frozenset) -> bool:
    """label.title-case: "Secretary Rumsfeld", "President Bush", "Gen. Myers"; or "Rumsfeld" once known."""
    parts = words.split()
    if any(p.strip(".").lower() in EVENT_NOUNS for p in parts):   # "DoD News Briefing:" is a title line
        return False
    if len(parts) == 1:
        return parts[0] in known or parts[0].lower() in _ROLE_WORDS
    return parts[0].strip(".").lower() in _TITLE_WORDS and all(
        p[:1].isupper() and p.strip(".").lower() not in ("the", "of") for p in parts[1:]) \
        and not parts[-1].strip(".").lower() in _TITLE_WORDS


def _interpreted_name(words: str) -> bool:
    """TITLE_CASE_LABEL's capitalised words (up to four) that are no event and hold no "the" or "of": a name an
    interpretation mark makes a label."""
    return not any(p.strip(".").lower() in EVENT_NOUNS or p.strip(".").lower() in ("the", "of") for p in words.split())


def _title_case_names(items: list[Block], style: str) -> frozenset:
    """The last words of the title-case labels a DoD-style document prints (so that "Rumsfeld:" is one), and the
    surnames its presenter lines name ("Presenter: Secretary of Defense Donald H. Rumsfeld": an excerpt may print
    "Rumsfeld:" before any longer label)."""
    if style != "dod":
        return frozenset()
    names = set()
    presenter = HEADER_CUE["header.presenter"].regex
    for block in items[:12]:   # the header's lines
        m = presenter.fullmatch(block.text)
        if m:
            names.update(p.name.split()[-1] for p in header.people(m.group("names"), "presenter", block.line)
                         if p.name.split() and p.name.split()[-1][:1].isupper())
    for block in items:
        t = TITLE_CASE_LABEL.match(block.text) if ":" in block.text else None   # a label ends in a colon
        if t and t.group("rest") and len(t.group("words").split()) > 1 and _title_case_label(t.group("words"), frozenset()):
            names.add(t.group("words").split()[-1])
    return frozenset(names)


def _comma_for_period(text: str, line: int, cores: frozenset, doc) -> LabelMatch | None:
    """person.typo: a label the document prints elsewhere, here with a comma for its stop ("THE PRESIDENT, Good
    afternoon." beside "THE PRESIDENT." of the same page): that label, reported."""
    head, comma, rest = text.partition(",")
    if not comma or head not in cores or not rest.startswith(" "):
        return None
    doc.warnings.append(Warning_(line, "person.typo", f"{head + ','!r} read as the label {head!r} printed "
                                                     "elsewhere (a comma for its stop)"))
    return LabelMatch(head + ",", rest.strip())


def usual_gap(items: list[Block]) -> int:
    """turn.layout-gap: the blank lines this file prints between paragraphs (the largest gap found in more than a
    quarter of the paragraph transitions, measured from four transitions on). Only a larger gap is a visible
    break between turns."""
    gaps = [b.blanks_before for b in items[1:]]
    if len(gaps) < 4:  # too few paragraphs to measure a habit: one blank line is the paragraph gap
        return 1
    counts = {g: gaps.count(g) for g in set(gaps)}
    return max([1] + [g for g, n in counts.items() if n * 4 > len(gaps)])


def read(source: Source) -> Document:
    doc = Document(style=source.style, warnings=source.warnings)
    markdown = source.style == "whitehouse-md"
    items = blocks(source, doc.warnings)
    known = _title_case_names(items, source.style)

    # A block's label is asked for up to four times (header.classify, the Q&A count, the loop below, _ahead):
    # match_label depends only on the text once the style and the known names are fixed, so each text is
    # matched once.
    labels: dict[str, LabelMatch | None] = {}

    def label_of(text: str) -> LabelMatch | None:
        if text not in labels:
            labels[text] = match_label(text, source.style, known)
        return labels[text]

    @functools.cache   # (asked only of unlabeled paragraphs; worked out on the first)
    def cores() -> frozenset:
        """The labels in capitals the document prints, without their stop ("THE PRESIDENT")."""
        return frozenset(core for b in items if (lm := label_of(b.text)) is not None
                         and (core := lm.label.rstrip(".:").strip()).isupper() and len(core) >= 6)

    start = 0 if markdown else header.classify(items, lambda t: label_of(t) is not None, doc)
    body = items[start:]
    usual = usual_gap(body)
    threshold = max(2, usual + 1)
    qa = sum(1 for b in body if (m := label_of(b.text)) and _is_question_label(m.label)) >= 2
    turn: Turn | None = None
    turns: list[Turn] = []   # doc.turns(), kept as the loop appends them (_interjection looks at the last two)
    for index in range(start, len(items)):
        block = items[index]
        text = block.text
        leading = turn is None and markdown
        stage = _stage(" ".join(inline.unescape(text).split()) if markdown else text, block.line, leading)
        if stage is not None:
            if markdown and len(stage) == 1:  # Markdown syntax in a stage line is parsed like any paragraph
                found: list = []
                stage[0].content = inline.parse(" ".join(text.split()), block.line, True, found)
                # "(February 13, 2025)": a date line in brackets, read as such (stage.setting), not an unknown
                # remark for the review to ask about
                doc.warnings.extend(w for w in found if not (stage[0].type == "date"
                                                             and w.convention == "text.unknown-remark"))
            doc.body.extend(stage)
            turn = None
            continue
        if source.style == "public-papers" and index + 1 < len(items) and _is_heading(text) and not label_of(text):
            # (a heading heads something: a short last line is a cut-off page's last words, "Presid")
            doc.body.append(Heading(block.line, text))
            turn = None
            continue
        m = label_of(text) or _comma_for_period(text, block.line, cores(), doc)
        broken = block.blanks_before >= threshold
        last = turn.paragraphs[-1].text_source if turn is not None and turn.paragraphs else ""
        lacuna = (turn is not None and broken and turn.paragraphs
                  and _DASH_END.search(inline.unescape(last))
                  and _DASH_START.match(m.rest if m else text))
        if m:
            turn = Turn(block.line, m.label.strip(), interpreted=m.interpreted)
            doc.body.append(turn)
            turns.append(turn)
            rest = m.rest
        elif turn is None or broken or _hands_over(turn, last, block, usual):
            previous = turn
            turn = Turn(block.line, None)
            turn.attribution, turn.cue = _attribution(previous, qa, _ahead(items, index, threshold, label_of))
            doc.body.append(turn)
            turns.append(turn)
            rest = text
        elif _interjection(turns):
            turn = Turn(block.line, None, attribution="resumption", cue=turn.paragraphs[0].text_source)
            doc.body.append(turn)
            turns.append(turn)
            rest = text
        else:
            rest = text
        turn.lacuna_before = turn.lacuna_before or bool(lacuna)
        if rest:
            turn.paragraphs.append(
                Paragraph(block.line, inline.parse(rest, block.line, markdown, doc.warnings), rest))
    if not turns:
        doc.warnings.append(Warning_(items[0].line if items else 1, "turn.unlabeled", "no speaker turns found"))
    return doc


def _hands_over(turn: Turn, last: str, block: Block, usual: int) -> bool:
    """turn.hand-over at the usual gap: a cue in the last sentence of the turn's last paragraph (`last`), then
    more than a short address. Asked only of an unlabeled block that would otherwise go on the turn."""
    # the cue search last: it is the costly test
    return (bool(last) and block.blanks_before >= max(1, usual) and not _is_question_label(turn.label or "")
            and len(block.text.split()) > 3 and _handover(last, sentences=1))


def _interjection(turns: list[Turn]) -> bool:
    """turn.resumption: a turn broke off with a dash, another speaker put in a few words ("STAFF: Saudi Arabia."),
    and an unlabeled paragraph follows: the interrupted speaker resumes (attributed with low certainty)."""
    if len(turns) < 2:
        return False
    before, current = turns[-2], turns[-1]
    if not (current.label and before.label and len(current.paragraphs) == 1 and before.paragraphs):
        return False
    words = current.paragraphs[0].text_source.split()
    return (len(words) <= 6 and not _DASH_END.search(current.paragraphs[0].text_source)
            and "?" not in current.paragraphs[0].text_source
            and bool(_DASH_END.search(before.paragraphs[-1].text_source)) and before.label != current.label)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
# Everything up to the last sentence break: a greedy match from the start stops at the last [.!?] followed by
# whitespace and takes the whole whitespace run, exactly the last separator _SENTENCE_BREAK.split would cut at.
_BEFORE_LAST_SENTENCE = re.compile(r".*[.!?]\s+", re.DOTALL)


def _handover(paragraph: str, sentences: int = 2) -> bool:
    """turn.hand-over: a cue in the last sentences of a paragraph."""
    paragraph = paragraph.strip()
    if sentences == 1:  # asked of nearly every paragraph: the last sentence without splitting them all
        before = _BEFORE_LAST_SENTENCE.match(paragraph)
        tail = paragraph[before.end():] if before else paragraph
    else:
        tail = " ".join(_SENTENCE_BREAK.split(paragraph)[-sentences:])
    return has_handover_cue(tail)


def _ahead(items: list[Block], index: int, threshold: int, label_of) -> str:
    """The text of the unlabeled paragraphs that open at `index`, up to the next label or break."""
    out = [items[index].text]
    for block in items[index + 1:]:
        if block.blanks_before >= threshold or label_of(block.text):
            break
        out.append(block.text)
    return " ".join(out)


def _attribution(previous: Turn | None, qa: bool, following: str) -> tuple[str, str]:
    """turn.unlabeled: which rule attributes a turn that the source printed without a label, and its cue.
    A question invitation needs a Q&A exchange (two or more questioner labels) and a following paragraph that is
    evidently a question; a `?` ending the previous turn is not enough."""
    if previous is None:
        return "opening", ""
    last = previous.paragraphs[-1].text_source if previous.paragraphs else ""
    if _handover(last) and not _is_question_label(previous.label or ""):
        return "hand-over", last
    if (qa and previous.label and QUESTION_CUES.search(last) and not _is_question_label(previous.label)
            and EVIDENT_QUESTION.search(following)):
        return "question-invitation", last
    return "continuation", last


@functools.lru_cache(maxsize=4096)   # asked of every labeled block and every hand-over, of a few labels
def _is_question_label(label: str) -> bool:
    return " ".join(label.strip().rstrip(":.").lower().split("(")[0].split()) in QUESTIONER_LABELS


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

"""The page header: every line before the first speaker label (or the first spoken paragraph), classified.

Each line becomes a typed FrontItem, in order and verbatim (it stays in <front>), and the header's facts are
read from them: title, printed date, presenters with their roles, byline, issuing office, notices. The kinds
and their cues are rows of the registry (conventions.HEADER_CUES); the reader rules here are:

- a line that a cue matches is of that kind (disclaimer, banner, image alt text, agency, breadcrumb, document
  type, office, presenter line, byline, notice);
- a short line that is a date ("April 08, 2014", "Mon, 10 Mar 2008 17:45:00 -0500") is the date line;
- the first other line, title-like (no closing sentence punctuation), is the title;
- after the title, a short line of a title and a name ("Secretary of Defense James N. Mattis") is a byline,
  a place or time line is a setting line; anything else is kept, unclassified, with a warning;
- the header ends at the first speaker label or at the first line that reads as speech (a sentence).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .conventions import EVENT_WORDS, HEADER_CUES, MESSAGE_FIELD, TITLES, VOLUME_TAG
from .dates import date_span, parse_date
from .errors import Warning_
from .model import Decision, FrontItem

_TITLE_SET = set(TITLES)
# Title words that do not make a person's title on their own ("the National Defense Strategy", "The Pentagon").
_ORG_WORDS = {"of", "the", "for", "and", "defense", "state", "national", "security", "strategic", "communications",
              "joint", "air", "force", "army", "navy", "marine", "corps", "pentagon", "dod", "nsc", "us", "u.s",
              "command", "chiefs", "staff", "press", "first", "vice", "under", "deputy", "assistant", "senior",
              "sr", "his", "her"}
_SENTENCE_END = re.compile(r"[.?!…]['\"”’)]*$")
_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b[A-Z][a-z]{0,4}\.|\b(?:Jr|Sr|Inc|Co|St)\.)$")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\s*(?:[AaPp]\.?\s*[Mm]\.?)?(?:\s+[A-Z]{2,4})?\b")
_PLACE_WORDS = re.compile(r"\b(?:Pentagon|Room|Washington|Base|Camp|Fort|Hall|Center|Centre|Office|Building"
                          r"|Airport|Aboard|USS|Virginia|Va\.|D\.C\.|Arlington|Headquarters|House)\b")
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
_SEPARATORS = re.compile(r"\s*;\s*|\s*,\s+(?:and\s+)?|\s+and\s+|\s*&\s*")
_NUMBER_WORDS = {"one", "two", "three", "four", "five", "1", "2", "3", "4", "5", "#1", "#2", "#3"}


@dataclass
class HeaderPerson:
    """A person the header names (presenter line, byline, title): name as printed and role words."""

    name: str          # "Leon E. Panetta"; for an anonymous presenter the role itself ("Senior Defense Official")
    role: str          # "Secretary of Defense"
    source: str        # presenter | byline | title | volume (header.volume-tag)
    line: int

    @property
    def surname(self) -> str:
        words = [w for w in self.name.split() if w.strip(".,").lower() not in ("jr", "sr", "ii", "iii", "iv")]
        return words[-1].strip(".,") if words else ""

    @property
    def anonymous(self) -> bool:
        return self.name == self.role


def _is_title_word(word: str) -> bool:
    return word.strip(".,").lower() in _TITLE_SET


def is_person_title(words) -> bool:
    """Whether title words name an office a person holds ("Secretary of Defense", "Senior Defense Official"),
    not an organisation ("The Pentagon", "National Defense")."""
    return any(w.strip(".,").lower() in _TITLE_SET and w.strip(".,").lower() not in _ORG_WORDS for w in words)


def split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """(role words, name words) of "Chairman of the Joint Chiefs of Staff Adm. Mike Mullen": the name is the run
    of capitalised non-title words at the end."""
    i = len(words)
    while i > 0 and _NAME_WORD.match(words[i - 1]) and words[i - 1][:1].isupper() \
            and not _is_title_word(words[i - 1]):
        i -= 1
    name = words[i:]
    if name and all(w.strip(".,").lower() in _NUMBER_WORDS for w in name):
        return words, []
    return words[:i], name


def people(text: str, source: str, line: int) -> list[HeaderPerson]:
    """The persons of a presenter line or byline: "NAME, role; NAME, role", "Role NAME and Role NAME",
    "Role NAME, Role NAME", or roles only ("Senior Defense Official and Senior Military Official")."""
    span = date_span(text)
    if span and text[span[1]:].strip(" -–—,|") == "":
        text = text[:span[0]]
    text = text.strip(" -–—,|")
    if ";" in text:  # "NAME, role; NAME, role"
        out = []
        for entry in filter(None, (e.strip() for e in text.split(";"))):
            name, _, role = entry.partition(",")
            prefix, name_words = split_name(name.split())  # "Lt. Gen. Kenneth McKenzie"
            role = ", ".join(x for x in (" ".join(prefix), role.strip()) if x)
            out.append(HeaderPerson(" ".join(name_words) or name.strip(), role, source, line))
        return out
    out: list[HeaderPerson] = []
    entries = [e.strip() for e in _SEPARATORS.split(text) if e.strip()]
    for n, entry in enumerate(entries):
        role, name = split_name(entry.split())
        if not name:
            if out and not out[-1].role and not out[-1].anonymous:
                out[-1].role = " ".join(role)   # "John Kirby, Pentagon Press Secretary"
                continue
            if is_person_title(role):
                out.append(HeaderPerson(" ".join(role), " ".join(role), source, line))
        elif role and is_person_title(role) or (not role and n + 1 < len(entries)
                                                 and not split_name(entries[n + 1].split())[1]):
            out.append(HeaderPerson(" ".join(name), " ".join(role), source, line))
        # else: a place or a weekday after the person ("..., U.S. Naval Academy, Annapolis, Maryland, Friday")
    return out


def _is_speech(text: str) -> bool:
    """A line that reads as spoken text, not a header line: a sentence, or too long for a header line."""
    if len(text.split()) > 25 or text[:1].islower():
        return True
    return bool(_SENTENCE_END.search(text)) and not _ABBREVIATION_END.search(text) \
        and not re.fullmatch(r"\(.*\)", text)


def _title_like(text: str) -> bool:
    """A short title-case line ending in ? or ! ("What's Next for the Force?") is a title, not speech."""
    words = text.split()
    content = [w for w in words if w.lower() not in ("a", "an", "the", "and", "of", "for", "to", "in", "on", "at",
                                                     "with", "by", "is", "or")]
    return text.endswith(("?", "!")) and len(words) <= 15 and bool(content) and all(
        w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha() for w in content)


def _is_date_line(text: str) -> bool:
    span = date_span(text)
    if not span or not parse_date(text):
        return False
    return len((text[:span[0]] + " " + text[span[1]:]).split()) <= 5


def _name_line(text: str) -> bool:
    """"Secretary of Defense James N. Mattis": title words then a name, nothing else."""
    words = text.split()
    role, name = split_name(words)
    return 1 <= len(words) <= 12 and bool(role) and bool(name) and all(_is_title_word(w) for w in role) \
        and is_person_title(role) and "," not in text


def _caps(text: str) -> bool:
    return text == text.upper() and any(c.isalpha() for c in text)


def _cue(text: str):
    for cue in HEADER_CUES:
        m = cue.regex.fullmatch(text)
        if m:
            return cue, m
    return None, None


def _message_field(blocks: list, i: int, doc) -> bool:
    """header.message: block i is a field of the message header a posted copy starts with (two or more fields at
    the top of the file: "from: Whitehouse Press", "subject: ...")."""
    if not MESSAGE_FIELD.fullmatch(blocks[i].text):
        return False
    if doc.front:
        return doc.front[-1].kind == "message"
    return i == 0 and len(blocks) > 1 and MESSAGE_FIELD.fullmatch(blocks[1].text) is not None


_BEGIN_MARK = re.compile(r"\((?:begin|start) (?:transcript|text)\)", re.IGNORECASE)


def _begin_mark(blocks: list, is_label) -> int:
    """The index of a copy's "(begin transcript)" mark (the Washington File's), when one stands among the first
    lines before any label; else 0."""
    for i, block in enumerate(blocks[:30]):
        if is_label(block.text):
            return 0
        if _BEGIN_MARK.fullmatch(block.text):
            return i
    return 0


def classify(blocks: list, is_label, doc) -> int:
    """Fill doc.front from the leading blocks; return the index of the first block of the transcript proper.
    `is_label(text)` says whether a block starts with a speaker label. A leading " date YYYY-MM-DD " prefix is
    cut off its block (the rest of the line is read on)."""
    i = 0
    seen_title = False
    begin = _begin_mark(blocks, is_label)
    while i < len(blocks):
        block = blocks[i]
        text = block.text
        if i < begin and _is_speech(text) and not _cue(text)[0]:
            # before a copy's "(begin transcript)": the copy's own lead, however it reads (header.lead)
            doc.front.append(FrontItem(block.line, "lead", text))
            _decide(doc, block.line, "lead", "header.lead", text[:80], "medium")
            i += 1
            continue
        prefix = re.match(r"date (\d{4}-\d{2}-\d{2})(?:\s+|$)", text) if i == 0 else None
        if prefix:
            doc.front.append(FrontItem(block.line, "date", text[:prefix.end()].strip(), parse_date(prefix.group(1))))
            _decide(doc, block.line, "date", "header.date-prefix", text[:prefix.end()].strip(), "medium")
            block.text = text = text[prefix.end():]
            if not text:
                i += 1
                continue
        if _message_field(blocks, i, doc):   # header.message: a posted copy's own header fields, first
            doc.front.append(FrontItem(block.line, "message", text))
            _decide(doc, block.line, "message", "header.message", text[:80], "high")
            i += 1
            continue
        if is_label(text) or len(text) > 1500:  # a header line is short; a very long line is the transcript
            break
        cue, m = _cue(text.rstrip(" |") or text)   # (a print page's menu links end in a separator)
        kind = cue.id.split(".", 1)[1] if cue else None
        if kind == "date-prefix":
            kind = None
        if kind == "notice" and _is_date_line(text.strip("()")):
            kind = None  # "(January 23, 2025)": a date line in parentheses
        item = FrontItem(block.line, kind or "", text)
        if kind in ("presenter", "byline"):
            names = m.group("names") if kind == "presenter" else m.group("who")
            item.people = people(names, kind, block.line)
            item.when = parse_date(text)
        elif kind in ("breadcrumb", "release"):
            item.when = parse_date(text)
        elif kind is None:
            if _is_date_line(text) and (seen_title or not _names_event(_without_date(text))):
                # ("DoD News Briefing - Dec. 5, 1996" is the title, with its date: meta reads a title's date)
                item.kind, item.when = "date", parse_date(text)
                tag = VOLUME_TAG.search(text)
                if tag:  # header.volume-tag: the President whose papers these are
                    item.people = [HeaderPerson(tag.group("name"), "President", "volume", block.line)]
                    _decide(doc, block.line, "person", "header.volume-tag",
                            f"{tag.group(0).strip()} names President {tag.group('name')}", "medium")
            elif doc.front and text.endswith("]") and "[" not in text:
                # the end of a bracketed setting note whose opening the copy lost ("recognizing the United States
                # Strategic Command ... in Government]", defense.gov 1996): a header line, not speech
                item.kind = "setting"
            elif _is_speech(text) and not (not seen_title and (_title_like(text) or _long_title(text)
                                                               or _dated_title(blocks, i))):
                break
            elif _TIME.fullmatch(text.strip()):
                item.kind = "setting"   # "1:59 P.M. EST": never a title, even on a page that prints none
            elif not seen_title and _PLACE_WORDS.search(text) and _place_before_time(blocks, i):
                item.kind = "setting"   # the room before the time, on a page that prints no title
            elif not seen_title and _name_line(text.rstrip(" |")) and _event_title_ahead(blocks, i, is_label):
                # a print page's banner ("The White House" / "President George W. Bush"): the title is the
                # line below that names the event ("Press Briefing by Scott McClellan")
                item.kind = "unclassified"
                doc.warnings.append(Warning_(block.line, "header.unclassified",
                                             f"header line kept as printed, kind unknown: {text[:60]!r}"))
            elif not seen_title or (_caps(text) and doc.front and doc.front[-1].kind == "title"
                                    and _caps(doc.front[-1].text)):
                item.kind = "title"  # a title in capitals may run over two lines
            elif _name_line(text):
                item.kind = "byline"
                item.people = people(text, "byline", block.line)
            elif _TIME.search(text) or _PLACE_WORDS.search(text) or "," in text or _place_before_time(blocks, i):
                item.kind = "setting"
            else:
                item.kind = "unclassified"
                doc.warnings.append(Warning_(block.line, "header.unclassified",
                                             f"header line kept as printed, kind unknown: {text[:60]!r}"))
        seen_title = seen_title or item.kind == "title"
        doc.front.append(item)
        _decide(doc, block.line, item.kind, f"header.{item.kind}" if cue is None else cue.id, text[:80],
                "high" if cue else "medium")
        i += 1
    return i


def _without_date(text: str) -> str:
    span = date_span(text)
    return text[:span[0]] + text[span[1]:] if span else text


def _names_event(text: str) -> bool:
    return any(w.strip(",.:;()").lower() in EVENT_WORDS for w in text.split())


def _long_title(text: str) -> bool:
    """A title naming four officials runs past a header line's usual length ("Secretary of State Antony J.
    Blinken, Secretary of Defense Lloyd J. Austin III, ... at a Joint Press Availability"): still a title when it
    has no sentence end and names the event."""
    return len(text.split()) <= 50 and not _SENTENCE_END.search(text) and _names_event(text)


def _dated_title(blocks, i: int) -> bool:
    """The Public Papers end a title with a period ("... Remarks and a Question-and-Answer Session at the Clinton
    Town Meeting."): a line naming the event, right above the date line, is the title all the same."""
    text = blocks[i].text
    return (len(text.split()) <= 30 and _names_event(text) and i + 1 < len(blocks)
            and _is_date_line(blocks[i + 1].text.strip("()")))


def _event_title_ahead(blocks, i: int, is_label) -> bool:
    """Whether a later header line, before the first label, is a title naming the event."""
    for block in blocks[i + 1:i + 12]:
        text = block.text
        if is_label(text) or _is_speech(text):
            return False
        if (_cue(text)[0] is None and not _is_date_line(text) and not _TIME.search(text)
                and not _PLACE_WORDS.search(text) and _names_event(text)):
            return True
    return False


def _place_before_time(blocks, i: int) -> bool:
    """whitehouse.gov prints the room, then (a date line and) the time: "South Lawn" / "5:56 P.M. EDT". A short
    line of capitalised words there is the place, whatever the words ("Rose Garden", "Grand Foyer")."""
    words = blocks[i].text.split()
    if len(words) > 6 or _SENTENCE_END.search(blocks[i].text) or any(
            w[0].islower() and len(w) > 3 for w in words):   # "of", "the", "at" aside
        return False
    for block in blocks[i + 1:i + 3]:
        text = block.text.strip()
        if _TIME.fullmatch(text):
            return True
        if not _is_date_line(text.strip("()")):
            return False
    return False


def _decide(doc, line: int, subject: str, rule: str, evidence: str, certainty: str) -> None:
    doc.decisions.append(Decision(line, f"header line: {subject}", rule, evidence, certainty, subject))


def _unshout(text: str) -> str:
    """A name from a title in capitals, in the case a name is written: "NARENDRA MODI" -> "Narendra Modi"."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in text.split()) \
        if text.isupper() else text


def title_people(title: str, line: int = 0) -> list[HeaderPerson]:
    """The persons a title names, in order: title words then a name ("Remarks by Vice President Harris in ...",
    "Secretary of Defense Lloyd J. Austin III Press Conference"), or "NAME, Role" ("Sabrina Singh, Deputy
    Pentagon Press Secretary, Holds ..."). A name ends at a function word, an event word or a title word."""
    from .conventions import EVENT_WORDS, TITLE_STOP_WORDS

    words = title.replace(",", " , ").split()
    out: list[HeaderPerson] = []
    i = 0

    def is_name(w: str) -> bool:
        low = w.strip(".,'’").lower()
        return bool(_NAME_WORD.match(w)) and w[:1].isupper() and low not in _TITLE_SET \
            and low not in EVENT_WORDS and low not in TITLE_STOP_WORDS and not w.endswith(("'s", "’s"))

    while i < len(words):
        j = i
        while j < len(words) and _is_title_word(words[j]) and (words[j][:1].isupper() or
                                                                words[j].lower() in ("of", "the", "for")):
            j += 1
        role = [w for w in words[i:j]]
        while role and role[-1].lower() in ("of", "the", "for", "and"):
            role.pop()
        k = j
        while k < len(words) and is_name(words[k]) and k - j < 5:
            k += 1
        if role and k > j and is_person_title(role):
            out.append(HeaderPerson(_unshout(" ".join(words[j:k])), _unshout(" ".join(role)), "title", line))
            i = k
            continue
        if not role and words[i].lower() == "by" and i > 0:   # "Press Briefing by Scott McClellan": no role
            k = i + 1
            while k < len(words) and is_name(words[k]) and k - i <= 4:
                k += 1
            if k - i >= 3 and (k == len(words) or words[k] == "," or words[k].lower() in TITLE_STOP_WORDS):
                out.append(HeaderPerson(_unshout(" ".join(words[i + 1:k])), "", "title", line))
                i = k
                continue
        if not role and i == 0:  # "NAME, Role": a name first, then a comma and title words
            k = 0
            while k < len(words) and is_name(words[k]) and k < 4:
                k += 1
            if 2 <= k < len(words) - 1 and words[k] == "," and _is_title_word(words[k + 1]):
                m = k + 1
                while m < len(words) and _is_title_word(words[m]):
                    m += 1
                out.append(HeaderPerson(" ".join(words[:k]), " ".join(words[k + 1:m]), "title", line))
                i = m
                continue
        i = max(j, i + 1)
    return out

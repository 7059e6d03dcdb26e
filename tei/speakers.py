"""Labels -> participants: identity from the whole label and the header, variants of one person merged.

Rules (person.* in the conventions table), each decision recorded in doc.decisions:
- person.name: a label with a name ("SECRETARY OF DEFENSE LEON PANETTA:", "SEC. PANETTA:") is that person,
  id from the surname; labels whose names agree (same surname, no conflicting first name) are one person.
- person.role: a label that is only a role is identified by the whole role ("SENIOR ADMINISTRATION OFFICIAL" and
  "SENIOR MILITARY OFFICIAL" are two people; "WHITE HOUSE AIDE" is not "POLISH AIDE"); an office that one
  person holds ("THE PRESIDENT:", "THE VICE PRESIDENT:") resolves to the holder another label, the header or the
  title names ("Remarks by President Trump ..." -> trump).
- person.group: Q, QUESTION, REPORTERS, PARTICIPANTS, AUDIENCE MEMBERS are groups (personGrp).
- person.typo: a label once printed a letter off a commoner label ("MR. SULLVIAN:" beside "MR. SULLIVAN:",
  "MODERARTOR:") is kept as printed, resolved to that person, with a warning.
- person.principal: the principal speaker (the author) is the person the byline, the title or the presenter
  line names, in that order; never the one with most turns.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from . import header as hdr
from .conventions import (ANSWER_LABELS, GROUP_LABELS, LABEL_ABBREVIATIONS, QUESTIONER_LABELS, ROLE_LABELS, TITLES,
                          US_PRESIDENTS, US_VICE_PRESIDENTS)
from .errors import Warning_
from .model import Decision, Document, Participant, Remark, walk

_PARENS = re.compile(r"\s*(?:\([^)]*\)|\[[^\]]*\])\s*")   # (and a journalist's [affiliation]: not the name)
_INTERPRETATION = re.compile(r"translat|interpret|via\b", re.IGNORECASE)
_TITLE_SET = set(TITLES)
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


@functools.lru_cache(maxsize=8192)   # the same names are compared with every participant, label after label
def fold(text: str) -> str:
    """Lower case without accents: "LÓPEZ" -> "lopez" (for ids and comparisons, never for display)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def _core(label: str) -> str:
    """The label without its colon and interpretation parts; a label of parentheses only keeps their words."""
    text = label.strip().rstrip(":.").strip()
    kept = [p for p in re.findall(r"\(([^)]*)\)", text) if not _INTERPRETATION.search(p)]
    core = _PARENS.sub(" ", text).strip()
    return core or " ".join(kept).strip()


def label_words(label: str) -> list[str]:
    return [w.strip(".,").lower() for w in _core(label).replace(",", " ").split() if w.strip(".,")]


@functools.lru_cache(maxsize=4096)   # asked twice for every turn, of the same few labels
def label_key(label: str) -> str:
    """The label's words as one string: what identifies a label ("SEC. PANETTA:" -> "sec panetta")."""
    return " ".join(label_words(label))


def _make_id(words: list[str]) -> str:
    ident = re.sub(r"[^a-z0-9]+", "-", "-".join(fold(w) for w in words)).strip("-") or "speaker"   # "MRS." -> mrs
    return ident if ident[0].isalpha() else "p-" + ident


_SMALL_WORDS = {"of", "the", "and", "for", "to", "on", "in", "at"}


def _title_case(text: str) -> str:
    """"JEAN-PIERRE" -> "Jean-Pierre", "MS." -> "Ms.", "SECRETARY OF DEFENSE" -> "Secretary of Defense";
    mixed-case words are left as printed."""
    def word(i: int, w: str) -> str:
        if i and w.lower() in _SMALL_WORDS and (w.isupper() or w.islower()):
            return w.lower()
        return "-".join(part[:1].upper() + part[1:].lower() for part in w.split("-")) if w.isupper() or \
            w.islower() else w
    return " ".join(word(i, w) for i, w in enumerate(text.split()))


def _expand(words: list[str]) -> list[str]:
    return [LABEL_ABBREVIATIONS.get(w, w) for w in words if w != "the"]


def _distance(a: str, b: str) -> int:
    """Edit distance with transpositions (label typos), capped at 3."""
    if abs(len(a) - len(b)) > 2:
        return 3
    prev2, prev = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return min(prev[-1], 3)


class Registry:
    def __init__(self, doc: Document, title: str, overrides: dict, counts: dict[str, int]):
        self.doc = doc
        self.title = title or ""
        self.people = doc.participants
        self.by_label: dict[str, str] = {}
        self.overrides = overrides  # from --meta: {id: {name, role, labels}}
        self.counts = counts        # how often each label key is printed (typo detection)
        self.line, self.label = 1, ""  # the label being resolved and its source line (for warnings)
        self.header = list(doc.header_people) + hdr.title_people(self.title)
        for ident, spec in overrides.items():
            for label in spec.get("labels", []):
                self.by_label[" ".join(label_words(label))] = ident

    # --- participants -----------------------------------------------------------------------------------------
    def _add(self, ident: str, name: str, role: str, group: bool = False, role_name: str | None = None) -> str:
        if ident not in self.people:
            self.people[ident] = Participant(ident, name, role, group, role_name=role_name)
        return ident

    def decide(self, line: int, subject: str, rule: str, evidence: str, certainty: str, result: str) -> None:
        self.doc.decisions.append(Decision(line, subject, rule, evidence, certainty, result))

    def _person_by_name(self, name_words: list[str], role: str = "") -> str | None:
        """An existing person whose name agrees: same surname, no conflicting first name, no conflicting office
        ("First Lady Jill Biden" is not "President Biden")."""
        surname = fold(name_words[-1])
        for ident, person in self.people.items():
            if person.group or not _compatible(role, person.role_name or ""):
                continue
            words = [fold(w.strip(".,")) for w in person.name.split()]
            words = [w for w in words if w not in _SUFFIXES and w not in _TITLE_SET] or words
            if not words:
                continue
            if words[-1] == surname or (len(name_words) == 1 and surname in words and len(surname) > 2):
                given = [fold(w) for w in name_words[:-1] if len(w) > 1]
                theirs = [w for w in words[:-1] if len(w) > 1]
                if given and theirs and given[0] != theirs[0]:
                    continue  # "Jill Biden" is not "Joe Biden"
                return ident
        return None

    def header_person(self, person: hdr.HeaderPerson) -> str:
        """The participant a header person (byline, title, presenter line) is, created when no label names them."""
        if person.anonymous:
            ident = _make_id(_expand([w.strip(".,").lower() for w in person.role.split()]))
            return self._add(ident, person.name, "participant", role_name=None)
        words = person.name.split()
        found = self._person_by_name([w for w in words if w.strip(".,").lower() not in _SUFFIXES] or words,
                                     person.role)
        if found:
            target = self.people[found]
            _, their_name = hdr.split_name(target.name.split())
            if len(person.name.split()) >= len(their_name):
                target.name = person.name  # the header's full name ("Leon E. Panetta") over the label's form
            if person.role and len(person.role) >= len(target.role_name or ""):
                target.role_name = person.role
            return found
        ident = _make_id([person.surname])
        if ident in self.people:
            ident = _make_id([w.strip(".,") for w in words] if len(words) > 1 else
                             person.role.split()[-1:] + words)
        return self._add(ident, person.name, "participant", role_name=person.role or None)

    # --- labels -----------------------------------------------------------------------------------------------
    def resolve(self, label: str, line: int) -> str:
        key = label_key(label)
        if key in self.by_label:
            ident = self.by_label[key]
            if ident not in self.people:
                self._add(ident, _display(label), "participant")
        else:
            self.line, self.label = line, label
            ident, rule, evidence, cert = self._resolve_new(label, key, line)
            self.by_label[key] = ident
            self.decide(line, f"label {label}", rule, evidence, cert, ident)
        person = self.people[ident]
        if label not in person.labels:
            person.labels.append(label)
        return ident

    def _resolve_new(self, label: str, key: str, line: int):
        words = key.split()
        if key in QUESTIONER_LABELS:
            return (self._add("questioners", "Questioners", "questioner", group=True), "person.group",
                    f"{key!r} is a questioner label", "high")
        if key in GROUP_LABELS:
            ident, role = GROUP_LABELS[key]
            return (self._add(ident, _display(label), role, group=True), "person.group",
                    f"{key!r} is a group label", "high")
        if key in ROLE_LABELS:
            ident, role = ROLE_LABELS[key]
            return self._add(ident, _display(label), role), "person.role", f"{key!r} is a role label", "high"
        printed = _name_then_role(_core(label)).replace(",", " ").split()
        role_words, name_words = hdr.split_name(printed)
        while len(name_words) > 1 and name_words[-1].strip(".,").lower() in _SUFFIXES:
            name_words = name_words[:-1]  # "LLOYD J. AUSTIN III" -> austin, "KENNETH F. MCKENZIE JR." -> mckenzie
        if len(words) == 1:
            typo = self._typo_role(key)
            if typo:
                return typo
        if name_words:
            found = self._person_by_name(name_words, " ".join(role_words))
            if found:
                return found, "person.variant", f"name {' '.join(name_words)!r} agrees with #{found}", "high"
            typo = self._typo_name(key, name_words)
            if typo:
                return typo
            ident = _make_id([name_words[-1]])
            if ident in self.people:
                ident = _make_id(name_words if len(name_words) > 1 else role_words[-1:] + name_words)
            return (self._add(ident, _display(label), "participant", role_name=_title_case(" ".join(role_words))
                              or None), "person.name", f"name {' '.join(name_words)!r}", "high")
        return self._resolve_role(label, [w.strip(".,").lower() for w in role_words], line)

    def _typo_role(self, key: str):
        for known, (ident, role) in ROLE_LABELS.items():
            if len(key) >= 6 and " " not in known and _distance(key, known) == 1:
                self.doc.warnings.append(Warning_(self.line, "person.typo", f"label {self.label!r} read as {known.upper()!r} (a typo?)"))
                return (self._add(ident, _title_case(known), role), "person.typo",
                        f"{key!r} is one letter off the role label {known!r}", "medium")
        return None

    def _typo_name(self, key: str, name_words: list[str]):
        surname = fold(name_words[-1])
        if len(surname) < 5 or self.counts.get(key, 0) > 1:
            return None
        for other, n in sorted(self.counts.items()):
            other_words = other.split()
            if n <= self.counts.get(key, 0) or other == key or not other_words:
                continue
            if len(other_words) == len(key.split()) and other_words[:-1] == key.split()[:-1] \
                    and _distance(fold(other_words[-1]), surname) == 1:
                ident = _make_id([other_words[-1]])
                if ident not in self.people:
                    self._add(ident, _title_case(other), "participant",
                              role_name=_title_case(" ".join(other_words[:-1])) or None)
                self.doc.warnings.append(Warning_(self.line, "person.typo",
                                                  f"label {self.label!r} read as {other.upper()!r} (a typo?)"))
                return ident, "person.typo", f"{key!r} printed once, {other!r} {n} times", "medium"
        return None

    def _resolve_role(self, label: str, role_words: list[str], line: int):
        """A label that is only a role: the holder another label, the header or the title names; else the role
        itself, identified by all its words."""
        expanded = _expand(role_words)
        phrase = " ".join(expanded)
        for known_key, ident in self.by_label.items():
            titles, name = hdr.split_name(known_key.split())
            if name and " ".join(_expand(titles)) == phrase and not self.people[ident].group:
                return ident, "person.office", f"label {known_key.upper()!r} holds {phrase!r}", "high"
        for person in self.header:
            if person.anonymous:
                continue
            held = " ".join(_expand([w.strip(".,").lower() for w in person.role.split()]))
            if held == phrase or (held.endswith(" " + phrase) and not _qualified(held, phrase)):
                return (self.header_person(person), "person.office",
                        f"{person.source} names {person.role} {person.name}",
                        "medium" if person.source == "volume" else "high")
        office = _BY_DATE.get(phrase)
        holder = _holder_on(office[1], self.doc.metadata.get("date")) if office else None
        if holder is not None:
            ident, name = holder
            if ident in self.people and self.people[ident].role_name not in (None, office[0]):
                ident = _make_id(expanded + [ident])   # (the Vice President Bush of a President Bush's page)
            if ident not in self.people:
                self._add(ident, name, "participant", role_name=office[0])
            return (ident, "person.president-by-date",
                    f"no holder named; {name} was {office[0]} on {self.doc.metadata['date']}", "medium")
        ident = _make_id(expanded or ["speaker"])
        return (self._add(ident, _display(label), "participant", role_name=_title_case(phrase) or None),
                "person.role", f"role {phrase!r} (no holder named)", "medium")


# person.president-by-date: the offices a date names the holder of (label words -> the office, its table)
_BY_DATE = {"president": ("President", US_PRESIDENTS), "vice president": ("Vice President", US_VICE_PRESIDENTS)}


def _holder_on(table, date: str | None) -> tuple[str, str] | None:
    """person.president-by-date: (id, name) of the holder of an office on an ISO date (None: vacant, or before
    the table)."""
    if not date:
        return None
    held = [(ident, name) for first, ident, name in table if first <= date]
    return held[-1] if held and held[-1][0] is not None else None


def _qualified(held: str, phrase: str) -> bool:
    """"vice president" holds "president" only in name: a qualifying word changes the office."""
    before = held[: -len(phrase)].split()
    return bool(before) and before[-1] in ("vice", "deputy", "assistant", "under", "first", "press", "former")


_COURTESY = {"mr", "mrs", "ms", "dr", "the", "his", "her", "excellency", "madam", "sir"}


@functools.lru_cache(maxsize=4096)   # asked of every participant for every new label
def _compatible(a: str, b: str) -> bool:
    """Two printed offices can be one person's: one empty or a courtesy title, or one's words within the
    other's ("SEC." and "Secretary of Defense"); "First Lady" and "President" cannot."""
    wa = {w for w in _expand([x.strip(".,").lower() for x in a.split()]) if w not in _COURTESY}
    wb = {w for w in _expand([x.strip(".,").lower() for x in b.split()]) if w not in _COURTESY}
    if (a.strip() and not wa and "president" in wb) or (b.strip() and not wb and "president" in wa):
        return False   # the President is never labelled "MR." or "MRS.": "MRS. OBAMA:" beside THE PRESIDENT
    return not wa or not wb or wa <= wb or wb <= wa


def _name_then_role(core: str) -> str:
    """person.name: a label printed "NAME, ROLE" (a broadcaster's copy: "ARI FLEISCHER, WHITE HOUSE PRESS
    SECRETARY:", "JUDY WOODRUFF, CNN ANCHOR:") read as "ROLE NAME", so that the surname ends it as in every other
    label. Only a plain name before the comma (two to four words, no title, no digit) and no suffix after it
    ("JR.")."""
    if core.count(",") != 1:
        return core
    left, right = (part.split() for part in core.split(","))
    if not (2 <= len(left) <= 4 and 1 <= len(right) <= 6) or right[0].strip(".").lower() in _SUFFIXES:
        return core
    if any(w.strip(".,").lower() in _TITLE_SET or any(c.isdigit() for c in w) for w in left):
        return core
    return " ".join(right + left)


def _display(label: str) -> str:
    return _title_case(_core(label))


def principal(reg: Registry) -> tuple[str | None, str]:
    """person.principal: byline, then title, then presenter line; the evidence as words."""
    for source in ("byline", "title", "presenter", "volume"):
        for person in reg.header:
            if person.source == source and not person.anonymous:
                return reg.header_person(person), f"{source} names {person.role} {person.name}".strip()
    for person in reg.header:
        if person.source == "presenter":
            return reg.header_person(person), f"presenter line names {person.name}"
    return None, ""


def resolve(doc: Document, title: str, byline: str | None = None, overrides: dict | None = None) -> None:
    """Fill `turn.who` for every turn, create participants, attribute unlabeled turns (turn.unlabeled)."""
    from .attribution import attribute

    turns = doc.turns()
    counts: dict[str, int] = {}
    for turn in turns:
        if turn.label:
            key = label_key(turn.label)
            counts[key] = counts.get(key, 0) + 1
    reg = Registry(doc, title, overrides or {}, counts)
    answerer = None   # label.answer: who last spoke under a name
    for turn in turns:
        if not turn.label:
            continue
        key = label_key(turn.label)
        if key in ANSWER_LABELS:
            evidence = f"#{answerer} spoke last under a name"
            if answerer is None:   # no one answered under a name yet: the principal, whom the title or a
                answerer, named = principal(reg)   # presenter line names (an interview answered by "A:" only)
                evidence = f"no one spoke under a name before; {named}, the principal speaker"
            if answerer is not None:
                turn.who = answerer
                person = reg.people[answerer]
                if turn.label not in person.labels:
                    person.labels.append(turn.label)
                    reg.decide(turn.line, f"label {turn.label}", "label.answer",
                               f"{turn.label!r} answers a question: {evidence}", "medium", answerer)
                continue
        turn.who = reg.resolve(turn.label, turn.line)
        if key not in QUESTIONER_LABELS and key not in GROUP_LABELS and key not in ROLE_LABELS \
                and not turn.interpreted:
            # (not "Staff:" or "Moderator:", nor a guest heard through an interpreter, named every time: the
            # briefer answers, under a name)
            answerer = turn.who
    lead, evidence = principal(reg)
    if lead:
        reg.decide(doc.front[0].line if doc.front else 1, "principal speaker", "person.principal", evidence,
                   "high", lead)
    for person in reg.header:  # presenters are participants even when the excerpt never gives them a turn
        if person.source == "presenter" or (person.source == "title" and not person.anonymous):
            reg.header_person(person)
    attribute(doc, reg, lead)
    for turn in turns:
        person = doc.participants[turn.who]
        person.turns += 1
        person.inferred_turns += turn.label is None
        if any(isinstance(n, Remark) and n.convention.id == "note.interpreted"
               for p in turn.paragraphs for n in walk(p.content)):
            turn.interpreted = True
    if any(n.convention.who == "audience" for c in doc.inline_contents() for n in walk(c) if isinstance(n, Remark)):
        reg._add("audience", "Audience", "audience", group=True)
    for ident, spec in (overrides or {}).items():
        if ident in doc.participants:
            person = doc.participants[ident]
            person.name = spec.get("name", person.name)
            person.role = spec.get("role", person.role)
            person.role_name = spec.get("role_name", person.role_name)
    if lead and lead in doc.participants and doc.participants[lead].role == "participant":
        doc.participants[lead].role = "speaker"
    doc.metadata["principal"] = lead
    doc.metadata["authors"] = _authors(doc, reg, lead)


def _authors(doc: Document, reg: Registry, lead: str | None) -> list[tuple[str, str, str]]:
    """(id, name, role) of the principal and the presenters, in header order, for titleStmt/author."""
    out: list[tuple[str, str, str]] = []
    if lead:
        p = doc.participants[lead]
        out.append((lead, p.name, p.role_name or ""))
    for person in reg.header:
        if person.source in ("presenter", "byline") or (person.source == "title" and not person.anonymous):
            ident = reg.header_person(person)
            if ident not in [a[0] for a in out]:
                out.append((ident, doc.participants[ident].name, person.role))
    return out

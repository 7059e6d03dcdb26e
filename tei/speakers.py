"""Labels -> participants: variants of one person resolve to one id; groups and roles get their own ids.

"SEC. CARTER:", "SECRETARY CARTER:" and the byline "Secretary of Defense Ash Carter" are one person `carter`;
"THE PRESIDENT:" is resolved through another label or the title ("Remarks by President Biden ...").
"""
from __future__ import annotations

import re

from .conventions import QUESTIONER_LABELS, ROLE_LABELS, TITLES
from .errors import Warning_
from .model import Document, Participant, Remark, Turn, walk

_VIA = re.compile(r"\s*\([^)]*\)\s*")
_TITLE_SET = set(TITLES)


def label_words(label: str) -> list[str]:
    core = _VIA.sub(" ", label).strip().rstrip(":.").strip()
    return [w.strip(".").lower() for w in core.split() if w.strip(".")]


def _split(words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name words): a name is what follows the last title word."""
    i = 0
    while i < len(words) and words[i] in _TITLE_SET:
        i += 1
    return words[:i], words[i:]


def _make_id(words: list[str]) -> str:
    ident = re.sub(r"[^a-z0-9-]+", "-", "-".join(words).lower()).strip("-") or "speaker"
    return ident if ident[0].isalpha() else "p-" + ident


def _title_case(text: str) -> str:
    """"JEAN-PIERRE" -> "Jean-Pierre", "MS." -> "Ms."; mixed-case words are left as printed."""
    def word(w: str) -> str:
        return "-".join(part[:1].upper() + part[1:].lower() for part in w.split("-")) if w.isupper() or \
            w.islower() else w
    return " ".join(word(w) for w in text.split())


def _display(label: str) -> str:
    return _title_case(_VIA.sub(" ", label).strip().rstrip(":.").strip())


class Registry:
    def __init__(self, doc: Document, title: str, byline: str | None, overrides: dict):
        self.doc = doc
        self.title = title or ""
        self.people = doc.participants
        self.by_label: dict[str, str] = {}
        self.overrides = overrides  # from --meta: {id: {name, role, labels}}
        self.principal: str | None = None
        if byline:
            self.principal = self._from_byline(byline)
        for ident, spec in overrides.items():
            for label in spec.get("labels", []):
                self.by_label[" ".join(label_words(label))] = ident

    def _add(self, ident: str, name: str, role: str, group: bool = False, role_name: str | None = None) -> str:
        if ident not in self.people:
            self.people[ident] = Participant(ident, name, role, group, role_name=role_name)
        return ident

    def _from_byline(self, byline: str) -> str | None:
        words = byline.split()
        if len(words) < 2:
            return None
        name = " ".join(words[-2:])
        role_name = " ".join(words[:-2]) or None
        return self._add(_make_id([words[-1].lower()]), name, "speaker", role_name=role_name)

    def resolve(self, label: str) -> str:
        key = " ".join(label_words(label))
        if key in self.by_label:
            ident = self.by_label[key]
            if ident not in self.people:
                self._add(ident, _display(label), "participant")
        else:
            ident = self._resolve_new(label, key)
            self.by_label[key] = ident
        person = self.people[ident]
        if label not in person.labels:
            person.labels.append(label)
        return ident

    def _resolve_new(self, label: str, key: str) -> str:
        words = key.split()
        if key in QUESTIONER_LABELS:
            return self._add("questioners", "Questioners", "questioner", group=True)
        if key in ROLE_LABELS:
            ident, role = ROLE_LABELS[key]
            return self._add(ident, _display(label), role)
        titles, name = _split(words)
        if name:
            ident = _make_id([name[-1]])
            return self._add(ident, _display(label), "participant", role_name=_title_case(" ".join(titles)) or None)
        return self._resolve_role(label, [w for w in titles if w != "the"])

    def _resolve_role(self, label: str, role_words: list[str]) -> str:
        """A label that is only a title ("THE PRESIDENT"): find who holds it in other labels or the title."""
        phrase = " ".join(role_words)
        for known_key, ident in self.by_label.items():
            titles, name = _split(known_key.split())
            if name and " ".join(t for t in titles if t != "the") == phrase:
                return ident
        # The role in the title, then the run of capitalised words right after it: "President Trump at ..."
        pattern = r"(?i:\b" + r"\s+".join(map(re.escape, role_words)) + r")\s+((?:[A-Z][\w'’.-]*\s*)+)"
        m = re.search(pattern, self.title) if role_words else None
        if m:
            names = [w for w in m.group(1).split() if w.lower().strip(".") not in _TITLE_SET]
            if names:
                ident = _make_id([names[-1].lower()])
                holder = self.people.get(ident)
                if holder is not None and (holder.role_name or "").lower() in ("", phrase):
                    return ident
                if holder is not None:  # same surname, another office: "First Lady Jill Biden", "President Biden"
                    ident = _make_id([n.lower() for n in names] if len(names) > 1 else role_words + names[-1:])
                full = _title_case(phrase) + " " + " ".join(names)
                return self._add(ident, full, "participant", role_name=_title_case(phrase))
        return self._add(_make_id(role_words or ["speaker"]), _display(label), "participant",
                         role_name=_title_case(phrase) or None)


def resolve(doc: Document, title: str, byline: str | None, overrides: dict | None = None) -> None:
    """Fill `turn.who` for every turn, create participants, attribute unlabeled turns (turn.unlabeled)."""
    reg = Registry(doc, title, byline, overrides or {})
    turns = doc.turns()
    for turn in turns:
        if turn.label:
            turn.who = reg.resolve(turn.label)
    principal = reg.principal or _most_turns(turns, doc)
    previous: Turn | None = None
    for turn in turns:
        if turn.label is None:
            turn.who, rule_label = _attribute(turn, previous, principal, reg, doc)
            turn.supplied_label = rule_label
            doc.warnings.append(Warning_(turn.line, "turn.unlabeled",
                                         f"unlabeled turn attributed to #{turn.who} ({turn.attribution})"))
        person = doc.participants[turn.who]
        person.turns += 1
        person.inferred_turns += turn.label is None
        if any(isinstance(n, Remark) and n.convention.id == "note.interpreted"
               for p in turn.paragraphs for n in walk(p.content)):
            turn.interpreted = True
        previous = turn
    if any(n.convention.who == "audience" for c in doc.inline_contents() for n in walk(c) if isinstance(n, Remark)):
        reg._add("audience", "Audience", "audience", group=True)
    for ident, spec in (overrides or {}).items():
        if ident in doc.participants:
            person = doc.participants[ident]
            person.name = spec.get("name", person.name)
            person.role = spec.get("role", person.role)
            person.role_name = spec.get("role_name", person.role_name)
    if principal and principal in doc.participants and doc.participants[principal].role == "participant":
        doc.participants[principal].role = "speaker"


def _most_turns(turns: list[Turn], doc: Document) -> str | None:
    counts: dict[str, int] = {}
    for t in turns:
        if t.who and not doc.participants[t.who].group and doc.participants[t.who].role == "participant":
            counts[t.who] = counts.get(t.who, 0) + 1
    return max(sorted(counts), key=lambda k: counts[k]) if counts else None


def _attribute(turn: Turn, previous: Turn | None, principal: str | None, reg: Registry, doc: Document):
    rule = turn.attribution
    if rule in ("hand-over", "opening") and principal:
        who = principal
    elif rule == "question-invitation":
        who = reg._add("questioners", "Questioners", "questioner", group=True)
    elif previous is not None and previous.who:
        who = previous.who
        turn.attribution = "continuation"
    elif principal:
        who = principal
    else:
        who = reg._add("unidentified", "Unidentified speaker", "participant")
    person = doc.participants[who]
    label = person.labels[0] if person.labels else person.name.upper() + ":"
    return who, label

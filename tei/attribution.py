"""turn.unlabeled: who speaks a turn the source printed without a label, on evidence, with a certainty.

The reader decides that a turn begins and by which rule (hand-over, question invitation, continuation,
opening); this module names the speaker:
- hand-over: the person the cue names ("over to you, Mr. Secretary" -> the Secretary the header names, not the
  staff member who spoke the cue; "I'll turn it over to General Sims" -> Sims), else the principal speaker;
- opening (no turn before it): the principal speaker the header names;
- question invitation: the questioners;
- resumption: after a short interjection into a turn that broke off with a dash, the interrupted speaker (low);
- continuation: the previous speaker.
Where the evidence is weak (no one named, no principal), the turn gets cert="low" and a warning says so.
"""
from __future__ import annotations

import re

from .errors import Warning_
from .model import Document, Turn

_OFFICE = re.compile(r"\b(?:Mr\.?|Madam|Madame|Mister)\s+(Vice President|Secretary|President|Chairman|Minister"
                     r"|Ambassador|Speaker|Director)\b")
_NAMED = re.compile(r"\b(?:General|Gen\.|Admiral|Adm\.|Secretary|Minister|Ambassador|Chairman|Colonel|Col\."
                    r"|Captain|Dr\.|Mr\.|Ms\.|Mrs\.|Senator|Governor)\s+([A-Z][\w'’-]+)")
_BARE_TITLE = re.compile(r"\b(General|Admiral|Secretary|Minister|Ambassador|Chairman|Sir|Ma'am)[.?!]?\s*$",
                         re.IGNORECASE)


def attribute(doc: Document, reg, lead: str | None) -> None:
    previous: Turn | None = None
    for turn in doc.turns():
        if turn.label is None:
            who, cert, evidence = _who(turn, previous, lead, reg, doc)
            turn.who, turn.cert = who, cert
            person = doc.participants[who]
            turn.supplied_label = person.labels[0] if person.labels else person.name.upper() + ":"
            note = f"unlabeled turn attributed to #{who} ({turn.attribution})"
            if cert == "low":
                note += f"; low certainty: {evidence}"
            doc.warnings.append(Warning_(turn.line, "turn.unlabeled", note))
            reg.decide(turn.line, "unlabeled turn", f"turn.{turn.attribution}", evidence, cert, who)
        previous = turn


def _who(turn: Turn, previous: Turn | None, lead: str | None, reg, doc: Document) -> tuple[str, str, str]:
    rule = turn.attribution
    if rule == "question-invitation":
        return (reg._add("questioners", "Questioners", "questioner", group=True), "medium",
                f"invitation to ask: {turn.cue[-60:]!r}")
    if rule == "resumption":  # the speaker an interjection interrupted, found two turns back
        turns = doc.turns()
        index = turns.index(turn)
        interrupted = turns[index - 2].who if index >= 2 else None
        if interrupted:
            return interrupted, "low", f"resumes after the interjection {turn.cue[:40]!r} into a turn ending with a dash"
        turn.attribution = "continuation"
    if rule == "hand-over":
        named = _named(turn.cue, reg, lead, previous.who if previous else None)
        if named:
            return named[0], "medium", f"hand-over cue {turn.cue[-60:]!r} names {named[1]}"
        if lead and (previous is None or previous.who != lead):
            return lead, "medium", f"hand-over cue {turn.cue[-60:]!r}; the header names #{lead}"
        m = _OFFICE.search(turn.cue)
        if m:  # the floor passes to an office no one in the header holds: that office, unsure
            office = m.group(1)
            ident = reg._add(re.sub(r"\W+", "-", office.lower()), f"The {office}", "participant", role_name=office)
            return ident, "low", f"hand-over cue {turn.cue[-60:]!r} names the {office.lower()}, whom no header names"
        return (reg._add("unidentified", "Unidentified speaker", "participant"), "low",
                f"hand-over cue {turn.cue[-60:]!r} names no one and the header names no principal")
    if rule == "opening" or previous is None or not previous.who:
        if lead:
            return lead, "medium", f"opening turn; the header names #{lead}"
        return (reg._add("unidentified", "Unidentified speaker", "participant"), "low",
                "opening turn and no principal speaker in the header")
    turn.attribution = "continuation"
    return previous.who, "medium", "a visible break but no cue of another speaker"


def _named(cue: str, reg, lead: str | None, before: str | None) -> tuple[str, str] | None:
    """The participant a hand-over cue names, other than the one who speaks it."""
    people = reg.people
    candidates = [lead] + [i for i in people if i != lead] if lead else list(people)
    candidates = [i for i in candidates if i and i != before and not people[i].group]
    m = _OFFICE.search(cue)
    if m:
        office = m.group(1).lower()
        for ident in candidates:
            held = (people[ident].role_name or people[ident].name).lower()
            if office in held and not re.search(r"\b(?:press|deputy|assistant|vice|under)\s+" + office, held) \
                    or (office == "vice president" and "vice president" in held):
                return ident, f"the {office} (#{ident})"
    for m in _NAMED.finditer(cue):
        found = reg._person_by_name([m.group(1)])
        if found and found != before:
            return found, f"#{found}"
    folded = cue.lower()
    for ident in candidates:
        phrase = ident.replace("-", " ")
        if " " in phrase and phrase in folded:
            return ident, f"#{ident}"
    m = _BARE_TITLE.search(cue)
    if m:
        word = m.group(1).lower()
        holders = [i for i in candidates if word in (people[i].role_name or "").lower()]
        if len(holders) == 1:
            return holders[0], f"the {word} (#{holders[0]})"
    return None

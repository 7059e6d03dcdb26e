"""The editor's corrections, kept in the sidecar NAME.toml and applied at every conversion.

A correction is anchored to the text, not to a line number, so it follows the text when lines move:
a paragraph by its opening words as printed (`paragraph = "Thank you very much, Mr. Secretary"`) or by the
hash `review` shows (`hash = "sha1:3f2a..."`, a prefix of 8+ hex digits is enough), and, for words that recur
whole in several paragraphs ("Thank you."), which of them (`occurrence = "2 of 3"`, the count checked); labels,
passages and remarks by their printed wording (a remark without regard to case or spacing). Kinds (one per
[[correction]] table):

    speaker   paragraph|hash + speaker = "ID"          this paragraph's turn is spoken by ID (a paragraph
                                                         that is not the first of its turn starts a new turn)
    labels    labels = ["A:", "B:"] + same = true|false  these labels are one person / two people
                                                         (speaker = "ID": the id to merge into / split off)
    passage   passage = "..." + lang = "fr"              this passage is in language L;
              (lang = "" or foreign = false)              ... is not foreign
    remark    remark = "(Technical difficulties.)" + kind = gap|vocal|kinesic|incident|note|text
              (type = "...": its @type, @reason for gap)  this remark is of kind K ("text": not a remark)

passage and remark apply to every occurrence, or only within the paragraph named by paragraph|hash;
`note = "..."` adds the editor's reason to the record. The header fields (title, date, place, speakers'
names) are corrected in [source] and [speakers.ID] as before.

Corrections are applied to the TEI tree after encoding and before the nothing-lost gate (they never change
the source's words, only how they are encoded), each recorded as a revisionDesc/change by the editor
(`[edition] editor`; @when only with SOURCE_DATE_EPOCH, so output stays deterministic), and every element a
correction touched carries resp="#edition-editor" cert="high". A correction that matches nothing (or more
than one paragraph) is not applied and comes back as a `stale` record, reported by its number and anchor.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone

from lxml import etree

from . import speakers as speaker_rules, xmlio
from .conventions import LANGUAGE_NAMES
from .errors import UsageError, Warning_
from .model import Document, Remark, plain

T = f"{{{xmlio.TEI_NS}}}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
EDITOR_ID = "edition-editor"
EDITOR = "#" + EDITOR_ID
KINDS = ("gap", "vocal", "kinesic", "incident", "note", "text")
SCHEMA = {"paragraph": str, "hash": str, "speaker": str, "labels": list, "same": bool, "passage": str,
          "lang": str, "foreign": bool, "remark": str, "kind": str, "type": str, "note": str, "occurrence": str}
_ALLOWED = {  # kind -> keys it may hold (besides note)
    "speaker": {"paragraph", "hash", "occurrence", "speaker"},
    "labels": {"labels", "same", "speaker"},
    "passage": {"passage", "lang", "foreign", "paragraph", "hash", "occurrence"},
    "remark": {"remark", "kind", "type", "paragraph", "hash", "occurrence"},
}
# occurrence = "2 of 3": the second of the three paragraphs the anchor finds (the same words: "Thank you.").
# The count is checked, so a source edit that adds or removes one makes the correction stale, never moves it.
_OCCURRENCE = re.compile(r"(?P<n>[1-9][0-9]*) of (?P<of>[1-9][0-9]*)")
_REMARK = re.compile(r"^\s*(?:\((?P<paren>[^()]+)\)|\[(?P<brack>[^\[\]]+)\])\s*$")


# --- the schema ---------------------------------------------------------------------------------------------
def validate(tables, fail) -> list[dict]:
    """The [[correction]] tables, checked; each gets `kind` (speaker|labels|passage|remark) and `index`."""
    from .meta import check_table

    if not isinstance(tables, list):
        fail("correction", "must be an array of tables: write [[correction]] (double brackets)")
    out = []
    for i, table in enumerate(tables, 1):
        where = f"[[correction]] {i}"
        spec = check_table(table, SCHEMA, where, fail, may_be_empty=("lang",))
        what = [k for k in ("labels", "passage", "remark") if k in spec] or (["speaker"] if "speaker" in spec else [])
        if len(what) != 1:
            fail(where, "say one thing to correct: speaker (with paragraph or hash), labels, passage or remark")
        kind = what[0]
        extra = sorted(set(spec) - _ALLOWED[kind] - {"note"})
        if extra:
            fail(f"{where} {extra[0]}", f"not a key of a {kind} correction (use {', '.join(sorted(_ALLOWED[kind]))})")
        if "paragraph" in spec and "hash" in spec:
            fail(where, "give paragraph or hash, not both")
        if "hash" in spec and not re.fullmatch(r"sha1:[0-9a-f]{8,40}", spec["hash"]):
            fail(f"{where} hash", f"{spec['hash']!r} is not sha1: and 8 to 40 hex digits (see tei-edition review)")
        if "occurrence" in spec:
            m = _OCCURRENCE.fullmatch(spec["occurrence"])
            if not m or int(m["n"]) > int(m["of"]):
                fail(f"{where} occurrence", f"{spec['occurrence']!r} is not \"N of M\" (N at most M), e.g. \"2 of 3\"")
            if not ("paragraph" in spec or "hash" in spec):
                fail(where, "occurrence counts the paragraphs an anchor finds: give paragraph or hash with it")
        if kind == "speaker" and not ("paragraph" in spec or "hash" in spec):
            fail(where, "a speaker correction needs the paragraph's opening words (paragraph = \"...\") or its hash")
        if "speaker" in spec and not re.fullmatch(r"[A-Za-z][A-Za-z0-9_.-]*", spec["speaker"]):
            fail(f"{where} speaker", f"{spec['speaker']!r} is not a speaker id (see the participants in the report)")
        if kind == "labels":
            labels = spec["labels"]
            if len(labels) < 2 or not all(isinstance(x, str) and x.strip() for x in labels):
                fail(f"{where} labels", "must list two or more labels as printed, e.g. [\"MR. SULLVAN:\", \"MR. SULLIVAN:\"]")
            if "same" not in spec:
                fail(where, "a labels correction needs same = true (one person) or same = false (two people)")
            if not spec["same"] and "speaker" in spec and len(labels) != 2:
                fail(f"{where} speaker", "with same = false, speaker names the second person: give exactly two labels")
        if kind == "passage":
            if ("lang" in spec) == ("foreign" in spec):
                fail(where, "a passage correction needs lang = \"fr\" (or lang = \"\") or foreign = false")
            if spec.get("foreign") is True:
                fail(f"{where} foreign", "foreign = true needs a language: write lang = \"xx\" instead")
            if spec.get("lang") and not re.fullmatch(r"[a-z]{2,3}", spec["lang"]):
                fail(f"{where} lang", f"{spec['lang']!r} is not an ISO 639-1 code (e.g. \"fr\")")
        if kind == "remark":
            if not _REMARK.match(spec["remark"]):
                fail(f"{where} remark", f"{spec['remark']!r}: give the remark as printed, with its brackets, "
                                        "e.g. \"(Technical difficulties.)\"")
            if spec.get("kind") not in KINDS:
                fail(f"{where} kind", f"{spec.get('kind')!r}: one of {', '.join(KINDS)}")
            if "type" in spec and not re.fullmatch(r"\S+", spec["type"]):
                fail(f"{where} type", "one word, e.g. \"technical\"")
        out.append({**spec, "correction": kind, "index": i})
    return out


# --- records ------------------------------------------------------------------------------------------------
@dataclass
class Record:
    """What became of one correction: applied (with the ids it touched) or stale (with why)."""

    index: int
    kind: str
    anchor: str
    status: str                     # applied | stale
    message: str
    targets: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"index": self.index, "kind": self.kind, "anchor": self.anchor, "status": self.status,
                "message": self.message, "targets": self.targets}


@dataclass(frozen=True)
class StaleCorrection(Warning_):
    """A warning with no source line: the correction matches nothing in the source."""

    def __str__(self) -> str:
        return f"[{self.convention}] {self.message}"


def anchor_text(spec: dict) -> str:
    for key in ("paragraph", "hash", "labels", "passage", "remark"):
        if key in spec:
            value = spec[key]
            return f"{key} = {value!r}" if not isinstance(value, list) else f"{key} = {value!r}"
    return ""


def norm(text: str) -> str:
    """Anchors are compared without case, spacing and quote-style differences."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).casefold()


def paragraph_hash(text: str) -> str:
    return "sha1:" + hashlib.sha1(norm(text).encode("utf-8")).hexdigest()


# --- the paragraphs of the tree, with their source lines ----------------------------------------------------
@dataclass
class Entry:
    id: str
    line: int | None
    p: etree._Element
    para: object = None             # the model.Paragraph it was encoded from (None for a hand-made tree)
    _text: str | None = None

    @property
    def text(self) -> str:          # as printed (model.plain), the text anchors match; computed when asked
        if self._text is None:
            self._text = plain(self.para.content) if self.para is not None else "".join(self.p.itertext())
        return self._text

    @property
    def sp(self):                   # looked up each time: a correction may have moved p to a new turn
        return self.p.getparent()


def paragraphs(tree, doc: Document) -> list[Entry]:
    """Every <p> of the body's turns, in order, with the model paragraph it was encoded from. The encoder's ids
    say which (turn N, paragraph M: spN.pM), and a corrected tree keeps them, so the mapping survives splits."""
    by_id = {p.get(XML_ID): p for p in tree.getroot().iterfind(f"{T}text/{T}body//{T}p")}
    out = []
    for n, turn in enumerate(doc.turns(), 1):
        for m, para in enumerate((x for x in turn.paragraphs if x.lone_event() is None), 1):
            p = by_id.pop(f"sp{n}.p{m}", None)
            if p is not None and p.getparent().tag == f"{T}sp":
                out.append(Entry(f"sp{n}.p{m}", para.line, p, para))
    for ident, p in by_id.items():   # not from a turn of the model (a hand-made tree): text only, no line
        if ident and p.getparent().tag == f"{T}sp":
            out.append(Entry(ident, None, p))
    return out


# --- applying -----------------------------------------------------------------------------------------------
class Corrector:
    def __init__(self, tree, doc: Document, meta: dict, epoch: str | None):
        self.root = tree.getroot()
        self.doc = doc
        self.meta = meta
        self.epoch = epoch
        self.entries = paragraphs(tree, doc)
        self.plist = self.root.find(f"{T}teiHeader/{T}profileDesc/{T}particDesc/{T}listPerson")
        self.records: list[Record] = []

    # helpers
    def person(self, ident: str):
        if self.plist is None:
            return None
        for el in self.plist:
            if el.get(XML_ID) == ident:
                return el
        return None

    def ensure_person(self, ident: str):
        """A participant of the transcript, or one the sidecar declares in [speakers.ID] (created here)."""
        el = self.person(ident)
        if el is not None:
            return el
        spec = self.meta.get("speakers", {}).get(ident, {})
        if self.plist is None:
            part = self.root.find(f"{T}teiHeader/{T}profileDesc")
            self.plist = etree.SubElement(etree.SubElement(part, f"{T}particDesc"), f"{T}listPerson")
        el = etree.SubElement(self.plist, f"{T}person", {XML_ID: ident, "role": spec.get("role", "participant"),
                                                          "resp": EDITOR, "cert": "high"})
        etree.SubElement(el, f"{T}persName").text = spec.get("name", ident)
        return el

    def labels_of(self, person) -> list[str]:
        note = person.find(f"{T}note[@type='labels']")
        if note is None or not note.text:
            return []
        return note.text.split(": ", 1)[1].split(", ") if ": " in note.text else []

    def set_labels(self, person, labels: list[str]) -> None:
        note = person.find(f"{T}note[@type='labels']")
        if not labels:
            if note is not None:
                person.remove(note)
            return
        if note is None:
            note = etree.SubElement(person, f"{T}note", type="labels")
        note.text = "Labels: " + ", ".join(labels)

    def name_of(self, ident: str) -> str:
        el = self.person(ident)
        return " ".join("".join(el[0].itertext()).split()) if el is not None and len(el) else ident

    def mark(self, el) -> None:
        el.set("resp", EDITOR)
        el.set("cert", "high")

    def find(self, spec: dict) -> list[Entry] | str:
        """The paragraphs a correction's anchor names: all of them when it has none; a reason when stale."""
        if "paragraph" in spec:
            want = norm(spec["paragraph"])
            found = [e for e in self.entries if norm(e.text).startswith(want)]
        elif "hash" in spec:
            found = [e for e in self.entries if paragraph_hash(e.text).startswith(spec["hash"])]
        else:
            return self.entries
        if not found:
            return "no paragraph begins with these words"
        if "occurrence" in spec:
            m = _OCCURRENCE.fullmatch(spec["occurrence"])
            if len(found) != int(m["of"]):
                return (f"{len(found)} paragraphs begin with these words, not {m['of']} as when the correction was "
                        "written: say again which one")
            return [found[int(m["n"]) - 1]]
        if len(found) > 1 and spec["correction"] == "speaker":
            return (f"{len(found)} paragraphs begin with these words ({', '.join(e.id for e in found[:4])}); "
                    "give more words, the hash, or which one (occurrence = \"2 of 3\")")
        return found

    # the four kinds
    def speaker(self, spec, entries: list[Entry]) -> tuple[str, list[str]]:
        entry = entries[0]
        ident = spec["speaker"]
        person = self.ensure_person(ident)
        sp = entry.sp
        first = sp.find(f"{T}p")
        if first is not entry.p:
            sp = self._split(sp, entry.p)
        old = sp.get("who", "").lstrip("#")
        sp.set("who", f"#{ident}")
        self.mark(sp)
        supplied = sp.find(f"{T}speaker/{T}supplied")
        if supplied is not None:
            labels = self.labels_of(person)
            supplied.text = labels[0] if labels else self.name_of(ident).upper() + ":"
            supplied.set("resp", EDITOR)
            note = sp.find(f"{T}note[@type='attribution']")
            if note is not None and supplied.get("reason") == "split-turn":
                note.text = ("The source prints this paragraph within the turn above; the editor starts a new "
                             f"turn here, by {self.name_of(ident)}.")
            elif note is not None:
                note.text = f"No speaker label in the source; the editor attributes the turn to {self.name_of(ident)}."
        was = f" (was #{old})" if old and old != ident else " (confirmed)" if old == ident else ""
        return f"{entry.id}: speaker #{ident}{was}", [sp.get(XML_ID), entry.id]

    def _split(self, sp, p):
        """The paragraph `p` and what follows it in `sp` become a turn of their own (its p ids are kept)."""
        base = sp.get(XML_ID)
        k = 2
        while self.root.xpath("//*[@xml:id=$i]", i=f"{base}-{k}"):
            k += 1
        new = etree.Element(f"{T}sp", {XML_ID: f"{base}-{k}"})
        sp.addnext(new)
        speaker = etree.SubElement(new, f"{T}speaker")
        etree.SubElement(speaker, f"{T}supplied", reason="split-turn", resp=EDITOR)
        etree.SubElement(new, f"{T}note", type="attribution", resp="#tei-edition")
        moving = [p] + list(p.itersiblings())
        for el in moving:
            new.append(el)
        return new

    def labels(self, spec, _entries) -> tuple[str, list[str]]:
        wanted = [" ".join(speaker_rules.label_words(x)) for x in spec["labels"]]
        turns: dict[str, list] = {w: [] for w in wanted}
        for sp in self.root.iter(f"{T}sp"):
            speaker = sp.find(f"{T}speaker")
            if speaker is not None and speaker.text and speaker.find(f"{T}supplied") is None:
                key = " ".join(speaker_rules.label_words(speaker.text))
                if key in turns:
                    turns[key].append(sp)
        missing = [spec["labels"][i] for i, w in enumerate(wanted) if not turns[w]]
        if missing:
            raise _Stale(f"label {missing[0]!r} is not printed in the source")
        whos = [turns[w][0].get("who", "").lstrip("#") for w in wanted]
        printed = {w: turns[w][0].find(f"{T}speaker").text for w in wanted}
        if spec["same"]:
            target = spec.get("speaker") or whos[0]
            tperson = self.ensure_person(target)
            labels = self.labels_of(tperson)
            for old in dict.fromkeys(whos):
                if old != target:
                    operson = self.person(old)
                    labels += [x for x in self.labels_of(operson) if x not in labels] if operson is not None else []
                    self._repoint(old, target)
                    if operson is not None:
                        operson.getparent().remove(operson)
            self.set_labels(tperson, labels)
            self.mark(tperson)
            sps = [sp for w in wanted for sp in turns[w]]
            for sp in sps:
                self.mark(sp)
            return f"labels {', '.join(spec['labels'])}: one person, #{target}", [f"#{target}"] + [
                sp.get(XML_ID) for sp in sps]
        touched = []
        for i, w in enumerate(wanted[1:], 1):
            if whos[i] != whos[0]:
                continue  # already two people: recorded as confirmed
            ident = spec.get("speaker") or self._new_id(printed[w])
            created = self.person(ident) is None
            person = self.ensure_person(ident)
            if created and "name" not in self.meta.get("speakers", {}).get(ident, {}):
                person.find(f"{T}persName").text = speaker_rules._display(printed[w])
            source = self.person(whos[0])
            if source is not None:
                self.set_labels(source, [x for x in self.labels_of(source) if x != printed[w]])
            self.set_labels(person, self.labels_of(person) + [printed[w]])
            self.mark(person)
            for sp in turns[w]:
                sp.set("who", f"#{ident}")
                self.mark(sp)
                touched.append(sp.get(XML_ID))
            touched.insert(0, f"#{ident}")
        return f"labels {', '.join(spec['labels'])}: different people", touched

    def _new_id(self, label: str) -> str:
        words = speaker_rules.label_words(label)
        ident = speaker_rules._make_id(words)
        base, k = ident, 2
        while self.root.xpath("//*[@xml:id=$i]", i=ident):
            ident, k = f"{base}-{k}", k + 1
        return ident

    def _repoint(self, old: str, new: str) -> None:
        for el in self.root.iter():
            for attr in ("who", "ref"):
                value = el.get(attr)
                if value and f"#{old}" in value.split():
                    el.set(attr, " ".join(f"#{new}" if v == f"#{old}" else v for v in value.split()))

    def passage(self, spec, entries: list[Entry]) -> tuple[str, list[str]]:
        lang = spec.get("lang", "")
        want = " ".join(spec["passage"].split())
        touched: list[str] = []
        for entry in entries:
            hit = False
            for el in entry.p.iter(f"{T}foreign"):
                if norm(want) in norm("".join(el.itertext())) or norm(want) in norm(el.xpath("string(.//t:desc)", namespaces={"t": xmlio.TEI_NS})):
                    hit = True
                    if lang:
                        el.set(XML_LANG, lang)
                        self.mark(el)
                    else:
                        _unwrap(el)
                    break
            if not hit and lang:
                el = _wrap_text(entry.p, want, f"{T}foreign")
                if el is not None:
                    el.set(XML_LANG, lang)
                    self.mark(el)
                    hit = True
            if hit:
                touched.append(entry.id)
        if not touched:
            raise _Stale("the passage is not in the source" if lang else "no foreign passage has these words")
        if lang:
            self._declare(lang)
        what = f"in {LANGUAGE_NAMES.get(lang, lang)} ({lang})" if lang else "not foreign"
        return f"passage {want!r}: {what}", touched

    def _declare(self, lang: str) -> None:
        usage = self.root.find(f"{T}teiHeader/{T}profileDesc/{T}langUsage")
        if usage is not None and not any(x.get("ident") == lang for x in usage):
            etree.SubElement(usage, f"{T}language", ident=lang).text = LANGUAGE_NAMES.get(lang, lang)

    def remark(self, spec, entries: list[Entry]) -> tuple[str, list[str]]:
        m = _REMARK.match(spec["remark"])
        bracket = "(" if m.group("paren") is not None else "["
        inner = m.group("paren") if bracket == "(" else m.group("brack")
        rend = "parentheses" if bracket == "(" else "brackets"
        printed = f"({inner})" if bracket == "(" else f"[{inner}]"
        touched: list[str] = []
        seen: set = set()   # the elements (held: lxml keeps their proxies, an id() of one could be reused)
        for entry in entries:
            scopes = [entry.p] if "paragraph" in spec or "hash" in spec else [entry.p, entry.sp]
            for scope in scopes:
                if scope in seen:
                    continue
                seen.add(scope)
                n = self._reclassify(scope, inner, rend, printed, spec, direct=scope is entry.sp)
                if n:
                    touched.append(scope.get(XML_ID))
        if "paragraph" not in spec and "hash" not in spec:
            # a turn whose only content is a remark ("AUDIENCE MEMBER: (Applause.)") has no <p>, no entry
            for sp in self.root.iterfind(f"{T}text/{T}body//{T}sp"):
                if sp not in seen and self._reclassify(sp, inner, rend, printed, spec, direct=True):
                    touched.append(sp.get(XML_ID))
        if not touched:
            raise _Stale("the remark is not in the source")
        return f"remark {printed}: {spec['kind']}" + (f" ({spec['type']})" if "type" in spec else ""), touched

    def _reclassify(self, scope, inner, rend, printed, spec, direct: bool) -> int:
        count = 0
        tags = {f"{T}{k}" for k in ("gap", "vocal", "kinesic", "incident", "note")}
        children = list(scope) if direct else list(scope.iter())
        for el in children:
            if el.tag not in tags or el.get("rend") != rend or el.get("resp") == "#tei-edition":
                continue
            text = el.xpath("string(t:desc)", namespaces={"t": xmlio.TEI_NS}) if el.tag != f"{T}note" else \
                "".join(el.itertext())
            if norm(text) != norm(inner):
                continue
            holder = el.getparent()
            if holder.tag == f"{T}foreign" and len(holder) == 1 and not (holder.text or "").strip():
                el = holder          # an untranscribed-language gap: the foreign wrapper goes with it
            # The remark is matched without regard to case or spacing ("[laughter]" for "[Laughter]"); what
            # replaces it keeps its own wording, or the source's words would change.
            own = f"({text})" if rend == "parentheses" else f"[{text}]"
            new = self._remark_element(text, rend, own, spec, el.get("who"), inline=not direct)
            _replace(el, new)
            count += 1
        if direct:
            return count
        if spec["kind"] == "text":  # kept as text already: the editor confirms it
            return count + sum(printed in t for t in _free_text(scope))
        while True:  # remarks the reader kept as text
            target = _wrap_text(scope, printed, None)
            if target is None:
                break
            _replace(target, self._remark_element(inner, rend, printed, spec, None, inline=True))
            count += 1
        return count

    def _remark_element(self, inner, rend, printed, spec, who, inline: bool):
        kind = spec["kind"]
        if kind == "text":
            if inline:
                return printed
            p = etree.Element(f"{T}p")
            p.text = printed
            self.mark(p)
            return p
        el = etree.Element(f"{T}{kind}", rend=rend)
        if kind == "note":
            el.text = inner
            if "type" in spec:
                el.set("type", spec["type"])
            # the source's words, printed where they stand, as the converter writes a note of the source
            # (conventions note.editorial); without it every edition would make it a footnote of its own
            el.set("place", "inline")
        else:
            if kind == "gap":
                el.set("reason", spec.get("type") or _slug(inner))
            else:
                el.set("type", spec.get("type") or _slug(inner))
                if who:
                    el.set("who", who)
            etree.SubElement(el, f"{T}desc").text = inner
        self.mark(el)
        return el

    # the run
    def apply(self, specs: list[dict]) -> list[Record]:
        for spec in specs:
            kind = spec["correction"]
            entries = self.find(spec) if kind != "labels" else []
            if isinstance(entries, str):
                self.records.append(Record(spec["index"], kind, anchor_text(spec), "stale", entries))
                continue
            try:
                message, targets = getattr(self, kind)(spec, entries)
            except _Stale as err:
                self.records.append(Record(spec["index"], kind, anchor_text(spec), "stale", str(err)))
                continue
            if spec.get("note"):
                message += f". {spec['note']}"
            self.records.append(Record(spec["index"], kind, anchor_text(spec), "applied", message,
                                       [t for t in targets if t]))
        self.header_overrides()
        self.record()
        return self.records

    def header_overrides(self) -> None:
        """An editor's date that overrides the source's date line: the header date says whose it is."""
        given = self.meta.get("source", {}).get("date")
        date = self.root.find(f"{T}teiHeader/{T}fileDesc/{T}sourceDesc/{T}bibl/{T}date[@when]")
        printed = self.root.find(f"{T}text/{T}front/{T}docDate[@when]")
        if given and date is not None and printed is not None and printed.get("when") != date.get("when"):
            self.mark(date)
            self.records.append(Record(0, "header", "[source] date", "applied",
                                       f"date {date.get('when')} (the source's date line says "
                                       f"{printed.get('when')})", []))

    def record(self) -> None:
        applied = [r for r in self.records if r.status == "applied"]
        if not applied:
            return
        self.declare_editor()
        header = self.root.find(f"{T}teiHeader")
        rev = header.find(f"{T}revisionDesc")
        if rev is None:
            rev = etree.SubElement(header, f"{T}revisionDesc")
        for r in applied:
            change = etree.SubElement(rev, f"{T}change", who=EDITOR, type="correction")
            if self.epoch:
                change.set("when", datetime.fromtimestamp(int(self.epoch), tz=timezone.utc).strftime("%Y-%m-%d"))
            ids = [t if t.startswith("#") else f"#{t}" for t in dict.fromkeys(r.targets)]
            if ids:
                change.set("target", " ".join(ids))
            label = f"correction {r.index}" if r.index else "metadata"
            change.text = f"Editor's {label} ({r.kind}): {r.message}."

    def declare_editor(self) -> None:
        stmt = self.root.find(f"{T}teiHeader/{T}fileDesc/{T}titleStmt")
        editor = stmt.find(f"{T}editor")
        if editor is None:  # no [edition] editor: the record still says an editor, unnamed, decided
            editor = stmt.find(f"{T}respStmt[@{{http://www.w3.org/XML/1998/namespace}}id='{EDITOR_ID}']")
            if editor is None:
                editor = etree.SubElement(stmt, f"{T}respStmt")
                etree.SubElement(editor, f"{T}resp").text = "Corrections and metadata from the metadata file"
                etree.SubElement(editor, f"{T}name").text = "the editor (unnamed: set [edition] editor)"
        editor.set(XML_ID, EDITOR_ID)


class _Stale(Exception):
    pass


def _slug(inner: str) -> str:
    return re.sub(r"[^a-z]+", "-", inner.lower()).strip("-") or "event"


def _replace(old, new) -> None:
    """Put `new` (an element or a string) where `old` is, keeping old's tail."""
    parent = old.getparent()
    tail = old.tail
    if isinstance(new, str):
        _remove_keeping_text(old, new + (tail or ""))
        return
    new.tail = tail
    parent.replace(old, new)


def _remove_keeping_text(el, text: str) -> None:
    parent = el.getparent()
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(el)


def _unwrap(el) -> None:
    """<foreign>x<gap/>y</foreign> -> x<gap/>y, in place."""
    parent = el.getparent()
    index = parent.index(el)
    children = list(el)
    lead = el.text or ""
    tail = el.tail or ""
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + lead
    else:
        parent.text = (parent.text or "") + lead
    parent.remove(el)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    if children:
        children[-1].tail = (children[-1].tail or "") + tail
    elif prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail


def _wrap_text(scope, text: str, tag: str | None):
    """Find `text` in one text node of `scope` (not inside a remark's desc or a note) and wrap it in a new
    element `tag` (None: a placeholder element for the caller to replace). None when not found."""
    for el in scope.iter():
        if el.tag in (f"{T}desc", f"{T}note", f"{T}speaker", f"{T}foreign"):
            continue
        if el is not scope and el.getparent() is not None and el.getparent().tag in (f"{T}desc", f"{T}note",
                                                                                    f"{T}foreign"):
            continue
        for slot in ("text", "tail"):
            if slot == "tail" and el is scope:
                continue
            value = getattr(el, slot)
            if not value or text not in value:
                continue
            i = value.index(text)
            new = etree.Element(tag or f"{T}seg")
            new.text = text
            new.tail = value[i + len(text):]
            if slot == "text":
                el.text = value[:i]
                el.insert(0, new)
            else:
                el.addnext(new)           # addnext moves el's tail onto new: set both after it
                el.tail = value[:i]
                new.tail = value[i + len(text):]
            return new
    return None


def _free_text(scope):
    """The text nodes _wrap_text would search."""
    for el in scope.iter():
        if el.tag in (f"{T}desc", f"{T}note", f"{T}speaker", f"{T}foreign"):
            continue
        if el is not scope or el.text:
            yield el.text or ""
        if el is not scope:
            yield el.tail or ""


# --- the entry points ---------------------------------------------------------------------------------------
def check_speakers(doc: Document, meta: dict) -> None:
    """[speakers.ID] must name a participant of this transcript (or one a correction attributes a turn to);
    a correction's speaker must be a participant or declared in [speakers.ID]. Else one line, exit 2."""
    path = getattr(meta, "path", "--meta")
    declared = meta.get("speakers", {})
    known = sorted(doc.participants)
    wanted = {c["speaker"] for c in meta.get("correction", []) if "speaker" in c}
    for ident in declared:
        if ident not in doc.participants and ident not in wanted:
            raise UsageError(f"{path}: [speakers.{ident}]: no participant {ident!r} in this transcript "
                             f"(participants: {', '.join(known)}; or use it in a [[correction]] speaker)")
    for c in meta.get("correction", []):
        ident = c.get("speaker")
        splits = c["correction"] == "labels" and not c.get("same")   # names the new person: any free id
        if ident and not splits and ident not in doc.participants and ident not in declared:
            raise UsageError(f"{path}: [[correction]] {c['index']} speaker: unknown speaker id {ident!r} "
                             f"(participants: {', '.join(known)}; or declare it in [speakers.{ident}] with a name)")


def apply(tree, doc: Document, meta: dict, epoch: str | None = None) -> list[Record]:
    """Apply the sidecar's corrections (and record its header overrides) in the TEI tree, in place."""
    if not meta.get("correction") and not meta.get("source", {}).get("date"):
        return []
    return Corrector(tree, doc, meta, epoch).apply(meta.get("correction", []))


def stale_warnings(records: list[Record], path: str) -> list[Warning_]:
    return [StaleCorrection(0, "correction.stale",
                            f"{path}: [[correction]] {r.index} ({r.anchor}) not applied: {r.message}")
            for r in records if r.status == "stale"]

"""The corpus tables: `NAME.tsv` (one row per paragraph, remark and block) and `NAME-meta.tsv` (ParlaMint's
per-utterance metadata table), for any TEI.

Both read the TEI with the JSON edition's reader (jsondata): the same turns, speaker ids, names, roles,
sections, flags and texts, under the JSON's names. Written in Python rather than XSLT 1.0: a remark is split out
of its paragraph with its offset, and cells are quoted by the csv module, not by hand.

Speech and remarks are apart: a remark inside a paragraph ("(Laughter.)") is a row of its own (kind `remark`)
after its paragraph's row, with `at`, the character offset in that paragraph's `text` where it stood. A corpus
user filters `kind == speech` for what was said; the word check (fidelity.py) puts each remark back at its
offset and so proves every word is kept, in order.
"""
from __future__ import annotations

import copy
import csv
import io
import re
from pathlib import Path

from . import fidelity, jsondata
from .encode import TEI_NS

_NS = f"{{{TEI_NS}}}"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_REMARKS_OURS = {"gap", "vocal", "kinesic", "incident", "pause", "shift", "note"}
_REMARKS_ANY = {"gap", "vocal", "kinesic", "incident", "pause", "shift"}   # another TEI's notes are footnotes
_MARK = re.compile(f"{fidelity.MARK_OPEN}(\\d+){fidelity.MARK_CLOSE}")
_BRACKET_IN = re.compile(r"^([(\[])\s+")    # "( Laughter. )", as blocks are read, printed "(Laughter.)"
_BRACKET_OUT = re.compile(r"\s+([)\]])$")

# The columns of NAME.tsv, with what each holds (README and docs are generated from this list).
COLUMNS = [
    ("doc_id", "the document: TEI/@xml:id, else the TEI file's name without .xml"),
    ("date", "the event's date, ISO 8601 (the first sourceDesc bibl/date with @when and no @type), as in the "
             "JSON's metadata.date"),
    ("turn_id", "the turn (sp or u) the row belongs to; empty outside turns"),
    ("id", "the row: the element's xml:id, else a path from the nearest element with one; unique"),
    ("element", "the TEI element's local name"),
    ("kind", "speech, remark (inside a paragraph), header (front matter), head, stage, event (a remark "
             "standing between paragraphs or turns), block (text "
             "outside turns), note (another TEI's footnote), editorial (this tool's addition: no source words; "
             "its text is the addition, or its @reason, e.g. lacuna)"),
    ("who", "speaker id(s) of the turn (@who without '#', space-separated)"),
    ("name", "the speaker's name (particDesc persName)"),
    ("role", "the speaker's role (person/@role)"),
    ("label", "the speaker label as printed, or the supplied one (see label_supplied)"),
    ("label_supplied", "true when the source printed no label and it was supplied"),
    ("certainty", "@cert of an attributed turn (or of an inferred addition)"),
    ("interpreted", "true when the row (or its turn) is an interpreter's rendering (@ana #interpreted)"),
    ("languages", "the row's language (xml:lang in scope) and any other inside it, space-separated"),
    ("section", "the heading of the enclosing div"),
    ("at", "remark rows inside a paragraph: the character offset in that paragraph's text where it stood"),
    ("text", "the words as printed, without markup; whitespace (tabs, line ends) normalised to single spaces"),
]
HEADER = [name for name, _ in COLUMNS]

# ParlaMint's -meta.tsv header, column for column (ParlaMint Samples, e.g. ParlaMint-AT_*-meta-en.tsv): one row
# per utterance; what the TEI does not say is '-', as ParlaMint writes it.
META_COLUMNS = ["Text_ID", "ID", "Title", "Date", "Body", "Term", "Session", "Meeting", "Sitting", "Agenda",
                "Subcorpus", "Lang", "Speaker_role", "Speaker_MP", "Speaker_minister", "Speaker_party",
                "Speaker_party_name", "Party_status", "Party_orientation", "Speaker_ID", "Speaker_name",
                "Speaker_gender", "Speaker_birth"]


_local = jsondata._local


def doc_id(root) -> str:
    ident = root.get(_XML_ID)
    if ident:
        return ident
    url = root.getroottree().docinfo.URL
    return Path(url).name.removesuffix(".xml") if url else ""


def _flag(value: bool | None) -> str:
    return "" if value is None else "true" if value else "false"


def _clean(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _lang(el) -> str | None:
    for node in el.iterancestors():
        if node.get(_XML_LANG):
            return node.get(_XML_LANG)
    return None


def _languages(el, scope: _Scope | None = None) -> str:
    own = el.get(_XML_LANG) or (scope.of(el) if scope is not None else _lang(el))
    found = [own] if own else []
    if len(el) == 0:
        return own or ""
    for x in el.iter():
        value = x.get(_XML_LANG) if isinstance(x.tag, str) else None
        if value and value not in found:
            found.append(value)
    return " ".join(found)




class _Scope(dict):
    """The xml:lang in scope of an element's parent, per parent (rows of one turn share it): _lang, remembered.
    (Keys are the elements, so lxml keeps their proxies and the identities stay valid.)"""

    def of(self, el) -> str | None:
        parent = el.getparent()
        if parent is None:
            return None
        if parent not in self:
            self[parent] = parent.get(_XML_LANG) or self.of(parent)
        return self[parent]


class _Table:
    def __init__(self, root):
        self.root = root
        self.reader = jsondata._Reader(root)
        self.ours = not self.reader.foreign
        self.remarks = _REMARKS_OURS if self.ours else _REMARKS_ANY
        self.doc = doc_id(root)
        self.date = self.reader.metadata()["date"] or ""
        self.rows: list[list[str]] = []   # in HEADER's order
        self.turns: list[dict] = []   # for the meta table
        self.ids: set[str] = set()
        self.numbers: dict = {}
        self.section: str | None = None   # the heading of the div being read
        self.scope = _Scope()

    # --- ids ------------------------------------------------------------------------------------------------
    def path(self, el) -> str:
        """The element's xml:id, else its path from the nearest ancestor with one (or from <text>)."""
        steps = []
        node = el
        while node is not None and _local(node) not in ("text", "TEI") and not node.get(_XML_ID):
            name = _local(node)
            steps.append(f"{name}{self.number(node)}")
            node = node.getparent()
        anchor = node.get(_XML_ID) if node is not None and node.get(_XML_ID) else "text"
        return ".".join([anchor, *reversed(steps)])

    def number(self, el) -> int:
        """The element's position among its parent's children of its name (xsl:number), counted once per
        parent: linear in the document's size. (The cache holds the elements, so lxml keeps their proxies.)"""
        if el not in self.numbers:
            parent = el.getparent()
            counts: dict = {}
            for child in (parent if parent is not None else [el]):
                counts[child.tag] = counts.get(child.tag, 0) + 1
                self.numbers[child] = counts[child.tag]
        return self.numbers[el]

    def unique(self, ident: str) -> str:
        base, n = ident, 1
        while ident in self.ids:
            n += 1
            ident = f"{base}.{n}"
        self.ids.add(ident)
        return ident

    # --- rows -----------------------------------------------------------------------------------------------
    def add(self, el, kind: str, text: str, turn: dict | None = None, ident: str | None = None,
            at: int | None = None, certainty: str | None = None) -> None:
        """One row, a list in HEADER's order; a turn's own columns come worked out once (turn["cells"])."""
        if turn is None:
            turn_id = who = name = role = label = supplied = cert = interpreted = ""
            section = self.section or ""
        else:
            turn_id, who, name, role, label, supplied, cert, interpreted, section = turn["cells"]
            if interpreted == "false" and self.reader.is_interpreted(el):
                interpreted = "true"
        self.rows.append([self.doc, self.date, turn_id, self.unique(ident or self.path(el)), _local(el), kind,
                          who, name, role, label, supplied, cert if certainty is None else certainty, interpreted,
                          _languages(el, self.scope), section, "" if at is None else str(at), _clean(text)])

    def items(self, container, kind_of: str | None) -> None:
        for child in container:
            if not isinstance(child.tag, str):
                continue
            name = _local(child)
            if name in ("sp", "u"):
                self.turn(child)
            elif name in jsondata._CONTAINERS:
                head = child.find(_NS + "head")
                saved = self.section
                if head is not None:   # (read again for its row: footnotes it holds are collected there)
                    kept = len(self.reader.notes)
                    self.section = jsondata.text_of(head) if self.ours else self.reader.text(head)
                    del self.reader.notes[kept:]
                self.items(child, kind_of)
                self.section = saved
            else:
                self.block(child, None, kind_of)

    def kind(self, el, in_turn: bool, kind_of: str | None) -> str:
        name = _local(el)
        if fidelity.is_addition(el):
            return "editorial"
        if kind_of:
            return kind_of
        if name in ("head", "stage"):
            return name
        if name in jsondata._EVENTS or name == "note":
            return "event"
        return "speech" if in_turn else "block"

    def block(self, el, turn: dict | None, kind_of: str | None = None) -> None:
        kind = self.kind(el, turn is not None, kind_of)
        if kind == "editorial":
            self.add(el, kind, " ".join("".join(el.itertext()).split()) or el.get("reason") or el.get("type") or "",
                     turn, certainty=el.get("cert") or "")
            return
        text, remarks = self.split(el)
        if not text and not remarks:   # (a page break, an empty paragraph: no words, no row)
            return
        ident = self.path(el)
        self.add(el, kind, text, turn, ident)
        self.remark_rows(remarks, turn, ident)

    def remark_rows(self, remarks: list, turn: dict | None, ident: str) -> None:
        """A row per remark split out of a block (split), numbered after the block's id; this tool's own
        additions are `editorial`, with their certainty."""
        for n, (remark, at, words) in enumerate(remarks, 1):
            extra = fidelity.is_addition(remark)
            words = _BRACKET_IN.sub(r"\1", _BRACKET_OUT.sub(r"\1", words))
            self.add(remark, "editorial" if extra else "remark", words, turn, f"{ident}.r{n}", at,
                     certainty=remark.get("cert") if extra else None)

    def split(self, el) -> tuple[str, list]:
        """The block's text without its remarks, and each remark with its offset in that text."""
        if len(el) == 0:   # text only (most paragraphs): no remark inside
            return self.text(el), []
        inner = [x for x in el.iterdescendants() if isinstance(x.tag, str) and _local(x) in self.remarks]
        if not inner:
            return self.text(el), []
        if self.ours:   # the reading of this tool's TEI marks the remarks itself (no copy): the same pieces
            marked, found = fidelity.marked_text(el)
            return self._pieces(_MARK.split(marked), dict(enumerate(found)))
        # Read a copy in which each remark is a marker: the reading (choice, lb, footnotes) stays the
        # reader's own, and where a marker lands is where the remark stood.
        clone = copy.deepcopy(el)
        originals = {}
        for n, (orig, x) in enumerate(zip(list(el.iterdescendants()), list(clone.iterdescendants()))):
            if isinstance(x.tag, str) and _local(x) in self.remarks and not _inside_remark(orig, el, self.remarks):
                originals[n] = orig
                tail, attrib = x.tail, dict(x.attrib)
                x.clear()
                if self.ours:   # (a desc, not the remark: no special reading of an empty pause, an addition)
                    x.tag = _NS + "desc"
                else:   # another TEI's reader looks at an element's neighbours: keep them as they are
                    x.attrib.update(attrib)
                x.text = f"{fidelity.MARK_OPEN}{n}{fidelity.MARK_CLOSE}"
                x.tail = tail
        return self._pieces(_MARK.split(self.text(clone)), originals)

    def _pieces(self, pieces: list[str], originals: dict) -> tuple[str, list]:
        """The block's text and its remarks (element, offset, words) from its reading split at the markers."""
        text, remarks = "", []
        for i, piece in enumerate(pieces):
            if i % 2:
                orig = originals[int(piece)]
                words = jsondata.text_of(orig) if self.ours else self.reader.text(orig)
                if fidelity.is_addition(orig):
                    words = " ".join("".join(orig.itertext()).split())
                remarks.append((orig, len(text), words))
            else:
                piece = _clean(piece)
                if piece:
                    text = f"{text} {piece}" if text else piece
        return text, remarks

    def text(self, el) -> str:
        return self.reader.text(el)

    def turn(self, el) -> None:
        kept = len(self.reader.notes)
        data = self.reader.turn_head(el, self.section)   # (the label's footnotes are collected again below)
        del self.reader.notes[kept:]
        speaker = el.find(_NS + "speaker")
        if speaker is not None and not self.ours:
            self.reader.text(speaker)   # the label's footnotes, in their place
        turn = {"turn_id": self.unique(el.get(_XML_ID) or self.path(el)), "who": data["who"],
                "name": data["name"], "role": data["role"], "label": data["label"],
                "label_supplied": data["label_supplied"], "certainty": data["certainty"],
                "interpreted": data["interpreted"], "section": self.section}
        turn["cells"] = (turn["turn_id"], " ".join(turn["who"]), turn["name"] or "", turn["role"] or "",
                         turn["label"] or "", _flag(turn["label_supplied"]), turn["certainty"] or "",
                         _flag(turn["interpreted"]), turn["section"] or "")
        self.ids.discard(turn["turn_id"])   # a turn's id may name its one row (a u, an empty sp)
        self.turns.append({**turn, "el": el})
        before = len(self.rows)
        children = [c for c in el if isinstance(c.tag, str) and c is not speaker]
        whole = _local(el) == "u" and ((el.text or "").strip() or any((c.tail or "").strip() for c in el)
                                        or not children)
        if whole:   # an utterance of mixed content: one speech row
            text, remarks = self.split(el)
            self.add(el, "speech", text, turn, turn["turn_id"])
            self.remark_rows(remarks, turn, turn["turn_id"])
        else:
            for child in children:
                self.block(child, turn)
        if len(self.rows) == before:   # a turn with a label and no text: its label still has a row
            self.add(el, "speech", "", turn, turn["turn_id"])

    def run(self) -> None:
        text_el = self.root.find(_NS + "text")
        if text_el is None:
            return
        for part in text_el:
            if isinstance(part.tag, str):
                self.section = None
                self.items(part, "header" if _local(part) == "front" else None)
        for n, note in enumerate(self.reader.notes, 1):
            if note.strip():
                row = dict.fromkeys(HEADER, "")
                row.update(doc_id=self.doc, date=self.date, id=self.unique(f"note{n}"), element="note",
                           kind="note", text=_clean(note))
                self.rows.append(list(row.values()))


def _inside_remark(el, stop, names) -> bool:
    for node in el.iterancestors():
        if node is stop:
            return False
        if _local(node) in names:
            return True
    return False


def _write(header: list[str], rows) -> bytes:
    """The csv module's excel-tab dialect, one line per row. A row of strings without a tab, a line end or a
    quote in any cell is what csv writes for it quoting nothing: its cells joined by tabs, in one C-level join
    (csv.writer's per-cell checks were a sixth of the TSV edition's time); any other row goes to csv."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect="excel-tab", lineterminator="\n")
    lines: list[str] = []
    for row in [header, *rows]:
        line = _plain_line(row)
        if line is None:
            if lines:
                out.write("".join(lines))
                lines.clear()
            writer.writerow(row)
        else:
            lines.append(line)
    out.write("".join(lines))
    return out.getvalue().encode("utf-8")


def _plain_line(row) -> str | None:
    """The row as csv's excel-tab writes a row that needs no quoting, or None when it may need some."""
    if len(row) < 2:   # (csv quotes a lone empty cell)
        return None
    try:
        line = "\t".join(row)
    except TypeError:   # a cell that is not a string: csv's str() of it
        return None
    if '"' in line or "\n" in line or line.count("\t") != len(row) - 1:
        return None
    return line + "\n"


def render(tree) -> bytes:
    table = _Table(tree.getroot())
    table.run()
    return _write(HEADER, table.rows)


def render_meta(tree) -> bytes:
    root = tree.getroot()
    table = _Table(root)
    table.run()
    meta = table.reader.metadata()
    names = {lang["ident"]: lang["name"] for lang in meta["languages"] if lang["ident"]}
    people = {el.get(_XML_ID): el for el in root.iter(_NS + "person", _NS + "personGrp") if el.get(_XML_ID)}
    rows = []
    for turn in table.turns:
        el = turn["el"]
        lang = el.get(_XML_LANG) or _lang(el)
        person = people.get(turn["who"][0]) if turn["who"] else None
        values = {"Text_ID": table.doc, "ID": turn["turn_id"], "Title": meta["title"], "Date": meta["date"],
                  "Lang": names.get(lang, lang), "Speaker_role": turn["role"] or _parla_role(el),
                  "Speaker_ID": " ".join(turn["who"]), "Speaker_name": turn["name"],
                  "Speaker_gender": _person_value(person, "sex"), "Speaker_birth": _person_value(person, "birth")}
        rows.append([_clean(values.get(c)) or "-" for c in META_COLUMNS])
    return _write(META_COLUMNS, rows)


# Parla-CLARIN's utterance roles (u/@ana) as ParlaMint's table prints them
_PARLA_ROLES = {"#chair": "Chairperson", "#regular": "Regular", "#guest": "Guest"}


def _parla_role(el) -> str | None:
    return next((_PARLA_ROLES[a] for a in (el.get("ana") or "").split() if a in _PARLA_ROLES), None)


def _person_value(person, what: str) -> str | None:
    if person is None:
        return None
    if what == "sex":
        sex = person.find(_NS + "sex")
        return person.get("sex") or (sex.get("value") or jsondata.text_of(sex) if sex is not None else None)
    birth = person.find(_NS + "birth")
    when = birth.get("when") if birth is not None else None
    return when[:4] if when else None


# --- reading back (the word check) ------------------------------------------------------------------------------
def texts(data: bytes) -> list[str]:
    """Every source text of a TSV edition in document order: each turn's printed label once, each row's text
    with its remarks put back at their offsets; editorial rows (this tool's additions) left out."""
    reader = _rows(data.decode("utf-8"))
    header = next(reader, [])
    # (plain rows and the header's positions: csv.DictReader builds a dict per row, a third of this check)
    at, kind, turn_id, label, supplied, text_at = (header.index(c) for c in ("at", "kind", "turn_id", "label",
                                                                            "label_supplied", "text"))
    out: list[str] = []
    pending: list = []   # [text, [(at, remark)]] of the last row with text

    def flush():
        if pending:
            text, inserts = pending
            pieces, pos = [], 0
            for at, remark in inserts:
                pieces += [text[pos:at], remark]
                pos = at
            out.append(" ".join([*pieces, text[pos:]]))
            pending.clear()

    last_turn = None
    for row in reader:
        if row[at] and pending:
            if row[kind] != "editorial":
                pending[1].append((int(row[at]), row[text_at]))
            continue
        flush()
        if row[turn_id] != last_turn and row[turn_id] and row[label] and row[supplied] != "true":
            out.append(row[label])
        last_turn = row[turn_id]
        if row[kind] != "editorial":
            pending[:] = [row[text_at], []]
    flush()
    return out


def _rows(text: str):
    """csv.reader's rows of an excel-tab table. Without a quote or a carriage return in it (what _write makes of
    rows that need no quoting), a row is a line split at its tabs (an empty line: no cells), as csv reads it."""
    if '"' in text or "\r" in text:
        return csv.reader(io.StringIO(text, newline=""), dialect="excel-tab")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return iter([line.split("\t") if line else [] for line in lines])


def meta_difference(data: bytes, root) -> tuple[int, list[str], list[str]] | None:
    """The meta table against the TEI: one row per turn, in order, with the turn's speaker; None when equal,
    else (row, what the TEI has from there, what the table has)."""
    table = _Table(root)
    table.run()
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""), dialect="excel-tab"))
    expected = [f"{t['turn_id']} {' '.join(t['who']) or '-'}" for t in table.turns]
    found = [f"{r.get('ID')} {r.get('Speaker_ID')}" for r in rows]
    if expected == found:
        return None
    i = next((i for i, (a, b) in enumerate(zip(expected, found)) if a != b), min(len(expected), len(found)))
    return i, expected[i:i + 2], found[i:i + 2]

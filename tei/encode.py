"""The document model -> a TEI P5 tree (header, participants, body). No I/O.

Editorial additions of this tool (supplied speakers, attribution and interpretation notes, lacunae) carry
@resp="#tei-edition"; everything else inside <text> is the source's own wording (see fidelity.py).
"""
from __future__ import annotations

import re
from datetime import datetime, timezone

from lxml import etree

from . import __version__, xmlio
from .conventions import LANGUAGE_NAMES
from .model import Deletion, Document, Emphasis, Foreign, Heading, Insertion, Remark, Stage, Substitution, Turn

TEI_NS = xmlio.TEI_NS
XML_NS = "http://www.w3.org/XML/1998/namespace"
RESP = "#tei-edition"
_SPACES = re.compile(r" {2,}")


# A document makes hundreds of elements from a few dozen tag and attribute names: each name's qualified form
# is built once per process, not once per element.
_TAG_NAMES: dict[str, str] = {}
_ATTRIBUTE_NAMES: dict[str, str] = {}


def _tag_name(tag: str) -> str:
    """"p" -> "{TEI}p"."""
    name = _TAG_NAMES.get(tag)
    if name is None:
        name = _TAG_NAMES[tag] = f"{{{TEI_NS}}}{tag}"
    return name


def _attribute_name(key: str) -> str:
    """A keyword argument's attribute: "xml_id" -> xml:id, "type_" -> type."""
    name = _ATTRIBUTE_NAMES.get(key)
    if name is None:
        name = _ATTRIBUTE_NAMES[key] = f"{{{XML_NS}}}{key[4:]}" if key.startswith("xml_") else key.rstrip("_")
    return name


def _el(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    # the attributes handed to lxml in one dict (set in its order, as one set() per attribute would)
    attrib = {_attribute_name(k): str(v) for k, v in attrs.items() if v is not None} if attrs else None
    el = etree.SubElement(parent, _tag_name(tag), attrib) if parent is not None else etree.Element(
        _tag_name(tag), attrib, nsmap={None: TEI_NS})
    if text is not None:
        el.text = text
    return el


def _append_text(el, text: str) -> None:
    if not text:
        return
    try:
        last = el[-1]  # O(1) in lxml, unlike len(el), which walks every child: 100,000 gaps in one p
    except IndexError:
        el.text = (el.text or "") + text
        return
    last.tail = (last.tail or "") + text


class Encoder:
    def __init__(self, doc: Document, source_date_epoch: str | None = None):
        self.doc = doc
        self.epoch = source_date_epoch
        self.stats = {"turns": 0, "paragraphs": 0, "gaps": 0, "notes": 0, "incidents": 0, "foreign": 0,
                      "unlabeled": 0, "lacunae": 0, "stages": 0}
        self.turn_ids: dict[int, str] = {}   # id(Turn) -> xml:id, for interpreters' @corresp

    # --- header -----------------------------------------------------------------------------------------------
    def header(self, root) -> None:
        md = self.doc.metadata
        hdr = _el(root, "teiHeader")
        file_desc = _el(hdr, "fileDesc")
        title_stmt = _el(file_desc, "titleStmt")
        _el(title_stmt, "title", md.get("title", "Untitled transcript"))
        principal = self.doc.participants.get(md.get("principal") or "")
        if principal is None:
            principal = next((p for p in self.doc.participants.values() if p.role == "speaker"), None)
        authors = md.get("authors") or ([(principal.id, principal.name, principal.role_name or "")]
                                        if principal is not None else [])
        for ident, name, role in authors:  # the principal speaker, then the presenters, each with their role
            _el(title_stmt, "author", name, ref=f"#{ident}", role=_token(role))
        if md.get("editor"):
            _el(title_stmt, "editor", md["editor"])
        if md.get("office"):  # header.office: the issuing office ("Press Operations", "By CJTF-OIR Public Affairs")
            issued = _el(title_stmt, "respStmt")
            _el(issued, "resp", "Issued by")
            _el(issued, "orgName", re.sub(r"^By\s+", "", md["office"]))
        resp = _el(title_stmt, "respStmt", xml_id="tei-edition")
        _el(resp, "resp", "Conversion to TEI P5, speaker attribution of unlabeled turns, language identification")
        _el(resp, "name", f"tei-edition {__version__}")

        pub = _el(file_desc, "publicationStmt")
        _el(pub, "publisher", md.get("editor") or "tei-edition")
        avail = _el(pub, "availability", status="free")
        _el(avail, "licence", "The transcript is a work of the United States federal government and in the "
                              "public domain in the United States (17 U.S.C. 105).")
        if self.epoch:
            when = datetime.fromtimestamp(int(self.epoch), tz=timezone.utc).strftime("%Y-%m-%d")
            _el(pub, "date", when, when=when)

        disclaimer = [f.text for f in self.doc.front if f.kind == "disclaimer"]
        notices = md.get("notices") or []
        other = md.get("front_matter_other") or {}
        if disclaimer or other or notices:
            notes = _el(file_desc, "notesStmt")
            if disclaimer:
                _el(notes, "note", " ".join(disclaimer), type="disclaimer")
            for notice in notices:  # header.notice: "(As Prepared)", "(Edited for Clarity)"
                _el(notes, "note", notice, type="notice")
            for key, value in sorted(other.items()):
                _el(notes, "note", f"{key}: {value}", type="front-matter")

        bibl = _el(_el(file_desc, "sourceDesc"), "bibl")
        _el(bibl, "title", md.get("title", "Untitled transcript"))
        for _ident, name, _role in authors:
            _el(bibl, "author", name)
        date_item = next((f for f in self.doc.front if f.kind == "date" and f.when == md.get("date")), None)
        if md.get("date"):
            _el(bibl, "date", date_item.text if date_item and date_item.when == md["date"] else md["date"],
                when=md["date"])
        for key in ("published_time", "modified_time"):
            if md.get(key):
                iso = md[key].replace(" ", "T", 1)
                _el(bibl, "date", md[key], type=key.split("_")[0], when=iso if _is_datetime(iso) else None)
        _el(bibl, "publisher", md.get("publisher"))
        if md.get("url"):
            _el(bibl, "ref", md["url"], target=md["url"])
        if md.get("place"):
            _el(bibl, "pubPlace", md["place"])

        self.encoding_desc(hdr)
        self.profile_desc(hdr)

    def encoding_desc(self, hdr) -> None:
        enc = _el(hdr, "encodingDesc")
        app = _el(_el(enc, "appInfo"), "application", ident="tei-edition", version=__version__)
        _el(app, "label", "tei-edition")
        decl = _el(enc, "editorialDecl")
        _el(_el(decl, "normalization"), "p",
            "Line ends, no-break and other special spaces are normalised to ordinary spaces; hard-wrapped lines "
            "are joined into paragraphs; Markdown escapes are undone. Characters that XML 1.0 forbids are "
            "replaced by U+FFFD. Dashes, quotation marks and spelling are kept as the source printed them.")
        _el(_el(decl, "interpretation"), "p",
            "Transcriber remarks in parentheses or brackets are encoded as gap, vocal, kinesic, incident or "
            "note, keeping the source wording in desc; a remark of several parts (\"Laughter, cross talk.\") "
            "takes its first part's element, with the whole wording; \"(Pause.)\" is a pause element, which "
            "stands for that printed form; a third-person sentence about a participant or a thing "
            "(\"The President signs the executive order.\") is an incident, or a kinesic for a gesture; an "
            "omission notice is a gap with reason omitted; a struck-through word with its bracketed "
            "correction is one subst. Interpretation is marked on the paragraphs it covers (@ana): "
            "#interpreted where the speaker's words are given in an interpreter's rendering, #interpreting "
            "where the speaker interprets another participant's words (sp/@corresp points to that turn when "
            "it is identified). Turns printed without a label are attributed by rule "
            "(hand-over, question invitation, resumption, continuation, opening); the speaker is then supplied, "
            "with resp=\"#tei-edition\" and cert=\"medium\", or cert=\"low\" where no one is named. Blank "
            "lines as many as the source prints between all its paragraphs are layout, not turn breaks. Where a turn breaks off with a dash and the next, after "
            "a visible break, resumes with a dash, a gap marks the skipped material. Inline foreign passages "
            "are identified automatically (lingua), restricted to the languages the transcript names.")
        prov = _el(decl, "p")
        prov.text = "Metadata: " + "; ".join(self.doc.provenance) + "."
        kinds = _interpretation_kinds(self.doc)
        if kinds:
            tax = _el(_el(enc, "classDecl"), "taxonomy", xml_id="speech")
            if "interpreted" in kinds:
                cat = _el(tax, "category", xml_id="interpreted")
                _el(cat, "catDesc", "Interpreted speech: the text is an interpreter's rendering of the words of the "
                                    "turn's speaker, who is their author.")
            if "interpreting" in kinds:
                cat = _el(tax, "category", xml_id="interpreting")
                _el(cat, "catDesc", "Interpreting: the turn's speaker renders in English another participant's "
                                    "words (the turn that sp/@corresp points to, when identified); the speaker "
                                    "speaks these words, their author is the participant rendered.")

    def profile_desc(self, hdr) -> None:
        prof = _el(hdr, "profileDesc")
        langs = _el(prof, "langUsage")
        for code in self.doc.languages:
            name = LANGUAGE_NAMES.get(code, code)
            if code in self.doc.interpreted_languages:
                name += " (spoken; given in the text in English interpretation)"
            _el(langs, "language", name, ident=code)
        lead = self.doc.metadata.get("principal")
        people = sorted(self.doc.participants.values(), key=lambda p: p.id != lead)  # the principal first
        plist = _el(_el(prof, "particDesc"), "listPerson") if people else None  # listPerson needs one person
        for person in people:
            if person.group:
                grp = _el(plist, "personGrp", xml_id=person.id, role=person.role)
                _el(grp, "name", person.name)
                if person.labels:
                    _el(grp, "note", "Labels: " + ", ".join(person.labels), type="labels")
            else:
                el = _el(plist, "person", xml_id=person.id, role=person.role)
                pers = _el(el, "persName")
                if person.role_name and person.role_name.lower() not in person.name.lower():
                    _el(pers, "roleName", person.role_name).tail = " " + person.name
                else:
                    pers.text = person.name
                if person.labels:
                    _el(el, "note", "Labels: " + ", ".join(person.labels), type="labels")
        md = self.doc.metadata
        if md.get("place") or md.get("date"):
            setting = _el(_el(prof, "settingDesc"), "setting")
            if md.get("place"):
                _el(setting, "placeName", md["place"])
            if md.get("date"):
                _el(setting, "date", md["date"], when=md["date"])
        if md.get("tags"):
            keywords = _el(_el(prof, "textClass"), "keywords")
            for tag in md["tags"]:   # a list (meta.tag_list)
                _el(keywords, "term", tag)

    # --- text -------------------------------------------------------------------------------------------------
    def text(self, root) -> None:
        text = _el(root, "text")
        if self.doc.front:
            self.front(_el(text, "front"))
        body = _el(text, "body")
        has_heads = any(isinstance(i, Heading) for i in self.doc.body)
        div = _el(body, "div", type="section" if has_heads else "transcript")
        n_sp = 0
        for item in self.doc.body:
            if isinstance(item, Heading):
                if len(div):
                    div = _el(body, "div", type="section")
                _el(div, "head", item.text)
            elif isinstance(item, Stage):
                self.stats["stages"] += 1
                if item.content is None:
                    _el(div, "stage", item.text, type=item.type)
                else:
                    self.inline(_el(div, "stage", type=item.type), item.content, None)
            elif isinstance(item, Turn):
                n_sp += 1
                self.turn(div, item, f"sp{n_sp}")
        if not len(div):
            _el(div, "p")

    def front(self, front) -> None:
        """header.*: every header line as printed, in source order, typed (docTitle, docDate, byline, or a note
        whose @type is the line's kind)."""
        for item in self.doc.front:
            if item.kind == "title":
                _el(_el(front, "docTitle"), "titlePart", item.text)
            elif item.kind == "date":
                _el(front, "docDate", item.text, when=item.when)
            elif item.kind == "byline":
                _el(front, "byline", item.text)
            else:
                _el(front, "note", item.text, type=item.kind)

    def turn(self, div, turn: Turn, ident: str) -> None:
        self.stats["turns"] += 1
        self.turn_ids[id(turn)] = ident
        if turn.lacuna_before:
            self.stats["lacunae"] += 1
            _el(div, "gap", reason="lacuna", resp=RESP, cert="medium")
        rendered = self.turn_ids.get(id(turn.renders)) if turn.renders is not None else None
        sp = _el(div, "sp", xml_id=ident, who=f"#{turn.who}", corresp=f"#{rendered}" if rendered else None,
                 cert="medium" if turn.label is None else None, resp=RESP if turn.label is None else None)
        speaker = _el(sp, "speaker")
        if turn.label is None:
            self.stats["unlabeled"] += 1
            _el(speaker, "supplied", turn.supplied_label, reason="unlabeled-turn", resp=RESP)
            _el(sp, "note", f"No speaker label in the source; attributed by rule ({turn.attribution}).",
                type="attribution", resp=RESP)
        else:
            speaker.text = turn.label
        if turn.label and "(" in turn.label:
            _el(sp, "note", "Spoken through an interpreter; the text is the interpretation.",
                type="interpretation", resp=RESP)
        if rendered:
            who = self.doc.participants.get(turn.renders.who)
            _el(sp, "note", f"The speaker interprets: the paragraphs marked as interpreting render in English the "
                            f"words of {who.name if who else turn.renders.who} in {rendered}.",
                type="interpretation", resp=RESP)
        n_p = 0
        for para in turn.paragraphs:
            event = para.lone_event()
            if event is not None:
                self.inline(sp, [event], turn)   # a remark standing alone: an event of the turn
                continue
            n_p += 1
            self.stats["paragraphs"] += 1
            p = _el(sp, "p", xml_id=f"{ident}.p{n_p}", ana=f"#{para.interp}" if para.interp else None)
            if para.interp_from is None and len(para.content) == 1 and isinstance(para.content[0], str):
                # Most paragraphs are one string: what inline() and _strip_edges would do to it, done once.
                text = para.content[0]
                if text:
                    p.text = (_SPACES.sub(" ", text) if "  " in text else text).strip()
                continue
            if para.interp_from is not None:   # interpretation begins inside the paragraph: a seg from there
                k, kind = para.interp_from
                self.inline(p, para.content[:k], turn)
                self.inline(_el(p, "seg", ana=f"#{kind}"), para.content[k:], turn)
            else:
                self.inline(p, para.content, turn)
            _strip_edges(p)

    def inline(self, parent, nodes: list, turn: Turn) -> None:
        for node in nodes:
            if isinstance(node, str):
                _append_text(parent, _SPACES.sub(" ", node) if "  " in node else node)  # the sub is rarely needed
            elif isinstance(node, Remark):
                self.remark(parent, node, turn)
            elif isinstance(node, Emphasis):
                self.inline(_el(parent, "hi", rend="italic"), node.children, turn)
            elif isinstance(node, Deletion):
                self.inline(_el(parent, "del", rend="strikethrough"), node.children, turn)
            elif isinstance(node, Insertion):
                self.inline(_el(parent, "add", rend="brackets"), node.children, turn)
            elif isinstance(node, Substitution):   # markup.correction: one intervention, TEI 11.3.1.5
                self.inline(_el(parent, "subst"), node.children, turn)
            elif isinstance(node, Foreign):
                self.stats["foreign"] += 1
                self.inline(_el(parent, "foreign", xml_lang=node.lang), node.children, turn)

    def remark(self, parent, node: Remark, turn: Turn) -> None:
        conv = node.convention
        rend = "parentheses" if node.bracket == "(" else "brackets"
        who = {"audience": "#audience", "speaker": f"#{turn.who}" if turn else None}.get(conv.who or "")
        inner = _SPACES.sub(" ", node.inner)
        if conv.element == "gap":
            self.stats["gaps"] += 1
            _el(_el(parent, "gap", rend=rend, **conv.attrs), "desc", inner)
        elif conv.element == "foreign-gap":
            self.stats["gaps"] += 1
            gap = _el(_el(parent, "foreign", xml_lang=node.lang), "gap", rend=rend, **conv.attrs)
            _el(gap, "desc", inner, xml_lang="en")
        elif conv.element == "note":
            self.stats["notes"] += 1
            _el(parent, "note", inner, rend=rend, **conv.attrs)
        elif conv.element == "pause" and inner == "Pause.":
            # pause: TEI's pause is empty; the printed form "(Pause.)" is what every reader of the element
            # prints (fidelity.py, transforms/common.xsl). Any other wording keeps its desc in an incident.
            self.stats["incidents"] += 1
            _el(parent, "pause", who=who, rend=rend, **conv.attrs)
        else:
            self.stats["incidents"] += 1
            attrs = dict(conv.attrs)
            if "type" not in attrs:
                attrs["type"] = _kind(inner)
            element = "incident" if conv.element == "pause" else conv.element
            _el(_el(parent, element, who=who, rend=rend, **attrs), "desc", inner)


def _interpretation_kinds(doc: Document) -> set[str]:
    kinds: set[str] = set()
    for turn in doc.turns():
        for para in turn.paragraphs:
            kinds.update(k for k in (para.interp, para.interp_from and para.interp_from[1]) if k)
    return kinds


def _token(text: str) -> str | None:
    """A role as an XML token list value (@role): "Secretary of Defense" -> "secretary-of-defense"."""
    token = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return token or None


def _kind(inner: str) -> str:
    return re.sub(r"[^a-z]+", "-", inner.lower()).strip("-") or "event"


def _is_datetime(value: str) -> bool:
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2}|Z)?", value) is not None


def _strip_edges(p) -> None:
    if p.text:
        p.text = p.text.lstrip()
    try:
        last = p[-1]
    except IndexError:
        last = None
    if last is not None and last.tail:
        last.tail = last.tail.rstrip()
    elif last is None and p.text:
        p.text = p.text.rstrip()


def encode(doc: Document, source_date_epoch: str | None = None) -> tuple[etree._ElementTree, dict]:
    enc = Encoder(doc, source_date_epoch)
    root = _el(None, "TEI", xml_lang="en")
    enc.header(root)
    enc.text(root)
    _certainty(root, doc)
    return etree.ElementTree(root), enc.stats


def _certainty(root, doc: Document) -> None:
    """turn.unlabeled: an attribution on weak evidence says so (cert="low"), the others keep cert="medium"."""
    turns = doc.turns()
    for sp, turn in zip(root.iter(f"{{{TEI_NS}}}sp"), turns):
        if turn.label is None and turn.cert and sp.get("cert"):
            sp.set("cert", turn.cert)

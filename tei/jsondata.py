"""The JSON edition: document metadata, participants and the text as turns and blocks, for corpus tools.

Modelled on what DraCor's API serves (metadata, cast, turns with speaker and text), for any TEI: `sp` and `u`
are turns; `p`, `stage`, `head`, events and any other element are blocks with their text as the source printed
it. Written in Python over the TEI tree rather than XSLT 1.0, which has no JSON string escaping; the shape is
fixed by `schemas/edition.schema.json` (tested), and `fidelity.edition_words` reads every word back.

Text readback is the word check's own (`fidelity.text_as_printed`): this tool's and the editor's additions
(supplied labels, attribution notes, inferred lacunae) are kept apart, as `editorial` items, never in `text`.
"""
from __future__ import annotations

from . import fidelity, jsonout, memo
from .encode import TEI_NS

FORMAT_VERSION = 1
_NS = f"{{{TEI_NS}}}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_EVENTS = {"gap", "vocal", "kinesic", "incident", "pause", "shift"}
_CONTAINERS = {"body", "front", "back", "div", "div1", "div2", "div3", "div4", "div5", "div6", "div7", "group",
               "text", "castList", "castGroup"}


class _LocalNames(dict):
    """Clark tag -> the name _local gives (a TEI element's local name, any other tag as it is), worked out once
    per tag: the JSON and TSV readers ask it of every element they pass."""

    def __missing__(self, tag: str) -> str:
        if len(self) > 10_000:   # (a vocabulary is a few hundred names; a hostile file could make millions)
            self.clear()
        self[tag] = tag[len(_NS):] if tag.startswith(_NS) else tag
        return self[tag]


_LOCAL_NAMES = _LocalNames()


def _local(el) -> str:
    tag = el.tag
    return _LOCAL_NAMES[tag] if isinstance(tag, str) else str(tag)


def _editorial(el) -> bool:
    return fidelity.is_addition(el)


text_of = fidelity.text_as_printed


class _Reader:
    def __init__(self, root):
        from . import anytei

        self.root = root
        # TEI of other projects is read as the generic renderer reads it (anytei.reading): one reading of a
        # choice, words joined across lb break="no", footnotes moved to the end (into "notes").
        self.foreign = root.tag == _NS + "TEI" and not anytei.is_ours(root)
        self.notes: list[str] = []
        # Whether any element may be interpreted (a superset of the token test): most documents have none,
        # and then no turn's elements are walked for it.
        self.any_interpreted = memo.per_tree(
            "any_interpreted", root, lambda: bool(root.xpath("boolean(//*[contains(@ana, '#interpreted')])")))
        self._interpreted: set | None = None   # is_interpreted's answers, worked out on first use
        # (read once per tree in a build: the JSON, TSV and Markdown editions each make a reader; never changed)
        self.names: dict[str, dict] = memo.per_tree("participant_names", root, lambda: _names(root))

    def is_interpreted(self, el) -> bool:
        """interpreted(el), for any element of the document in one linear walk: the elements marked and
        every ancestor of one. (The set holds the elements, so lxml keeps their proxies and identities.)"""
        if not self.any_interpreted:
            return False
        if self._interpreted is None:
            self._interpreted = set()
            for x in self.root.iter():
                if isinstance(x.tag, str) and "#interpreted" in (x.get("ana") or "").split():
                    for node in (x, *x.iterancestors()):
                        if node in self._interpreted:
                            break
                        self._interpreted.add(node)
        return el in self._interpreted

    def metadata(self) -> dict:
        """The header's fields (read once per tree in a build: callers only read the dict)."""
        return memo.per_tree("metadata", self.root, lambda: _metadata(self.root))

    def participants(self) -> list[dict]:
        out = []
        for el in self.root.iter(_NS + "person", _NS + "personGrp"):
            ident = el.get(_XML_ID)
            if not ident:
                continue
            labels = el.find(_NS + "note[@type='labels']")
            out.append({"id": ident, **self.names[ident], "group": _local(el) == "personGrp",
                        "labels": [x.strip() for x in text_of(labels).removeprefix("Labels:").split(", ")
                                   if x.strip()] if labels is not None else []})
        return out

    def items(self, container, section: str | None, out: list[dict]) -> list[dict]:
        for child in container:
            if not isinstance(child.tag, str):
                continue
            name = _local(child)
            if name in ("sp", "u"):
                out.append(self.turn(child, section))
            elif name in _CONTAINERS:
                head = child.find(_NS + "head")
                self.items(child, text_of(head) if head is not None else section, out)
            elif _editorial(child):
                out.append(self.editorial(child))
            else:
                out.append(self.block(child))
        return out

    def text(self, el) -> str:
        if not self.foreign:
            return text_of(el)
        from .anytei import _walk

        out: list[str] = []
        _walk(el, out, self.notes, False)
        return " ".join("".join(out).split())

    def block(self, el) -> dict:
        name = _local(el)
        item = {"type": "event" if name in _EVENTS else name if name in ("p", "stage", "head") else "block",
                "element": name, "id": el.get(_XML_ID), "text": self.text(el)}
        kind = el.get("type") or el.get("reason")
        if kind:
            item["kind"] = kind
        langs = sorted({x.get(_XML_LANG) for x in el.iter() if x.get(_XML_LANG)}) if len(el) else \
            [el.get(_XML_LANG)] if el.get(_XML_LANG) else []
        if langs:
            item["languages"] = langs
        if el.get("ana"):
            item["ana"] = el.get("ana").split()
        return item

    def editorial(self, el) -> dict:
        return {"type": "editorial", "element": _local(el), "kind": el.get("type") or el.get("reason"),
                "text": " ".join("".join(el.itertext()).split())}

    def turn(self, el, section: str | None) -> dict:
        turn = self.turn_head(el, section)
        speaker = el.find(_NS + "speaker")
        if _local(el) == "u":
            text = self.text(el)
            turn["content"].append({"type": "p", "element": "u", "id": el.get(_XML_ID), "text": text})
            return turn
        for child in el:
            if not isinstance(child.tag, str) or child is speaker:
                continue
            turn["content"].append(self.editorial(child) if _editorial(child) else self.block(child))
        return turn

    def turn_head(self, el, section: str | None) -> dict:
        """A turn's speaker, label and flags, its content still empty (the TSV reads the content its own way).
        While memo.remembered_texts() is active, worked out once per turn for this tool's TEI, whose reading
        collects no footnotes: the JSON and TSV editions of a build ask for the same turns."""
        remembered = memo.active() if not self.foreign else None
        if remembered is None:
            return self._turn_head(el, section)
        key = ("turn_head", el, section)
        head = remembered.get(key)
        if head is None:
            head = remembered[key] = self._turn_head(el, section)
        return {**head, "who": list(head["who"]), "content": []}

    def _turn_head(self, el, section: str | None) -> dict:
        who = [w.lstrip("#") for w in (el.get("who") or "").split()]
        speaker = el.find(_NS + "speaker")
        supplied = speaker is not None and speaker.find(_NS + "supplied") is not None and \
            _editorial(speaker.find(_NS + "supplied"))
        person = self.names.get(who[0], {}) if who else {}
        turn = {"type": "turn", "id": el.get(_XML_ID), "who": who, "name": person.get("name"),
                "role": person.get("role"), "section": section,
                "label": (self.text(speaker) if self.foreign else " ".join("".join(speaker.itertext()).split()))
                if speaker is not None else None,
                "label_supplied": supplied, "certainty": el.get("cert"),
                "interpreted": self.is_interpreted(el),
                "content": []}
        return turn


_EVENT_DATE = "t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:date"


def event_date(root) -> str | None:
    """The event's date (ISO), read the same way by every edition and the site: the first source date with
    @when and no @type (the converter writes the event's date so; a typed one is a release date or another)."""
    found = root.xpath(f"string({_EVENT_DATE}[@when][not(@type)][1]/@when)", namespaces={"t": TEI_NS})
    return " ".join(found.split()) or None


def interpreted(el) -> bool:
    """An interpreter's rendering: the element or one inside it has @ana #interpreted."""
    return any("#interpreted" in (x.get("ana") or "").split() for x in el.iter() if isinstance(x.tag, str))


def _names(root) -> dict[str, dict]:
    """Each participant's name and role by id."""
    names: dict[str, dict] = {}
    for el in root.iter(_NS + "person", _NS + "personGrp"):
        ident = el.get(_XML_ID)
        if ident:
            name_el = el.find(_NS + "persName")
            if name_el is None:
                name_el = el.find(_NS + "name")
            names[ident] = {"name": text_of(name_el) if name_el is not None else ident, "role": el.get("role")}
    return names


def _metadata(root) -> dict:
    def first(path: str) -> str | None:
        found = root.xpath(path, namespaces={"t": TEI_NS})
        if not found:
            return None
        value = found[0] if isinstance(found[0], str) else text_of(found[0])
        return " ".join(str(value).split()) or None

    return {
        "title": first("t:teiHeader/t:fileDesc/t:titleStmt/t:title[1]"),
        "authors": [text_of(a) for a in root.xpath("t:teiHeader/t:fileDesc/t:titleStmt/t:author",
                                                  namespaces={"t": TEI_NS})],
        "date": event_date(root),
        "date_as_printed": first(f"{_EVENT_DATE}[@when][not(@type)][1]") or first(f"{_EVENT_DATE}[1]"),
        "publisher": first("t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:publisher[1]"),
        "source_url": first("t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:ref[1]/@target"),
        "place": first("t:teiHeader/t:profileDesc/t:settingDesc/t:setting/t:placeName[1]"),
        "languages": [{"ident": lang.get("ident"), "name": text_of(lang)} for lang in root.xpath(
            "t:teiHeader/t:profileDesc/t:langUsage/t:language", namespaces={"t": TEI_NS})],
    }


def render(tree) -> bytes:
    root = tree.getroot()
    reader = _Reader(root)
    text_el = root.find(_NS + "text")
    front, body = [], []
    if text_el is not None:
        for part in text_el:
            if not isinstance(part.tag, str):
                continue
            reader.items(part, None, front if _local(part) == "front" else body)
    doc = {"format": "tei-edition-json", "version": FORMAT_VERSION, "metadata": reader.metadata(),
           "participants": reader.participants(), "front": front, "body": body,
           "notes": [" ".join(n.split()) for n in reader.notes if n.strip()]}
    return jsonout.dumps(doc)


def texts(data: bytes) -> list[str]:
    """Every source text of a JSON edition in document order (labels not supplied, blocks), for fidelity."""
    doc = jsonout.loads(data)
    out: list[str] = []

    def items(seq):
        for item in seq:
            if item["type"] == "turn":
                if item["label"] and not item["label_supplied"]:
                    out.append(item["label"])
                items(item["content"])
            elif item["type"] != "editorial":
                out.append(item["text"])

    items(doc["front"])
    items(doc["body"])
    return out + doc.get("notes", [])

"""The edition site build writes beside the editions: the index page, the speakers page, the search index.

Read from the TEI build wrote (any TEI, ours or another project's), after every document is done:
- `index.html`: every edition with date, title, kind, speakers, turn and word counts; complete without
  JavaScript; `site.js` adds sorting, filters and the full-text search;
- `search-index.js`: one entry per paragraph (document, anchor, speaker, lower-case tokens), a script rather
  than JSON because Chromium refuses fetch() of a file:// URL but loads `<script src>` under CSP 'self';
- `speakers.html`: one section per person, linking every turn of that person in every edition. Persons are
  merged across documents by normalised name (ids are per document): see `person_key`.
All bytes are deterministic: sorted, no clock, no random ids.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from lxml import etree

from . import fidelity, jsondata, render as renderer, resources, xmlio

TEI = f"{{{xmlio.TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"t": xmlio.TEI_NS}
INDEX, SPEAKERS, SCRIPT, STYLE, SEARCH = "index.html", "speakers.html", "site.js", "site.css", "search-index.js"
SITE_FILES = (INDEX, SPEAKERS, SCRIPT, STYLE, SEARCH)
FORMAT_ORDER = ["html", "text", "markdown", "tsv", "json", "meta", "pdf", "tei"]
SEARCH_VERSION = 1

# Participants that are a function in one document, not a person across documents: never merged by name.
FUNCTION_ROLES = {"moderator", "interpreter", "staff", "questioner", "audience", "unidentified"}
COURTESY = {"mr", "mrs", "ms", "miss", "mx", "dr"}   # dropped from a name before comparing
_TOKEN = re.compile(r"\w+(?:'\w+)*")
_FIRST_BLOCK = (TEI + "p", TEI + "ab", TEI + "l", TEI + "seg")   # a turn's opening words come from the first
_BLOCK_XPATH = ("t:body//*[self::t:p or self::t:ab or self::t:l or self::t:seg[parent::t:u]]"
                "[not(ancestor::t:p or ancestor::t:ab or ancestor::t:l or ancestor::t:note)]"
                " | t:body//t:u[not(t:seg or t:p or t:ab)]")


def fold(text: str) -> str:
    """Lower case without accents (the search and name comparisons): 'Jesús' -> 'jesus'. site.js does the
    same (NFD, marks removed, toLowerCase)."""
    text = text.replace("’", "'")
    if text.isascii() or _KEPT.keeps(text):   # most paragraphs: nothing to decompose, no mark to drop
        return text.lower()
    return unicodedata.normalize("NFD", text).translate(_MARKS).lower()


class _Kept(dict):
    """Character -> whether NFD and the marks' removal leave it as it is, on its own and beside any other: no
    decomposition, combining class 0 (nothing reorders around it), not a mark. A text made of such characters
    folds to its lower case: a curly quote or a dash spares a paragraph the per-character translate()."""

    def __missing__(self, char: str) -> bool:
        if len(self) > 10_000:   # (a script has a few hundred characters; a hostile file could bring many)
            self.clear()
        self[char] = (unicodedata.normalize("NFD", char) == char and unicodedata.combining(char) == 0
                      and not unicodedata.category(char).startswith("M"))
        return self[char]

    def keeps(self, text: str) -> bool:
        return all(self[c] for c in set(text) if not c.isascii())


_KEPT = _Kept()


class _Marks(dict):
    """str.translate table dropping every mark (category M, as site.js's \\p{M}), filled as characters come."""
    def __missing__(self, code: int):
        self[code] = None if unicodedata.category(chr(code)).startswith("M") else code
        return self[code]


_MARKS = _Marks()


def tokens(text: str) -> list[str]:
    """The search index's words of `text`: _TOKEN's matches in the folded text. Text whose word characters
    are all ASCII once folded (nearly all: accents are folded off) is split by C-level string methods instead
    (loose apostrophes and every other character made spaces), as fidelity.words does; the same words."""
    folded = fold(text)
    if _NON_ASCII_WORD_CHAR.search(folded):
        return _TOKEN.findall(folded)
    return fidelity.split_ascii(folded, _LOOSE_APOSTROPHE, _TOKEN_SEPARATORS)


_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")
# An apostrophe not between two word characters: not part of a token (_TOKEN joins \w runs by one apostrophe).
_LOOSE_APOSTROPHE = re.compile(r"'(?:(?<!\w')|(?!\w))")
_TOKEN_BYTES = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'"
_TOKEN_SEPARATORS = bytes(b if b in _TOKEN_BYTES else 32 for b in range(256))   # all else -> a space


# --- persons ---------------------------------------------------------------------------------------------
def _name_words(person) -> tuple[list[str], bool, str, str]:
    """(name words without office or courtesy title, printed with a courtesy title only, name as printed,
    name without its office)."""
    name = person.find(TEI + "persName")
    if name is None:
        name = person.find(TEI + "name")
    if name is None:
        return [], False, "", ""
    printed = " ".join("".join(name.itertext()).split())
    parts = [name.text or ""]
    for child in name:
        if child.tag != TEI + "roleName":     # the office (roleName) is not part of the name
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    plain = " ".join(" ".join(parts).split())
    words = re.findall(r"\w+(?:['-]\w+)*", fold(plain))
    courtesy = False
    while words and words[0] in COURTESY:
        words, courtesy = words[1:], True
    return words, courtesy and name.find(TEI + "roleName") is None, printed, plain


def is_function(person) -> bool:
    role = (person.get("role") or "").lower()
    words = _name_words(person)[0]
    return (person.tag == TEI + "personGrp" or role in FUNCTION_ROLES or person.get(XML_ID) in FUNCTION_ROLES
            or not words or " ".join(words) == role)


def person_key(words: list[str]) -> str:
    return " ".join(words)


# --- one document ----------------------------------------------------------------------------------------
def _unique_ids(root) -> set[str]:
    seen: dict[str, int] = {}
    for el in root.iter():
        ident = el.get(XML_ID) if isinstance(el.tag, str) else None
        if ident:
            seen[ident] = seen.get(ident, 0) + 1
    return {k for k, n in seen.items() if n == 1}    # the HTML edition anchors only unique ids (common.xsl)


def _header_text(root, xpath: str) -> str:
    return " ".join(root.xpath(f"string({xpath})", namespaces=NS).split())


def header_metadata(root) -> dict:
    """Title, event date and speakers of one TEI: the small record build keeps per edition (in the manifest,
    for documents an incremental build skips) and the site pages show."""
    speakers = [" ".join("".join(p.itertext()).split())
                for p in root.xpath("//t:particDesc//t:person/t:persName", namespaces=NS)]
    return {"title": _header_text(root, "//t:titleStmt/t:title[1]"),
            "date": jsondata.event_date(root) or "",
            "speakers": ", ".join(speakers)}


def read_document(root, stem: str) -> dict:
    """What the site needs of one TEI: metadata, participants, counts, paragraphs and turns."""
    def text(xpath: str) -> str:
        return _header_text(root, xpath)

    ids = _unique_ids(root)
    people = {}
    for el in root.xpath("//t:particDesc//t:person | //t:particDesc//t:personGrp", namespaces=NS):
        ident = el.get(XML_ID)
        if not ident:
            continue
        words, courtesy, printed, plain = _name_words(el)
        people[ident] = {"id": ident, "printed": printed or ident, "plain": plain, "words": words,
                         "courtesy": courtesy,
                         "function": is_function(el), "turns": []}
    header = header_metadata(root)
    date = header["date"]
    doc = {"stem": stem, "title": header["title"] or stem, "date": date,
           "year": date[:4] if re.match(r"\d{4}", date) else "",
           "kind": text("//t:profileDesc/t:textClass//t:term[1]"), "people": people, "paragraphs": [],
           "turns": 0, "words": 0}
    text_el = root.find(TEI + "text")
    if text_el is None:
        return doc
    for turn in text_el.xpath(".//t:body//t:sp | .//t:body//t:u", namespaces=NS):
        doc["turns"] += 1
        anchor = turn.get(XML_ID) if turn.get(XML_ID) in ids else None
        first = next(turn.iterdescendants(*_FIRST_BLOCK), turn)
        words = fidelity.text_as_printed(first).split()
        opening = " ".join(words[:12]) + ("…" if len(words) > 12 else "")
        for who in (turn.get("who") or "").split():
            person = people.get(who.lstrip("#"))
            if person is not None and anchor:
                person["turns"].append((anchor, opening))
    for block in text_el.xpath(_BLOCK_XPATH, namespaces=NS):
        words = tokens(fidelity.text_as_printed(block))
        if not words:
            continue
        doc["words"] += len(words)
        anchor = None
        turn = next(block.iterancestors(TEI + "sp", TEI + "u"), None)
        for el in [block, *block.iterancestors()]:
            if el.get(XML_ID) in ids:
                anchor = el.get(XML_ID)
                break
        if block.tag == TEI + "u":
            turn = block
        who = (turn.get("who") or "").split()[0].lstrip("#") if turn is not None and turn.get("who") else ""
        doc["paragraphs"].append((anchor or "", who, " ".join(words)))
    return doc


# --- across documents ------------------------------------------------------------------------------------
def merge_persons(docs: list[dict]) -> dict[str, dict]:
    """Persons across documents, by normalised name: the name as printed without its office (`roleName`) and
    leading courtesy titles (Mr., Ms., Dr.), accents and case folded ('President Biden' and 'President Biden'
    of another document are one person; 'First Lady Jill Biden' is another). A bare surname printed with a
    courtesy title only ('Mr. Kirby') joins the one full name with that surname, when exactly one exists
    ('John Kirby'). Functions (moderator, interpreter, staff, questioners, audience, unnamed) stay per document
    and get no page. Sets `key` on every person of every document."""
    full: dict[str, set[str]] = {}
    for doc in docs:
        for p in doc["people"].values():
            if not p["function"] and len(p["words"]) > 1:
                full.setdefault(p["words"][-1], set()).add(person_key(p["words"]))
    merged: dict[str, dict] = {}
    for doc in docs:
        for p in doc["people"].values():
            if p["function"]:
                p["key"] = ""
                continue
            key = person_key(p["words"])
            if len(p["words"]) == 1 and p["courtesy"] and len(full.get(key, ())) == 1:
                key = next(iter(full[key]))
            p["key"] = key
            entry = merged.setdefault(key, {"key": key, "printed": set(), "plain": set(), "docs": []})
            entry["printed"].add(p["printed"])
            entry["plain"].add(p["plain"])
            if p["turns"]:
                entry["docs"].append((doc, p["turns"]))
    return merged


def slug(key: str) -> str:
    return "person-" + re.sub(r"\s+", "-", key)


def display_name(entry: dict) -> str:
    """The fullest name without its office ('Karine Jean-Pierre' for 'Press Secretary Karine Jean-Pierre' and
    'Ms. Jean-Pierre'); a surname alone keeps its office as printed ('President Biden')."""
    def fullness(name: str):   # name words first; then without a courtesy title, not in capitals
        words = fold(name).replace(".", " ").split()
        bare = [w for w in words if w not in COURTESY]
        return len(bare), len(bare) == len(words), not name.isupper()

    plain = max(sorted(entry["plain"]), key=fullness)
    if len(entry["key"].split()) > 1 or not entry["printed"]:
        return plain
    return min(sorted(entry["printed"]), key=len)


# --- the pages -------------------------------------------------------------------------------------------
def _catalog(docs: list[dict], editions: dict[str, dict], persons: dict[str, dict]) -> etree._Element:
    site = etree.Element("site")
    names = {key: display_name(p) for key, p in persons.items()}
    for doc in sorted(docs, key=lambda d: (d["date"], d["title"], d["stem"])):
        ed = editions[doc["stem"]]
        el = etree.SubElement(site, "edition", stem=doc["stem"], title=doc["title"], date=doc["date"],
                              year=doc["year"], kind=doc["kind"], turns=str(doc["turns"]),
                              words=str(doc["words"]))
        if ed.get("review", {}).get("open"):  # the index flags documents with open questions (review.py)
            el.set("open", str(ed["review"]["open"]))
            el.set("review", ed["review"]["page"])
        for p in doc["people"].values():
            if not p["function"] or p["turns"]:
                sp = etree.SubElement(el, "speaker", name=names.get(p["key"], p["printed"]), printed=p["printed"],
                                      turns=str(len(p["turns"])))
                if p["key"] and persons[p["key"]]["docs"]:
                    sp.set("key", p["key"])
                    sp.set("slug", slug(p["key"]))
        for fmt in FORMAT_ORDER:
            if fmt in ed["formats"]:
                etree.SubElement(el, "format", name=fmt, href=ed["formats"][fmt],
                                 label=renderer_label(fmt))
    for key in sorted(persons, key=lambda k: (fold(names[k].split()[-1]) if names[k] else "", k)):
        p = persons[key]
        if not p["docs"]:
            continue
        el = etree.SubElement(site, "person", key=key, slug=slug(key), name=names[key],
                              printed="; ".join(sorted(p["printed"])),
                              turns=str(sum(len(t) for _, t in p["docs"])))
        for doc, turns in sorted(p["docs"], key=lambda x: (x[0]["date"], x[0]["title"], x[0]["stem"])):
            html_name = editions[doc["stem"]]["formats"].get("html")
            inn = etree.SubElement(el, "in", stem=doc["stem"], title=doc["title"], date=doc["date"],
                                   href=html_name or editions[doc["stem"]]["formats"]["tei"])
            for anchor, opening in turns:
                etree.SubElement(inn, "turn", id=anchor, opening=opening)
    for facet in ("year", "kind"):
        for value in sorted({d[facet] for d in docs if d[facet]}):
            etree.SubElement(site, "facet", type=facet, value=value)
    return site


def renderer_label(fmt: str) -> str:
    from .build import FORMAT_LABELS
    return FORMAT_LABELS.get(fmt, fmt)


def search_index(docs: list[dict], editions: dict[str, dict], persons: dict[str, dict]) -> bytes:
    """`self.TEI_SEARCH = {...};` with docs [stem, title, date, page], speakers [key, name] and paragraphs
    [doc, anchor, speaker, tokens] (indexes into the two tables; speaker -1 when none)."""
    names = {key: display_name(p) for key, p in persons.items()}
    speakers: list[list[str]] = []
    speaker_at: dict[tuple[str, str], int] = {}
    table, entries = [], []
    for i, doc in enumerate(sorted(docs, key=lambda d: d["stem"])):
        formats = editions[doc["stem"]]["formats"]
        table.append([doc["stem"], doc["title"], doc["date"], formats.get("html") or formats["tei"]])
        for anchor, who, words in doc["paragraphs"]:
            person = doc["people"].get(who)
            s = -1
            if person is not None:
                label = (person["key"], names.get(person["key"], person["printed"]) if person["key"]
                         else person["printed"])
                if label not in speaker_at:
                    speaker_at[label] = len(speakers)
                    speakers.append(list(label))
                s = speaker_at[label]
            entries.append([i, anchor, s, words])
    data = {"v": SEARCH_VERSION, "docs": table, "speakers": speakers, "p": entries}
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"self.TEI_SEARCH = {body};\n".encode("utf-8")


def _page(stylesheet: str, catalog) -> bytes:
    return b"<!DOCTYPE html>\n" + bytes(renderer.stylesheet(stylesheet)(etree.ElementTree(catalog)))


def _read(item: tuple[Path, str]) -> dict:
    path, stem = item
    return read_document(xmlio.parse_file(path).getroot(), stem)


PARALLEL_FROM = 64   # documents; fewer are read faster than a pool of processes starts


def build_site(dest: Path, editions: list[dict], jobs: int = 1, known: dict[str, dict] | None = None
               ) -> dict[str, bytes]:
    """Every site file (name -> bytes) for the editions of one output folder. `known` holds what the build's
    workers already read (read_document) of the documents built in this run; the others (skipped by an
    incremental build) are read from their TEI, in `jobs` forked processes for a large folder (about 5 ms of CPU
    per seed-sized document)."""
    known = known or {}
    by_stem = {ed["stem"]: ed for ed in editions}
    ordered = sorted(editions, key=lambda e: e["stem"])
    items = [(dest / ed["formats"]["tei"], ed["stem"]) for ed in ordered if ed["stem"] not in known]
    if jobs > 1 and len(items) >= PARALLEL_FROM:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            read = pool.map(_read, items, chunksize=max(1, len(items) // (jobs * 8)))
    else:
        read = [_read(item) for item in items]
    found = dict(zip((stem for _path, stem in items), read))
    docs = [known[ed["stem"]] if ed["stem"] in known else found[ed["stem"]] for ed in ordered]
    persons = merge_persons(docs)
    catalog = _catalog(docs, by_stem, persons)
    assets = resources.transforms_dir()
    return {INDEX: _page("index.xsl", catalog), SPEAKERS: _page("speakers.xsl", catalog),
            SCRIPT: (assets / SCRIPT).read_bytes(), STYLE: (assets / STYLE).read_bytes(),
            SEARCH: search_index(docs, by_stem, persons)}

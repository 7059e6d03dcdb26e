"""The Markdown edition with YAML front matter (title, date, speakers, source URL, publisher, language, id,
tags), as Jekyll and Hugo read it: the front matter is written here from the TEI header, the text by
transforms/markdown.xsl.

YAML is written by PyYAML (already a dependency: the converter reads front matter with it) rather than by
XSLT 1.0, which has no YAML escaping; every string is double-quoted, so no value is read back as a number, a
date object, a boolean or YAML syntax. A key the TEI has no value for is left out, never invented.
"""
from __future__ import annotations

import yaml

from . import jsondata, render as renderer, tsvdata
from .encode import TEI_NS

_NS = {"t": TEI_NS}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
KEYS = ("title", "date", "speakers", "source_url", "publisher", "language", "id", "tags")


class _Quoted(str):
    """A value (not a key): double-quoted."""


# libyaml's emitter where PyYAML has it (4x faster than the pure-Python one; the same bytes, checked on every
# header we have and on escapes, in tests/test_data_formats.py); it takes plain str values only.
class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    pass


_Dumper.add_representer(_Quoted, lambda dumper, s: dumper.represent_scalar("tag:yaml.org,2002:str", str(s),
                                                                           style='"'))


def values(root) -> dict:
    """The front matter's values, each read from the TEI (header, the speakers of its turns, its file name)."""
    reader = jsondata._Reader(root)
    meta = reader.metadata()
    speakers: list[str] = []
    for turn in root.iter(f"{{{TEI_NS}}}sp", f"{{{TEI_NS}}}u"):
        for who in (turn.get("who") or "").split():
            name = reader.names.get(who.lstrip("#"), {}).get("name")
            if name and name not in speakers:
                speakers.append(name)
    language = root.get(_XML_LANG) or next((lang["ident"] for lang in meta["languages"] if lang["ident"]), None)
    tags = [jsondata.text_of(t) for t in root.xpath("t:teiHeader/t:profileDesc/t:textClass/t:keywords/t:term",
                                                     namespaces=_NS)]
    found = {"title": meta["title"], "date": meta["date"] or meta["date_as_printed"], "speakers": speakers,
             "source_url": meta["source_url"], "publisher": meta["publisher"], "language": language,
             "id": tsvdata.doc_id(root) or None, "tags": [t for t in tags if t]}
    return {k: found[k] for k in KEYS if found[k]}


def front_matter(root) -> str:
    data = {k: [_Quoted(x) for x in v] if isinstance(v, list) else _Quoted(v) for k, v in values(root).items()}
    if not data:
        return ""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                     width=1 << 30)
    return f"---\n{body}---\n\n"


def render(tree) -> bytes:
    return front_matter(tree.getroot()).encode("utf-8") + renderer.transform("markdown.xsl", tree, "markdown")


def parse(data: bytes) -> dict:
    """The front matter of a Markdown edition (an empty dict when it has none)."""
    text = data.decode("utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4:text.index("\n---\n", 3)]) or {}

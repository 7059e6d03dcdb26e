"""Generate the lists of TEI elements that common.xsl carries as data (between their BEGIN/END markers): the
block elements, and the elements of element-only content.

A block is any element of the TEI model classes that hold structural units (divisions, paragraphs and lines,
utterances, lists and tables, the parts that open and close a division, front matter and title pages),
read from the official tei_all.rng. An element of element-only content is one whose content model admits
child elements and no text (cit, subst, entry, imprint, msIdentifier...): blank text there is insignificant, so
its children take a word boundary between them even where the source prints none ("<cit><quote>…cano</quote>
<bibl>Verg.</bibl></cit>"). The lists are committed in common.xsl; rerun after a TEI release:

    python tools/tei_classes.py ../shared/reference/tei_all.rng --write transforms/common.xsl
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from lxml import etree

RNG = "{http://relaxng.org/ns/structure/1.0}"
BLOCK_CLASSES = ["model.divLike", "model.divGenLike", "model.divPart", "model.divTop", "model.divBottom",
                 "model.divTopPart", "model.divBottomPart", "model.divWrapper", "model.frontPart",
                 "model.listLike", "model.titlepagePart", "model.pLike.front", "model.lLike", "model.pLike",
                 "model.divPart.spoken", "model.div1Like", "model.div2Like", "model.div3Like", "model.div4Like",
                 "model.div5Like", "model.div6Like", "model.div7Like", "model.frontPart.drama",
                 "model.resource", "model.entryLike"]
# Structural elements that no class names (children of the containers above, and the text's own frame).
EXTRA = ["text", "body", "front", "back", "group", "floatingText", "item", "row", "cell", "castGroup",
         "castItem", "figure", "lg", "sp", "speaker", "head", "titlePage", "docTitle", "div", "u"]
# Members of those classes that are phrase-level where readers meet them (a docAuthor inside a byline, a
# graphic inside a cell), or not part of a text at all. (docAuthor and its kin standing in front, titlePage,
# body or div are blocks by a rule of their own: common.xsl's f:block, anytei.is_block.)
EXCLUDE = {"docAuthor", "docDate", "docEdition", "docImprint", "graphic", "binaryObject", "meeting", "facsimile",
           "sourceDoc", "standOff", "fsdDecl", "schemaSpec", "performance", "set", "imprimatur"}
BEGIN, END = "<!-- BEGIN generated block list (tools/tei_classes.py) -->", "<!-- END generated block list -->"
EO_BEGIN = "<!-- BEGIN generated element-only list (tools/tei_classes.py) -->"
EO_END = "<!-- END generated element-only list -->"


def block_elements(rng_path: str) -> list[str]:
    root = etree.parse(rng_path).getroot()
    defines = {d.get("name"): d for d in root.iter(f"{RNG}define")}
    elements = {name for name, d in defines.items() if d.find(f"{RNG}element") is not None}

    def members(name: str, seen: set[str]) -> set[str]:
        if name in seen or name not in defines:
            return set()
        seen.add(name)
        if name in elements:
            return {defines[name].find(f"{RNG}element").get("name")}
        out: set[str] = set()
        for ref in defines[name].iter(f"{RNG}ref"):
            out |= members(ref.get("name"), seen)
        return out

    names: set[str] = set(EXTRA)
    for cls in BLOCK_CLASSES:
        names |= members(cls, set())
    return sorted(n for n in names - EXCLUDE if n and ":" not in n)


# Mixed content in TEI, but written element-only in dictionaries (FreeDict, TEI Lex-0: <form><orth/><pron/></form>,
# <gramGrp><pos/><gen/></gramGrp>). The renderers give their parts a boundary only where no text stands among them.
ELEMENT_ONLY_EXTRA = {"form", "gramGrp", "sense", "castItem"}   # <castItem><role/><roleDesc/></castItem> too


def element_only(rng_path: str) -> list[str]:
    """Elements whose content (attributes aside) holds elements and no text, data or value (and the extra ones)."""
    root = etree.parse(rng_path).getroot()
    defines: dict[str, list] = {}
    for d in root.iter(f"{RNG}define"):
        defines.setdefault(d.get("name"), []).append(d)
    element_defines = {n for n, ds in defines.items() if any(d.find(f"{RNG}element") is not None for d in ds)}

    def content(pattern, seen: frozenset) -> tuple[bool, bool]:
        text = elements = False
        for node in pattern.iterchildren(tag=etree.Element):
            if node.tag in (f"{RNG}attribute", f"{RNG}anyName"):
                continue
            if node.tag in (f"{RNG}text", f"{RNG}data", f"{RNG}value"):
                text = True
            elif node.tag == f"{RNG}element" or (node.tag == f"{RNG}ref" and node.get("name") in element_defines):
                elements = True
            elif node.tag == f"{RNG}ref":
                name = node.get("name")
                for d in defines.get(name, []) if name not in seen else []:
                    t, e = content(d, seen | {name})
                    text, elements = text or t, elements or e
            else:
                t, e = content(node, seen)
                text, elements = text or t, elements or e
        return text, elements

    names = set(ELEMENT_ONLY_EXTRA)
    for name in element_defines:
        element = next(d.find(f"{RNG}element") for d in defines[name] if d.find(f"{RNG}element") is not None)
        text, elements = content(element, frozenset())
        if elements and not text and element.get("name") and ":" not in element.get("name"):
            names.add(element.get("name"))
    return sorted(names)


def _replace(text: str, begin: str, end: str, block: str) -> tuple[str, int]:
    return re.subn(re.escape(begin) + ".*?" + re.escape(end), lambda _m: f"{begin}\n  {block}\n  {end}", text,
                   flags=re.S)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rng")
    ap.add_argument("--write", help="replace the list between the markers in this stylesheet")
    args = ap.parse_args(argv)
    names = block_elements(args.rng)
    only = element_only(args.rng)
    line = " " + " ".join(names) + " "
    only_line = " " + " ".join(only) + " "
    if not args.write:
        print(line)
        print(only_line)
        return 0
    path = Path(args.write)
    text = path.read_text(encoding="utf-8")
    text, n = _replace(text, BEGIN, END, f"<xsl:variable name=\"BLOCKS\" select=\"'{line}'\"/>")
    text, m = _replace(text, EO_BEGIN, EO_END, f"<xsl:variable name=\"ELEMENT_ONLY\" select=\"'{only_line}'\"/>")
    if n != 1 or m != 1:
        print(f"{path}: markers not found", file=sys.stderr)
        return 1
    path.write_text(text, encoding="utf-8")
    print(f"{len(names)} block and {len(only)} element-only elements written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

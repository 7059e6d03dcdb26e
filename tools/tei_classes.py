"""Generate the list of TEI block elements that common.xsl carries as data (between its BEGIN/END markers).

A block is any element of the TEI model classes that hold structural units (divisions, paragraphs and lines,
utterances, lists and tables, the parts that open and close a division, front matter and title pages),
read from the official tei_all.rng. The list is committed in common.xsl; rerun after a TEI release:

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
                 "model.resource"]
# Structural elements that no class names (children of the containers above, and the text's own frame).
EXTRA = ["text", "body", "front", "back", "group", "floatingText", "item", "row", "cell", "castGroup",
         "castItem", "figure", "lg", "sp", "speaker", "head", "titlePage", "docTitle", "div", "u"]
# Members of those classes that are phrase-level where readers meet them (a docAuthor inside a byline, a
# graphic inside a cell), or not part of a text at all. (docAuthor and its kin standing in front, titlePage,
# body or div are blocks by a rule of their own: common.xsl's f:block, anytei.is_block.)
EXCLUDE = {"docAuthor", "docDate", "docEdition", "docImprint", "graphic", "binaryObject", "meeting", "facsimile",
           "sourceDoc", "standOff", "fsdDecl", "schemaSpec", "performance", "set", "imprimatur"}
BEGIN, END = "<!-- BEGIN generated block list (tools/tei_classes.py) -->", "<!-- END generated block list -->"


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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rng")
    ap.add_argument("--write", help="replace the list between the markers in this stylesheet")
    args = ap.parse_args(argv)
    names = block_elements(args.rng)
    line = " " + " ".join(names) + " "
    if not args.write:
        print(line)
        return 0
    path = Path(args.write)
    text = path.read_text(encoding="utf-8")
    block = f"{BEGIN}\n  <xsl:variable name=\"BLOCKS\" select=\"'{line}'\"/>\n  {END}"
    new, n = re.subn(re.escape(BEGIN) + ".*?" + re.escape(END), block, text, flags=re.S)
    if n != 1:
        print(f"{path}: markers not found", file=sys.stderr)
        return 1
    path.write_text(new, encoding="utf-8")
    print(f"{len(names)} block elements written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

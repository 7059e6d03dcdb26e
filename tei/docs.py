"""Documentation generated from the code, so the two cannot drift: the conventions table."""
from __future__ import annotations

import sys
from pathlib import Path

from .conventions import ALL


def conventions_table(fmt: str = "markdown") -> str:
    cols = ("id", "source", "tei", "html", "text", "guidelines")
    if fmt == "tsv":
        rows = ["\t".join(cols)] + ["\t".join(getattr(c, k) for k in cols) for c in ALL]
        return "\n".join(rows) + "\n"
    head = "| id | source form | TEI form | HTML edition | text edition | Guidelines |\n|---|---|---|---|---|---|\n"

    def cell(text: str, code: bool = False) -> str:
        text = text.replace("|", "\\|")
        return f"`{text}`" if code else text.replace("<", "&lt;").replace(">", "&gt;")

    body = "".join(f"| `{c.id}` | {cell(c.source)} | {cell(c.tei, code=True)} | {cell(c.html)} | {cell(c.text)} "
                   f"| {c.guidelines} |\n" for c in ALL)
    return head + body


def schema_table() -> str:
    """The customization, from the XSD's own annotations and the Schematron's asserts."""
    from lxml import etree

    from . import resources

    xs = "{http://www.w3.org/2001/XMLSchema}"
    xsd = etree.parse(str(resources.schemas_dir() / "tei-edition.xsd"))
    rows = []
    for el in xsd.getroot().iterfind(f"{xs}element"):
        doc = el.findtext(f"{xs}annotation/{xs}documentation") or ""
        attrs = sorted(a.get("name") for a in el.iter(f"{xs}attribute") if a.get("name"))
        children = sorted({r.get("ref") for r in el.iter(f"{xs}element") if r.get("ref")})
        groups = sorted({g.get("ref") for g in el.iter(f"{xs}group") if g.get("ref")})
        simple = el.find(f".//{xs}simpleContent") is not None
        content = ", ".join(children + [f"({g})" for g in groups]) or ("text" if simple else "empty")
        rows.append(f"| `{el.get('name')}` | {doc} | {content} | {', '.join(attrs)} |")
    groups = []
    for g in xsd.getroot().iterfind(f"{xs}group"):
        members = ", ".join(r.get("ref") for r in g.iter(f"{xs}element"))
        groups.append(f"- **({g.get('name')})**: {members}")
    sch = etree.parse(str(resources.schemas_dir() / "tei-edition.sch"))
    ns = {"sch": "http://purl.oclc.org/dsdl/schematron"}
    rules = []
    for a in sch.getroot().iterfind(".//sch:assert", ns):
        context = a.getparent().get("context")
        text = " ".join("".join(t if isinstance(t, str) else "…" for t in a.xpath("node()")).split())
        text = text.replace("|", "/").replace("<", "&lt;").replace(">", "&gt;")
        rules.append(f"| `{a.get('id')}` | `{context}` | {text} |")
    return (
        "# The tei-edition TEI customization\n\n"
        "Generated from `schemas/tei-edition.xsd` and `schemas/tei-edition.sch` by `python -m tei.docs`; do not edit.\n"
        "Every element and attribute value the XSD accepts is valid TEI P5 (tei_all 4.12); "
        "tests/test_schema.py proves it for every element in every context the XSD allows.\n\n"
        "Every element also takes the global attributes xml:id, xml:lang, n, rend, resp, cert, ana, corresp, source.\n\n"
        "## Elements\n\n| element | purpose | may contain | attributes |\n|---|---|---|---|\n"
        + "\n".join(rows) + "\n\n## Groups\n\n" + "\n".join(groups)
        + "\n\n## Rules (Schematron)\n\n| rule | context | message |\n|---|---|---|\n" + "\n".join(rules) + "\n")


DOCS = {"conventions.md": conventions_table, "schema.md": schema_table}


def main(argv: list[str] | None = None) -> int:
    """`python -m tei.docs [--check] [FOLDER]`: the maintainer's command (not part of the user CLI) that writes
    the generated documentation into FOLDER (default: docs/ of the checkout), or checks that it is current."""
    import argparse

    from . import resources, xmlio

    parser = argparse.ArgumentParser(prog="python -m tei.docs", description=main.__doc__.split(":", 1)[1])
    parser.add_argument("folder", nargs="?", type=Path, default=resources._REPO / "docs")
    parser.add_argument("--check", action="store_true", help="only check (exit 1 if a file is stale)")
    args = parser.parse_args(argv)
    stale = []
    for name, make in DOCS.items():
        path = args.folder / name
        text = make()
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path)
        if not args.check:
            xmlio.write_atomic(path, text.encode("utf-8"))
            print(f"wrote {path}", file=sys.stderr)
    if args.check and stale:
        print("stale: " + ", ".join(map(str, stale)) + " (run python -m tei.docs)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Documentation generated from the code, so the two cannot drift: the conventions table, the schema, the CLI,
the data formats' columns."""
from __future__ import annotations

import functools
import re
import sys
from pathlib import Path

from lxml import etree

from .conventions import ALL


def conventions_table(fmt: str = "markdown") -> str:
    """The registry as a table. The "emitted" column is not written by hand: it is what the encoder produces
    for the row's example, so the table cannot drift from the code (and `check_row` proves the stated form)."""
    cols = ("id", "source", "tei", "emitted", "html", "text", "guidelines")
    rows = [{**{k: getattr(c, k) for k in cols if k != "emitted"}, "emitted": emitted(c)} for c in ALL]
    if fmt == "tsv":
        return "\n".join(["\t".join(cols)] + ["\t".join(r[k] for k in cols) for r in rows]) + "\n"
    head = ("| id | source form | TEI form | the encoder's output for the example | HTML edition | text edition "
            "| Guidelines |\n|---|---|---|---|---|---|---|\n")

    def cell(text: str, code: bool = False) -> str:
        text = text.replace("|", "\\|")
        if code:
            return f"`{text}`" if text else ""
        return text.replace("<", "&lt;").replace(">", "&gt;")

    body = "".join(f"| `{r['id']}` | {cell(r['source'])} | {cell(r['tei'], code=True)} "
                   f"| {cell(r['emitted'], code=True)} | {cell(r['html'])} | {cell(r['text'])} | {r['guidelines']} |\n"
                   for r in rows)
    return head + body


# --- each row's example, converted, against the row's stated TEI form -----------------------------------------
# Where a row's example sits in a minimal transcript (Convention.context).
CONTEXTS = {
    "turn": "Title of the remarks\n\nJan. 1, 2020\n\nMODERATOR: Welcome.\n\n{}\n",
    "top": "{}\n\nMODERATOR: Welcome.\n",
    "markdown": "---\ntitle: Remarks\ndate: '2022-12-01'\n---\n\nTHE PRESIDENT:  Thank you. {}\n",
    "public-papers": "The President. Thank you all.\n\nQ. A question, sir?\n\n{}\n\nQ. Another?\n\n"
                     "The President. No.\n",
    # a header line after the title line (byline, setting and unclassified lines need a title before them)
    "header": "Title of the remarks\n\n{}\n\nMODERATOR: Welcome.\n",
    # a title that names a person (the header's holder of an office, the addressee of a hand-over)
    "titled": "Remarks by President Biden at the Summit\n\nJan. 1, 2020\n\nMODERATOR: Welcome.\n\n{}\n",
    # a Q&A exchange (two questioner labels) before the example
    "qa": "Title of the remarks\n\nJan. 1, 2020\n\nMODERATOR: Welcome.\n\nQ: A first question?\n\n"
          "SEC. CARTER: An answer.\n\nQ: A second question?\n\nSEC. CARTER: Another answer.\n\n{}\n",
    # a file that prints two blank lines between all its paragraphs
    "spaced": "Title of the remarks\n\n\nJan. 1, 2020\n\n\nMODERATOR: Welcome.\n\n\n{}\n",
}
_TEI = "{http://www.tei-c.org/ns/1.0}"
_XML = "{http://www.w3.org/XML/1998/namespace}"
_TOKEN = re.compile(r'<(/?)([\w:]+)((?:\s+[\w:]+="[^"]*")*)\s*(/?)>|([^<]+)')
_ATTR = re.compile(r'([\w:]+)="([^"]*)"')
_PATH = re.compile(r"^[a-zA-Z]+(?:\[[^\]]*\])?(?:/[@\w:]+(?:=\"[^\"]*\"|\[[^\]]*\])?)+$")


def example_document(conv) -> str:
    example = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), conv.example.replace("\\n", "\n"))
    return CONTEXTS[getattr(conv, "context", "turn")].format(example)


def _converted(conv):
    return _convert(example_document(conv))


@functools.lru_cache(maxsize=None)
def _convert(document: str):
    from .pipeline import convert

    return convert(document).tree.getroot()


def claims(stated: str) -> list[str]:
    """The checkable parts of a stated TEI form: XML fragments (`<gap reason="x"><desc>…`) and paths
    (`front/docTitle`, `sp/@ana="#interpreted"`); prose such as "a personGrp" is not checked."""
    parts = [p.strip() for chunk in stated.split(";") for p in chunk.split(" and ")]
    return [p for p in parts if p.startswith("<") or _PATH.match(p)]


def check_row(conv) -> list[str]:
    """What the row states that the encoder's output for its example does not have (empty: they agree)."""
    root = _converted(conv)
    missing = [c for c in claims(conv.tei) if not _find(root, c)]
    return missing if claims(conv.tei) else ["no checkable TEI form (give an element or a path)"]


def emitted(conv) -> str:
    """The elements of the encoder's output that the row's stated form names, serialised."""
    root = _converted(conv)
    found = []
    for claim in claims(conv.tei):
        for el in _find(root, claim)[:1 if claim[0] != "<" else None]:
            text = etree.tostring(el, encoding="unicode", with_tail=False)
            text = " ".join(re.sub(r' xmlns(?::\w+)?="[^"]*"', "", text).split())
            if text not in found:
                found.append(text if len(text) <= 200 else text[:199] + "…")
    return " ".join(found)


def _find(root, claim: str) -> list:
    if not claim.startswith("<"):
        steps, xpath = claim.split("/"), "/"
        for step in steps:
            if step.startswith("@"):
                xpath += f"[{step}]"
            else:
                xpath += "/t:" + step
        return root.xpath(xpath.replace("]/t:", "]/t:"), namespaces={"t": _TEI[1:-1]})
    hits = []
    for pattern in _fragment(claim):
        matches = [el for el in root.iter(_TEI + pattern["tag"]) if _matches(el, pattern)]
        if not matches:
            return []
        hits.append(matches[0])
    return hits


def _fragment(text: str) -> list[dict]:
    """`<a x="1"><b>t</b></a> <c/>` -> [{tag a, attrs, children [{tag b, text t}]}, {tag c}]; unclosed tags
    close at the end."""
    top, stack = [], []
    for close, tag, attrs, empty, chars in _TOKEN.findall(text):
        if chars:
            if stack and chars.strip():
                stack[-1]["text"] += chars
            continue
        if close:
            while stack and stack.pop()["tag"] != tag.split(":")[-1]:
                pass
            continue
        node = {"tag": tag, "attrs": dict(_ATTR.findall(attrs)), "children": [], "text": ""}
        (stack[-1]["children"] if stack else top).append(node)
        if not empty:
            stack.append(node)
    return top


def _matches(el, pattern: dict) -> bool:
    if el.tag != _TEI + pattern["tag"]:
        return False
    for name, value in pattern["attrs"].items():
        actual = el.get(_XML + name[4:] if name.startswith("xml:") else name)
        if value == "#speaker":   # placeholder: the turn's own speaker
            value = next((sp.get("who") for sp in el.iterancestors(_TEI + "sp")), None) or "#speaker"
        if actual is None or not any(actual.startswith(v[:-1]) if v.endswith("…") else actual == v
                                     for v in value.split("|")):
            return False
    want = " ".join(pattern["text"].split())
    if want and not pattern["children"]:
        have = " ".join("".join(el.itertext()).split())
        if not (have == want or ("…" in want and have.startswith(want.split("…")[0]))):
            return False
    return all(any(_matches(child, p) for child in el) for p in pattern["children"])


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


def cli_reference() -> str:
    """The user commands' --help, plain text at 100 columns, as one page (docs/cli.md)."""
    import typer
    from typer.testing import CliRunner

    from .cli import app

    saved, app.rich_markup_mode = app.rich_markup_mode, None   # the same text on a terminal or not
    try:
        def helps(*args: str) -> str:
            result = CliRunner().invoke(app, [*args, "--help"], prog_name="tei-edition", terminal_width=100,
                                        color=False)
            return result.output.rstrip() + "\n"

        names = [c.name for c in typer.main.get_command(app).commands.values() if not c.hidden]
        parts = ["# tei-edition command reference\n\nGenerated from the commands' own `--help` by "
                 "`python -m tei.docs`; do not edit. Every command also takes `-h`.\n\n"
                 "```\n" + helps() + "```\n"]
        parts += [f"\n## tei-edition {name}\n\n```\n{helps(name)}```\n" for name in names]
    finally:
        app.rich_markup_mode = saved
    return "".join(parts)


def data_formats() -> str:
    """The columns of the corpus tables (docs/data-formats.md), from tei/tsvdata.py's own lists."""
    from .frontmatter import KEYS
    from .tsvdata import COLUMNS, META_COLUMNS

    rows = "\n".join(f"| `{name}` | {what.replace('|', chr(92) + '|')} |" for name, what in COLUMNS)
    return ("# Data formats\n\nGenerated from `tei/tsvdata.py` and `tei/frontmatter.py` by `python -m tei.docs`; "
            "do not edit.\n\n## NAME.tsv (`--to tsv`)\n\nTab-separated, UTF-8, one header row, then one row per "
            "paragraph, remark, heading, stage line, event, front-matter line or footnote, in document order. A "
            "cell holding a quote character is quoted and its quotes doubled (as CSV readers expect); tabs and "
            "line ends inside a cell are spaces. Flags are `true`/`false`, empty outside turns.\n\n"
            "| column | holds |\n|---|---|\n" + rows + "\n\n## NAME-meta.tsv (`--to meta`)\n\nParlaMint's "
            "per-utterance metadata table, one row per turn (`sp` or `u`), '-' where the TEI does not say: "
            + ", ".join(f"`{c}`" for c in META_COLUMNS) + ". `Speaker_role` is the person's @role, else a "
            "Parla-CLARIN utterance's @ana (`#chair`, `#regular`, `#guest`: Chairperson, Regular, Guest); `Lang` the "
            "langUsage name of the turn's xml:lang.\n\n## Markdown front matter\n\nYAML between `---` "
            "lines, every string double-quoted, a key without a value in the TEI left out: "
            + ", ".join(f"`{k}`" for k in KEYS) + ".\n")


DOCS = {"conventions.md": conventions_table, "schema.md": schema_table, "cli.md": cli_reference,
        "data-formats.md": data_formats}


def main(argv: list[str] | None = None) -> int:
    """`python -m tei.docs [--check] [FOLDER]`: the maintainer's command (not part of the user CLI) that writes
    the generated documentation into FOLDER (default: docs/ of the checkout), or checks that it is current."""
    import argparse

    from . import resources, xmlio

    parser = argparse.ArgumentParser(prog="python -m tei.docs", description=main.__doc__.split(":", 1)[1])
    parser.add_argument("folder", nargs="?", type=Path, default=Path(resources._REPO) / "docs")
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

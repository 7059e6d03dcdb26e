"""build(): a folder of transcripts and/or TEI files -> TEI, validated -> every edition format + index.html.

Per document: convert (or reuse a TEI edited by hand) -> validation gate -> render each format -> fidelity
check of each edition -> atomic writes. Hand-edited TEI is never replaced by re-conversion unless both
`reconvert` and `force` are given; a document that fails any step writes nothing and does not stop the others.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from . import fidelity, outputs, render as renderer, resources, xmlio
from .errors import InvalidDocument, TeiEditionError, UsageError
from .pipeline import convert_file
from .validate import shared_validator

TRANSCRIPT_SUFFIXES = (".txt", ".md")
TEI_NS = {"t": "http://www.tei-c.org/ns/1.0"}
FORMAT_LABELS = {"html": "HTML", "text": "Text", "markdown": "Markdown", "tsv": "TSV"}


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)        # hand-edited TEI kept (and rendered from)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    editions: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def default_sources() -> Path:
    """./editions; created with the seed transcript when it does not exist yet."""
    folder = Path("editions")
    if not folder.exists():
        folder.mkdir(parents=True)
        shutil.copyfile(resources.seed_transcript(), folder / resources.SEED_NAME)
    return folder


def is_edition_output(path: Path) -> bool:
    """Files build writes (NAME.edition.txt, NAME.edition.md, ...) are never read back as sources."""
    return ".edition." in path.name or path.name == "index.html"


def discover(src: Path) -> list[tuple[str, Path | None, Path | None]]:
    """(stem, transcript, tei) per document in a folder; either may be None."""
    docs: dict[str, list] = {}
    for p in sorted(src.iterdir()):
        if not p.is_file() or is_edition_output(p):
            continue
        if p.suffix in TRANSCRIPT_SUFFIXES:
            docs.setdefault(p.stem, [None, None])[0] = p
        elif p.suffix == ".xml":
            docs.setdefault(p.stem, [None, None])[1] = p
    return [(stem, t, x) for stem, (t, x) in sorted(docs.items())]


def build(sources: str | Path | None = None, out: str | Path | None = None, *, force: bool = False,
          reconvert: bool = False, meta: str | Path | None = None, formats: list[str] | None = None,
          on_event=None) -> BuildResult:
    src = Path(sources) if sources is not None else default_sources()
    if not src.is_dir():
        raise UsageError(f"{src}: not a folder (build takes a folder of transcripts and/or TEI files)")
    dest = Path(out) if out is not None else src
    formats = list(formats or renderer.WRITERS)
    for fmt in formats:
        if fmt not in renderer.WRITERS:
            raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(renderer.WRITERS)})")
    documents = discover(src)
    if not documents:
        raise UsageError(f"{src}: no transcripts (*.txt, *.md) or TEI files (*.xml) to build")
    result = BuildResult()
    for stem, transcript, tei_file in documents:
        try:
            tree = _tei_for(stem, transcript, tei_file, src, dest, result, force, reconvert, meta, on_event)
            result.editions.append(_render_all(stem, tree, dest, formats, result, force, on_event))
        except TeiEditionError as err:
            result.failed.append((transcript or tei_file, str(err)))
            _emit(on_event, "failed", transcript or tei_file, str(err))
    if result.editions:
        _write(dest / "index.html", _index(result.editions), result, True, on_event)
    return result


def _tei_for(stem, transcript, tei_file, src, dest, result, force, reconvert, meta, on_event):
    target = dest / f"{stem}.xml"
    if transcript is None:  # a TEI file without a transcript: validate and render it as it is
        tree = xmlio.parse_file(tei_file)
        _gate(tree, tei_file)
        if target != tei_file:
            _write(target, tei_file.read_bytes(), result, force, on_event)
        return tree
    if target.exists() and outputs.hand_edited(target) and not (reconvert and force):
        tree = xmlio.parse_file(target)
        _gate(tree, target)
        result.kept.append(target)
        _emit(on_event, "kept", target)
        return tree
    sidecar = transcript.with_suffix(".toml")
    conversion = convert_file(transcript, meta_path=meta or (sidecar if sidecar.exists() else None))
    result.reports.append(conversion.report())
    _gate(conversion.tree, target)                # nothing is written when the gate fails
    _write(target, conversion.data, result, force or reconvert, on_event)
    return conversion.tree


def _render_all(stem, tree, dest, formats, result, force, on_event) -> dict:
    rendered = {}
    root = tree.getroot()
    for fmt in formats:
        data = renderer.render(tree, fmt)
        diff = fidelity.check_edition(fmt, data, root)
        if diff is not None:
            raise InvalidDocument(f"{fmt} edition lost or changed words: {diff} (please report this as a bug)")
        rendered[fmt] = data
    edition = {"stem": stem, "formats": {}, **_metadata(root)}
    for fmt, data in rendered.items():  # written only once every format has rendered and passed
        path = dest / f"{stem}{renderer.WRITERS[fmt].suffix}"
        _write(path, data, result, force, on_event)
        edition["formats"][fmt] = path.name
    edition["formats"]["tei"] = f"{stem}.xml"
    return edition


def _metadata(root) -> dict:
    def text(xpath: str) -> str:
        return " ".join(root.xpath(f"string({xpath})", namespaces=TEI_NS).split())

    speakers = [" ".join("".join(p.itertext()).split())
                for p in root.xpath("//t:particDesc//t:person/t:persName", namespaces=TEI_NS)]
    return {"title": text("//t:titleStmt/t:title[1]"),
            "date": text("//t:sourceDesc/t:bibl/t:date[@when][not(@type)]/@when"),
            "speakers": ", ".join(speakers)}


def _index(editions: list[dict]) -> bytes:
    catalog = etree.Element("editions")
    for ed in editions:
        el = etree.SubElement(catalog, "edition", title=ed["title"], date=ed["date"], speakers=ed["speakers"])
        for fmt, href in ed["formats"].items():
            etree.SubElement(el, "format", name=fmt, href=href, label=FORMAT_LABELS.get(fmt, "TEI"))
    data = bytes(renderer.stylesheet("index.xsl")(etree.ElementTree(catalog)))
    return b"<!DOCTYPE html>\n" + data


def _write(path: Path, data: bytes, result: BuildResult, force: bool, on_event) -> None:
    state = outputs.write(path, data, force=force)
    (result.written if state == "written" else result.unchanged).append(path)
    _emit(on_event, state, path)


def _gate(tree, path: Path) -> None:
    """The validation gate: the project schema and rules. Raises InvalidDocument naming the first problems."""
    problems = shared_validator().validate_tree(tree, str(path)).problems
    if problems:
        shown = "; ".join(f"line {p.line}: {p.message} [{p.rule}]" for p in problems[:3])
        more = f" (+{len(problems) - 3} more; run tei-edition validate {path})" if len(problems) > 3 else ""
        raise InvalidDocument(f"not valid, not rendered: {shown}{more}", path=path)


def _emit(callback, state: str, path: Path, detail: str = "") -> None:
    if callback is not None:
        callback(state, path, detail)

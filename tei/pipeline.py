"""convert(): source bytes -> reader -> speakers -> languages -> interpretation -> TEI tree -> fidelity gate -> bytes."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from . import corrections, encode, fidelity, interpretation, language, meta as metadata, reader, speakers, xmlio
from .errors import InputError, InvalidDocument
from .model import Document
from .source import read_source


@dataclass
class Conversion:
    tree: etree._ElementTree
    data: bytes
    document: Document
    stats: dict
    encoding: str
    style: str
    path: str | None = None
    warnings: list = field(default_factory=list)
    words: list[str] = field(default_factory=list)   # the source's words as the TEI reads them back
    corrections: list = field(default_factory=list)  # corrections.Record per sidecar correction

    def report(self) -> str:
        """A short human report: what was found, then every warning with its source line."""
        doc = self.document
        people = ", ".join(f"{p.id} ({p.turns})" for p in doc.participants.values() if p.turns)
        s = self.stats
        lines = [
            f"{self.path or '<stdin>'}: style {self.style}, encoding {self.encoding}",
            f"  speakers: {people}",
            f"  turns {s['turns']} (unlabeled {s['unlabeled']}), paragraphs {s['paragraphs']}, gaps {s['gaps']}, "
            f"notes {s['notes']}, incidents {s['incidents']}, foreign passages {s['foreign']}, "
            f"lacunae {s['lacunae']}, stage lines {s['stages']}",
            f"  languages: {', '.join(doc.languages)}",
        ]
        if self.corrections:  # the sidecar's [[correction]] tables (corrections.py)
            applied = sum(r.status == "applied" for r in self.corrections)
            lines.append(f"  corrections: {applied} applied, {len(self.corrections) - applied} stale")
        lines += [f"  warning: {w}" for w in self.warnings]
        return "\n".join(lines)


def convert(data: bytes | str, *, meta: dict | None = None, style: str | None = None, path: str | None = None,
            languages: list[str] | None = None) -> Conversion:
    """Convert one transcript (bytes or text) into TEI. Raises InputError for unreadable input."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    meta = meta if isinstance(meta, metadata.Sidecar) else metadata.validate(meta or {})
    src = read_source(data, path=path, style=style)
    doc = reader.read(src)
    if not doc.turns() and not doc.front:
        raise InputError("no transcript text found (no speaker labels and no paragraphs)", path=path)
    name = Path(path).stem if path else None
    metadata.infer(doc, src.front_matter, meta, name)
    byline = doc.metadata.get("byline")
    speakers.resolve(doc, doc.metadata.get("title", ""), byline, meta.get("speakers", {}))
    language.mark(doc, list(doc.metadata.get("languages", [])) + list(languages or []))
    interpretation.analyse(doc)
    corrections.check_speakers(doc, meta)
    tree, stats = encode.encode(doc, os.environ.get("SOURCE_DATE_EPOCH"))
    # The editor's corrections (sidecar [[correction]]): applied to the tree, so the gate below checks them.
    records = corrections.apply(tree, doc, meta, os.environ.get("SOURCE_DATE_EPOCH"))
    doc.warnings.extend(corrections.stale_warnings(records, meta.path))
    data_out = xmlio.serialise(tree)
    # The fidelity gate: nothing lost, nothing added, nothing reordered.
    tei_words = fidelity.words(fidelity.tei_text(tree.getroot()))
    diff = fidelity.compare(fidelity.source_words("\n".join(src.lines), src.style == "whitehouse-md"), tei_words)
    if diff is not None:
        raise InvalidDocument(f"fidelity check failed, {diff} (please report this as a bug)", path=path)
    lost = fidelity.header_losses(src.front_matter, tree.getroot())
    if lost:
        raise InvalidDocument(f"front matter not kept in the header: {'; '.join(lost)}", path=path)
    return Conversion(tree, data_out, doc, stats, src.encoding, src.style, path,
                      sorted(doc.warnings, key=lambda w: w.line), tei_words, records)


def convert_file(path: str | Path, out: str | Path | None = None, *, meta_path: str | Path | None = None,
                 style: str | None = None, languages: list[str] | None = None) -> Conversion:
    """Read a transcript file, convert it, and write the TEI atomically to `out` when given."""
    path = Path(path)
    data = xmlio.read_bytes(path)
    result = convert(data, meta=metadata.load(meta_path), style=style, path=str(path), languages=languages)
    if out is not None:
        xmlio.write_atomic(out, result.data)
    return result

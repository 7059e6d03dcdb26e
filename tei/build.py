"""build(): a folder of transcripts and/or TEI files -> TEI, validated -> every edition format + index.html.

Per document: convert (or reuse a TEI edited by hand) -> validation gate -> render each format -> fidelity
check of each edition -> atomic writes. Documents are independent jobs: they run in forked worker processes
(`jobs`), one failing document does not stop the others, and a document whose inputs (source, metadata,
schemas, stylesheets, tool version; by content hash) have not changed since the last build is skipped.
Hand-edited TEI is never replaced by re-conversion unless both `reconvert` and `force` are given.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from . import __version__, fidelity, outputs, render as renderer, resources, xmlio
from .errors import InvalidDocument, TeiEditionError, UsageError
from .pipeline import convert_file
from .validate import gate, shared_validator

TRANSCRIPT_SUFFIXES = (".txt", ".md")
TEI_NS = {"t": xmlio.TEI_NS}
FORMAT_LABELS = {"html": "HTML", "text": "Text", "markdown": "Markdown", "tsv": "TSV", "json": "JSON", "pdf": "PDF", "tei": "TEI"}


@dataclass
class BuildResult:
    built: int = 0
    skipped: int = 0
    kept: list[Path] = field(default_factory=list)          # hand-edited TEI kept (and rendered from)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    editions: list[dict] = field(default_factory=list)      # small metadata per edition, for the index
    seconds: float = 0.0
    out: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass
class Job:
    stem: str
    transcript: Path | None
    tei_file: Path | None
    meta: Path | None
    input_hash: str


def default_sources() -> Path:
    """./editions; created with the seed transcript when it does not exist yet."""
    folder = Path("editions")
    if not folder.exists():
        folder.mkdir(parents=True)
        shutil.copyfile(resources.seed_transcript(), folder / resources.SEED_NAME)
    return folder


def is_edition_output(path: Path) -> bool:
    """Files build writes (NAME.edition.txt, NAME.edition.md, index.html) are never read back as sources."""
    return ".edition." in path.name or path.name == "index.html" or path.name.startswith(".")


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_stem(stem: str) -> str:
    """The output name for a source's stem: letters, digits, '.', '_', '-' only, no leading dot, at most 120
    characters, so every output stays inside the output folder whatever the source's name."""
    name = _UNSAFE.sub("-", stem).strip(".-")[:120].strip(".-")
    return name or "document"


def discover(src: Path) -> list[tuple[str, Path | None, Path | None]]:
    """(output stem, transcript, tei) per document in a folder; either may be None."""
    docs: dict[str, list] = {}
    with os.scandir(src) as entries:
        for entry in entries:
            p = Path(entry.path)
            if not entry.is_file() or is_edition_output(p):
                continue
            slot = 0 if p.suffix in TRANSCRIPT_SUFFIXES else 1 if p.suffix == ".xml" else None
            if slot is None:
                continue
            entry = docs.setdefault(safe_stem(p.stem), [None, None])
            if entry[slot] is not None:  # two names that sanitise alike: keep the first, never overwrite
                raise UsageError(f"{p} and {entry[slot]} would write the same output files; rename one")
            entry[slot] = p
    return [(stem, t, x) for stem, (t, x) in sorted(docs.items())]


def tool_fingerprint(formats: list[str]) -> str:
    """Everything besides a document's own files that decides its outputs."""
    h = hashlib.sha256(f"tei-edition {__version__} {sorted(formats)}".encode())
    for folder in (resources.schemas_dir(), resources.transforms_dir()):
        for path in sorted(folder.glob("*.x*")):
            h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


# --- one document (runs in a worker) ------------------------------------------------------------------------
_shared: dict = {}


def _run_job(job: Job) -> dict:
    """Convert/validate/render/check/write one document. Never raises: failures come back as data."""
    manifest, dest, formats, force, reconvert = (_shared[k] for k in ("manifest", "dest", "formats", "force",
                                                                       "reconvert"))
    files: list[tuple[str, str]] = []
    try:
        tree, kept, words = _tei_for(job, dest, manifest, force, reconvert, files)
        edition = _render_all(job.stem, tree, dest, formats, manifest, force, files, words)
        return {"stem": job.stem, "ok": True, "kept": kept, "files": files, "edition": edition,
                "input": job.input_hash}
    except TeiEditionError as err:
        return {"stem": job.stem, "ok": False, "error": str(err), "files": files,
                "source": str(job.transcript or job.tei_file)}


def _tei_for(job: Job, dest: Path, manifest, force: bool, reconvert: bool, files: list):
    target = dest / f"{job.stem}.xml"
    if job.transcript is None:  # a TEI file without a transcript: validate and render it as it is
        tree = xmlio.parse_file(job.tei_file)
        gate(tree, job.tei_file)
        if target != job.tei_file:
            files.append(_write(target, job.tei_file.read_bytes(), manifest, force))
        return tree, False, None
    if target.exists() and manifest.hand_edited(target) and not (reconvert and force):
        tree = xmlio.parse_file(target)
        gate(tree, target)
        return tree, True, None
    conversion = convert_file(job.transcript, meta_path=job.meta)
    gate(conversion.tree, target)                # nothing is written when the gate fails
    files.append(_write(target, conversion.data, manifest, force or reconvert))
    return conversion.tree, False, conversion.words


def _render_all(stem: str, tree, dest: Path, formats: list[str], manifest, force: bool, files: list,
                expected: list[str] | None) -> dict:
    rendered = {}
    root = tree.getroot()
    if expected is None:  # the source's words, as the TEI reads them back
        expected = fidelity.words(fidelity.tei_text(root))
    for fmt in formats:
        data = renderer.render(tree, fmt)
        diff = fidelity.check_edition(fmt, data, expected=expected)
        if diff is not None:
            raise InvalidDocument(f"{fmt} edition lost or changed words: {diff} (please report this as a bug)")
        rendered[fmt] = data
    edition = {"stem": stem, "formats": {"tei": f"{stem}.xml"}, **_metadata(root)}
    for fmt, data in rendered.items():  # written only once every format has rendered and passed
        path = dest / f"{stem}{renderer.WRITERS[fmt].suffix}"
        files.append(_write(path, data, manifest, force))
        edition["formats"][fmt] = path.name
    return edition


def _write(path: Path, data: bytes, manifest, force: bool) -> tuple[str, str, str]:
    state, sha = outputs.write_file(path, data, manifest, force=force)
    return path.name, sha, state


# --- the run ------------------------------------------------------------------------------------------------
def build(sources: str | Path | None = None, out: str | Path | None = None, *, force: bool = False,
          reconvert: bool = False, meta: str | Path | None = None, formats: list[str] | None = None,
          jobs: int = 1, incremental: bool = True, on_event=None, on_progress=None) -> BuildResult:
    started = time.perf_counter()
    src = Path(sources) if sources is not None else default_sources()
    if not src.is_dir():
        raise UsageError(f"{src}: not a folder (build takes a folder of transcripts and/or TEI files)")
    dest = Path(out) if out is not None else src
    dest.mkdir(parents=True, exist_ok=True)
    formats = list(formats or renderer.DEFAULT_FORMATS)
    for fmt in formats:
        if fmt not in renderer.WRITERS:
            raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(renderer.WRITERS)})")
    if meta is not None and not Path(meta).is_file():
        raise UsageError(f"metadata file not found: {meta}")
    documents = discover(src)
    if not documents:
        raise UsageError(f"{src}: no transcripts (*.txt, *.md) or TEI files (*.xml) to build")

    manifest = outputs.Manifest(dest)
    fingerprint = tool_fingerprint(formats)
    result = BuildResult(out=dest)
    pending: list[Job] = []
    for stem, transcript, tei_file in documents:
        job = _job(stem, transcript, tei_file, meta, dest, manifest, fingerprint, reconvert and force)
        previous = manifest.inputs.get(stem)
        if incremental and previous and previous.get("input") == job.input_hash and _outputs_intact(dest, previous):
            result.skipped += 1
            result.editions.append(previous["edition"])
            _emit(on_event, "skipped", transcript or tei_file)
        else:
            pending.append(job)
    if on_progress:
        on_progress(result.skipped, len(documents))

    _shared.update(manifest=manifest, dest=dest, formats=formats, force=force, reconvert=reconvert)
    for outcome in _execute(pending, jobs):
        _absorb(outcome, dest, manifest, result, on_event)
        if on_progress:
            on_progress(result.skipped + result.built + len(result.failed), len(documents))
    if result.editions:
        name, _sha, state = _write(dest / "index.html", _index(result.editions), manifest, True)
        if state == "written":
            result.written.append(dest / name)
    manifest.save()
    result.seconds = time.perf_counter() - started
    return result


def _job(stem, transcript, tei_file, meta, dest, manifest, fingerprint, replace_edits) -> Job:
    h = hashlib.sha256(fingerprint.encode())
    sidecar = transcript.with_suffix(".toml") if transcript is not None else None
    meta_path = Path(meta) if meta is not None else (sidecar if sidecar is not None and sidecar.exists() else None)
    for part in (transcript, meta_path, tei_file if transcript is None else None):
        h.update(b"\0")
        if part is not None:
            h.update(outputs.file_digest(part).encode())
    target = dest / f"{stem}.xml"
    if transcript is not None and not replace_edits and manifest.hand_edited(target):
        h.update(b"hand-edited:" + (manifest.current_digest(target) or "").encode())
    return Job(stem, transcript, tei_file, meta_path, h.hexdigest())


def _outputs_intact(dest: Path, previous: dict) -> bool:
    """Every file of the last build is still there, at the size we wrote (a cheap check, no re-hashing)."""
    for name, size in previous.get("sizes", {}).items():
        try:
            if (dest / name).stat().st_size != size:
                return False
        except FileNotFoundError:
            return False
    return True


def _execute(pending: list[Job], jobs: int):
    if jobs <= 1 or len(pending) < 2:
        for job in pending:
            yield _run_job(job)
        return
    import multiprocessing

    shared_validator()                                    # compiled once, inherited by the forked workers
    for fmt in _shared["formats"]:
        if renderer.WRITERS[fmt].stylesheet:
            renderer.stylesheet(renderer.WRITERS[fmt].stylesheet)
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(min(jobs, len(pending))) as pool:
        yield from pool.imap(_run_job, pending, chunksize=max(1, min(16, len(pending) // (jobs * 8) or 1)))


def _absorb(outcome: dict, dest: Path, manifest, result: BuildResult, on_event) -> None:
    for name, sha, state in outcome["files"]:
        path = dest / name
        if path.exists():
            manifest.record(path, sha)
        if state == "written":
            result.written.append(path)
            _emit(on_event, "written", path)
        else:
            result.unchanged += 1
    if not outcome["ok"]:
        result.failed.append((Path(outcome["source"]), outcome["error"]))
        manifest.inputs.pop(outcome["stem"], None)
        manifest.dirty = True
        _emit(on_event, "failed", Path(outcome["source"]), outcome["error"])
        return
    result.built += 1
    if outcome["kept"]:
        result.kept.append(dest / f"{outcome['stem']}.xml")
        _emit(on_event, "kept", dest / f"{outcome['stem']}.xml")
    edition = outcome["edition"]
    result.editions.append(edition)
    sizes = {name: (dest / name).stat().st_size for name in edition["formats"].values() if (dest / name).exists()}
    manifest.inputs[outcome["stem"]] = {"input": outcome["input"], "edition": edition, "sizes": sizes}
    manifest.dirty = True


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
    for ed in sorted(editions, key=lambda e: e["stem"]):
        el = etree.SubElement(catalog, "edition", title=ed["title"], date=ed["date"], speakers=ed["speakers"])
        for fmt in ["html", "text", "markdown", "tsv", "json", "pdf", "tei"]:
            if fmt in ed["formats"]:
                etree.SubElement(el, "format", name=fmt, href=ed["formats"][fmt], label=FORMAT_LABELS[fmt])
    data = bytes(renderer.stylesheet("index.xsl")(etree.ElementTree(catalog)))
    return b"<!DOCTYPE html>\n" + data


def _emit(callback, state: str, path: Path, detail: str = "") -> None:
    if callback is not None:
        callback(state, path, detail)

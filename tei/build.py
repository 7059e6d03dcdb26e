"""build(): a folder of transcripts and/or TEI files -> TEI, validated -> every edition format + index.html.

Per document: convert (or reuse a TEI edited by hand) -> validation gate -> render each format -> fidelity
check of each edition -> atomic writes. Documents are independent jobs: they run in forked worker processes
(`jobs`), one failing document does not stop the others, and a document whose inputs (source, metadata,
schemas, stylesheets, tool version; by content hash) have not changed since the last build is skipped.
Hand-edited TEI is never replaced by re-conversion unless both `reconvert` and `force` are given; a TEI that
equals what the converter writes now is ours, whatever the manifest says (so a lost manifest loses nothing).

Faults (tests/test_faults.py): the output folder is locked for the run; the manifest is journaled as files
are written and saved in a `finally`; an output error (full disk, read-only folder) stops the run with one
line (exit 2); Ctrl-C stops the workers, removes their temporary files and exits 130; symbolic links in the
source folder are refused, never followed.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, fidelity, memo, outputs, render as renderer, resources, review, site, xmlio
from .errors import InputError, InvalidDocument, OutputError, TeiEditionError, UsageError
from .pipeline import convert_file
from .validate import gate, shared_validator

TRANSCRIPT_SUFFIXES = (".txt", ".md")
FORMAT_LABELS = {"html": "HTML", "text": "Text", "markdown": "Markdown", "tsv": "TSV", "json": "JSON", "meta": "Meta TSV", "pdf": "PDF", "tei": "TEI"}


@dataclass
class BuildResult:
    built: int = 0
    skipped: int = 0
    kept: list[Path] = field(default_factory=list)          # hand-edited TEI kept (and rendered from)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    usage_errors: int = 0                                   # failures that are usage errors (a bad sidecar): exit 2
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    editions: list[dict] = field(default_factory=list)      # small metadata per edition, for the index
    site_docs: dict[str, dict] = field(default_factory=dict)  # stem -> site.read_document, read by the worker
    warnings: list[str] = field(default_factory=list)       # one line each: refused symlinks, stale files removed
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
    input_hash: str          # what the manifest records when the TEI is ours (converted)
    edited_hash: str         # what it records when a hand-edited TEI is kept
    tei_edited: bool         # the TEI at the target exists and is not what we last wrote


def default_sources() -> Path:
    """./editions; created with the seed transcript when it does not exist yet."""
    folder = Path("editions")
    if not folder.exists():
        folder.mkdir(parents=True)
        shutil.copyfile(resources.seed_transcript(), folder / resources.SEED_NAME)
    return folder


def is_edition_output(path: Path) -> bool:
    """Files build writes (NAME.edition.txt, NAME.edition.md, the site's index.html, speakers.html, site.js,
    site.css, search-index.js) are never read back as sources."""
    return ".edition." in path.name or path.name in site.SITE_FILES or path.name.startswith(".")


# Documentation beside the transcripts (README.md, LICENSE.txt, CHANGELOG.md, README.fr.md; ParlaMint's
# sample folder has a SOURCES.md) is not built as an edition. The whole name must be one of these words (a dotted suffix aside): "security-council.txt" is built.
NOT_TRANSCRIPTS = re.compile(r"(readme|licen[cs]e|copying|changelog|changes|history|contributing|authors|"
                             r"contributors|maintainers|notice|code_of_conduct|security|todo|sources|notes|"
                             r"install|citation|funding)(\.[\w-]+)*", re.IGNORECASE)


def is_documentation(path: Path) -> bool:
    return path.suffix in TRANSCRIPT_SUFFIXES and NOT_TRANSCRIPTS.fullmatch(path.stem) is not None


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_stem(stem: str) -> str:
    """The output name for a source's stem: letters, digits, '.', '_', '-' only, no leading dot, at most 120
    characters, so every output stays inside the output folder whatever the source's name."""
    name = _UNSAFE.sub("-", stem).strip(".-")[:120].strip(".-")
    return name or "document"


def discover(src: Path, warnings: list[str] | None = None) -> list[tuple[str, Path | None, Path | None]]:
    """(output stem, transcript, tei) per document in a folder; either may be None. Symbolic links are refused
    (one warning each), never followed: a link planted in a corpus must not publish the file it points to."""
    docs: dict[str, list] = {}
    with os.scandir(src) as entries:
        for entry in entries:
            p = Path(entry.path)
            if is_edition_output(p):
                continue
            slot = 0 if p.suffix in TRANSCRIPT_SUFFIXES else 1 if p.suffix == ".xml" else None
            if slot is None:
                continue
            if slot == 0 and is_documentation(p) and entry.is_file(follow_symlinks=False):
                if warnings is not None:
                    warnings.append(f"{p}: documentation, not a transcript (README, LICENSE, CHANGELOG, "
                                    "CONTRIBUTING... are not built); rename it to build it as an edition")
                continue
            if entry.is_symlink():
                if warnings is not None:
                    warnings.append(f"{p}: a symbolic link; refused, not followed (copy the file in instead)")
                continue
            if not entry.is_file(follow_symlinks=False):
                continue
            if f"{safe_stem(p.stem)}.html" in site.SITE_FILES:   # index.txt would overwrite the site's index
                raise UsageError(f"{p}: its edition would overwrite the site's {safe_stem(p.stem)}.html; rename it")
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
    """Convert/validate/render/check/write one document. Never raises for a bad input: failures come back as
    data (one line); an output error comes back as `fatal` and stops the run."""
    manifest, dest, formats, force, reconvert = (_shared[k] for k in ("manifest", "dest", "formats", "force",
                                                                       "reconvert"))
    files: list[tuple[str, str]] = []
    notes: list[str] = []
    source = str(job.transcript or job.tei_file)
    try:
        tree, kept, words, conversion = _tei_for(job, dest, manifest, force, reconvert, files, notes)
        with memo.remembered_texts():   # the JSON, TSV and site readers ask for the same paragraphs
            edition = _render_all(job.stem, tree, dest, formats, manifest, force, files, words)
            # What the site pages need of this TEI, read here from the tree in hand (and in parallel) rather
            # than parsed again from disk by the parent after the run.
            site_data = site.read_document(tree.getroot(), job.stem)
        if conversion is not None:  # the review of every inference (tei/review.py), beside the editions
            reviews, edition["review"] = review.build_files(conversion, job.stem)
            for name, data in reviews.items():
                files.append(_write(dest / name, data, manifest, force))
                edition["formats"]["review-" + name.rsplit(".", 1)[1]] = name
        sizes = {name: (dest / name).stat().st_size for name in edition["formats"].values()
                 if (dest / name).exists()}   # (in the worker: in parallel, where the files were written)
        return {"stem": job.stem, "ok": True, "kept": kept, "files": files, "edition": edition,
                "site": site_data, "sizes": sizes,
                "input": job.edited_hash if kept else job.input_hash, "notes": notes,
                "source_digest": _source_digest(job, manifest, kept is True)}  # "accepted": the new source
    except OutputError as err:
        return {"stem": job.stem, "ok": False, "fatal": str(err), "error": str(err), "files": files,
                "source": source, "notes": notes}
    except TeiEditionError as err:
        return {"stem": job.stem, "ok": False, "error": str(err), "files": files, "notes": notes,
                "usage": isinstance(err, UsageError),   # a bad sidecar: the build exits 2
                "source": source, "source_digest": _source_digest(job, manifest, True)}
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as err:  # noqa: BLE001 - one bad input must never stop the others
        detail = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
        return {"stem": job.stem, "ok": False, "files": files, "source": source, "notes": notes,
                "error": f"{source}: could not be built ({detail}); please report this as a bug"}


def _source_digest(job: Job, manifest, kept: bool) -> str | None:
    """The hash of the transcript and its metadata as last converted (a kept hand edit keeps the old one)."""
    if job.transcript is None:
        return None
    if kept:
        return manifest.inputs.get(job.stem, {}).get("source")
    return "".join(outputs.file_digest(p) for p in (job.transcript, job.meta) if p is not None)


def _tei_for(job: Job, dest: Path, manifest, force: bool, reconvert: bool, files: list, notes: list):
    target = dest / f"{job.stem}.xml"
    if job.transcript is None:  # a TEI file without a transcript: validate and render it as it is
        data = xmlio.read_bytes(job.tei_file)
        tree = xmlio.parse_bytes(data, str(job.tei_file))
        note = gate(tree, job.tei_file)          # TEI of another project: a note saying how it was rendered
        if target != job.tei_file:
            files.append(_write(target, data, manifest, force))
        if note:
            notes.append(note)
        return tree, False, None, None
    conversion = None
    if job.tei_edited and not (reconvert and force):
        existing = xmlio.read_bytes(target)
        try:
            conversion = convert_file(job.transcript, meta_path=job.meta)
        except TeiEditionError:
            conversion = None
        if conversion is None or conversion.data != existing:  # really edited by hand: kept, rendered from
            tree = xmlio.parse_bytes(existing, str(target))
            note = gate(tree, target)
            if note:
                notes.append(note)
            recorded = manifest.inputs.get(job.stem, {}).get("source")
            if recorded and recorded != _source_digest(job, manifest, False):
                _conflict(job, target, dest, force, reconvert, notes, conversion)
                return tree, "accepted", None, None
            if reconvert:
                notes.append(f"{target}: edited by hand; --reconvert alone keeps it (add --force to replace it "
                             "with a conversion of the source)")
            elif force:
                notes.append(f"{target}: edited by hand; kept (--force replaces only files rendered from it; "
                             "--reconvert --force replaces the TEI itself)")
            return tree, True, None, None
        # equal to what we write now: ours (a manifest lost or truncated by a crash); recorded below
    elif reconvert and force and target.exists() and manifest.hand_edited(target):
        notes.append(f"{target}: edited by hand; replaced by a conversion of the source (--reconvert --force)")
        (dest / f"{job.stem}.edition.reconverted.xml").unlink(missing_ok=True)
    if conversion is None:
        conversion = convert_file(job.transcript, meta_path=job.meta)
    gate(conversion.tree, target)                # nothing is written when the gate fails
    files.append(_write(target, conversion.data, manifest, force or reconvert))
    # Render from the bytes written, so `render NAME.xml` gives exactly what build wrote.
    return xmlio.parse_bytes(conversion.data, str(target)), False, conversion.words, conversion


def _conflict(job: Job, target: Path, dest: Path, force: bool, reconvert: bool, notes: list,
              conversion=None) -> None:
    """A hand-edited TEI whose source changed since: never silent. The new conversion goes beside it."""
    fresh = dest / f"{job.stem}.edition.reconverted.xml"
    if force:  # the editor keeps the hand edit against the new source: recorded (as "accepted"), said
        fresh.unlink(missing_ok=True)
        notes.append(f"{target}: edited by hand and its source changed; --force keeps the hand-edited TEI "
                     "and accepts the new source without converting it")
        return
    if conversion is None:
        conversion = convert_file(job.transcript, meta_path=job.meta)
    xmlio.write_atomic(fresh, conversion.data)
    alone = "--reconvert alone does not replace it. " if reconvert else ""
    raise InvalidDocument(f"edited by hand, and {job.transcript.name} changed since it was converted: {alone}the "
                          f"hand-edited TEI is kept and the new conversion written to {fresh.name} to compare. "
                          "Resolve: state your edits as corrections in the sidecar (tei-edition review --set) "
                          "and build --reconvert --force, or keep your TEI as it is with build --force",
                          path=target)


def render_params(stem: str, formats: list[str], fmt: str) -> dict:
    """Stylesheet parameters of one edition in a build: the HTML page links the TEI and the other formats written
    beside it (and only those)."""
    if fmt != "html":
        return {}
    return {"files": " ".join([f"{stem}.xml"] + [f"{stem}{renderer.WRITERS[f].suffix}" for f in formats])}


def _render_all(stem: str, tree, dest: Path, formats: list[str], manifest, force: bool, files: list,
                expected: list[str] | None) -> dict:
    rendered = {}
    root = tree.getroot()
    if expected is None:  # the source's words, as the TEI reads them back
        expected = fidelity.words(fidelity.tei_text(root))
    for fmt in formats:
        data, result = renderer.render_with_tree(tree, fmt, **render_params(stem, formats, fmt))
        diff = fidelity.check_edition(fmt, data, root, expected=expected, result=result)
        if diff is not None:
            raise InvalidDocument(f"{fmt} edition lost or changed words: {diff} (please report this as a bug)")
        rendered[fmt] = data
    edition = {"stem": stem, "formats": {"tei": f"{stem}.xml"}, **site.header_metadata(root)}
    for fmt, data in rendered.items():  # written only once every format has rendered and passed
        path = dest / f"{stem}{renderer.WRITERS[fmt].suffix}"
        files.append(_write(path, data, manifest, force))
        edition["formats"][fmt] = path.name
    return edition


def _write(path: Path, data: bytes, manifest, force: bool) -> tuple[str, str, str]:
    state, sha = outputs.write_file(path, data, manifest, force=force, durable=False)   # build syncs once
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
    if dest.exists() and not dest.is_dir():
        raise OutputError("is a file, not a folder (-o takes the folder to write the editions into)", path=dest)
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"cannot create the output folder: {err.strerror}", path=dest) from None
    formats = list(formats or renderer.DEFAULT_FORMATS)
    for fmt in formats:
        if fmt not in renderer.WRITERS:
            raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(renderer.WRITERS)})")
    if meta is not None and not Path(meta).is_file():
        raise UsageError(f"metadata file not found: {meta}")
    result = BuildResult(out=dest)
    documents = discover(src, result.warnings)
    if not documents:
        raise UsageError(f"{src}: no transcripts (*.txt, *.md) or TEI files (*.xml) to build")
    with outputs.lock(dest):
        for name in outputs.remove_stale_temporaries(dest):
            result.warnings.append(f"{dest / name}: removed a temporary file left by an interrupted run")
        manifest = outputs.Manifest(dest)
        sources_cache = outputs.SourceCache(dest)
        try:
            manifest.open_journal()
            _run(documents, src, dest, meta, formats, force, reconvert, jobs, incremental, manifest,
                 sources_cache, result, on_event, on_progress)
        finally:
            sources_cache.save()
            try:
                if manifest.dirty:   # editions are written without fsync: flushed once, before they count
                    outputs.sync_folder(dest)
                manifest.save()
            except TeiEditionError:   # the disk is full: the journal keeps what the manifest could not
                manifest.close_journal()
    for line in result.warnings:
        _emit(on_event, "warning", Path(line.split(": ", 1)[0]), line)
    result.seconds = time.perf_counter() - started
    return result


def _run(documents, src, dest, meta, formats, force, reconvert, jobs, incremental, manifest, sources_cache,
         result, on_event, on_progress) -> None:
    fingerprint = tool_fingerprint(formats)
    pending: list[Job] = []
    for stem, transcript, tei_file in documents:
        try:
            job = _job(stem, transcript, tei_file, meta, dest, manifest, fingerprint, reconvert and force,
                       sources_cache, result.warnings)
        except InputError as err:   # unreadable source: this document fails, the others go on
            _absorb({"stem": stem, "ok": False, "error": str(err), "files": [],
                     "source": str(transcript or tei_file)}, dest, manifest, result, on_event)
            continue
        previous = manifest.inputs.get(stem)
        recorded = job.edited_hash if job.tei_edited else job.input_hash
        if incremental and previous and previous.get("input") == recorded and _outputs_intact(
                dest, previous, manifest, stem in manifest.replayed):
            result.skipped += 1
            result.editions.append(previous["edition"])
            _emit(on_event, "skipped", transcript or tei_file)
        else:
            pending.append(job)
    if on_progress:
        on_progress(result.skipped + len(result.failed), len(documents))

    _shared.update(manifest=manifest, dest=dest, formats=formats, force=force, reconvert=reconvert)
    for outcome in _execute(pending, jobs):
        if outcome.get("fatal"):   # the output side failed (full disk, read-only): stop the run, exit 2
            for name, sha, _state in outcome["files"]:
                manifest.record(dest / name, sha)
            raise OutputError(outcome["fatal"])
        _absorb(outcome, dest, manifest, result, on_event)
        if on_progress:
            on_progress(result.skipped + result.built + len(result.failed), len(documents))
    if result.editions:
        _write_site(dest, result, manifest, force, on_event, jobs)


def _job(stem, transcript, tei_file, meta, dest, manifest, fingerprint, replace_edits, sources_cache,
         warnings) -> Job:
    h = hashlib.sha256(fingerprint.encode())
    meta_path = Path(meta) if meta is not None else None
    if meta_path is None and transcript is not None:
        sidecar = transcript.with_suffix(".toml")
        if sidecar.is_symlink():
            warnings.append(f"{sidecar}: a symbolic link; refused, not followed (copy the file in instead)")
        elif sidecar.is_file():
            meta_path = sidecar
    for part in (transcript, meta_path, tei_file if transcript is None else None):
        h.update(b"\0")
        if part is not None:
            try:
                h.update(sources_cache.digest(part).encode())
            except OSError as err:
                raise InputError(f"cannot read: {err.strerror}", path=part) from None
    clean = h.hexdigest()
    target = dest / f"{stem}.xml"
    edited = transcript is not None and not replace_edits and manifest.hand_edited(target)
    h.update(b"hand-edited:" + ((manifest.current_digest(target) or "").encode() if edited else b""))
    return Job(stem, transcript, tei_file, meta_path, clean, h.hexdigest(), edited)


def _outputs_intact(dest: Path, previous: dict, manifest, replayed: bool = False) -> bool:
    """Every file of the last build is still there, at the size we wrote (a cheap check, no re-hashing); for a
    document or file an interrupted run recorded (written, maybe not yet on disk): with the bytes recorded."""
    folder = os.fspath(dest)
    for name, size in previous.get("sizes", {}).items():
        try:   # (os.stat on a joined string: a Path per file cost as much as the stat itself)
            if os.stat(os.path.join(folder, name)).st_size != size:
                return False
        except FileNotFoundError:
            return False
        if (replayed or name in manifest.replayed) and manifest.current_digest(dest / name) != manifest.files.get(name):
            return False
    return True


STOP_GRACE = 2   # seconds a terminated worker has to unwind before it exits without unwinding


def _on_sigterm(*_args) -> None:
    """A worker told to stop (the parent terminates the pool after Ctrl-C): unwind with SystemExit, so that
    write_atomic removes its temporary file. A signal handler's exception is swallowed when it fires inside a
    finaliser ("Exception ignored in ..."): the worker would then take its next task and wait forever on the
    queue lock the terminating parent holds, and the parent forever on it (seen in CI). So an alarm ends the
    worker for good after STOP_GRACE seconds: os._exit cannot be caught, and by then any write it was in has
    finished or been unwound."""
    signal.signal(signal.SIGALRM, lambda *_: os._exit(143))
    signal.alarm(STOP_GRACE)
    raise SystemExit(143)


def _worker_init() -> None:
    # Ctrl-C goes to the whole process group: only the parent handles it (and terminates the pool).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_sigterm)


def _execute(pending: list[Job], jobs: int):
    if jobs <= 1 or len(pending) < 2:
        for job in pending:
            yield _run_job(job)
        return
    import multiprocessing

    shared_validator()                                    # compiled once, inherited by the forked workers
    # lingua is not loaded here: loading its models starts threads (rayon), and a process that forks with
    # threads running is unsafe, while a signal taken by one of them left Ctrl-C unseen (test_faults). Each
    # worker loads the trigram models it needs (0.15 s at most) on its first candidate sentence.
    for fmt in _shared["formats"]:
        if renderer.WRITERS[fmt].stylesheet:
            renderer.stylesheet(renderer.WRITERS[fmt].stylesheet)
    ctx = multiprocessing.get_context("fork")
    pool = ctx.Pool(min(jobs, len(pending)), initializer=_worker_init)
    # A finished run closes the pool (each worker takes its stop sentinel and exits); only an interrupted one
    # terminates it. Pool.__exit__ would terminate every time, and a SIGTERM that unwinds a worker while it
    # holds the task queue's lock leaves the other workers waiting on that lock forever (seen in CI).
    # Ctrl-C is also recorded, not only raised: a KeyboardInterrupt that fires inside a finaliser is swallowed
    # ("Exception ignored in ..."), and the run would go on to the end and exit 0 (seen in CI).
    # A second Ctrl-C (a person pressing it twice; one per worker when the whole group gets it) is recorded,
    # never raised, once the pool is stopping: raised inside terminate(), it left the queue lock taken and the
    # workers alive, and pool.join() waited forever (seen in CI).
    interrupted: list[int] = []
    stopping: list[bool] = []

    def on_sigint(signum, _frame):
        interrupted.append(signum)
        if not stopping:
            raise KeyboardInterrupt

    previous = _install(signal.SIGINT, on_sigint)
    try:
        for outcome in pool.imap(_run_job, pending, chunksize=max(1, min(16, len(pending) // (jobs * 8) or 1))):
            if interrupted:
                raise KeyboardInterrupt
            yield outcome
            if interrupted:
                raise KeyboardInterrupt
        stopping.append(True)
        pool.close()
    except BaseException:
        stopping.append(True)
        pool.terminate()
        raise
    finally:
        pool.join()
        if previous is not None:
            _install(signal.SIGINT, previous)


def _install(signum: int, handler):
    """signal.signal where Python allows it (the main thread); the previous handler, or None."""
    try:
        return signal.signal(signum, handler)
    except ValueError:   # build() called from another thread: Ctrl-C is not ours to handle there
        return None


def _absorb(outcome: dict, dest: Path, manifest, result: BuildResult, on_event) -> None:
    for name, sha, state in outcome["files"]:
        path = dest / name
        manifest.record(path, sha, journal=False)   # journaled by write_file where it was written
        if state == "written":
            result.written.append(path)
            _emit(on_event, "written", path)
        else:
            result.unchanged += 1
    for note in outcome.get("notes", []):
        _emit(on_event, "note", dest / f"{outcome['stem']}.xml", note)
    if not outcome["ok"]:
        result.failed.append((Path(outcome["source"]), outcome["error"]))
        result.usage_errors += bool(outcome.get("usage"))
        manifest.set_input(outcome["stem"], None)
        if outcome.get("source_digest"):  # what the TEI was converted from: a conflict is found again next time
            manifest.set_input(outcome["stem"], {"source": outcome["source_digest"]})
        _emit(on_event, "failed", Path(outcome["source"]), outcome["error"])
        return
    result.built += 1
    if outcome["kept"]:
        result.kept.append(dest / f"{outcome['stem']}.xml")
        _emit(on_event, "kept", dest / f"{outcome['stem']}.xml")
    edition = outcome["edition"]
    result.editions.append(edition)
    if outcome.get("site") is not None:
        result.site_docs[outcome["stem"]] = outcome["site"]
    entry = {"input": outcome["input"], "edition": edition, "sizes": outcome["sizes"]}
    if outcome.get("source_digest"):
        entry["source"] = outcome["source_digest"]
    manifest.set_input(outcome["stem"], entry)


def _site_key(result: BuildResult, manifest) -> str:
    """What the site pages are made of: each edition's metadata and the recorded input of its document (which
    holds the tool's fingerprint). The same key means the same pages."""
    editions = sorted(result.editions, key=lambda e: e["stem"])
    inputs = [(manifest.inputs.get(ed["stem"]) or {}).get("input") for ed in editions]
    return hashlib.sha256(json.dumps([editions, inputs], sort_keys=True).encode("utf-8")).hexdigest()


def _site_intact(dest: Path, manifest) -> bool:
    return all((dest / name).is_file() and manifest.files.get(name) == outputs.file_digest(dest / name)
               for name in site.SITE_FILES)


def _write_site(dest: Path, result: BuildResult, manifest, force: bool, on_event, jobs: int = 1) -> None:
    """index.html, speakers.html, the search index, script and style (tei/site.py): recorded in the manifest
    like every output; a site file edited by hand is kept (with a warning) unless --force. When neither the
    editions nor the site files changed since the pages were last written in full (a no-op rebuild), they are
    not made again: reading every TEI back for them cost more than the rest of a no-op run."""
    key = _site_key(result, manifest)
    if not force and manifest.site == key and _site_intact(dest, manifest):
        result.unchanged += len(site.SITE_FILES)
        return
    manifest.set_site(None)   # journaled before the first page is replaced, so a killed run makes them again
    complete = True
    for name, data in site.build_site(dest, result.editions, jobs, known=result.site_docs).items():
        try:
            _name, _sha, state = _write(dest / name, data, manifest, force)
        except outputs.OverwriteRefused:
            result.warnings.append(f"{dest / name}: edited by hand (or not written by tei-edition); kept, not "
                                   "updated (build --force replaces it)")
            complete = False
            continue
        if state == "written":
            result.written.append(dest / name)
            _emit(on_event, "written", dest / name)
        else:
            result.unchanged += 1
    manifest.set_site(key if complete else None)   # a kept hand edit is warned about again next time


def _emit(callback, state: str, path: Path, detail: str = "") -> None:
    if callback is not None:
        callback(state, path, detail)

"""The work of the commands the light entry point serves (tei/start.py) and the typer app (tei/cli.py) both
run: one body per command, so both paths write the same bytes and print the same lines (tests/test_start.py).
Messages go to stderr through `say` and `error_line`; each command returns its exit code (None: 0) or raises a
TeiEditionError, which the caller words as one line.

Imports here are light (os, sys, the error classes): each command imports what it needs when it runs.
"""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from .errors import InputError, UsageError

if TYPE_CHECKING:
    from pathlib import Path

REPORT_FORMATS = ("text", "json", "junit", "github")   # validate --format
REVIEW_FORMATS = ("text", "json", "html")              # review --format


def error_line(message: str) -> None:
    """An error on stderr, red on a terminal unless $NO_COLOR (what typer.secho(fg="red") writes: the test
    holds the two to the same bytes)."""
    colour = not os.environ.get("NO_COLOR") and sys.stderr.isatty()
    print(f"\x1b[31m{message}\x1b[0m" if colour else message, file=sys.stderr, flush=True)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def convert_file(source: Path | str, output: Path | str | None = None, meta: Path | str | None = None,
                 style: str | None = None, languages: list[str] | None = None, force: bool = False,
                 strict: bool = False, quiet: bool = False) -> None:
    """`tei-edition convert` of a file or of stdin ("-"): convert, gate, write to `output` or stdout; the report
    on stderr unless quiet."""
    from . import outputs
    from .pipeline import convert as convert_bytes, convert_file as convert_path
    from .source import UNSTRUCTURED

    if str(source) == "-":
        from . import meta as metadata

        result = convert_bytes(sys.stdin.buffer.read(), meta=metadata.load(meta), style=style, path="<stdin>",
                               languages=languages)
    else:
        result = convert_path(source, meta_path=meta, style=style, languages=languages)
    if strict and any(w.message.startswith(UNSTRUCTURED) for w in result.warnings):
        raise InputError(f"{UNSTRUCTURED.split('; ')[0]}; refused (--strict)", path=result.path)
    from .validate import gate

    gate(result.tree, output or source)   # never write TEI that fails the project's own rules
    if output is None:
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()
    else:
        outputs.write(output, result.data, force=force)
    if not quiet:
        say(result.report())
        if output is not None:
            say(f"wrote {output}")


def render_file(source: Path, to: str = "html", output: Path | None = None, width: int = 0, force: bool = False,
                check: bool = True) -> None:
    """`tei-edition render`: parse, gate (with check: what it notes, on stderr), render, write to `output` or
    stdout."""
    from . import outputs, render as renderer, xmlio

    if width and to != "text":
        raise UsageError(f"--width wraps the text edition only (use it with --to text, not --to {to})")
    tree = xmlio.parse_file(source)
    if check:
        from .validate import gate

        said = gate(tree, source)
        if said:
            say(f"tei-edition: note: {source}: {said}")
    data = renderer.render(tree, to, **({"width": width} if to == "text" else {}))
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        outputs.write(output, data, force=force)


def validate_files(paths: list[str], schema: str = "project", fmt: str = "text", jobs: int = 1,
                   rules: bool | None = None, output: Path | None = None) -> int:
    """`tei-edition validate`: the report on stdout or in `output`; returns the exit code (0 all valid, 1 not)."""
    from . import xmlio
    from .validate import collect, format_results, validate as run_validate

    for path in paths:   # a wrong path in CI must not pass as "nothing invalid"
        if not collect([path]):
            raise InputError("no TEI files (*.xml) here", path=path)
    results = list(run_validate(paths, schema=schema, jobs=jobs or (os.cpu_count() or 1), rules=rules))
    report = format_results(results, fmt)
    if output is not None:
        xmlio.write_atomic(output, report.encode("utf-8"))
    else:
        sys.stdout.write(report)
        sys.stdout.flush()
    return 0 if all(r.valid for r in results) else 1


def build_folder(sources: Path | str | None = None, output: Path | str | None = None, meta: Path | str | None = None,
                 reconvert: bool = False, force: bool = False, formats: list[str] | None = None, jobs: int = 0,
                 full: bool = False, quiet: bool = False, verbose: bool = False) -> int:
    """`tei-edition build`: progress and notes on stderr while it runs, then the summary; returns the exit code
    (0 built, 1 a document failed or a correction is stale, 2 a usage error of a document's options; an error of
    the whole build raises)."""
    from .build import build as run_build, default_sources
    from .progress import Progress

    if sources is None and not os.path.exists("editions"):
        sources = default_sources()   # creates it: say so, this is the user's folder
        say(f"no editions/ folder here: created {sources}/ with a sample transcript; "
            "to build your own, give their folder: tei-edition build FOLDER")
    progress = Progress(enabled=not quiet and sys.stderr.isatty())
    notes: list[str] = []

    def event(state, path, detail):
        if state == "failed":
            progress.echo(f"failed  {path}: {detail}")
        elif state == "note":
            notes.append(detail)
            if not quiet:
                progress.echo(f"note    {path}: {detail}" if str(path) not in detail else f"note    {detail}")
        elif state == "warning" and not quiet:
            progress.echo(f"warning: {detail}")
        elif verbose and state in ("written", "kept"):
            progress.echo(f"{'kept (edited by hand)' if state == 'kept' else state:<9} {path}")

    try:
        result = run_build(sources, output, force=force, reconvert=reconvert, meta=meta, formats=formats,
                           jobs=jobs or (os.cpu_count() or 1), incremental=not full, on_event=event,
                           on_progress=progress.update)
    finally:   # (an error or Ctrl-C: workers stopped, temporary files removed, manifest saved by build's finally)
        progress.close()
    if not quiet:
        say(_summary(result))
        for path, error in result.failed:
            error_line(f"  failed: {error if str(path) in error else f'{path}: {error}'}")
        if (reconvert or force) and not notes and not result.failed and not result.kept:
            say(f"  {'--reconvert' if reconvert else ''}{' ' if reconvert and force else ''}"
                f"{'--force' if force else ''}: nothing to replace (no TEI built now was edited by hand)")
        _review_summary(result, verbose)
        if result.editions:
            say(f"open {result.out / 'index.html'}")
    stale = sum(ed.get("review", {}).get("stale", 0) for ed in result.editions)
    return 2 if result.usage_errors else 0 if result.ok and not stale else 1


def _summary(result) -> str:
    """What build did, in one line that always names the editions and where they are."""
    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    where = f"{result.out}/"
    if not result.built and not result.failed:
        return f"up to date: {n(result.skipped, 'edition')} in {where} (use --full to rebuild)"
    parts = [f"built {n(result.built, 'edition')}"]
    if result.skipped:
        parts.append(f"{result.skipped} unchanged")
    if result.failed:
        parts.append(f"{len(result.failed)} failed")
    if result.kept:
        parts.append(f"kept {len(result.kept)} hand-edited TEI")
    written = len(result.written)
    files = f"{n(written, 'file')} written in {where}" if written else f"no file in {where} changed"
    return f"{', '.join(parts)} in {result.seconds:.1f} s: {files}"


def _review_summary(result, verbose: bool) -> None:
    """build: one line per document with open questions (review.py), and with -v each of them."""
    from .review import open_items

    for ed in sorted(result.editions, key=lambda e: e["stem"]):
        rv = ed.get("review") or {}
        if not rv.get("open"):
            continue
        kinds = ", ".join(f"{k} {n}" for k, n in rv.get("open_by_kind", {}).items())
        stale = f"; {rv['stale']} stale correction(s)" if rv.get("stale") else ""
        say(f"  review {ed['stem']}: {rv['open']} open question(s) ({kinds}){stale}: {result.out / rv['page']}")
        if verbose:
            for item in open_items(result.out / f"{ed['stem']}.review.json"):
                say(f"    {item}")


def review_files(source: Path | str, meta: Path | str | None = None, output: Path | str | None = None,
                 fmt: str | None = None, set_: list[str] | None = None, editor: str | None = None) -> int:
    """`tei-edition review`: a transcript's decisions (stdout or `output`), a folder's review files, or with
    `set_` corrections added to the sidecar; returns the exit code (1 while a correction is stale)."""
    from pathlib import Path

    from . import review as rv, xmlio
    from .build import discover

    if fmt is not None and fmt not in REVIEW_FORMATS:
        raise UsageError(f"unknown format {fmt!r} ({' | '.join(REVIEW_FORMATS)})")
    source, meta = Path(source), Path(meta) if meta is not None else None
    output = Path(output) if output is not None else None
    stale = 0
    if source.is_dir():
        if set_:
            raise UsageError("--set corrects one transcript: give the transcript, not a folder")
        dest = output or source
        dest.mkdir(parents=True, exist_ok=True)
        for stem, transcript, _tei in discover(source):
            if transcript is None:
                continue
            _conversion, data = rv.review_source(transcript, meta)
            rv.write_review(data, dest, stem)
            stale += data["counts"]["stale_corrections"]
            say(rv.summary_line(data, str(transcript)))
        say(f"open {dest}/NAME.review.html")
        return 1 if stale else 0
    if not source.is_file():
        raise UsageError(f"{source}: no such transcript or folder")
    if set_:
        _result, records = rv.add_corrections(source, set_, meta, editor)
        side = meta or source.with_suffix(".toml")
        for r in records:
            say(f"{side}: [[correction]] {r.index} added and applied: {r.message}")
        return 0
    _conversion, data = rv.review_source(source, meta)
    stale = data["counts"]["stale_corrections"]
    kind = fmt or (output.suffix.lstrip(".") if output is not None and output.suffix in (".json", ".html") else "text")
    payload = {"json": rv.to_json, "html": rv.render_html}.get(kind, lambda d: rv.render_text(d).encode())(data)
    if output is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    else:
        xmlio.write_atomic(output, payload)
        say(f"wrote {output}")
    return 1 if stale else 0

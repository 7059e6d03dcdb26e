"""The `tei-edition` command: each command parses options, calls the library function of the same name and
maps library errors to one line on stderr and an exit code (0 ok, 1 invalid/failed, 2 usage/input)."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import TeiEditionError, UsageError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Plain-text speech transcripts -> TEI P5 -> validated, rendered editions.")

_state = {"debug": False}


def _version(value: bool):
    if value:
        typer.echo(f"tei-edition {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
):
    _state["debug"] = debug


def _fail(err: TeiEditionError) -> None:
    if _state["debug"]:
        raise err
    typer.echo(f"tei-edition: error: {err}", err=True)
    raise typer.Exit(err.exit_code)


def _interrupted() -> None:
    typer.echo("tei-edition: interrupted", err=True)
    raise typer.Exit(130)


@app.command()
def convert(
    source: Annotated[Path, typer.Argument(help="Transcript file (plain text or Markdown), or - for stdin.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="TEI file to write (default: stdout).")] = None,
    meta: Annotated[Optional[Path], typer.Option("--meta", help="META.toml with metadata the text lacks.")] = None,
    style: Annotated[Optional[str], typer.Option("--style", help="dod | whitehouse-md | public-papers (default: detected).")] = None,
    lang: Annotated[Optional[list[str]], typer.Option("--lang", help="Extra candidate language for foreign passages (ISO 639-1); repeatable.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace OUTPUT even if it was edited by hand.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No report on stderr.")] = False,
):
    """Convert one transcript into one TEI P5 document, with a report of what was found on stderr."""
    from . import meta as metadata, outputs
    from .pipeline import convert as convert_bytes, convert_file

    try:
        if str(source) == "-":
            result = convert_bytes(sys.stdin.buffer.read(), meta=metadata.load(meta), style=style,
                                   path="<stdin>", languages=lang)
        else:
            result = convert_file(source, meta_path=meta, style=style, languages=lang)
        from .validate import gate

        gate(result.tree, output or source)   # never write TEI that fails the project's own rules
        if output is None:
            sys.stdout.buffer.write(result.data)
        else:
            outputs.write(output, result.data, force=force)
    except TeiEditionError as err:
        _fail(err)
    if not quiet:
        typer.echo(result.report(), err=True)
        if output is not None:
            typer.echo(f"wrote {output}", err=True)


@app.command()
def build(
    sources: Annotated[Optional[Path], typer.Argument(help="Folder of transcripts and/or TEI files (default: ./editions).")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Output folder (default: SOURCES).")] = None,
    meta: Annotated[Optional[Path], typer.Option("--meta", help="META.toml for every transcript (default: a NAME.toml beside each).")] = None,
    reconvert: Annotated[bool, typer.Option("--reconvert", help="Convert again even where the TEI was edited by hand (needs --force).")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace files edited by hand.")] = False,
    fmt: Annotated[Optional[list[str]], typer.Option("--to", help="Only these formats (repeatable; default: all).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Documents built in parallel (default: the number of cores).")] = 0,
    full: Annotated[bool, typer.Option("--full", help="Rebuild every document, even those whose inputs did not change.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary; only errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every file written.")] = False,
):
    """Build every edition in a folder: transcripts -> TEI -> validation -> HTML, text, Markdown, TSV, index.
    Unchanged documents are skipped; hand-edited TEI is kept and rendered from."""
    from .build import build as run_build
    from .progress import Progress

    progress = Progress(enabled=not quiet and sys.stderr.isatty())

    def event(state, path, detail):
        if state == "failed":
            progress.echo(f"failed  {path}: {detail}")
        elif state == "warning" and not quiet:
            progress.echo(f"warning: {detail}")
        elif verbose and state in ("written", "kept"):
            progress.echo(f"{'kept (edited by hand)' if state == 'kept' else state:<9} {path}")

    try:
        result = run_build(sources, output, force=force, reconvert=reconvert, meta=meta, formats=fmt,
                           jobs=jobs or (os.cpu_count() or 1), incremental=not full, on_event=event,
                           on_progress=progress.update)
    except TeiEditionError as err:
        progress.close()
        _fail(err)
    except KeyboardInterrupt:   # workers stopped, temporary files removed, manifest saved (build's finally)
        progress.close()
        _interrupted()
    progress.close()
    if not quiet:
        typer.echo(f"built {result.built}, skipped {result.skipped} (unchanged), failed {len(result.failed)}"
                   f"{f', kept {len(result.kept)} hand-edited TEI (--reconvert --force replaces them)' if result.kept else ''} "
                   f"in {result.seconds:.1f} s; {len(result.written)} file(s) written to {result.out}/",
                   err=True)
        for path, error in result.failed:
            typer.echo(f"  failed: {error if str(path) in error else f'{path}: {error}'}", err=True)
        if result.editions:
            typer.echo(f"open {result.out / 'index.html'}", err=True)
    raise typer.Exit(0 if result.ok else 1)


@app.command()
def render(
    source: Annotated[Path, typer.Argument(help="A TEI file.")],
    to: Annotated[str, typer.Option("--to", help="html | text | markdown | tsv")] = "html",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write (default: stdout).")] = None,
    width: Annotated[int, typer.Option("--width", help="text: wrap at this many columns (0: unwrapped).")] = 0,
    force: Annotated[bool, typer.Option("--force", help="Replace OUTPUT even if it was edited by hand.")] = False,
    check: Annotated[bool, typer.Option("--check/--no-check", help="Validate the TEI first (the gate).")] = True,
):
    """Render one TEI file into an edition format with the XSLT writers."""
    from . import outputs, render as renderer, xmlio
    from .validate import gate

    try:
        tree = xmlio.parse_file(source)
        if check:
            gate(tree, source)
        data = renderer.render(tree, to, **({"width": width} if to == "text" else {}))
        if output is None:
            sys.stdout.buffer.write(data)
        else:
            outputs.write(output, data, force=force)
    except TeiEditionError as err:
        _fail(err)


@app.command()
def validate(
    paths: Annotated[list[str], typer.Argument(help="TEI files, folders (recursively, *.xml) or globs.")],
    schema: Annotated[str, typer.Option("--schema", help="project | tei-all | FILE.rng | FILE.xsd. tei-all reads "
                                        "the grammar from $TEI_EDITION_TEI_ALL.")] = "project",
    fmt: Annotated[str, typer.Option("--format", help="text | json | junit | github")] = "text",
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Files validated in parallel (0: one per core).")] = 1,
    rules: Annotated[Optional[bool], typer.Option("--rules/--no-rules", help="Run the content rules "
                                                  "(default: with the project schema only).")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the report to a file.")] = None,
):
    """Validate TEI files: exit 0 when all are valid, 1 when any is invalid, 2 on a usage or I/O error."""
    from .validate import format_results, validate as run_validate
    from . import xmlio

    if fmt not in ("text", "json", "junit", "github"):
        _fail(UsageError(f"unknown format {fmt!r} (text | json | junit | github)"))
    try:
        results = list(run_validate(paths, schema=schema, jobs=jobs or (os.cpu_count() or 1), rules=rules))
        report = format_results(results, fmt)
        if output is not None:
            xmlio.write_atomic(output, report.encode("utf-8"))
        else:
            typer.echo(report, nl=False)
    except TeiEditionError as err:
        _fail(err)
    except KeyboardInterrupt:
        _interrupted()
    raise typer.Exit(0 if all(r.valid for r in results) else 1)


@app.command()
def conventions(
    fmt: Annotated[str, typer.Option("--format", help="markdown | tsv")] = "markdown",
):
    """Print the conventions table (source form -> TEI form -> how each edition shows it)."""
    from .docs import conventions_table

    if fmt not in ("markdown", "tsv"):
        _fail(UsageError(f"unknown format {fmt!r} (markdown | tsv)"))
    typer.echo(conventions_table(fmt), nl=False)


@app.command()
def docs(
    folder: Annotated[Path, typer.Argument(help="Where to write the generated documentation.")] = Path("docs"),
    check: Annotated[bool, typer.Option("--check", help="Only check that the files are up to date (exit 1 if not).")] = False,
):
    """Write the documentation generated from the code: the conventions table and the schema reference."""
    from . import xmlio
    from .docs import DOCS

    stale = []
    for name, make in DOCS.items():
        path = folder / name
        text = make()
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path)
        if not check:
            xmlio.write_atomic(path, text.encode("utf-8"))
            typer.echo(f"wrote {path}", err=True)
    if check and stale:
        typer.echo("stale: " + ", ".join(map(str, stale)) + " (run tei-edition docs)", err=True)
        raise typer.Exit(1)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("tei-edition: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()

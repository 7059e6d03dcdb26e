"""The `tei-edition` command: each command parses options, calls the library function of the same name and
maps library errors to one line on stderr and an exit code (0 ok, 1 invalid/failed, 2 usage/input).

Adding a command is one decorated function: options with a fixed set of values take `**_choices(...)` (the
values listed in --help, completed by the shell, a wrong value refused in plain words), and `epilog=_examples(
...)` gives it its examples. The generated reference, docs/cli.md, is built from this help (tei/docs.py).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__, commands, start
from .errors import TeiEditionError, UsageError

from .render import WRITERS
from .source import STYLES

FORMATS = tuple(WRITERS)
REPORT_FORMATS = commands.REPORT_FORMATS


def _colour() -> bool:
    """Rich help and coloured errors on a terminal; plain text when piped, with NO_COLOR or TERM=dumb."""
    return (sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb")


_RICH = _colour()
app = typer.Typer(add_completion=True, no_args_is_help=True, rich_markup_mode="rich" if _RICH else None,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Plain-text speech transcripts -> TEI P5 -> validated, rendered editions.",
                  epilog="Examples:\n\n  tei-edition build            # the editions in ./editions\n\n"
                         "  tei-edition convert speech.txt -o speech.xml\n\n  tei-edition COMMAND -h")

_state = {"debug": False}


def _plain_argument_names() -> None:
    """Recent typer prints an argument as `{source}` in the usage line and `SOURCE <path>` in the help, and a
    flag as `--force <bool>`; show the metavar alone, as click and argparse do (SOURCE, [FOLDER], PATH...), and
    flags bare. No-op on typers without these methods."""
    core = getattr(typer, "core", None)
    arg, opt = getattr(core, "TyperArgument", None), getattr(core, "TyperOption", None)
    if arg is None or opt is None or not hasattr(arg, "_usage_display_name"):
        return

    def usage(self) -> str:
        name = self.display_name_raw
        if self.nargs != 1 and not name.endswith("..."):
            name += "..."
        return name if self.required else f"[{name}]"

    def shown_type(self, ctx):
        return None if self.metavar is not None else original(self, ctx)

    def option_type(self, ctx):
        return None if self.is_flag else original_option(self, ctx)

    original, original_option = arg.display_type_rich, opt.display_type_rich
    arg._usage_display_name = usage
    arg.display_type_rich = shown_type
    opt.display_type_rich = option_type


_plain_argument_names()


# --- option helpers -----------------------------------------------------------------------------------------
def _choices(values, *, comma: bool = False) -> dict:
    """Option settings for a fixed set of values: listed in the help, completed by the shell, and a wrong
    value refused in plain words. With comma=True, `a,b` is accepted as well as a repeated option."""
    values = tuple(values)

    def parse(text: str):
        items = [v.strip() for v in text.split(",")] if comma else [text]
        for item in items:
            if item not in values:
                raise typer.BadParameter(f"{item!r} is not one of {', '.join(values)}")
        return items if comma else text

    metavar = "|".join(values)
    return {"parser": parse, "metavar": f"[{metavar}]{',...' if comma else ''}",
            "autocompletion": lambda incomplete: [v for v in values if v.startswith(incomplete)]}


def _count(text: str) -> int:
    """--jobs: 0 (one per core) or more."""
    n = start.count(text)   # the rule lives once, in the light entry point; here the refusal is worded
    if n is not None:
        return n
    try:
        n = int(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a whole number (give 0 for one per core, or 1, 2, ...)") from None
    raise typer.BadParameter(f"{n} is negative (give 0 for one per core, or 1, 2, ...)")


def _width(text: str) -> int:
    n = start.width(text)   # the rule lives once, in the light entry point
    if n is None:
        if not text.strip().lstrip("+-").isdigit():
            raise typer.BadParameter(f"{text!r} is not a whole number of columns (0: unwrapped)")
        raise typer.BadParameter(f"{int(text)} columns: give 0 (unwrapped) or {start.MIN_WIDTH} or more")
    return n


def _language(text: str) -> str:
    """--lang: an ISO 639-1 code the language identifier knows; a language name gets its code suggested."""
    from .conventions import LANGUAGE_NAMES, LANGUAGES   # imported when --lang is given, not for every command
    from .language import _LINGUA_NAMES

    code = text.strip().lower()
    known = sorted(set(LANGUAGE_NAMES) & set(_LINGUA_NAMES))   # names the formulas know, lingua can't use
    if code in known:
        return code
    hint = f"; for {text} use --lang {LANGUAGES[code]}" if code in LANGUAGES else ""
    raise typer.BadParameter(f"{text!r} is not a known language code{hint} (known: {', '.join(known)})")


def _schema(text: str) -> str:
    if start.schema(text) is not None:   # the rule lives once, in the light entry point
        return text
    raise typer.BadParameter(f"{text!r} is not project, tei-all or a .rng/.xsd file")


def _examples(*lines: str) -> str:
    """The examples at the end of a command's --help: one paragraph each, so that neither click nor rich
    joins them (keep each under 76 characters)."""
    return "Examples:\n\n" + "\n\n".join(f"  {line}" for line in lines)


JOBS_HELP = "Worker processes in parallel (0: one per core)."


# --- commands -----------------------------------------------------------------------------------------------
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
    _error(f"tei-edition: error: {err}")
    raise typer.Exit(err.exit_code)


def _error(message: str) -> None:
    from .commands import error_line   # (the light path's too: one wording and colour)

    error_line(message)


def _interrupted() -> None:
    typer.echo("tei-edition: interrupted", err=True)
    raise typer.Exit(130)


@app.command(epilog=_examples("tei-edition convert speech.txt -o speech.xml",
                              "tei-edition convert speech.txt --meta speech.toml --lang fr > speech.xml",
                              "curl -s URL | tei-edition convert - --strict -o speech.xml"))
def convert(
    source: Annotated[Path, typer.Argument(metavar="SOURCE", show_default=False,
                                           help="Transcript file (plain text or Markdown), or - for stdin.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", metavar="FILE",
                                                   help="TEI file to write (default: stdout).")] = None,
    meta: Annotated[Optional[Path], typer.Option("--meta", metavar="META.toml",
                                                 help="Metadata the text lacks.")] = None,
    style: Annotated[Optional[str], typer.Option("--style", help="Source style (default: detected).",
                                                 **_choices(STYLES))] = None,
    lang: Annotated[Optional[list[str]], typer.Option("--lang", metavar="CODE", parser=_language,
                                                      help="Extra candidate language for foreign passages "
                                                      "(ISO 639-1: fr, es, de, ...); repeatable.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE even if it was edited by hand.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Refuse (exit 2) input that does not look like a "
                                         "transcript, instead of converting it with a warning.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No report on stderr.")] = False,
):
    """Convert one transcript into one TEI P5 document, with a report of what was found on stderr."""
    from .commands import convert_file

    try:
        convert_file(source, output=output, meta=meta, style=style, languages=lang, force=force, strict=strict,
                     quiet=quiet)
    except TeiEditionError as err:
        _fail(err)


@app.command(epilog=_examples("tei-edition build                       # ./editions",
                              "tei-edition build transcripts/ -o site/ --to html,text -j 2"))
def build(
    sources: Annotated[Optional[Path], typer.Argument(metavar="FOLDER", show_default=False,
                                                      help="Folder of transcripts and/or TEI files "
                                                      "(default: ./editions).")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", metavar="FOLDER",
                                                   help="Output folder (default: the sources' folder).")] = None,
    meta: Annotated[Optional[Path], typer.Option("--meta", metavar="META.toml", help="Metadata for every "
                                                 "transcript (default: a NAME.toml beside each).")] = None,
    reconvert: Annotated[bool, typer.Option("--reconvert", help="Convert again even where the TEI was edited "
                                            "by hand (needs --force).")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace files edited by hand.")] = False,
    fmt: Annotated[Optional[list[str]], typer.Option("--to", help="Only these formats (a comma list or "
                                                     "repeated; default: all).", **_choices(FORMATS, comma=True))] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", metavar="N", parser=_count, show_default=False,
                                      help=JOBS_HELP)] = 0,
    full: Annotated[bool, typer.Option("--full", help="Rebuild every document, even those whose inputs did "
                                       "not change.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary; only errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every file written.")] = False,
):
    """Build every edition in a folder: transcripts -> TEI -> validation -> HTML, text, Markdown, TSV, index.
    Unchanged documents are skipped; hand-edited TEI is kept and rendered from."""
    from .commands import build_folder

    try:
        code = build_folder(sources, output, meta=meta, reconvert=reconvert, force=force,
                            formats=[f for group in fmt for f in group] if fmt else None, jobs=jobs, full=full,
                            quiet=quiet, verbose=verbose)
    except TeiEditionError as err:
        _fail(err)
    except KeyboardInterrupt:   # workers stopped, temporary files removed, manifest saved (build's finally)
        _interrupted()
    raise typer.Exit(code)


@app.command(epilog=_examples("tei-edition review speech.txt",
                              "tei-edition review editions/ --format html",
                              "tei-edition review speech.txt --set 'at=\"sp7.p2\", speaker=\"carter\"'"))
def review(
    source: Annotated[Path, typer.Argument(metavar="SOURCE|FOLDER", show_default=False,
                                           help="A transcript, or a folder of transcripts.")],
    meta: Annotated[Optional[Path], typer.Option("--meta", metavar="NAME.toml", help="The sidecar (default: NAME.toml beside the transcript).")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", metavar="FILE", help="Transcript: the file to write (.json or .html). Folder: where NAME.review.json/.html go (default: the folder).")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", help="Default: text on stdout; from -o's suffix.",
                                               **_choices(commands.REVIEW_FORMATS))] = None,
    set_: Annotated[Optional[list[str]], typer.Option("--set", metavar="PAIRS", help="Add a correction to the sidecar: TOML pairs, e.g. 'paragraph=\"Thank you\", speaker=\"carter\"' or 'at=\"sp7.p2\", speaker=\"carter\"'; repeatable.")] = None,
    editor: Annotated[Optional[str], typer.Option("--editor", metavar="NAME", help="With --set: the editor's name, written to [edition] when the sidecar has none.")] = None,
):
    """Every decision made by inference, riskiest first, with source line, evidence and certainty; --set
    records a correction in the sidecar, applied at every conversion. Exit 1 while a correction is stale."""
    from .commands import review_files

    try:
        code = review_files(source, meta=meta, output=output, fmt=fmt, set_=set_, editor=editor)
    except TeiEditionError as err:
        _fail(err)
    raise typer.Exit(code)


@app.command(epilog=_examples("tei-edition render speech.xml -o speech.html",
                              "tei-edition render speech.xml --to text --width 72"))
def render(
    source: Annotated[Path, typer.Argument(metavar="TEI.xml", show_default=False, help="A TEI file.")],
    to: Annotated[str, typer.Option("--to", help="Edition format.", **_choices(FORMATS))] = "html",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", metavar="FILE",
                                                   help="File to write (default: stdout).")] = None,
    width: Annotated[int, typer.Option("--width", metavar="COLUMNS", parser=_width,
                                       help="text: wrap at this many columns (0: unwrapped).")] = 0,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE even if it was edited by hand.")] = False,
    check: Annotated[bool, typer.Option("--check/--no-check", help="Validate the TEI first (the gate).")] = True,
):
    """Render one TEI file into an edition format with the XSLT writers."""
    from .commands import render_file   # also the light entry point's (tei/start.py): one body for both

    try:
        render_file(source, to, output, width, force, check)
    except TeiEditionError as err:
        _fail(err)


@app.command(epilog=_examples("tei-edition validate editions/",
                              "tei-edition validate 'tei/**/*.xml' --format github -j 0"))
def validate(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", show_default=False,
                                               help="TEI files, folders (recursively, *.xml) or globs.")],
    schema: Annotated[str, typer.Option("--schema", metavar="project|tei-all|FILE", parser=_schema,
                                        autocompletion=lambda incomplete: [v for v in ("project", "tei-all")
                                                                           if v.startswith(incomplete)],
                                        help="project (this project's customization), tei-all (the grammar "
                                        "named by $TEI_EDITION_TEI_ALL) or a .rng/.xsd file.")] = "project",
    fmt: Annotated[str, typer.Option("--format", help="Report format.", **_choices(REPORT_FORMATS))] = "text",
    jobs: Annotated[int, typer.Option("--jobs", "-j", metavar="N", parser=_count, help=JOBS_HELP)] = 1,
    rules: Annotated[Optional[bool], typer.Option("--rules/--no-rules", help="Run the content rules "
                                                  "(default: with the project schema only).")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", metavar="FILE",
                                                   help="Write the report to a file.")] = None,
):
    """Validate TEI files: exit 0 when all are valid, 1 when any is invalid, 2 on a usage or I/O error
    (a path with no TEI file in it is one)."""
    try:
        code = commands.validate_files(paths, schema=schema, fmt=fmt, jobs=jobs, rules=rules, output=output)
    except TeiEditionError as err:
        _fail(err)
    except KeyboardInterrupt:
        _interrupted()
    raise typer.Exit(code)


@app.command(epilog=_examples("tei-edition conventions", "tei-edition conventions --format tsv > conventions.tsv"))
def conventions(
    fmt: Annotated[str, typer.Option("--format", help="Table format.", **_choices(("markdown", "tsv")))] = "markdown",
):
    """Print the conventions table: each source form, the TEI the encoder emits for it, and how each edition
    shows it."""
    from .docs import conventions_table

    typer.echo(conventions_table(fmt), nl=False)


@app.command(epilog=_examples("tei-edition evaluate", "tei-edition evaluate --misses",
                              "tei-edition evaluate tests/data/gold --corpus ../shared/corpus --format json"))
def evaluate(
    gold: Annotated[Optional[Path], typer.Argument(metavar="[GOLD_DIR]", show_default=False, help="Folder of gold TOML files (default: the repository's tests/data/gold).")] = None,
    corpus: Annotated[Optional[Path], typer.Option("--corpus", metavar="DIR", help="Corpus the gold sources are relative to (default: $TEI_EDITION_SHARED/corpus or ../shared/corpus).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="Report format.", **_choices(("text", "json")))] = "text",
    misses: Annotated[bool, typer.Option("--misses", help="List every miss: file, where, expected, got.")] = False,
):
    """Measure accuracy against hand-made gold: labels, attribution, header fields, remarks, foreign passages.
    Exit 0 whatever the figures; 2 when the gold or the corpus cannot be read."""
    from . import evaluate as ev

    if fmt not in ("text", "json"):
        _fail(UsageError(f"unknown format {fmt!r} (text | json)"))
    try:
        result = ev.evaluate_gold(gold or ev.REPO / "tests" / "data" / "gold", corpus or ev.default_corpus())
    except TeiEditionError as err:
        _fail(err)
    typer.echo(ev.format_json(result) if fmt == "json" else ev.format_text(result, misses), nl=False)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("tei-edition: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()

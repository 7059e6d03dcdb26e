"""The `tei-edition` entry point: a plain `build`, `convert`, `render`, `review` or `validate` is served without
loading the command-line framework.

Typer (with click, rich and, for its option coercion, pydantic) costs more to import than rendering the seed
or validating it takes, and about 0.15 s of a `convert` or a `build`. Such a command line made only of its
options in their usual spellings (each at most once, every value valid: see COMMANDS) is run here; anything
else (help, completion, an unknown or repeated option, a wrong value, another command, stdin) goes to the typer
app in tei/cli.py, which therefore still writes every usage message. The commands' work is `build_folder`,
`convert_file`, `render_file`, `review_files` and `validate_files`, shared with the typer app's commands: both paths write the
same bytes and print the same lines (tests/test_start.py).
"""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from .errors import InputError, TeiEditionError, UsageError

if TYPE_CHECKING:
    from pathlib import Path

REPORT_FORMATS = ("text", "json", "junit", "github")   # validate --format


class Command:
    """What the light path accepts of one command: flags (name -> (argument, value)), options with a value
    (name -> argument), each value's check (None: refused, the typer app then says why), and how many paths
    (`optional`: none is allowed too); options in `repeated` may be given again, their values in a list."""

    def __init__(self, flags: dict, valued: dict, checks: dict, paths: str, many: bool, optional: bool = False,
                 repeated: tuple = ()):
        self.flags, self.valued, self.checks, self.paths, self.many = flags, valued, checks, paths, many
        self.optional, self.repeated = optional, repeated


def path_text(value: str) -> str:
    """A path as the typer app prints it (str of a pathlib.Path: no '.' parts, no repeated or trailing
    slashes), without importing pathlib: about 4 ms of the light path's start (with urllib.parse, which
    pathlib imports). tests/test_start.py holds it to str(Path(value))."""
    root = "//" if value.startswith("//") and not value.startswith("///") else "/" if value.startswith("/") else ""
    parts = [part for part in value.split("/") if part and part != "."]
    return root + "/".join(parts) or "."


def _writer(value: str):
    from .render import WRITERS

    return value if value in WRITERS else None


def schema(value: str) -> str | None:
    """--schema: project, tei-all or a .rng/.xsd file (cli._schema words the refusal)."""
    return value if value in ("project", "tei-all") or value.endswith((".rng", ".xsd")) else None


def count(value: str) -> int | None:
    """--jobs: 0 (one per core) or more (cli._count words the refusal)."""
    try:
        n = int(value)
    except ValueError:
        return None
    return n if n >= 0 else None


def _formats(value: str) -> list[str] | None:
    """build --to: a comma list of formats (cli._choices words the refusal)."""
    from .render import WRITERS

    items = [v.strip() for v in value.split(",")]
    return items if all(item in WRITERS for item in items) else None


def _style(value: str) -> str | None:
    from .source import STYLES

    return value if value in STYLES else None


COMMANDS = {
    "review": Command({}, {"--meta": "meta", "-o": "output", "--output": "output", "--format": "fmt", "--set": "set_",
                           "--editor": "editor"},
                      {"meta": path_text, "output": path_text,
                       "fmt": lambda v: v if v in ("text", "json", "html") else None}, "source", many=False,
                      repeated=("set_",)),
    "build": Command({"--reconvert": ("reconvert", True), "--force": ("force", True), "--full": ("full", True),
                      "--quiet": ("quiet", True), "-q": ("quiet", True), "--verbose": ("verbose", True),
                      "-v": ("verbose", True)},
                     {"-o": "output", "--output": "output", "--meta": "meta", "--to": "formats", "-j": "jobs",
                      "--jobs": "jobs"},
                     {"output": path_text, "meta": path_text, "formats": _formats, "jobs": count}, "sources",
                     many=False, optional=True),
    "convert": Command({"--force": ("force", True), "--strict": ("strict", True), "--quiet": ("quiet", True),
                        "-q": ("quiet", True)},
                       {"-o": "output", "--output": "output", "--meta": "meta", "--style": "style"},
                       {"output": path_text, "meta": path_text, "style": _style}, "source", many=False),
    "render": Command({"--force": ("force", True), "--check": ("check", True), "--no-check": ("check", False)},
                      {"--to": "to", "-o": "output", "--output": "output", "--width": "width"},
                      {"to": _writer, "width": lambda v: width(v), "output": path_text}, "source", many=False),
    "validate": Command({"--rules": ("rules", True), "--no-rules": ("rules", False)},
                        {"--schema": "schema", "--format": "fmt", "-j": "jobs", "--jobs": "jobs", "-o": "output",
                         "--output": "output"},
                        {"schema": schema, "fmt": lambda v: v if v in REPORT_FORMATS else None, "jobs": count,
                         "output": path_text}, "paths", many=True),
}


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
        print(result.report(), file=sys.stderr, flush=True)
        if output is not None:
            print(f"wrote {output}", file=sys.stderr, flush=True)


def error_line(message: str) -> None:
    """An error on stderr, red on a terminal unless $NO_COLOR (what typer.secho(fg="red") writes: the test
    holds the two to the same bytes)."""
    colour = not os.environ.get("NO_COLOR") and sys.stderr.isatty()
    print(f"\x1b[31m{message}\x1b[0m" if colour else message, file=sys.stderr, flush=True)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


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

    if fmt not in (None, "text", "json", "html"):
        raise UsageError(f"unknown format {fmt!r} (text | json | html)")
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


def render_file(source: Path, to: str = "html", output: Path | None = None, width: int = 0, force: bool = False,
                check: bool = True, note=None) -> None:
    """`tei-edition render`: parse, gate (with check), render, write to `output` or stdout."""
    from . import outputs, render as renderer, xmlio

    if width and to != "text":
        raise UsageError(f"--width wraps the text edition only (use it with --to text, not --to {to})")
    tree = xmlio.parse_file(source)
    if check:
        from .validate import gate

        said = gate(tree, source)
        if said and note is not None:
            note(f"tei-edition: note: {source}: {said}")
    data = renderer.render(tree, to, **({"width": width} if to == "text" else {}))
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        outputs.write(output, data, force=force)


MIN_WIDTH = 20   # --width: 0 (unwrapped) or at least this many columns


def width(text: str) -> int | None:
    """--width's value, or None when refused (cli._width says why; here the typer app is then run to say it)."""
    try:
        n = int(text)
    except ValueError:
        return None
    return n if n == 0 or n >= MIN_WIDTH else None


def render_args(argv: list[str]) -> dict | None:
    """The keyword arguments of render_file for a plain `render` command line; None for anything else."""
    return command_args(argv, "render")


def command_args(argv: list[str], name: str | None = None) -> dict | None:
    """The keyword arguments of the light path's function for a plain command line (of `name` when given);
    None for anything else."""
    if not argv or argv[0] not in COMMANDS or (name and argv[0] != name) \
            or any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None
    spec = COMMANDS[argv[0]]
    args: dict = {}
    sources: list[str] = []
    rest = argv[1:]
    i = 0
    while i < len(rest):
        token = rest[i]
        i += 1
        if not token.startswith("-"):
            sources.append(token)
            continue
        option, eq, value = token.partition("=") if token.startswith("--") else (token, "", "")
        if option in spec.flags and not eq:
            key, flag = spec.flags[option]
            if key in args:
                return None
            args[key] = flag
            continue
        if option not in spec.valued or (spec.valued[option] in args and spec.valued[option] not in spec.repeated):
            return None
        if not eq:
            if i >= len(rest) or rest[i].startswith("-"):
                return None
            value = rest[i]
            i += 1
        key = spec.valued[option]
        value = spec.checks[key](value) if key in spec.checks else value
        if value is None:
            return None
        args[key] = [*args.get(key, []), value] if key in spec.repeated else value
    if (not sources and not spec.optional) or (len(sources) > 1 and not spec.many):
        return None
    if not sources:
        return args
    return {spec.paths: sources if spec.many else path_text(sources[0]), **args}


def validate_files(paths: list[str], schema: str = "project", fmt: str = "text", jobs: int = 1,
                   rules: bool | None = None, output: Path | None = None) -> int:
    """`tei-edition validate`: the report on stdout or in `output`; returns the exit code (0 all valid, 1 not)."""
    from . import xmlio
    from .errors import InputError
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


def main() -> None:
    args = command_args(sys.argv[1:])
    if args is None:
        from .cli import main as full

        return full()
    try:
        if sys.argv[1] == "validate":
            sys.exit(validate_files(**args))
        if sys.argv[1] == "convert":
            return convert_file(**args)
        if sys.argv[1] == "build":
            sys.exit(build_folder(**args))
        if sys.argv[1] == "review":
            sys.exit(review_files(**args))
        render_file(**args, note=lambda line: print(line, file=sys.stderr, flush=True))
    except TeiEditionError as err:
        error_line(f"tei-edition: error: {err}")
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        print("tei-edition: interrupted", file=sys.stderr, flush=True)
        sys.exit(130)
    return None


if __name__ == "__main__":
    main()

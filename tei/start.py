"""The `tei-edition` entry point: a plain `build`, `convert`, `render`, `review` or `validate` is served without
loading the command-line framework.

Typer (with click, rich and, for its option coercion, pydantic) costs more to import than rendering the seed
or validating it takes, and about 0.15 s of a `convert` or a `build`. Such a command line made only of its
options in their usual spellings (each at most once, every value valid: see COMMANDS) is run here; anything
else (help, completion, an unknown or repeated option, a wrong value, another command, stdin) goes to the typer
app in tei/cli.py, which therefore still writes every usage message. The commands' work is in tei/commands.py,
shared with the typer app: both paths write the same bytes and print the same lines (tests/test_start.py).
"""
from __future__ import annotations

import os
import sys

from . import commands
from .commands import REPORT_FORMATS, REVIEW_FORMATS
from .errors import TeiEditionError


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
                       "fmt": lambda v: v if v in REVIEW_FORMATS else None}, "source", many=False,
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


MIN_WIDTH = 20   # --width: 0 (unwrapped) or at least this many columns


def width(text: str) -> int | None:
    """--width's value, or None when refused (cli._width says why; here the typer app is then run to say it)."""
    try:
        n = int(text)
    except ValueError:
        return None
    return n if n == 0 or n >= MIN_WIDTH else None


def render_args(argv: list[str]) -> dict | None:
    """The keyword arguments of commands.render_file for a plain `render` command line; None for anything else."""
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


RUN = {"build": commands.build_folder, "convert": commands.convert_file, "render": commands.render_file,
       "review": commands.review_files, "validate": commands.validate_files}   # the work of each of COMMANDS


def main() -> None:
    args = command_args(sys.argv[1:])
    if args is None:
        from .cli import main as full

        return full()
    try:
        code = RUN[sys.argv[1]](**args)
    except TeiEditionError as err:
        commands.error_line(f"tei-edition: error: {err}")
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        commands.say("tei-edition: interrupted")
        sys.exit(130)
    sys.exit(code or 0)


if __name__ == "__main__":
    main()

"""The `tei-edition` entry point: a plain `render` is served without loading the command-line framework.

Typer (with click, rich and, for its option coercion, pydantic) costs more to import than rendering the seed
takes. A `render` command line made only of its options in their usual spellings (TEI.xml, --to, -o/--output,
--width, --force, --check/--no-check, each at most once, every value valid) is run here; anything else (help,
completion, an unknown or repeated option, a wrong value, another command) goes to the typer app in
tei/cli.py, which therefore still writes every usage message. The command's work is `render_file`, shared
with cli.render: both paths render the same bytes and print the same lines.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import TeiEditionError, UsageError

FLAGS = {"--force": ("force", True), "--check": ("check", True), "--no-check": ("check", False)}
VALUED = {"--to": "to", "-o": "output", "--output": "output", "--width": "width"}


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
    if not argv or argv[0] != "render" or any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None
    from .render import WRITERS

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
        name, eq, value = token.partition("=") if token.startswith("--") else (token, "", "")
        if name in FLAGS and not eq:
            key, flag = FLAGS[name]
            if key in args:
                return None
            args[key] = flag
            continue
        if name not in VALUED or VALUED[name] in args:
            return None
        if not eq:
            if i >= len(rest) or rest[i].startswith("-"):
                return None
            value = rest[i]
            i += 1
        key = VALUED[name]
        if key == "to" and value not in WRITERS:
            return None
        if key == "width":
            value = width(value)
            if value is None:
                return None
        args[key] = Path(value) if key == "output" else value
    if len(sources) != 1:
        return None
    return {"source": Path(sources[0]), **args}


def main() -> None:
    args = render_args(sys.argv[1:])
    if args is None:
        from .cli import main as full

        return full()
    try:
        render_file(**args, note=lambda line: print(line, file=sys.stderr, flush=True))
    except TeiEditionError as err:
        from .cli import _error   # the error path may load typer: the line and colour are the app's own

        _error(f"tei-edition: error: {err}")
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        print("tei-edition: interrupted", file=sys.stderr, flush=True)
        sys.exit(130)
    return None


if __name__ == "__main__":
    main()

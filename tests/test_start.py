"""The light entry point (tei/start.py): a plain `render` runs without typer and gives what the typer app gives
(bytes, stderr, exit code); every other command line goes to the typer app unchanged."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from tei.start import command_args, render_args

SEED_TEI = REPO / "editions" / "dod-2016-01-21-carter-ecole-militaire.xml"
FIXTURES = REPO / "tests" / "fixtures" / "tei"
LIGHT = "import atexit, sys; atexit.register(lambda: print(sorted(m for m in ('typer', 'click', 'pydantic', " \
        "'xmlschema', 'lingua', 'rich', 'tei.pipeline') if m in sys.modules), file=sys.stderr)); " \
        "from tei.start import main; main()"   # (main ends with sys.exit: the list is printed at exit)


def run(entry: str, args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    code = LIGHT if entry == "light" else "from tei.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, check=False)


@pytest.mark.parametrize("args", [
    ["render", str(SEED_TEI), "--to", "text", "--no-check"],
    ["render", str(SEED_TEI), "--to=html"],
    ["render", str(SEED_TEI), "--to", "text", "--width", "72", "--check"],
    ["render", str(next(FIXTURES.glob("*.xml"))), "--to", "markdown"],   # a note on stderr (not our TEI)
    ["render", str(SEED_TEI), "--to", "html", "--width", "72"],         # a usage error of the command
    ["render", "missing.xml", "--to", "text"],                           # an input error
])
def test_light_render_matches_the_typer_app(args, tmp_path):
    light, full = run("light", args, tmp_path), run("full", args, tmp_path)
    assert light.returncode == full.returncode
    assert light.stdout == full.stdout
    # the last line lists what the light path imported of the heavy modules (printed at exit)
    said, loaded = light.stderr.decode().rstrip("\n").rpartition("\n")[::2]
    if light.returncode == 0:
        assert loaded == "[]", f"the light path imported {loaded}"
    assert (said + "\n" if said else "") == full.stderr.decode()


def test_light_render_writes_the_same_file(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    args = ["render", str(SEED_TEI), "--to", "text", "-o", "out.txt"]
    assert run("light", args, tmp_path / "a").returncode == 0
    assert run("full", args, tmp_path / "b").returncode == 0
    assert (tmp_path / "a" / "out.txt").read_bytes() == (tmp_path / "b" / "out.txt").read_bytes()


@pytest.mark.parametrize("argv", [
    [], ["--help"], ["render", "--help"], ["render", "-h"], ["--debug", "render", "x.xml"], ["convert", "x.txt"],
    ["render"], ["render", "a.xml", "b.xml"], ["render", "x.xml", "--to", "docx"], ["render", "x.xml", "--to"],
    ["render", "x.xml", "--width", "5"], ["render", "x.xml", "--width", "wide"], ["render", "x.xml", "--force", "--force"],
    ["render", "x.xml", "-o", "a", "--output", "b"], ["render", "x.xml", "--unknown"], ["render", "-"],
    ["render", "x.xml", "--to", "-o"], ["render", "x.xml", "--"], ["render", "x.xml", "--force=yes"],
])
def test_anything_but_a_plain_render_goes_to_the_typer_app(argv):
    assert render_args(argv) is None


def test_plain_render_arguments_are_parsed_as_the_app_does():
    # paths as strings, spelt as the app's Paths print them (the light path never imports pathlib)
    assert render_args(["render", "./x.xml", "--to", "text", "--width=0", "-o", "out//o.txt", "--no-check",
                        "--force"]) \
        == {"source": "x.xml", "to": "text", "width": 0, "output": "out/o.txt", "check": False, "force": True}
    assert render_args(["render", "--to", "tsv", "x.xml"]) == {"source": "x.xml", "to": "tsv"}


@pytest.mark.parametrize("spelling", ["x.xml", "./x.xml", "a//b/", "/", "//", "///a", "//a/b", "a/./b/.", "..",
                                      "../a", ".", "./", "a/../b", "~/x", " a b ", "", "a/.b/..c/"])
def test_a_path_is_printed_as_the_app_prints_it(spelling):
    from tei.start import path_text

    assert path_text(spelling) == str(Path(spelling))


def test_the_light_render_path_never_imports_pathlib(tmp_path):
    """pathlib (with urllib.parse and ipaddress, which it imports) is about 4 ms of a 50 ms render. (With the
    gate, the default, the validator's own imports outweigh it: only --no-check is held to this.)"""
    code = "import sys; from tei.start import main\ntry:\n    main()\nfinally:\n    print(sorted(m for m in " \
           "('pathlib', 'urllib.parse', 'typer') if m in sys.modules), file=sys.stderr)"
    for args in (["--to", "text", "--no-check", "-o", "o.txt"], ["--to", "html", "--no-check"]):
        done = subprocess.run([sys.executable, "-c", code, "render", str(SEED_TEI), *args], cwd=tmp_path,
                              capture_output=True, check=False)
        assert done.returncode == 0, done.stderr
        assert done.stderr.decode().strip().splitlines()[-1] == "[]", done.stderr


def test_completion_goes_to_the_typer_app(monkeypatch):
    monkeypatch.setenv("_TEI_EDITION_COMPLETE", "complete_bash")
    assert render_args(["render", "x.xml"]) is None


LIGHT_AT_EXIT = "import atexit, sys; atexit.register(lambda: print(sorted(m for m in ('typer', 'click', " \
    "'pydantic', 'rich') if m in sys.modules), file=sys.stderr)); from tei.start import main; main()"
INVALID = "tests/fixtures/tei/teic-p4-carol.xml"   # TEI P4: refused by validate (exit 1)


@pytest.mark.parametrize("args", [
    ["validate", str(SEED_TEI)],
    ["validate", str(SEED_TEI), "--format", "json"],
    ["validate", str(SEED_TEI), str(REPO / INVALID), "--format=junit", "--no-rules"],
    ["validate", str(FIXTURES), "-j", "2", "--format", "github"],
    ["validate", str(SEED_TEI), "--schema", "project", "--rules"],
    ["validate", "missing.xml"],                                        # an input error: exit 2
    ["validate", str(SEED_TEI), "--schema", "grammar.txt"],             # a usage error: the app words it
    ["validate", str(SEED_TEI), "-j", "-1"],
])
def test_light_validate_matches_the_typer_app(args, tmp_path):
    light = subprocess.run([sys.executable, "-c", LIGHT_AT_EXIT, *args], cwd=tmp_path, capture_output=True)
    full = run("full", args, tmp_path)
    assert light.returncode == full.returncode
    assert light.stdout == full.stdout
    # validate ends with sys.exit: the modules loaded are listed at exit, on the last line
    said, loaded = light.stderr.decode().rstrip("\n").rpartition("\n")[::2]
    if light.returncode in (0, 1):
        assert not {"typer", "click", "pydantic", "rich"} & set(eval(loaded)), loaded
    assert (said + "\n" if said else "") == full.stderr.decode()


def test_light_validate_writes_the_same_report_file(tmp_path):
    for side in ("a", "b"):
        (tmp_path / side).mkdir()
        args = ["validate", str(SEED_TEI), str(REPO / INVALID), "--format", "json", "-o", "report.json"]
        assert run("light" if side == "a" else "full", args, tmp_path / side).returncode == 1
    assert (tmp_path / "a" / "report.json").read_bytes() == (tmp_path / "b" / "report.json").read_bytes()


@pytest.mark.parametrize("argv", [
    ["validate"], ["validate", "--help"], ["validate", "x.xml", "--format", "yaml"], ["validate", "x.xml", "-j", "many"],
    ["validate", "x.xml", "-j"], ["validate", "x.xml", "--rules", "--no-rules"], ["validate", "x.xml", "--schema", "x"],
    ["validate", "x.xml", "-j2"], ["validate", "x.xml", "--to", "text"],
])
def test_anything_but_a_plain_validate_goes_to_the_typer_app(argv):
    assert command_args(argv) is None


def test_plain_validate_arguments_are_parsed_as_the_app_does():
    assert command_args(["validate", "a.xml", "b/", "--schema=tei-all", "--format", "github", "-j", "0",
                         "--no-rules", "-o", "r.txt"]) == {
        "paths": ["a.xml", "b/"], "schema": "tei-all", "fmt": "github", "jobs": 0, "rules": False,
        "output": "r.txt"}


SEED_TXT = REPO / "editions" / "dod-2016-01-21-carter-ecole-militaire.txt"
LIGHT_SERVED = LIGHT_AT_EXIT.replace("'rich'", "'rich', 'tei.cli'")   # (tei.cli imports typer)


def light_and_full(args: list[str], tmp_path: Path, tidy=lambda text: text):
    """Run `args` in tmp_path/light through the light path and in tmp_path/full through the typer app; assert
    the same exit code, stdout and stderr (after `tidy`), and, when the light run succeeded, that it imported
    nothing of typer, click, pydantic, rich or tei.cli."""
    light = subprocess.run([sys.executable, "-c", LIGHT_SERVED, *args], cwd=tmp_path / "light", capture_output=True)
    full = run("full", args, tmp_path / "full")
    assert light.returncode == full.returncode, light.stderr
    assert light.stdout == full.stdout
    said, loaded = light.stderr.decode().rstrip("\n").rpartition("\n")[::2]
    if light.returncode in (0, 1):
        assert eval(loaded) == [], f"the light path imported {loaded}"
    assert tidy(said + "\n" if said else "") == tidy(full.stderr.decode())


def assert_same_files(a: Path, b: Path) -> None:
    names = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.mark.parametrize("args", [
    ["convert", str(SEED_TXT)],                                           # TEI on stdout, the report on stderr
    ["convert", str(SEED_TXT), "-o", "out.xml", "--style", "dod"],
    ["convert", str(SEED_TXT), "--output=out.xml", "--force", "--quiet"],
    ["convert", "prose.txt"],                                             # not a transcript: a warning
    ["convert", "prose.txt", "--strict"],                                 # ... refused: exit 2
    ["convert", "missing.txt", "-q"],                                     # an input error: exit 2
    ["convert", str(SEED_TXT), "--meta", "missing.toml"],                 # a bad metadata file: exit 2
])
def test_light_convert_matches_the_typer_app(args, tmp_path):
    for side in ("light", "full"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "prose.txt").write_text("Just a paragraph of prose, with no speaker in it at all.\n")
    light_and_full(args, tmp_path)
    assert_same_files(tmp_path / "light", tmp_path / "full")


@pytest.mark.parametrize("argv", [
    ["convert"], ["convert", "-"], ["convert", "a.txt", "--lang", "fr"], ["convert", "a.txt", "--style", "nope"],
    ["convert", "a.txt", "-q", "--quiet"], ["convert", "a.txt", "b.txt"], ["convert", "a.txt", "--debug"],
    ["convert", "a.txt", "--to", "html"], ["convert", "--help"],
])
def test_anything_but_a_plain_convert_goes_to_the_typer_app(argv):
    assert command_args(argv) is None


def _same_but_seconds(text: str) -> str:
    import re

    return re.sub(r" in \d+\.\d s:", " in N s:", text)   # the summary's elapsed time


@pytest.mark.parametrize("args", [
    ["build", "src", "-o", "out"],
    ["build", "src", "-o", "out", "--to", "html,text", "-j", "1", "-v"],
    ["build", "src", "--output=out", "--quiet", "--full", "--force"],
    ["build"],                                                            # no editions/ here: one is created
    ["build", "missing", "-o", "out"],                                    # an input error: exit 2
])
def test_light_build_matches_the_typer_app(args, tmp_path):
    for side in ("light", "full"):
        (tmp_path / side / "src").mkdir(parents=True)
        (tmp_path / side / "src" / SEED_TXT.name).write_bytes(SEED_TXT.read_bytes())
    for _ in range(2):   # the second build finds everything up to date
        light_and_full(args, tmp_path, tidy=_same_but_seconds)
    assert_same_files(tmp_path / "light", tmp_path / "full")


@pytest.mark.parametrize("argv", [
    ["build", "a", "b"], ["build", "--to", "docx"], ["build", "--to", "html", "--to", "text"], ["build", "-j", "x"],
    ["build", "--help"], ["build", "-q", "--quiet"], ["build", "--unknown"],
])
def test_anything_but_a_plain_build_goes_to_the_typer_app(argv):
    assert command_args(argv) is None


def test_plain_build_arguments_are_parsed_as_the_app_does():
    assert command_args(["build"]) == {}
    assert command_args(["build", "./src/", "--to", "html, text", "-j", "2", "-o", "out"]) == {
        "sources": "src", "formats": ["html", "text"], "jobs": 2, "output": "out"}


def test_an_error_line_is_what_typer_writes(monkeypatch, capsys):
    import io

    import typer

    from tei.commands import error_line

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    for no_color, coloured in (("", True), ("1", False)):
        monkeypatch.setenv("NO_COLOR", no_color)
        stream = Terminal()
        monkeypatch.setattr(sys, "stderr", stream)
        error_line("tei-edition: error: x")
        assert stream.getvalue() == (typer.style("tei-edition: error: x", fg="red") if coloured
                                     else "tei-edition: error: x") + "\n"


@pytest.mark.parametrize("args", [
    ["review", "src/seed.txt"],
    ["review", "src/seed.txt", "--format", "json"],
    ["review", "src/seed.txt", "-o", "seed.review.html"],
    ["review", "src"],                                                   # a folder: its review files
    ["review", "src/seed.txt", "--set", 'at="sp2.p1", speaker="moderator"', "--editor", "A. Editor",
     "--set", 'at="sp5.p1", speaker="carter"'],                          # two corrections into src/seed.toml
    ["review", "src/seed.txt", "--set", 'paragraph="Thank you", speaker="carter"'],   # ambiguous: refused
    ["review", "src", "--set", 'speaker="carter"'],                      # a usage error: exit 2
    ["review", "missing.txt"],
])
def test_light_review_matches_the_typer_app(args, tmp_path):
    for side in ("light", "full"):
        (tmp_path / side / "src").mkdir(parents=True)
        (tmp_path / side / "src" / "seed.txt").write_bytes(SEED_TXT.read_bytes())
    light_and_full(args, tmp_path)
    assert_same_files(tmp_path / "light", tmp_path / "full")


def test_plain_review_arguments_are_parsed_as_the_app_does():
    assert command_args(["review", "a.txt", "--set", "x=1", "--set=y=2", "--format", "json"]) == {
        "source": "a.txt", "set_": ["x=1", "y=2"], "fmt": "json"}
    for argv in (["review", "a.txt", "--format", "yaml"], ["review", "a.txt", "--editor", "a", "--editor", "b"],
                 ["review"], ["review", "a.txt", "b.txt"], ["review", "a.txt", "--set"]):
        assert command_args(argv) is None, argv

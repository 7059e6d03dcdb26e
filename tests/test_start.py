"""The light entry point (tei/start.py): a plain `render` runs without typer and gives what the typer app gives
(bytes, stderr, exit code); every other command line goes to the typer app unchanged."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from tei.start import render_args

SEED_TEI = REPO / "editions" / "dod-2016-01-21-carter-ecole-militaire.xml"
FIXTURES = REPO / "tests" / "fixtures" / "tei"
LIGHT = "import sys; from tei.start import main; main(); print(sorted(m for m in ('typer', 'click', 'pydantic', " \
        "'xmlschema', 'lingua', 'rich', 'tei.pipeline') if m in sys.modules), file=sys.stderr)"


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
    said = light.stderr.decode()
    if light.returncode == 0:   # then the last line lists what the light path imported of the heavy modules
        said, loaded = said.rstrip("\n").rsplit("\n", 1) if "\n" in said.rstrip("\n") else ("", said.strip())
        said = said + "\n" if said else ""
        assert loaded == "[]", f"the light path imported {loaded}"
    assert said == full.stderr.decode()


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
    assert render_args(["render", "x.xml", "--to", "text", "--width=0", "-o", "o.txt", "--no-check", "--force"]) \
        == {"source": Path("x.xml"), "to": "text", "width": 0, "output": Path("o.txt"), "check": False,
            "force": True}
    assert render_args(["render", "--to", "tsv", "x.xml"]) == {"source": Path("x.xml"), "to": "tsv"}


def test_completion_goes_to_the_typer_app(monkeypatch):
    monkeypatch.setenv("_TEI_EDITION_COMPLETE", "complete_bash")
    assert render_args(["render", "x.xml"]) is None

"""The CLI behaves as users of Python tools expect: -h, completion, listed choices, readable metavars,
examples, plain-word argument errors, nothing accepted silently, no surprise files, plain output when piped."""
from __future__ import annotations

import re
import sys

import pytest
from typer.main import get_command
from typer.testing import CliRunner

import tei
from tei import cli, render, site, source
from tei.cli import app
from conftest import REPO, SEED

runner = CliRunner()
COMMANDS = sorted(get_command(app).commands)
TEI_FILE = REPO / "editions" / (SEED.stem + ".xml")
TRANSCRIPT = "Remarks\n\nJan. 21, 2016\n\nMODERATOR: Welcome.\n\nSEC. CARTER: Merci, café.\n"


def help_of(*args: str) -> str:
    result = runner.invoke(app, [*args, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_dash_h_is_help(command):
    args = [command] if command else []
    short = runner.invoke(app, [*args, "-h"], terminal_width=100)
    assert short.exit_code == 0 and short.output == help_of(*args)


def test_shell_completion_is_offered_and_completes_choices():
    assert "--install-completion" in help_of() and "--show-completion" in help_of()
    result = runner.invoke(app, [], env={"_TEI_EDITION_COMPLETE": "complete_bash", "COMP_WORDS":
                                         "tei-edition render x --to m", "COMP_CWORD": "4"}, prog_name="tei-edition")
    assert "markdown" in result.output and "html" not in result.output


@pytest.mark.parametrize("command,option,values", [
    ("convert", "--style", source.STYLES), ("build", "--to", render.WRITERS), ("render", "--to", render.WRITERS),
    ("validate", "--format", ("text", "json", "junit", "github")), ("conventions", "--format", ("markdown", "tsv")),
])
def test_every_enumerated_option_lists_its_choices(command, option, values):
    assert f"{option} [{'|'.join(values)}]" in help_of(command)


def test_the_cli_choices_are_the_librarys():
    assert cli.FORMATS == tuple(render.WRITERS) and cli.STYLES == source.STYLES
    from tei.conventions import LANGUAGE_NAMES
    from tei.language import _LINGUA_NAMES

    accepted = {c for c in LANGUAGE_NAMES if runner.invoke(app, ["convert", "-", "--lang", c],
                                                           input="Q: Hi.\n").exit_code != 2}
    assert accepted and accepted <= set(_LINGUA_NAMES)   # every accepted --lang is one lingua can use


@pytest.mark.parametrize("command", COMMANDS)
def test_help_is_readable_and_has_examples(command):
    text = help_of(command)
    assert not re.search(r"<[a-z\[\]|]+>|\{\w", text), text         # no <list[str]>, <path>, {source}
    examples = text.split("Examples:", 1)[1]
    assert re.search(rf"^\s+(?:\S+ \| )?tei-edition {command}\b", examples, re.M)


def test_jobs_has_one_default_shown():
    text = help_of("build")
    jobs = text[text.index("--jobs"):].split("\n  -", 1)[0]
    assert "one per core" in jobs and "[default" not in jobs


@pytest.mark.parametrize("args,words", [
    (["build", "-j", "abc"], "'abc' is not a whole number"),
    (["build", "-j", "-3"], "-3 is negative"),
    (["validate", "-j", "-1", "x.xml"], "-1 is negative"),
    (["render", str(TEI_FILE), "--to", "text", "--width", "5"], "give 0 (unwrapped) or 20 or more"),
    (["build", "--to", "html,docx"], "'docx' is not one of html, text, markdown, tsv"),
    (["render", str(TEI_FILE), "--to", "docx"], "'docx' is not one of html, text, markdown, tsv"),
    (["convert", str(SEED), "--style", "x"], "'x' is not one of dod, whitehouse-md, public-papers"),
    (["convert", str(SEED), "--lang", "xx"], "'xx' is not a known language code (known: ar, de,"),
    (["convert", str(SEED), "--lang", "french"], "for french use --lang fr"),
    (["validate", "--schema", "dtd", "x.xml"], "not project, tei-all or a .rng/.xsd file"),
    (["conventions", "--format", "html"], "'html' is not one of markdown, tsv"),
])
def test_argument_errors_in_plain_words_with_the_valid_range(args, words):
    result = runner.invoke(app, args, terminal_width=200)
    assert result.exit_code == 2, result.output
    assert words in result.output
    assert "Input should" not in result.output and "Value error" not in result.output


def test_width_is_refused_for_a_format_it_does_not_apply_to():
    result = runner.invoke(app, ["render", str(TEI_FILE), "--to", "html", "--width", "40"])
    assert result.exit_code == 2 and "--width wraps the text edition only" in result.output


def test_maintainer_docs_command_is_not_a_user_command():
    assert "docs" not in COMMANDS
    assert runner.invoke(app, ["docs"]).exit_code == 2


def test_validate_a_path_without_tei_is_exit_2(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    for path in (tmp_path, tmp_path / "missing", str(tmp_path / "*.xml")):
        result = runner.invoke(app, ["validate", str(path)])
        assert result.exit_code == 2 and "tei-edition: error:" in result.output, result.output
    good = runner.invoke(app, ["validate", str(TEI_FILE), str(tmp_path)])
    assert good.exit_code == 2  # one empty path among good ones still fails


def test_build_to_accepts_a_comma_list(tmp_path):
    (tmp_path / "t.txt").write_text(TRANSCRIPT)
    result = runner.invoke(app, ["build", str(tmp_path), "--to", "html,text", "-q"])
    assert result.exit_code == 0, result.output
    names = {p.name for p in tmp_path.iterdir() if not p.name.startswith(".")}
    assert names == {"t.txt", "t.xml", "t.html", "t.edition.txt", "t.review.json", "t.review.html",
                     *site.SITE_FILES}   # the review is written with every build


def test_not_a_transcript_warns_and_strict_refuses(tmp_path):
    prose = tmp_path / "prose.txt"
    prose.write_text("Just some notes I took.\n\nNothing here is a speaker label.\n")
    lenient = runner.invoke(app, ["convert", str(prose), "-o", str(tmp_path / "a.xml")])
    assert lenient.exit_code == 0 and "not a transcript?" in lenient.stderr
    out = tmp_path / "b.xml"
    strict = runner.invoke(app, ["convert", str(prose), "-o", str(out), "--strict"])
    assert strict.exit_code == 2 and "refused (--strict)" in strict.output and not out.exists()
    fine = tmp_path / "t.txt"
    fine.write_text(TRANSCRIPT)
    assert runner.invoke(app, ["convert", str(fine), "--strict", "-q"]).exit_code == 0


def test_json_is_refused(tmp_path):
    data = tmp_path / "speech.json"
    data.write_text('{"title": "Remarks", "text": "MODERATOR: Welcome."}\n')
    result = runner.invoke(app, ["convert", str(data)])
    assert result.exit_code == 2 and "input is JSON, not a plain-text transcript" in result.output


@pytest.mark.parametrize("args,name", [
    (["convert", str(SEED), "-q"], "out.xml"),
    (["render", str(TEI_FILE), "--to", "html"], "out.html"),
])
def test_a_single_output_leaves_no_other_file_beside_it(tmp_path, args, name):
    out = tmp_path / "Desktop" / name
    assert runner.invoke(app, [*args, "-o", str(out)]).exit_code == 0
    assert runner.invoke(app, [*args, "-o", str(out)]).exit_code == 0        # ours: replaced
    assert [p.name for p in out.parent.iterdir()] == [name]
    out.write_bytes(out.read_bytes() + b"\n<!-- edited -->")
    assert runner.invoke(app, [*args, "-o", str(out)]).exit_code == 1        # hand-edited: kept
    assert [p.name for p in out.parent.iterdir()] == [name]


def test_render_width_wraps_everything_including_title_and_rule():
    result = runner.invoke(app, ["render", str(TEI_FILE), "--to", "text", "--width", "40"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= 40, [line for line in lines if len(line) > 40][:3]
    assert lines[0] == "Remarks by Secretary Carter at Ecole" and "=" * 40 in lines


def test_mixed_encoding_is_decoded_per_line_and_bad_bytes_named():
    data = TRANSCRIPT.encode("utf-8") + b"\nQ: Caf\xe9 cr\xe8me, s'il vous pla\xeet.\n"
    result = tei.convert(data)
    text = "".join(result.tree.getroot().find("{http://www.tei-c.org/ns/1.0}text").itertext())
    assert "Merci, café." in text and "Café crème, s'il vous plaît." in text     # no mojibake either side
    named = [str(w) for w in result.warnings if "byte 0x" in w.message]
    offset = len(TRANSCRIPT.encode("utf-8")) + len(b"\nQ: Caf")
    assert named[0] == f"line 9: [text.characters] byte 0xE9 at byte offset {offset} is not UTF-8; decoded as cp1252 'é'"
    assert len(named) == 3 and result.encoding == "utf-8 with cp1252 lines"


def test_output_is_plain_when_piped_or_no_color(monkeypatch):
    assert "\x1b[" not in runner.invoke(app, ["build", "-j", "x"]).output
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli._colour()
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "xterm")
    assert cli._colour()


def test_the_browser_feature_without_playwright_says_which_extra(monkeypatch):
    from tei import browser

    monkeypatch.setitem(sys.modules, "playwright", None)
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)
    with pytest.raises(RuntimeError, match=r"pip install -e '\.\[browser\]'"):
        with browser.browser():
            pass

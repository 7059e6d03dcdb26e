"""Robustness: hostile and broken transcripts, paths, interrupted writes, determinism, --debug."""
from __future__ import annotations

import os
import shutil

import pytest
from lxml import etree
from typer.testing import CliRunner

import tei
from tei import outputs, render, xmlio
from tei.build import build, safe_stem
from tei.cli import app
from tei.validate import Validator
from conftest import CORPUS, SEED, corpus_files, require
from wordcheck import source_words, tei_words

runner = CliRunner()
HEAD = "Remarks at a Test\n\nJan. 21, 2016\n\n"


def sound(data: bytes, tei_all=None):
    """The properties every conversion must have: reparses, valid (ours and TEI's), nothing lost."""
    result = tei.convert(data)
    tree = xmlio.parse_bytes(result.data)
    assert Validator("project").validate_tree(tree, "t.xml").problems == []
    if tei_all is not None:
        assert tei_all.validate(tree), tei_all.error_log
    assert tei_words(tree.getroot()) == source_words(data.decode("utf-8"))
    text = render.render(tree, "text")
    from tei.fidelity import edition_words
    assert edition_words("text", text) == source_words(data.decode("utf-8"))
    return result


@pytest.mark.parametrize("name,text", [
    ("label-only line", HEAD + "MODERATOR:\n\nSEC. CARTER: Thank you.\n"),
    ("lower-case labels", HEAD + "moderator: welcome.\n\nsec. carter: thank you.\n"),
    ("no labels at all", "Just words, then more words.\n\nAnd a second paragraph.\n"),
    ("unbalanced parentheses", HEAD + "Q: ((( a ] b [ c ) ) ) (Laughter.\n"),
    ("mixed line endings", HEAD.replace("\n", "\r\n") + "Q: a\r\nSEC. CARTER: b\rQ: c\n"),
    ("looks like XML", HEAD + "Q: <TEI xmlns='x'>&amp; <![CDATA[ ]]> <!-- c --> <?pi x?></TEI>\n"),
    ("remarks only", HEAD + "(Laughter.)\n\n(inaudible)\n"),
    ("odd characters", HEAD + "Q: naïve café — “quotes” ‘single’ – dash… 100% $5 #1 @x 中文 עברית\n"),
])
def test_odd_transcripts_give_sound_tei(name, text, tei_all):
    sound(text.encode("utf-8"), tei_all)


def test_a_hundred_thousand_gaps():
    result = sound(b"Q: " + b"(inaudible) " * 100_000 + b"\n")
    assert result.stats["gaps"] == 100_000


def test_a_50_mb_single_line(tei_all):
    line = b"Q: " + b"Some words of a very long line, said once. " * 1_150_000 + b"\n"
    assert len(line) > 49_000_000
    result = tei.convert(line)
    tree = xmlio.parse_bytes(result.data)  # our own parser reads a text node far over libxml2's 10 MB default
    assert tei_all.validate(tree)
    assert len(tei_words(tree.getroot())) == len(source_words(line.decode()))


@pytest.mark.parametrize("data,message", [(b"\n \t \n", "empty"), (b"\xff\xfe\x00\x00" * 100, "binary")],
                         ids=["whitespace", "bom-then-nul"])
def test_unusable_transcripts_are_refused(data, message):
    with pytest.raises(tei.InputError, match=message):
        tei.convert(data)


def test_long_text_nodes_and_huge_attributes_are_read_within_limits():
    text = b"<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body><p>" + b"a" * 12_000_000 + b"</p></body></text></TEI>"
    assert len(xmlio.parse_bytes(text).getroot()[0][0][0].text) == 12_000_000
    attr = b"<TEI xmlns='http://www.tei-c.org/ns/1.0' n='" + b"a" * 12_000_000 + b"'/>"
    assert len(xmlio.parse_bytes(attr).getroot().get("n")) == 12_000_000
    with pytest.raises(tei.InputError, match="over the"):
        xmlio.parse_bytes(b" " * (xmlio.MAX_XML_BYTES + 1))


@pytest.mark.parametrize("stem,expected", [
    ("../../etc/passwd", "etc-passwd"), ("..", "document"), (".hidden", "hidden"),
    ("a b/c\\d:e", "a-b-c-d-e"), ("x" * 300, "x" * 120), ("Remarks\u202eevil", "Remarks-evil"),
])
def test_output_names_are_sanitised(stem, expected):
    assert safe_stem(stem) == expected


def test_hidden_files_are_not_sources(tmp_path):
    shutil.copy(SEED, tmp_path / ".draft.txt")
    with pytest.raises(tei.UsageError, match="no transcripts"):
        build(tmp_path)


def test_outputs_stay_inside_the_output_folder(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEED, src / "weird name; rm -rf $HOME.txt")
    out = tmp_path / "out"
    outside = tmp_path / "outside.html"
    outside.write_text("keep me")
    out.mkdir()
    trap = out / (safe_stem("weird name; rm -rf $HOME") + ".html")
    trap.symlink_to(outside)                                  # a trap: a link out of the folder
    result = build(src, out, force=True)
    assert result.ok, result.failed
    assert outside.read_text() == "keep me"                  # the link was replaced, not followed
    assert not trap.is_symlink() and trap.read_bytes().startswith(b"<!DOCTYPE html>")
    assert all(p.parent == out for p in out.iterdir())


def test_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "edition.html"
    target.write_bytes(b"old")

    def boom(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        xmlio.write_atomic(target, b"new" * 1000)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["edition.html"]


def test_two_builds_of_the_corpus_are_byte_identical(tmp_path):
    require(CORPUS.is_dir(), f"the shared corpus is not at {CORPUS}")
    trees = []
    for name in ("one", "two"):
        folder = tmp_path / name
        folder.mkdir()
        for f in corpus_files():
            shutil.copy(f, folder)
        assert build(folder, jobs=2).ok
        assert build(folder, jobs=2).skipped == len(corpus_files())   # a no-op rebuild leaves nothing behind
        trees.append({p.name: p.read_bytes() for p in folder.iterdir()})  # every file, the manifest too
    assert trees[0] == trees[1]


def test_debug_shows_a_traceback_and_the_default_does_not(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    plain = runner.invoke(app, ["convert", str(empty)])
    assert plain.exit_code == 2 and "Traceback" not in plain.output
    debug = runner.invoke(app, ["--debug", "convert", str(empty)])
    assert isinstance(debug.exception, tei.InputError)


def test_no_traceback_for_any_hostile_fixture():
    from conftest import REPO

    for path in sorted((REPO / "tests" / "fixtures" / "hostile").glob("*.xml")):
        for command in (["validate", str(path)], ["render", str(path)], ["convert", str(path)]):
            result = runner.invoke(app, command)
            assert result.exit_code in (1, 2), (command, result.output)
            assert "Traceback" not in result.output and not isinstance(result.exception, (etree.Error, OSError))

"""Input handling: encodings, line ends, odd characters, and refusals with exit code 2 and no output."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

import tei
from tei.cli import app
from conftest import NS

BASE = "Remarks at a Test\n\nJan. 21, 2016\n\nMODERATOR: Welcome, we are glad.\n\nSEC. CARTER: Thank you. It’s good.\n"
runner = CliRunner()


def text_of(result) -> str:
    return "".join(result.tree.getroot().find("t:text", NS).itertext())


def test_utf8_with_bom():
    result = tei.convert(b"\xef\xbb\xbf" + BASE.encode("utf-8"))
    assert result.encoding == "utf-8-sig" and "It’s good." in text_of(result)


def test_cp1252_is_detected_and_reported():
    result = tei.convert(BASE.encode("cp1252"))
    assert "It’s good." in text_of(result)
    assert any("not UTF-8" in w.message for w in result.warnings)


@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends(eol):
    result = tei.convert(BASE.replace("\n", eol).encode())
    assert len(result.tree.getroot().findall(".//t:sp", NS)) == 2


def test_tabs_ampersands_angle_brackets_and_cdata_end():
    result = tei.convert(BASE + "\nQ:\tA & B <b> ]]> end\n")
    assert "A & B <b> ]]> end" in text_of(result)
    assert b"&amp;" in result.data and b"&lt;b&gt;" in result.data


def test_xml_forbidden_characters_are_replaced_visibly_and_reported():
    result = tei.convert(BASE + "\nQ: bad\x01char\x0b here\n")
    assert "bad\ufffdchar\ufffd here" in text_of(result)
    assert any("U+0001" in w.message and w.line == 9 for w in result.warnings)


@pytest.mark.parametrize("data,message", [
    (b"", "empty"), (b"   \n\t\n", "empty"), (b"\x00\x01\x02binary\x00" * 20, "binary"),
    (b"---\ntitle: x\n---\n\n", "no transcript text"),
    (b"<?xml version='1.0'?>\n<TEI xmlns='http://www.tei-c.org/ns/1.0'/>", "not a plain-text transcript"),
    (b"<!DOCTYPE html>\n<html><body>Q: hi</body></html>", "not a plain-text transcript"),
])
def test_unusable_input_is_refused(data, message):
    with pytest.raises(tei.InputError) as err:
        tei.convert(data)
    assert message in str(err.value)


@pytest.mark.parametrize("data", [b"", b"\x00\x01binary\x00" * 10])
def test_cli_refusal_exit_2_one_line_no_output_file(tmp_path, data):
    src = tmp_path / "in.txt"
    src.write_bytes(data)
    out = tmp_path / "out.xml"
    result = runner.invoke(app, ["convert", str(src), "-o", str(out)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("tei-edition: error:")
    assert "Traceback" not in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == [src]


def test_missing_file_exit_2():
    result = runner.invoke(app, ["convert", "/nonexistent/file.txt"])
    assert result.exit_code == 2 and "no such file" in result.output


def test_transcript_without_labels_is_one_attributed_turn():
    result = tei.convert("Just a speech with no labels at all.\n\nAnd a second paragraph.\n")
    sps = result.tree.getroot().findall(".//t:sp", NS)
    assert len(sps) == 1 and sps[0].find("t:speaker/t:supplied", NS) is not None

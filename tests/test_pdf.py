"""The PDF edition: printed by headless Chromium, read back with pdftotext, every word kept, byte-identical."""
from __future__ import annotations

import shutil

import pytest
from lxml import etree

from conftest import REPO, require
from tei import fidelity, render
from tei.browser import chromium_path

SEED_TEI = REPO / "editions" / "dod-2016-01-21-carter-ecole-militaire.xml"


@pytest.fixture(scope="module")
def seed_pdf():
    require(chromium_path() is not None, "Chromium is not installed (Debian package chromium)")
    require(shutil.which("pdftotext") is not None, "pdftotext is not installed (Debian package poppler-utils)")
    tree = etree.parse(str(SEED_TEI))
    return tree, render.render(tree, "pdf")


def test_pdf_keeps_every_word_in_order(seed_pdf):
    tree, data = seed_pdf
    assert data.startswith(b"%PDF-")
    assert fidelity.check_edition("pdf", data, tree.getroot()) is None


def test_pdf_check_catches_a_lost_paragraph(seed_pdf):
    tree, data = seed_pdf
    root = etree.fromstring(etree.tostring(tree))
    p = root.find(".//{http://www.tei-c.org/ns/1.0}body//{http://www.tei-c.org/ns/1.0}p")
    p.text = (p.text or "") + " zyzzyva quokka"          # words the PDF does not have
    assert fidelity.check_edition("pdf", data, root) is not None


def test_pdf_has_running_head_page_numbers_and_the_printed_header(seed_pdf):
    from tei.pdf import text

    _, data = seed_pdf
    printed = text(data)
    title = "Remarks by Secretary Carter at Ecole Militaire in Paris, France"
    assert printed.count(title) >= 3                      # the running head on every page, and the title
    assert "1 / " in printed                              # page numbers
    assert "historical purposes only" in printed          # the source's header, closed on screen, is printed


def test_pdf_is_deterministic(seed_pdf):
    tree, data = seed_pdf
    assert render.render(tree, "pdf") == data


def test_build_writes_pdf_only_when_asked(tmp_path):
    require(chromium_path() is not None, "Chromium is not installed (Debian package chromium)")
    require(shutil.which("pdftotext") is not None, "pdftotext is not installed (Debian package poppler-utils)")
    from tei.build import build

    folder = tmp_path / "t"
    folder.mkdir()
    shutil.copy(REPO / "editions" / "dod-2016-01-21-carter-ecole-militaire.txt", folder)
    assert build(folder).ok and not list(folder.glob("*.pdf"))
    assert build(folder, formats=["pdf"], incremental=False).ok
    assert (folder / "dod-2016-01-21-carter-ecole-militaire.pdf").read_bytes().startswith(b"%PDF-")

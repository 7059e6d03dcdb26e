"""The command line: convert, build, metadata, overwrite protection, the committed default edition."""
from __future__ import annotations

import os
import shutil

from lxml import etree
from typer.testing import CliRunner

import tei
from tei.cli import app
from conftest import NS, REPO, SEED

runner = CliRunner()


def test_convert_to_stdout_with_report_on_stderr():
    result = runner.invoke(app, ["convert", str(SEED)])
    assert result.exit_code == 0
    assert result.stdout.startswith("<?xml version='1.0' encoding='UTF-8'?>\n<TEI")
    assert "turns 21 (unlabeled 3)" in result.stderr and "line 21: [turn.unlabeled]" in result.stderr


def test_meta_overrides_inferred_values_and_records_both(tmp_path):
    meta = tmp_path / "meta.toml"
    meta.write_text('[source]\nurl = "https://example.org/t"\ntitle = "Better title"\nplace = "Paris"\n'
                    '[edition]\neditor = "A. Editor"\n[speakers.carter]\nname = "Ashton B. Carter"\n')
    out = tmp_path / "out.xml"
    result = runner.invoke(app, ["convert", str(SEED), "-o", str(out), "--meta", str(meta)])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(out)).getroot()
    assert root.findtext(".//t:titleStmt/t:title", namespaces=NS) == "Better title"
    assert root.find(".//t:bibl/t:ref", NS).get("target") == "https://example.org/t"
    assert root.findtext(".//t:titleStmt/t:editor", namespaces=NS) == "A. Editor"
    assert "Ashton B. Carter" in "".join(root.xpath("//t:person[@xml:id='carter']", namespaces=NS)[0].itertext())
    provenance = "".join(root.find(".//t:editorialDecl", NS).itertext())
    assert "title: 'Better title' from --meta (overrides 'Remarks by Secretary Carter" in provenance


def test_bad_meta_is_a_usage_error(tmp_path):
    meta = tmp_path / "meta.toml"
    meta.write_text("[source\n")
    result = runner.invoke(app, ["convert", str(SEED), "--meta", str(meta)])
    assert result.exit_code == 2 and "not valid TOML" in result.output


def test_hand_edited_output_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "out.xml"
    assert runner.invoke(app, ["convert", str(SEED), "-o", str(out), "-q"]).exit_code == 0
    assert runner.invoke(app, ["convert", str(SEED), "-o", str(out), "-q"]).exit_code == 0  # ours: replaced
    out.write_bytes(out.read_bytes().replace(b"Thank you. Our fight.", b"Thank you. Our fight!"))
    result = runner.invoke(app, ["convert", str(SEED), "-o", str(out), "-q"])
    assert result.exit_code == 1 and "--force" in result.output
    assert b"Our fight!" in out.read_bytes()
    assert runner.invoke(app, ["convert", str(SEED), "-o", str(out), "-q", "--force"]).exit_code == 0
    assert b"Our fight!" not in out.read_bytes()


def test_build_without_argument_outside_a_project_says_it_creates_the_sample(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build"])
    assert result.exit_code == 0, result.output
    built = tmp_path / "editions" / "dod-2016-01-21-carter-ecole-militaire.xml"
    assert "no editions/ folder here: created editions/ with a sample transcript" in result.stderr
    assert "tei-edition build FOLDER" in result.stderr
    assert built.exists() and "built 1 edition in " in result.stderr and "13 files written in editions/" in result.stderr  # 5 formats, 2 review files, TEI, 5 site files
    assert "open editions/index.html" in result.stderr
    again = runner.invoke(app, ["build"])
    assert again.exit_code == 0
    assert "up to date: 1 edition in editions/ (use --full to rebuild)" in again.stderr
    assert "created" not in again.stderr and "open editions/index.html" in again.stderr


def test_build_keeps_hand_edited_tei_unless_reconvert_force(tmp_path):
    shutil.copy(SEED, tmp_path)
    assert runner.invoke(app, ["build", str(tmp_path)]).exit_code == 0
    tei_file = tmp_path / (SEED.stem + ".xml")
    tei_file.write_bytes(tei_file.read_bytes().replace(b"Our fight.", b"Our fight (edited)."))
    result = runner.invoke(app, ["build", str(tmp_path), "--verbose"])
    assert result.exit_code == 0 and "kept (edited by hand)" in result.stderr
    assert b"(edited)" in tei_file.read_bytes()
    assert runner.invoke(app, ["build", str(tmp_path), "--reconvert"]).exit_code == 0
    assert b"(edited)" in tei_file.read_bytes()  # --reconvert alone is not enough
    assert runner.invoke(app, ["build", str(tmp_path), "--reconvert", "--force"]).exit_code == 0
    assert b"(edited)" not in tei_file.read_bytes()


def test_committed_default_edition_is_what_build_produces(tmp_path):
    """editions/ is golden: a stylesheet or converter change that was not rebuilt fails here."""
    fresh = tei.convert_file(SEED).data
    committed = (REPO / "editions" / (SEED.stem + ".xml")).read_bytes()
    assert fresh == committed, "editions/ is stale: run `tei-edition build` and commit the result"


def test_source_date_epoch_sets_the_publication_date(monkeypatch):
    assert b"<date when=" not in tei.convert_file(SEED).data.split(b"</publicationStmt>")[0]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = tei.convert_file(SEED).data
    assert b'<date when="2023-11-14">2023-11-14</date>' in data.split(b"</publicationStmt>")[0]


def test_version_and_conventions():
    assert runner.invoke(app, ["--version"]).stdout.strip() == f"tei-edition {tei.__version__}"
    table = runner.invoke(app, ["conventions"]).stdout
    assert "| `gap.inaudible` |" in table

"""tei-edition validate: inputs, outputs for people and CI, exit codes, parallelism, hostile XML."""
from __future__ import annotations

import json
import resource
import shutil
import time

import pytest
from lxml import etree
from typer.testing import CliRunner

from tei.cli import app
from tei.validate import validate
from conftest import REPO, SEED, TEI_ALL_RNG, require

runner = CliRunner()
EDITION = REPO / "editions" / (SEED.stem + ".xml")
HOSTILE = REPO / "tests" / "fixtures" / "hostile"


def broken_copy(tmp_path, name="bad.xml"):
    data = EDITION.read_bytes().replace(b'who="#moderator"', b'who="#nobody"', 1)
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_valid_file_exit_0():
    result = runner.invoke(app, ["validate", str(EDITION)])
    assert result.exit_code == 0 and "1 file(s) checked, 1 valid, 0 invalid" in result.stdout


def test_invalid_file_exit_1_with_file_line_column_message_rule(tmp_path):
    bad = broken_copy(tmp_path)
    result = runner.invoke(app, ["validate", str(bad), str(EDITION)])
    assert result.exit_code == 1
    line = result.stdout.splitlines()[0]
    assert line.startswith(f"{bad}:") and line.endswith("[who-declared]")
    path, lineno, col, message = line.split(":", 3)
    assert int(lineno) > 1 and int(col) >= 1 and "#nobody" in message


def test_folders_recursive_and_globs(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(EDITION, tmp_path / "a" / "one.xml")
    shutil.copy(EDITION, tmp_path / "a" / "b" / "two.xml")
    (tmp_path / "a" / "notes.txt").write_text("not xml")
    assert [r.path for r in validate([tmp_path])] == [str(tmp_path / "a" / "b" / "two.xml"),
                                                      str(tmp_path / "a" / "one.xml")]
    assert len(list(validate([str(tmp_path / "a" / "*.xml")]))) == 1


def test_continues_past_failures_and_parallel_equals_serial(tmp_path):
    files = []
    for i in range(6):
        files.append(broken_copy(tmp_path, f"bad{i}.xml") if i % 2 else shutil.copy(EDITION, tmp_path / f"ok{i}.xml"))
    serial = [(r.path, [str(p) for p in r.problems]) for r in validate(files, jobs=1)]
    parallel = [(r.path, [str(p) for p in r.problems]) for r in validate(files, jobs=2)]
    assert serial == parallel
    assert [bool(problems) for _, problems in serial] == [False, True] * 3


def test_json_junit_github_formats(tmp_path):
    bad = broken_copy(tmp_path)
    data = json.loads(runner.invoke(app, ["validate", str(bad), "--format", "json"]).stdout)
    assert data["valid"] is False and data["files"][0]["problems"][0]["rule"] == "who-declared"
    junit = etree.fromstring(runner.invoke(app, ["validate", str(bad), "--format", "junit"]).stdout.encode())
    assert junit.find("testsuite").get("failures") == "1"
    assert junit.find(".//failure").get("type") == "who-declared"
    gh = runner.invoke(app, ["validate", str(bad), "--format", "github"]).stdout.splitlines()[0]
    assert gh.startswith(f"::error file={bad},line=") and "title=who-declared::" in gh


@pytest.mark.parametrize("args,message", [
    (["/no/such/file.xml"], "no such file"),
    (["--format", "yaml", "x.xml"], "'yaml' is not one of text, json, junit, github"),
    (["--schema", "/no/such.rng", "x.xml"], "schema file not found"),
])
def test_usage_and_io_errors_exit_2(args, message, tmp_path):
    (tmp_path / "x.xml").write_bytes(EDITION.read_bytes())
    args = [str(tmp_path / a) if a == "x.xml" else a for a in args]
    result = runner.invoke(app, ["validate", *args])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_tei_all_needs_the_grammar_path(monkeypatch):
    monkeypatch.delenv("TEI_EDITION_TEI_ALL", raising=False)
    result = runner.invoke(app, ["validate", "--schema", "tei-all", str(EDITION)])
    assert result.exit_code == 2 and "TEI_EDITION_TEI_ALL" in result.output


def test_tei_all_on_someone_elses_tei(monkeypatch):
    require(TEI_ALL_RNG.exists(), f"the official TEI schema is not at {TEI_ALL_RNG}")
    parlamint = sorted((TEI_ALL_RNG.parent / "parlamint").glob("ParlaMint-*.xml"))
    require(bool(parlamint), "the ParlaMint reference sittings are missing")
    monkeypatch.setenv("TEI_EDITION_TEI_ALL", str(TEI_ALL_RNG))
    result = runner.invoke(app, ["validate", "--schema", "tei-all", str(parlamint[0]), str(EDITION)])
    assert result.exit_code == 0, result.output
    # the same sitting is not an edition of ours: the project schema says why, line by line
    ours = runner.invoke(app, ["validate", str(parlamint[0])])
    assert ours.exit_code == 1 and "[schema]" in ours.stdout


@pytest.mark.parametrize("name,rule,fragment", [
    ("xxe-file.xml", "well-formed", "DOCTYPE"),
    ("xxe-network.xml", "well-formed", "DOCTYPE"),
    ("external-dtd.xml", "well-formed", "DOCTYPE"),
    ("billion-laughs.xml", "well-formed", "DOCTYPE"),
    ("truncated.xml", "well-formed", "not well-formed"),
    ("invalid-utf8.xml", "well-formed", "not well-formed"),
    ("wrong-namespace.xml", "tei-root", "not a TEI document"),
])
def test_hostile_and_broken_xml_is_refused_clearly(name, rule, fragment):
    start = time.monotonic()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    [result] = list(validate([HOSTILE / name]))
    assert time.monotonic() - start < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before < 100_000  # KiB
    assert [p.rule for p in result.problems] == [rule] and fragment in result.problems[0].message
    assert "root:" not in result.problems[0].message  # nothing of /etc/passwd


def test_xinclude_is_not_processed():
    [result] = list(validate([HOSTILE / "xinclude.xml"]))
    assert not result.valid
    assert all("root:x:" not in p.message for p in result.problems)
    assert any("include" in p.message for p in result.problems)


def test_deep_nesting_is_refused(tmp_path):
    deep = tmp_path / "deep.xml"
    deep.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">' + "<hi>" * 600 + "x" + "</hi>" * 600 + "</TEI>")
    [result] = list(validate([deep]))
    assert result.problems[0].rule == "well-formed" and "deeper" in result.problems[0].message


def test_not_well_formed_message_names_the_line(tmp_path):
    bad = tmp_path / "cut.xml"
    bad.write_text('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text>\n</TEI>\n')
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1 and result.stdout.startswith(f"{bad}:4:")

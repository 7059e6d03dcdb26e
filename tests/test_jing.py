"""`validate --schema tei-all` by both engines: jing (Java, when installed) and libxml2's RELAX NG give the same
verdicts, one line per problem in our format, and the summary says which engine checked the grammar."""
from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from tei.cli import app
from tei.validate import _jing_message
from conftest import REPO, SEED, TEI_ALL_RNG, require

runner = CliRunner()
EDITION = REPO / "editions" / (SEED.stem + ".xml")
HEADER = ('<teiHeader><fileDesc><titleStmt><title>x</title></titleStmt><publicationStmt><p/></publicationStmt>'
          '<sourceDesc><p/></sourceDesc></fileDesc></teiHeader>')


def files(tmp_path):
    """A valid TEI P5 file of someone else's, an invalid one (an element TEI does not have), a non-TEI file and
    one with XInclude (never given to jing)."""
    tei = '<TEI xmlns="http://www.tei-c.org/ns/1.0">' + HEADER + '<text><body>{}</body></text></TEI>'
    made = {"good.xml": tei.format("<p>fine</p>"), "bad.xml": tei.format("<p>a</p>\n<bogus/>"),
            "other.xml": "<html/>",
            "xi.xml": tei.format('<p>a</p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="x.xml"/>')}
    for name, text in made.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(tmp_path / n) for n in made] + [str(EDITION)]


def run(monkeypatch, engine, paths, fmt="text"):
    monkeypatch.setenv("TEI_EDITION_TEI_ALL", str(TEI_ALL_RNG))
    monkeypatch.setenv("TEI_EDITION_RNG_ENGINE", engine)
    return runner.invoke(app, ["validate", "--schema", "tei-all", "--format", fmt, *paths])


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    require(TEI_ALL_RNG.exists(), f"the official TEI schema is not at {TEI_ALL_RNG}")
    require(shutil.which("jing") is not None and shutil.which("java") is not None,
            "jing and Java are not installed (apt install jing)")
    paths = files(tmp_path_factory.mktemp("tei-all"))
    mp = pytest.MonkeyPatch()
    try:
        return {engine: json.loads(run(mp, engine, paths, "json").stdout) for engine in ("jing", "libxml2")}
    finally:
        mp.undo()


def test_both_engines_give_the_same_verdicts(both):
    verdicts = {e: {f["path"]: f["valid"] for f in data["files"]} for e, data in both.items()}
    assert verdicts["jing"] == verdicts["libxml2"]
    by_name = {p.rsplit("/", 1)[-1]: v for p, v in verdicts["jing"].items()}
    assert by_name == {"good.xml": True, "bad.xml": False, "other.xml": False, "xi.xml": False, EDITION.name: True}


def test_jing_checks_the_grammar_and_libxml2_what_jing_must_not_read(both):
    engines = {f["path"].rsplit("/", 1)[-1]: f.get("engine") for f in both["jing"]["files"]}
    assert engines["good.xml"] == engines["bad.xml"] == engines[EDITION.name] == "jing"
    assert engines["xi.xml"] == "libxml2"   # XInclude: Debian's jing would follow it
    assert {f.get("engine") for f in both["libxml2"]["files"]} <= {"libxml2", None}


def test_both_engines_name_the_line_of_the_problem(both):
    for data in both.values():
        bad = next(f for f in data["files"] if f["path"].endswith("bad.xml"))
        assert [(p["line"], p["rule"]) for p in bad["problems"]] == [(2, "tei-all")]
        assert "bogus" in bad["problems"][0]["message"]


def test_the_text_report_says_which_engine_ran(monkeypatch, tmp_path):
    require(TEI_ALL_RNG.exists(), f"the official TEI schema is not at {TEI_ALL_RNG}")
    require(shutil.which("jing") is not None and shutil.which("java") is not None,
            "jing and Java are not installed (apt install jing)")
    paths = files(tmp_path)
    result = run(monkeypatch, "jing", [paths[1]])
    assert result.exit_code == 1
    first, summary = result.stdout.strip().split("\n")
    assert first.startswith(f"{paths[1]}:2:") and first.endswith("[tei-all]") and "bogus" in first
    assert summary == "1 file(s) checked, 0 valid, 1 invalid (grammar checked by jing)"
    assert run(monkeypatch, "jing", [paths[0]]).exit_code == 0


def test_long_expected_lists_are_cut_to_twelve():
    names = ", ".join(f'"e{i}"' for i in range(30))
    message = _jing_message(f'element "x" not allowed here; expected element {names} (with xmlns:ns="u")')
    assert message == ('element "x" not allowed here; expected element e0, e1, e2, e3, e4, e5, e6, e7, e8, e9, '
                       'e10, e11, ... (30 in all)')
    assert _jing_message('ID "a" has already been defined') == 'ID "a" has already been defined'


def test_the_render_gate_asks_jing_instead_of_compiling_tei_all(monkeypatch, tmp_path):
    """With $TEI_EDITION_TEI_ALL set, the gate of render (and build) checks another project's TEI file with
    jing (one Java run) rather than compiling tei_all with libxml2 (6-12 s); a file tei_all refuses is
    refused with jing's message, and the grammar is still not compiled."""
    from tei import validate, xmlio

    require(TEI_ALL_RNG.exists(), f"the official TEI schema is not at {TEI_ALL_RNG}")
    require(shutil.which("jing") is not None and shutil.which("java") is not None,
            "jing and Java are not installed (apt install jing)")
    monkeypatch.setenv("TEI_EDITION_TEI_ALL", str(TEI_ALL_RNG))
    monkeypatch.delenv("TEI_EDITION_RNG_ENGINE", raising=False)
    monkeypatch.setattr(validate, "_shared", {})
    good, bad = (p for p in files(tmp_path) if p.endswith(("good.xml", "bad.xml")))
    assert validate.gate(xmlio.parse_file(good), good).startswith("outside the project customization")
    with pytest.raises(validate.InvalidDocument, match="bogus"):
        validate.gate(xmlio.parse_file(bad), bad)
    assert validate.shared_validator("tei-all")._compiled is None   # libxml2's tei_all never compiled


def test_java_run_directly_reports_what_debians_jing_reports(tmp_path):
    """The validator runs Debian's jing jar through java itself (JIT at its first tier, the wrapper's class path
    and XInclude property): on the same files it prints what /usr/bin/jing prints, line for line."""
    import subprocess

    from tei import validate

    require(TEI_ALL_RNG.exists(), f"the official TEI schema is not at {TEI_ALL_RNG}")
    require(shutil.which("jing") is not None and shutil.which("java") is not None,
            "jing and Java are not installed (apt install jing)")
    command = validate.jing_command()
    require(command[0] != shutil.which("jing"), "the jing installed here is not Debian's wrapper of its jar")
    assert "-XX:TieredStopAtLevel=1" in command and command[-1] == "com.thaiopensource.relaxng.util.Driver"
    paths = [p for p in files(tmp_path) if p.endswith(("good.xml", "bad.xml"))] + [str(EDITION)]
    direct = subprocess.run([*command, str(TEI_ALL_RNG), *paths], capture_output=True, text=True)
    wrapped = subprocess.run([shutil.which("jing"), str(TEI_ALL_RNG), *paths], capture_output=True, text=True)
    assert (direct.returncode, direct.stdout) == (wrapped.returncode, wrapped.stdout)
    assert direct.returncode == 1 and "bogus" in direct.stdout


def test_a_jing_that_is_not_debians_wrapper_is_run_as_it_is(tmp_path):
    from tei import validate

    other = tmp_path / "jing"
    other.write_text("#!/bin/sh\nexec java -jar /opt/jing/jing.jar \"$@\"\n")
    jars = tmp_path / "java"
    jars.mkdir()
    assert validate._jing_command(str(other), "/usr/bin/java", jars) == (str(other),)   # no jing.jar there
    (jars / "jing.jar").write_bytes(b"")
    assert validate._jing_command(str(other), "/usr/bin/java", jars) == (str(other),)   # not Debian's script
    other.write_text("#!/bin/sh\n. /usr/lib/java-wrappers/java-wrappers.sh\n"
                     "run_java com.thaiopensource.relaxng.util.Driver \"$@\"\n")
    command = validate._jing_command(str(other), "/usr/bin/java", jars)
    assert command[0] == "/usr/bin/java" and command[-3:] == ("-cp", str(jars / "jing.jar"), validate._JING_DRIVER)

"""Security: nothing is read that the user did not give, nothing is published that a source only points to,
no DTD or entity is ever processed, no schema import is fetched, and no source can put a live script URL into
an edition. Fixtures: tests/fixtures/hostile/ (README.md there says what each one is)."""
from __future__ import annotations

import os
import re
import shutil

import pytest
from lxml import etree, html
from typer.testing import CliRunner

import tei
from tei import outputs, render, xmlio
from tei.build import build
from tei.cli import app
from tei.validate import Validator, validate
from conftest import REPO, SEED, require

runner = CliRunner()
HOSTILE = REPO / "tests" / "fixtures" / "hostile"
EDITION = REPO / "editions" / (SEED.stem + ".xml")


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(outputs.CACHE_ENV, str(tmp_path / "cache"))


def all_output_bytes(folder):
    return b"".join(p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.is_symlink())


# --- symbolic links -----------------------------------------------------------------------------------------
def test_a_symlink_in_a_source_folder_is_refused_and_its_target_never_published(tmp_path):
    secret = tmp_path / "credentials"
    secret.write_text("Q: aws_secret_access_key = SECRET-KEY-1234\n")
    src = tmp_path / "corpus"
    src.mkdir()
    shutil.copy(SEED, src)
    (src / "leak.txt").symlink_to(secret)
    (src / "leak2.xml").symlink_to(EDITION)
    result = runner.invoke(app, ["build", str(src)])
    assert result.exit_code == 0, result.output
    assert "leak.txt: a symbolic link; refused, not followed" in result.stderr
    assert "leak2.xml: a symbolic link; refused" in result.stderr
    assert not (src / "leak.html").exists() and not (src / "leak2.html").exists()
    assert b"SECRET-KEY" not in all_output_bytes(src)


def test_a_symlinked_sidecar_is_refused(tmp_path):
    src = tmp_path / "corpus"
    src.mkdir()
    shutil.copy(SEED, src)
    secret = tmp_path / "secret.toml"
    secret.write_text('[source]\nplace = "SECRET-PLACE"\n')
    (src / (SEED.stem + ".toml")).symlink_to(secret)
    result = build(src)
    assert result.ok and any("symbolic link" in w for w in result.warnings)
    assert b"SECRET-PLACE" not in all_output_bytes(src)


def test_validate_does_not_follow_symlinks_inside_folders(tmp_path):
    folder = tmp_path / "tei"
    folder.mkdir()
    shutil.copy(EDITION, folder / "real.xml")
    (folder / "link.xml").symlink_to(EDITION)
    (folder / "linked-folder").symlink_to(REPO / "tests" / "fixtures" / "hostile")
    results = {r.path: r for r in validate([folder])}
    assert results[str(folder / "real.xml")].valid
    for name in ("link.xml", "linked-folder"):
        [problem] = results[str(folder / name)].problems
        assert problem.rule == "symlink" and problem.severity == "warning"
    assert not any("hostile" in p and "linked-folder/" in p for p in results)   # not entered


# --- XML: no DTD, no entity, no URL is ever opened ----------------------------------------------------------
@pytest.mark.parametrize("name, fragment", [
    ("utf16-doctype.xml", "DOCTYPE"),
    ("doctype-after-comment.xml", "'/dev/stdin', which is never opened"),
    ("dtd-beside.xml", "which is never opened"),
    ("entity-reference.xml", "Entity 'x' not defined"),
    ("billion-laughs.xml", "DOCTYPE"),
    ("xxe-file.xml", "DOCTYPE"),
])
def test_hostile_xml_is_refused_from_the_parse_itself(name, fragment):
    with pytest.raises(tei.InputError, match=re.escape(fragment)):
        xmlio.parse_file(HOSTILE / name)
    [result] = list(validate([HOSTILE / name]))
    assert not result.valid and len(result.problems) == 1 and fragment in result.problems[0].message


def test_the_parser_opens_no_file_a_document_names(tmp_path):
    """Seen by the DTD's access time (relatime updates it on a read when it is older than the mtime)."""
    shutil.copy(HOSTILE / "dtd-beside.xml", tmp_path)
    dtd = tmp_path / "dtd-beside.dtd"
    shutil.copy(HOSTILE / "dtd-beside.dtd", dtd)

    def read_since_reset():
        st = dtd.stat()
        os.utime(dtd, ns=(st.st_mtime_ns - 10**12, st.st_mtime_ns))
        return lambda: dtd.stat().st_atime_ns != st.st_mtime_ns - 10**12

    probe = read_since_reset()
    dtd.read_bytes()
    require(probe(), "this file system does not record access times")
    was_read = read_since_reset()
    with pytest.raises(tei.InputError, match="never opened"):
        xmlio.parse_file(tmp_path / "dtd-beside.xml")
    assert not was_read()
    assert not list(validate([tmp_path / "dtd-beside.xml"]))[0].valid and not was_read()


def test_a_dtd_beside_the_file_never_makes_it_valid_or_published(tmp_path):
    src = tmp_path / "tei"
    src.mkdir()
    shutil.copy(HOSTILE / "dtd-beside.xml", src)
    shutil.copy(HOSTILE / "dtd-beside.dtd", src)
    result = build(src)
    assert [p.name for p, _ in result.failed] == ["dtd-beside.xml"] and "DOCTYPE" in result.failed[0][1]
    assert not (src / "dtd-beside.html").exists()


def test_entity_nodes_never_reach_a_validator():
    data = EDITION.read_bytes().replace(b"Thank you. Our fight.", b"Thank you. &amp; Our fight.")
    assert xmlio.parse_bytes(data) is not None               # a character reference is plain text
    with pytest.raises(tei.InputError, match="not defined"):
        xmlio.parse_bytes(data.replace(b"&amp;", b"&custom;"))


# --- YAML -----------------------------------------------------------------------------------------------------
def test_a_yaml_alias_bomb_is_refused_at_once():
    data = (HOSTILE / "yaml-alias-bomb.md").read_bytes()
    assert len(data) < 420
    with pytest.raises(tei.InputError, match="aliases"):
        tei.convert(data)


def test_front_matter_dates_stay_as_printed():
    result = tei.convert("---\ntitle: A\ndate: 2020-02-30\n---\n\nQ: Hello?\n")
    assert b"date: 2020-02-30" in result.data and b'when="2020-02-30"' not in result.data


# --- URLs in the HTML edition -------------------------------------------------------------------------------
def links(page: bytes):
    return [a.get("href") for a in html.document_fromstring(page).iter("a") if a.get("href")]


def test_a_javascript_source_url_is_never_a_live_link(tmp_path):
    for source, meta in (("xss-source-url.md", None), ("xss-sidecar.txt", "xss-sidecar.toml")):
        result = tei.convert_file(HOSTILE / source, meta_path=HOSTILE / meta if meta else None)
        page = render.render(result.tree, "html")
        assert not [h for h in links(page) if "javascript" in h.lower().replace(" ", "")], source
        assert b"avascript:" in result.data or b"aVaScRiPt:" in result.data   # the TEI keeps the source's value
        markdown = render.render(result.tree, "markdown").decode("utf-8").lower()
        assert "](<javascript" not in markdown.replace(" ", ""), source        # nor a live link in Markdown


@pytest.mark.parametrize("target, live", [
    ("javascript:alert(1)", False), (" JaVaScRiPt:alert(1)", False), ("java\tscript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False), ("vbscript:msgbox(1)", False), ("file:///etc/passwd", False),
    ("https://www.defense.gov/x", True), ("http://example.org", True), ("mailto:a@b.org", True),
    ("#sp3", True), ("other.html#sp3", True), ("notes/a:b.html", True),
])
def test_ref_targets_are_live_links_only_with_a_safe_scheme(target, live):
    tree = xmlio.parse_file(EDITION)
    p = tree.getroot().find(".//{http://www.tei-c.org/ns/1.0}body//{http://www.tei-c.org/ns/1.0}p")
    ref = etree.SubElement(p, "{http://www.tei-c.org/ns/1.0}ref", target=target)
    ref.text = "LINKTEXT"
    page = render.render(tree, "html")
    anchors = [a for a in html.document_fromstring(page).iter("a") if a.text_content() == "LINKTEXT"]
    assert bool(anchors) is live and b"LINKTEXT" in page


def test_every_html_page_carries_a_content_security_policy(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEED, src)
    assert build(src).ok
    for page in (src / (SEED.stem + ".html"), src / "index.html", src / "speakers.html"):
        doc = html.document_fromstring(page.read_bytes())
        [csp] = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        assert "default-src 'none'" in csp and "form-action 'none'" in csp and "unsafe-eval" not in csp
        scripts = re.findall(r"script-src ([^;]*)", csp)
        # the index's script is a file beside it (site.js): 'self' only, never inline
        assert scripts == (["'self'"] if page.name == "index.html" else []), (page.name, csp)
        assert all(s.get("src") and not (s.text or "").strip() for s in doc.iter("script"))


# --- schemas: imports are local-only ------------------------------------------------------------------------
def _schema_importing(tmp_path, location):
    xsd = tmp_path / "my.xsd"
    xsd.write_text(f'''<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.tei-c.org/ns/1.0"
           xmlns:x="urn:x" elementFormDefault="qualified">
  <xs:import namespace="urn:x" schemaLocation="{location}"/>
  <xs:element name="TEI"/>
</xs:schema>
''')
    return xsd


@pytest.mark.parametrize("location", ["http://127.0.0.1:9/remote.xsd", "file:///etc/passwd", "../outside.xsd"])
def test_validate_schema_file_never_fetches_its_imports(tmp_path, location):
    (tmp_path / "outside.xsd").write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                                          'targetNamespace="urn:x"/>')
    inner = tmp_path / "schemas"
    inner.mkdir()
    xsd = _schema_importing(inner, location)
    with pytest.raises(tei.UsageError, match="not a usable schema"):
        Validator(str(xsd))


def test_a_schema_may_import_files_beside_it(tmp_path):
    (tmp_path / "x.xsd").write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                                    'targetNamespace="urn:x"/>')
    xsd = _schema_importing(tmp_path, "x.xsd")
    assert Validator(str(xsd)).kind == "xmlschema"


# --- sizes ----------------------------------------------------------------------------------------------------
def test_a_file_over_the_limit_is_refused_by_its_size_unread(tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(xmlio.MAX_INPUT_BYTES + 1)               # sparse: nothing to read, only a size
    result = runner.invoke(app, ["convert", str(huge)])
    assert result.exit_code == 2 and f"input is {xmlio.MAX_INPUT_BYTES + 1} bytes, over the" in result.stderr

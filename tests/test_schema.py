"""The project schema: generated, accepts the corpus, is a strict subset of TEI P5, and each rule fires."""
from __future__ import annotations

import importlib.util

import pytest
from lxml import etree

import tei
from tei.validate import Validator
from conftest import NS, REPO, SEED
from schema_instances import Instances

XSD = REPO / "schemas" / "tei-edition.xsd"
# Adversarial attribute values: whatever our XSD accepts among these, TEI must accept too.
SAMPLES = ["x", "a b", "", "#p1", "2016-01-21", "medium", "1", "1.5", "true", "http://example.org/a b", "-1",
           "en", "fr-CA", "free", "100"]


@pytest.fixture(scope="module")
def inst():
    return Instances(str(XSD))


def test_xsd_is_generated_from_its_table():
    spec = importlib.util.spec_from_file_location("gen", REPO / "schemas" / "generate_xsd.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert XSD.read_text(encoding="utf-8") == gen.generate(), "run: python schemas/generate_xsd.py"


def test_every_element_in_every_allowed_context_is_valid_tei(inst, tei_all):
    pairs = failures = 0
    problems = []
    for parent in inst.decls:
        for child in inst.children(parent):
            holder = inst.insert(inst.minimal(parent), inst.minimal(child))
            if holder is None:  # (p+ | bibl+): the child goes into a parent without the first alternative
                bare = inst.minimal(parent)
                bare[:] = []
                holder = inst.insert(bare, inst.minimal(child))
            assert holder is not None, (parent, child)
            doc = inst.document(holder)
            if doc is None:
                continue  # parent not reachable with this child in a minimal document
            assert inst.valid(doc), (parent, child)
            pairs += 1
            if not tei_all.validate(doc):
                failures += 1
                problems.append(f"<{child}> in <{parent}>: {tei_all.error_log.last_error}")
    assert pairs > 400
    assert not problems, "\n".join(problems[:20])


def test_every_attribute_value_our_xsd_accepts_is_valid_tei(inst, tei_all):
    problems, checked = [], 0
    for name in inst.decls:
        doc = inst.document(inst.minimal(name))
        if doc is None:
            continue
        target = list(doc.iter(f"{{http://www.tei-c.org/ns/1.0}}{name}"))[-1]
        for attr in inst.attributes(name):
            if attr.startswith("{"):
                continue  # xml:id and xml:lang are checked by the rules and the corpus
            for value in SAMPLES:
                before = target.get(attr)
                target.set(attr, value)
                if inst.schema.is_valid(doc):
                    checked += 1
                    if not tei_all.validate(doc):
                        problems.append(f"{name}/@{attr}={value!r}: {tei_all.error_log.last_error}")
                if before is None:
                    del target.attrib[attr]
                else:
                    target.set(attr, before)
    assert checked > 300
    assert not problems, "\n".join(problems[:20])


def test_hand_edited_document_with_editor_additions_is_valid_in_both(tei_all):
    root = etree.fromstring(tei.convert_file(SEED).data)
    p = root.find(".//t:sp/t:p", NS)
    t = "{http://www.tei-c.org/ns/1.0}"
    additions = etree.fromstring(
        '<x xmlns="http://www.tei-c.org/ns/1.0"> Met <persName ref="#carter">Ash Carter</persName> of the '
        '<orgName>DoD</orgName> in <placeName>Paris</placeName> on <date when="2016-01-20">Wednesday</date>, '
        'saw <choice><sic>teh</sic><corr>the</corr></choice> <unclear reason="inaudible">words</unclear> and '
        '<supplied reason="omitted">this</supplied> <ref target="https://example.org">link</ref>'
        '<note type="editorial">An editor\'s note.</note> <foreign xml:lang="fr">oui</foreign>.</x>')
    p.extend(additions)
    p[-1].tail = (p[-1].tail or "")
    header = root.find("t:teiHeader", NS)
    rev = etree.SubElement(header, f"{t}revisionDesc")
    etree.SubElement(rev, f"{t}change", when="2026-11-24").text = "Names tagged by hand."
    tree = etree.ElementTree(root)
    result = Validator("project").validate_tree(tree, "hand-edited.xml")
    assert result.valid, [str(x) for x in result.problems]
    assert tei_all.validate(tree), tei_all.error_log


def test_corpus_and_default_edition_pass_the_project_schema_and_rules():
    v = Validator("project")
    assert v.validate_file(REPO / "editions" / (SEED.stem + ".xml")).problems == []


def _broken(mutate) -> list:
    root = etree.fromstring(tei.convert_file(SEED).data)
    mutate(root)
    return Validator("project").validate_tree(etree.ElementTree(root), "broken.xml").problems


def _first(root, xpath):
    return root.xpath(xpath, namespaces=NS)[0]


# One way to break each rule (the cases below add edge cases for the one-pass check).
_RULE_BREAKS = [
    ("who-declared", lambda r: _first(r, "//t:sp[2]").set("who", "#nobody")),
    ("who-declared-all", lambda r: _first(r, "//t:sp[2]").set("who", "#carter #ghost")),
    ("who-declared", lambda r: _first(r, "//t:sp[2]").set("who", "")),
    ("id-unique", lambda r: _first(r, "//t:sp[3]").set("{http://www.w3.org/XML/1998/namespace}id", "sp1")),
    ("gap-reason", lambda r: _first(r, "//t:gap").attrib.pop("reason")),
    ("lang-declared", lambda r: _first(r, "//t:p").set("{http://www.w3.org/XML/1998/namespace}lang", "de")),
    ("sp-attributed", lambda r: _first(r, "(//t:sp[not(@resp)])[2]").remove(_first(r, "(//t:sp[not(@resp)])[2]/t:speaker"))),
    ("date-agrees", lambda r: _first(r, "//t:sourceDesc/t:bibl/t:date").set("when", "2016-01-22")),
    ("setting-date-agrees", lambda r: _first(r, "//t:setting/t:date").set("when", "2015-01-01")),
]


@pytest.mark.parametrize("rule,mutate", _RULE_BREAKS)
def test_each_rule_fires_when_broken(rule, mutate):
    problems = _broken(mutate)
    fired = [p for p in problems if p.rule == rule]
    assert fired, [str(p) for p in problems]
    assert all(p.line > 1 for p in fired)


_SCHEMATRON_CASES = _RULE_BREAKS + [
    ("who-declared", lambda r: _first(r, "//t:sp[2]").set("who", " \t ")),
    ("gap-reason", lambda r: _first(r, "//t:gap").set("reason", " \n")),
    ("change-who", lambda r: _change(r, "#carter")),
    (None, lambda r: _change(r, "#edition-editor")),
    (None, lambda r: _first(r, "//t:sp[2]").set("who", "#carter\t#carter ")),
    (None, lambda r: _first(r, "//t:sp[2]").set("who", "  #carter")),
    (None, lambda r: _first(r, "//t:sourceDesc/t:bibl/t:date").set("resp", "#edition-editor")),
    (None, lambda r: None),
]


TEI = NS["t"]


def _change(root, who):
    """A revisionDesc change by `who` (the editor's id, declared here, or a participant's: wrong)."""
    editor = etree.SubElement(_first(root, "//t:titleStmt"), f"{{{TEI}}}editor")
    editor.set("{http://www.w3.org/XML/1998/namespace}id", "edition-editor")
    header = _first(root, "//t:teiHeader")
    desc = header.find("t:revisionDesc", NS)
    if desc is None:
        desc = etree.SubElement(header, f"{{{TEI}}}revisionDesc")
    change = etree.SubElement(desc, f"{{{TEI}}}change", who=who, when="2026-01-01")
    change.text = "checked"


@pytest.mark.parametrize("rule,mutate", _SCHEMATRON_CASES)
def test_one_pass_rule_check_agrees_with_schematron(rule, mutate):
    """validate.rules_hold (the fast path) may say True only where Schematron passes too: on each case it
    agrees with Schematron run on its own (and the case breaks the rule it names, or none)."""
    from tei.validate import _load_rules, rules_hold

    root = etree.fromstring(tei.convert_file(SEED).data)
    mutate(root)
    schematron = _load_rules()
    passed = schematron.validate(etree.ElementTree(root))
    assert rules_hold(root) == passed
    fired = {fa.get("id") for fa in schematron.validation_report.iter(
        "{http://purl.oclc.org/dsdl/svrl}failed-assert")}
    assert rule in fired if rule else not fired


def test_one_pass_rule_check_agrees_on_every_tei_we_have():
    from tei.validate import _load_rules, rules_hold

    schematron = _load_rules()
    files = [p for p in sorted((REPO / "tests").rglob("*.xml")) if "hostile" not in p.parts]
    files += sorted((REPO / "editions").glob("*.xml"))
    checked = 0
    for path in files:
        try:
            tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            continue
        if rules_hold(tree.getroot()):
            assert schematron.validate(tree), path
        checked += 1
    data = REPO / "tests" / "data"
    for path in sorted(data.glob("heldout/*.txt")) + sorted(data.glob("fresh/*.txt")):   # not built on them
        tree = tei.convert_file(path).tree
        assert rules_hold(tree.getroot()) == schematron.validate(tree), path
        checked += 1
    assert checked >= 20


def test_sp_with_editorial_attribution_needs_no_speaker():
    def mutate(r):
        sp = _first(r, "//t:sp[t:speaker/t:supplied]")
        sp.remove(sp.find("t:speaker", NS))
    assert not [p for p in _broken(mutate) if p.rule == "sp-attributed"]


def test_grammar_errors_name_the_element_and_line():
    def mutate(r):
        sp = _first(r, "//t:sp[2]")
        etree.SubElement(sp, "{http://www.tei-c.org/ns/1.0}bogus")
        sp.set("cert", "sure")
    problems = [p for p in _broken(mutate) if p.rule == "schema"]
    assert any("bogus" in p.message for p in problems)
    assert any("cert" in p.message and "high" in p.message for p in problems)

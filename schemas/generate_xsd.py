"""Generates tei-edition.xsd from the table below: the single source of the project's TEI customization.

Each row names an element, its content (a restriction of the TEI macro it belongs to), its attributes and a
purpose line (which the docs print). Run `python schemas/generate_xsd.py` after editing; a test fails when the
committed XSD differs from what this writes. Every document the XSD accepts must be valid TEI P5 (tei_all):
tests/test_schema.py checks every element in every context the XSD allows against the official schema.
"""
from __future__ import annotations

from pathlib import Path

E: dict[str, tuple[str, list[str], str]] = {}


def el(name: str, content: str, attrs: str = "", doc: str = "") -> None:
    E[name] = (content, attrs.split(), doc)


# --- inline -------------------------------------------------------------------------------------------------
el("hi", "para", "", "highlighted text (Markdown emphasis in the source: rend='italic')")
el("emph", "para", "", "emphasis added by an editor")
el("foreign", "phraseSeq", "", "a passage in another language, with xml:lang")
el("term", "phraseSeq", "type ref", "a technical term, or a keyword in textClass")
el("q", "para", "type who", "a quotation or quoted speech")
el("title", "para", "type level", "a title (of the document, or cited in the text)")
el("del", "para", "type", "deleted text (strike-through in the source)")
el("add", "para", "type place", "text inserted in the source, e.g. a transcriber's [bracketed] insertion")
el("supplied", "para", "reason", "text supplied by the editor (e.g. the label of an unlabeled turn)")
el("unclear", "para", "reason", "text that cannot be transcribed with certainty")
el("sic", "para", "", "text reproduced although apparently wrong")
el("corr", "para", "", "a correction of apparently wrong text")
el("reg", "para", "", "a regularised form")
el("orig", "para", "", "an original form")
el("choice", "choice", "", "alternative encodings of one passage (sic/corr, orig/reg)")
el("subst", "subst", "", "a deletion and an addition that are one correction (<s>old</s> [new] in the source)")
el("seg", "para", "type subtype", "an arbitrary segment of text")
el("persName", "persName", "type ref role", "a personal name")
el("placeName", "phraseSeq", "type ref", "a place name")
el("orgName", "phraseSeq", "type ref", "an organisation name")
el("name", "phraseSeq", "type ref", "a name of any kind")
el("date", "phraseSeq", "when notBefore notAfter from to type", "a date, with ISO @when")
el("ref", "para", "target type", "a reference or link")
el("roleName", "phraseSeq", "type", "a title or role within a name")
el("forename", "phraseSeq", "type", "a forename")
el("surname", "phraseSeq", "type", "a surname")
el("addName", "phraseSeq", "type", "an additional name (epithet, nickname)")
# --- spoken events and editorial marks (TEI model.global) ---------------------------------------------------
el("gap", "descs", "reason agent extent unit quantity",
   "an omission: inaudible or untranscribed speech, crosstalk, a lacuna")
el("vocal", "descs", "who type", "a non-lexical vocal event (laughter)")
el("kinesic", "descs", "who type", "a communicative movement (applause, a gesture)")
el("incident", "descs", "who type", "a non-communicative event (an order is signed, a break)")
el("pause", "empty", "who type", "a pause")
el("note", "note", "type subtype place target anchored", "a note: the source's remark, or an editorial note")
el("lb", "empty", "", "a line break")
el("anchor", "empty", "type", "a point that notes and links can refer to")
el("desc", "limited", "type", "the source wording of a remark or event")
# --- blocks -------------------------------------------------------------------------------------------------
el("p", "para", "", "a paragraph")
el("stage", "para", "type", "stage information: place, time and END lines")
el("head", "para", "type", "a heading (Public Papers topic lines)")
el("speaker", "phraseSeq", "", "the speaker label as printed")
el("sp", "sp", "who", "a speech turn; @who points to a participant")
el("div", "div", "type subtype", "a division of the transcript")
el("body", "body", "", "the transcript")
el("front", "front", "", "the source's own header lines, as printed")
el("docTitle", "docTitle", "", "the title as printed in the source")
el("titlePart", "para", "type", "a part of the printed title")
el("docDate", "phraseSeq", "when", "the date line as printed")
el("byline", "byline", "", "the byline as printed")
el("docAuthor", "phraseSeq", "", "an author name in a byline")
el("text", "textEl", "", "the transcript text: every word of the source is here")
el("TEI", "TEI", "version", "the document")
# --- header -------------------------------------------------------------------------------------------------
el("teiHeader", "teiHeader", "", "the header: metadata about the transcript and the edition")
el("fileDesc", "fileDesc", "", "bibliographic description")
el("titleStmt", "titleStmt", "", "title and responsibility")
el("author", "phraseSeq", "ref role", "the principal speaker as author")
el("editor", "phraseSeq", "ref role", "the editor of the edition")
el("respStmt", "respStmt", "", "a statement of responsibility")
el("resp", "plain", "", "a kind of responsibility")
el("publicationStmt", "publicationStmt", "", "publication and availability of the edition")
el("publisher", "phraseSeq", "ref", "the publisher")
el("pubPlace", "phraseSeq", "", "a place of publication")
el("availability", "availability", "status", "availability of the text")
el("licence", "licence", "target", "the licence or public-domain statement")
el("idno", "plain", "type", "an identifier")
el("notesStmt", "notesStmt", "", "notes about the text, e.g. the archive disclaimer")
el("sourceDesc", "sourceDesc", "", "the source transcript")
el("bibl", "bibl", "type", "a bibliographic citation of the source")
el("encodingDesc", "encodingDesc", "", "how the text was encoded")
el("appInfo", "appInfo", "", "applications that processed the text")
el("application", "application", "ident version", "an application (tei-edition and its version)")
el("label", "phraseSeq", "", "a label")
el("projectDesc", "pOnly", "", "the project's aims")
el("editorialDecl", "editorialDecl", "", "editorial principles")
el("normalization", "pOnly", "", "normalisation applied")
el("interpretation", "pOnly", "", "interpretation applied (attribution, remarks, languages)")
el("correction", "pOnly", "", "how corrections were made")
el("segmentation", "pOnly", "", "how the text was segmented")
el("classDecl", "classDecl", "", "classification schemes")
el("taxonomy", "taxonomy", "", "a taxonomy (speech categories such as 'interpreted')")
el("category", "category", "", "a category of a taxonomy")
el("catDesc", "plain", "", "a category's description")
el("profileDesc", "profileDesc", "", "languages, participants, setting, keywords")
el("langUsage", "langUsage", "", "every language of the text")
el("language", "plain", "ident usage", "a language; @ident is its ISO 639 code")
el("particDesc", "particDesc", "", "the participants")
el("listPerson", "listPerson", "type", "a list of participants")
el("person", "person", "role sex age", "a participant")
el("personGrp", "person", "role size", "a group of participants (questioners, the audience)")
el("occupation", "phraseSeq", "type", "an occupation")
el("affiliation", "phraseSeq", "type", "an affiliation")
el("settingDesc", "settingDesc", "", "the setting of the speech")
el("setting", "setting", "", "a setting: place and date")
el("textClass", "textClass", "", "classification of the text")
el("keywords", "keywords", "scheme", "keywords")
el("revisionDesc", "revisionDesc", "status", "the history of hand edits")
el("change", "para", "when who type target", "one change to the edition (an editor's correction, with @target)")

PHRASE = ["hi", "emph", "foreign", "term", "q", "title", "del", "add", "supplied", "unclear", "sic", "corr", "reg",
          "orig", "choice", "subst", "seg", "persName", "placeName", "orgName", "name", "date", "ref"]
GLOBAL = ["gap", "vocal", "kinesic", "incident", "pause", "note", "lb", "anchor"]
LIMITED = ["hi", "emph", "foreign", "term", "title", "choice", "date", "persName", "placeName", "orgName", "name"]

ATTR_TYPES = {
    "when": "temporal", "notBefore": "temporal", "notAfter": "temporal", "from": "temporal", "to": "temporal",
    "who": "pointers", "target": "pointers", "ref": "pointers", "anchored": "xs:boolean",
    "quantity": "xs:decimal",
}
# Per element, where TEI's datatype is narrower than a word (found by tests/test_schema.py's samples).
ATTR_TYPES_BY_ELEMENT = {
    ("application", "ident"): "xs:NCName", ("application", "version"): "version", ("TEI", "version"): "version",
    ("language", "ident"): "xs:language", ("language", "usage"): "percentage",
    ("availability", "status"): "availabilityStatus", ("title", "level"): "titleLevel",
}
REQUIRED = {("language", "ident"), ("application", "ident"), ("application", "version")}


def _refs(elements=(), groups=()) -> str:
    return "".join(f'<xs:group ref="{g}"/>' for g in groups) + "".join(f'<xs:element ref="{x}"/>' for x in elements)


def mixed(groups, extra=()) -> str:
    return (f'<xs:complexType mixed="true"><xs:choice minOccurs="0" maxOccurs="unbounded">{_refs(extra, groups)}'
            '</xs:choice>{attrs}</xs:complexType>')


def seq(*parts) -> str:
    return "<xs:complexType><xs:sequence>" + "".join(parts) + "</xs:sequence>{attrs}</xs:complexType>"


def e(name, mn=1, mx=1) -> str:
    occ = (f' minOccurs="{mn}"' if mn != 1 else "") + (f' maxOccurs="{mx}"' if mx != 1 else "")
    return f'<xs:element ref="{name}"{occ}/>'


def ch(elements, mn=1, mx="unbounded", groups=()) -> str:
    return f'<xs:choice minOccurs="{mn}" maxOccurs="{mx}">{_refs(elements, groups)}</xs:choice>'


def alt(*names) -> str:
    """One of: several A, or several B (TEI's (p+ | bibl+) patterns)."""
    return "<xs:choice>" + "".join(e(n, 1, "unbounded") for n in names) + "</xs:choice>"


CONTENT = {
    "para": mixed(["phrase", "global"], ["stage"]),
    "phraseSeq": mixed(["phrase", "global"]),
    "persName": mixed(["phrase", "global"], ["roleName", "forename", "surname", "addName"]),
    "limited": mixed(["limited"]),
    "plain": ('<xs:complexType><xs:simpleContent><xs:extension base="xs:string">{attrs}</xs:extension>'
              '</xs:simpleContent></xs:complexType>'),
    "empty": "<xs:complexType>{attrs}</xs:complexType>",
    "descs": seq(e("desc", 0, "unbounded")),
    "note": mixed(["phrase", "global"], ["stage", "p"]),
    "choice": seq(ch(["sic", "corr", "reg", "orig", "unclear", "supplied"], 2)),
    "subst": seq(e("del"), e("add")),
    "sp": seq(ch(["speaker", "p", "stage"], 0, groups=["global"])),
    "div": seq(e("head", 0, "unbounded"), ch(["sp", "p", "stage"], 0, groups=["global"]), e("div", 0, "unbounded")),
    "body": seq(e("div", 1, "unbounded")),
    "front": seq(ch(["docTitle", "docDate", "byline", "docAuthor", "titlePart", "head", "p"], 0, groups=["global"]),
                 e("div", 0, "unbounded")),
    "docTitle": seq(e("titlePart", 1, "unbounded")),
    "byline": mixed(["phrase", "global"], ["docAuthor"]),
    "textEl": seq(e("front", 0), e("body")),
    "TEI": seq(e("teiHeader"), e("text")),
    "teiHeader": seq(e("fileDesc"), e("encodingDesc", 0), e("profileDesc", 0), e("revisionDesc", 0)),
    "fileDesc": seq(e("titleStmt"), e("publicationStmt"), e("notesStmt", 0), e("sourceDesc", 1, "unbounded")),
    "titleStmt": seq(e("title", 1, "unbounded"), ch(["author", "editor", "respStmt"], 0)),
    "respStmt": seq(e("resp", 1, "unbounded"), ch(["name", "persName", "orgName"], 1), e("note", 0, "unbounded")),
    "publicationStmt": seq(e("publisher"), ch(["availability", "date", "pubPlace", "idno", "ref"], 0)),
    "availability": seq(ch(["licence", "p"], 1)),
    "licence": mixed(["phrase", "global"], ["p"]),
    "notesStmt": seq(e("note", 1, "unbounded")),
    "sourceDesc": seq(alt("bibl", "p")),
    "bibl": mixed(["global"], ["title", "author", "editor", "respStmt", "date", "publisher", "pubPlace", "ref",
                               "idno"]),
    "encodingDesc": seq(ch(["projectDesc", "appInfo", "editorialDecl", "classDecl", "p"], 1)),
    "appInfo": seq(e("application", 1, "unbounded")),
    "application": seq(e("label", 1, "unbounded"), e("p", 0, "unbounded")),
    "pOnly": seq(e("p", 1, "unbounded")),
    "editorialDecl": seq(ch(["p", "normalization", "interpretation", "correction", "segmentation"], 1)),
    "classDecl": seq(e("taxonomy", 1, "unbounded")),
    "taxonomy": seq(e("category", 1, "unbounded")),
    "category": seq(e("catDesc", 1, "unbounded"), e("category", 0, "unbounded")),
    "profileDesc": seq(ch(["langUsage", "particDesc", "settingDesc", "textClass"], 0)),
    "langUsage": seq(e("language", 1, "unbounded")),
    "particDesc": seq(ch(["listPerson", "person", "personGrp"], 1)),
    "listPerson": seq(e("head", 0, "unbounded"), ch(["person", "personGrp", "listPerson"], 1)),
    "person": seq(ch(["persName", "name", "occupation", "affiliation", "idno", "note"], 0)),
    "settingDesc": seq(alt("setting", "p")),
    "setting": seq(ch(["name", "persName", "orgName", "placeName", "date"], 0)),
    "textClass": seq(e("keywords", 0, "unbounded")),
    "keywords": seq(e("term", 1, "unbounded")),
    "revisionDesc": seq(e("change", 1, "unbounded")),
}

HEAD = r"""<?xml version="1.0" encoding="UTF-8"?>
<!-- tei-edition: the project's TEI P5 customization for speech-transcript editions.
     GENERATED by schemas/generate_xsd.py: edit the table there, not this file.
     A strict subset of TEI P5 (tei_all 4.12): every document it accepts is valid TEI (tested).
     Rules XSD 1.0 cannot state (pointers, declared languages, dates) are in tei-edition.sch. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="http://www.tei-c.org/ns/1.0"
           xmlns:xml="http://www.w3.org/XML/1998/namespace"
           targetNamespace="http://www.tei-c.org/ns/1.0" elementFormDefault="qualified">
  <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml.xsd"/>
  <xs:simpleType name="pointers"><xs:restriction><xs:simpleType><xs:list itemType="xs:anyURI"/></xs:simpleType><xs:minLength value="1"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="word"><xs:restriction base="xs:token"><xs:pattern value="[^\s]+"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="words"><xs:restriction><xs:simpleType><xs:list itemType="word"/></xs:simpleType><xs:minLength value="1"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="temporal"><xs:union memberTypes="xs:date xs:dateTime xs:gYear xs:gYearMonth xs:time"/></xs:simpleType>
  <xs:simpleType name="certainty"><xs:restriction base="xs:token"><xs:enumeration value="high"/><xs:enumeration value="medium"/><xs:enumeration value="low"/><xs:enumeration value="unknown"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="version"><xs:restriction base="xs:token"><xs:pattern value="[\d]+(\.[\d]+){0,2}"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="percentage"><xs:restriction base="xs:nonNegativeInteger"><xs:maxInclusive value="100"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="availabilityStatus"><xs:restriction base="xs:token"><xs:enumeration value="free"/><xs:enumeration value="unknown"/><xs:enumeration value="restricted"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="titleLevel"><xs:restriction base="xs:token"><xs:enumeration value="a"/><xs:enumeration value="m"/><xs:enumeration value="j"/><xs:enumeration value="s"/><xs:enumeration value="u"/></xs:restriction></xs:simpleType>
  <xs:attributeGroup name="att.global">
    <xs:attribute ref="xml:id"/><xs:attribute ref="xml:lang"/>
    <xs:attribute name="n" type="xs:string"/><xs:attribute name="rend" type="words"/>
    <xs:attribute name="resp" type="pointers"/><xs:attribute name="cert" type="certainty"/>
    <xs:attribute name="ana" type="pointers"/><xs:attribute name="corresp" type="pointers"/>
    <xs:attribute name="source" type="pointers"/>
  </xs:attributeGroup>
"""


def _attrs(name: str, attrs: list[str]) -> str:
    out = ['<xs:attributeGroup ref="att.global"/>']
    for a in attrs:
        use = ' use="required"' if (name, a) in REQUIRED else ""
        out.append(f'<xs:attribute name="{a}" type="{ATTR_TYPES_BY_ELEMENT.get((name, a), ATTR_TYPES.get(a, "word"))}"{use}/>')
    return "".join(out)


def generate() -> str:
    lines = [HEAD.rstrip("\n")]
    for group, members in (("phrase", PHRASE), ("global", GLOBAL), ("limited", LIMITED)):
        lines.append(f'  <xs:group name="{group}"><xs:choice>{_refs(members)}</xs:choice></xs:group>')
    for name in sorted(E, key=str.lower):
        content, attrs, doc = E[name]
        body = CONTENT[content].replace("{attrs}", _attrs(name, attrs))
        lines.append(f'  <xs:element name="{name}"><xs:annotation><xs:documentation>{doc}</xs:documentation>'
                     f'</xs:annotation>{body}</xs:element>')
    lines.append("</xs:schema>")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    (Path(__file__).resolve().parent / "tei-edition.xsd").write_text(generate(), encoding="utf-8")

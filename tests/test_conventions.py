"""The conventions registry: every row's example converts to the TEI form the row promises."""
from __future__ import annotations

import pytest

import tei
from tei.conventions import REMARKS, match_remark
from tei.docs import conventions_table
from conftest import NS
from wordcheck import source_words, tei_words

TAG = {"gap": "gap", "vocal": "vocal", "kinesic": "kinesic", "incident": "incident", "note": "note", "pause": "pause",
       "foreign-gap": "foreign"}


def transcript(example: str) -> str:
    return f"Title of the remarks\n\nJan. 1, 2020\n\nMODERATOR: Welcome.\n\n{example}\n"


@pytest.mark.parametrize("conv", REMARKS, ids=[c.id for c in REMARKS])
def test_each_remark_row_example_becomes_its_element(conv):
    result = tei.convert(transcript(conv.example))
    root = result.tree.getroot()
    found = root.findall(f".//t:{TAG[conv.element]}", NS)
    assert found, f"{conv.id}: no <{TAG[conv.element]}> in {result.data.decode()[-800:]}"
    for key, value in conv.attrs.items():
        if conv.element != "foreign-gap":
            assert any(el.get(key) == value for el in found), (conv.id, key)
    assert source_words(transcript(conv.example)) == tei_words(root)  # the remark's wording is kept


@pytest.mark.parametrize("conv", REMARKS, ids=[c.id for c in REMARKS])
def test_each_remark_row_matches_its_source_forms(conv):
    for form in conv.source.split(", "):
        inner = form.strip()[1:-1]
        hit = match_remark(inner)
        assert hit is not None and hit[0].id == conv.id, (form, hit and hit[0].id)


def test_unknown_parenthetical_stays_as_text_and_is_reported():
    result = tei.convert(transcript("SEC. CARTER: We agree. (Something entirely new.) Next."))
    p = result.tree.getroot().xpath("//t:p[contains(., 'entirely new')]", namespaces=NS)
    assert p and "(Something entirely new.)" in "".join(p[0].itertext())
    assert any(w.convention == "text.unknown-remark" and "(Something entirely new.)" in w.message
               for w in result.warnings)


def test_unbalanced_parenthesis_is_kept_and_reported():
    result = tei.convert(transcript("Q: (Speaks Spanish.) (No translation provided. Thank you."))
    assert "(No translation provided. Thank you." in result.data.decode()
    assert any("unbalanced" in w.message for w in result.warnings)


def test_brackets_are_remarks_or_editor_insertions():
    text = ("The President.  Question?\n\nQ. Yes, Helen [Helen Thomas, United Press International]? [Laughter]\n")
    root = tei.convert(text, style="public-papers").tree.getroot()
    assert root.findtext(".//t:add[@rend='brackets']", namespaces=NS) == "Helen Thomas, United Press International"
    assert root.find(".//t:vocal[@rend='brackets']", NS) is not None


def test_markdown_correction_becomes_del_and_add():
    md = "---\ntitle: T\ndate: '2025-01-24'\n---\n\nTHE PRESIDENT:  <s>Johnson</s> \\[Thompson\\], what he did.\n"
    root = tei.convert(md).tree.getroot()
    assert root.findtext(".//t:subst/t:del[@rend='strikethrough']", namespaces=NS) == "Johnson"
    assert root.findtext(".//t:subst/t:add", namespaces=NS) == "Thompson"


def test_docs_table_lists_every_row():
    table = conventions_table()
    for conv in REMARKS:
        assert f"`{conv.id}`" in table


def test_committed_docs_are_generated_from_the_code():
    from conftest import REPO
    from tei.docs import DOCS

    for name, make in DOCS.items():
        committed = (REPO / "docs" / name).read_text(encoding="utf-8")
        assert committed == make(), f"docs/{name} is stale: run python -m tei.docs"


def test_a_public_papers_heading_heads_something_a_cut_off_last_line_is_not_one():
    """The American Presidency Project's excerpts stop mid-label ("Presid"): a short last line, no heading."""
    text = "The President.  Thank you all.\n\nPrime Minister Sunak.  Thank you.\n\nPresid"
    root = tei.convert(text, style="public-papers").tree.getroot()
    assert root.find(".//t:head", NS) is None and "Presid" in "".join(root.find(".//t:body", NS).itertext())
    root = tei.convert("The President.  Thank you.\n\nTrade Policy\n\nThe President.  Next.\n",
                       style="public-papers").tree.getroot()
    assert root.findtext(".//t:head", namespaces=NS) == "Trade Policy"

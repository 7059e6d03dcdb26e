"""Documentation that cannot drift: the conventions table is checked against the encoder's real output for
each row's example, and the generated pages (conventions, schema, CLI reference) are what the code produces."""
from __future__ import annotations

import dataclasses

import pytest

from tei import docs
from tei.conventions import ALL, BY_ID


@pytest.mark.parametrize("conv", ALL, ids=[c.id for c in ALL])
def test_each_rows_stated_tei_form_is_what_the_encoder_emits_for_its_example(conv):
    assert docs.claims(conv.tei), f"{conv.id}: the TEI form names no element or path that can be checked"
    assert docs.check_row(conv) == [], (f"{conv.id}: stated {conv.tei!r}, but the encoder emits "
                                        f"{docs.emitted(conv) or 'none of it'} for {docs.example_document(conv)!r}")


@pytest.mark.parametrize("wrong", [
    '<gap reason="editorial" resp="#tei-edition"/>',          # the old lacuna row: a wrong attribute value
    '<gap reason="lacuna"><desc>lacuna</desc></gap>',         # a child the encoder does not emit
    '<sp who="#moderator"><supplied>',                        # supplied is inside speaker, not sp
    "front/byline",                                           # a path that is not there
])
def test_the_check_fails_when_a_row_disagrees_with_the_encoder(wrong):
    row = dataclasses.replace(BY_ID["break.lacuna"], tei=wrong)
    assert docs.check_row(row) != []


def test_the_table_shows_the_encoders_output():
    table = docs.conventions_table()
    assert '`<gap reason="lacuna" resp="#tei-edition" cert="medium"/>`' in table
    assert "<supplied reason=\"unlabeled-turn\" resp=\"#tei-edition\">" in table
    tsv = docs.conventions_table("tsv").splitlines()
    assert tsv[0].split("\t")[:4] == ["id", "source", "tei", "emitted"] and len(tsv) == len(ALL) + 1


def test_cli_reference_has_every_user_command_and_no_maintainer_command():
    from typer.main import get_command
    from tei.cli import app

    page = docs.cli_reference()
    for name in get_command(app).commands:
        assert f"## tei-edition {name}\n" in page and f"Usage: tei-edition {name} " in page
    assert "tei-edition docs" not in page and "\x1b[" not in page


def test_docs_module_checks_and_writes(tmp_path):
    assert docs.main([str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(docs.DOCS)
    assert docs.main([str(tmp_path), "--check"]) == 0
    (tmp_path / "cli.md").write_text("stale\n")
    assert docs.main([str(tmp_path), "--check"]) == 1

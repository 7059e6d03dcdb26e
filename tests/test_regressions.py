"""Inputs that once broke the converter (found by the property tests and the fuzzer), kept as regressions.
Each is checked for the same properties as generated transcripts."""
from __future__ import annotations

import pytest

import tei
from tei import fidelity, render, xmlio
from tei.validate import Validator
from wordcheck import source_words, tei_words

FOUND = [
    # property test: a lower-case line was read as a title; no turns left an empty listPerson (invalid)
    "the --\n\n",
    # a lone remark line, then nothing
    "(inaudible)\n",
    # fuzzer: an unknown front-matter key was dropped (the fidelity gate refused the conversion)
    "---\ntitla: T\ndate: 2020-01-01\n---\n\nEast Room\n\nTHE PRESIDENT:\u00a0 Hello.\n",
    # fuzzer: a bracketed insertion inside a word ("Jan[si^]") was read back glued to it
    "Remarks ~t a Test\n\nJan[si^] (ph)\n",
    # fuzzer: the text edition printed a deletion glued to the next word ("<s>a</s>b")
    "---\ntitle: T\ndate: 2020-01-01\n---\n\nTHE PRESIDENT:  Hello *merci*s <s>a</s>\u00ff\u00ff R \\[b\\].\n",
    # fuzzer: Markdown in a line read as a stage line (<s>a</s>) was kept as literal text
    "---\ntitle: T\ndate: 2020-01-01\n---\n\nEast Room\n\nTHE PRESIDENT:\u00c2 Hel\u00df* <s>a</s> \\[b\\]2\n\nQ    (Cross-talk.)\n",
    # fuzzer: a front-matter date that is not a date was dropped
    "---\ntitl`: T\ndate: 2020-01f01\n---\n\nEast Room\n\nTHE PRESIDENT:\u00a0 Hello.\n",
    # issue 13: a remark before the first label left #audience undeclared
    "---\ntitle: A\n---\n\n(Laughter.)\n\nTHE PRESIDENT: Hi.\n",
    # property test (issue 13): a language named before the first label was not declared in langUsage
    "---\ntitle: R\ndate: '2022-12-01'\n---\n\nthe the (SPEAKING IN FRENCH) --\n\nTHE PRESIDENT: Thank you.\n",
    # issue 13: a date that is no calendar date crashed the YAML reader; one with a suffix lost the suffix
    "---\ntitle: A\ndate: 2020-02-30\n---\n\nQ: Hello?\n",
    "---\ntitle: A\ndate: '2022-12-01 (corrected)'\n---\n\nTHE PRESIDENT: Hi.\n",
    # issue 13: a <s> tag closed by another tag failed the fidelity gate
    "---\ntitle: A\ndate: '2022-12-01'\n---\n\nTHE PRESIDENT: I met <s>Johnson</b> \\[Thompson\\] today.\n",
]


@pytest.mark.parametrize("text", FOUND)
def test_found_inputs_stay_fixed(text, tei_all):
    result = tei.convert(text.encode("utf-8"))
    tree = xmlio.parse_bytes(result.data)
    assert Validator("project").validate_tree(tree, "r.xml").problems == []
    assert tei_all.validate(tree), tei_all.error_log
    assert tei_words(tree.getroot()) == source_words(text)
    assert fidelity.edition_words("text", render.render(tree, "text")) == source_words(text)

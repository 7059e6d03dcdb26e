"""Property-based tests: transcripts generated from the grammar of the real ones (labels, paragraphs,
remarks, foreign phrases, blank-line breaks, odd characters). For every one: the TEI reparses, is valid against
the project schema and rules and against the official TEI P5 schema, and the source's words are exactly the
TEI's and the plain-text edition's."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

import tei
from tei import fidelity, render, xmlio
from tei.validate import Validator
from wordcheck import source_words, tei_words

LABELS = ["MODERATOR:", "SEC. CARTER:", "SECRETARY CARTER:", "Q:", "QUESTION:", "QUESTION (THROUGH TRANSLATOR):",
          "PRESIDENT MACRON:", "MS. JEAN-PIERRE:", "LIEUTENANT GENERAL SIMS:"]
WORDS = ["the", "coalition", "will", "deliver", "ISIL", "a", "lasting", "defeat", "Minister", "Le", "Drian", "Paris",
         "France", "question", "thank", "you", "very", "much", "Raqqa", "Mosul", "it's", "we're", "U.S.", "2016", "500"]
ODD = ["&", "<b>", "]]>", "&amp;", "—", "--", "–", "“quoted”", "‘single’", "naïve", "café", "100%", "$5", "#1",
       "x\ty", "\u00a0", "日本", "עברית", "*star*", "_under_", "\\", "'", '"', "(", ")", "[", "]"]
REMARKS = ["(inaudible)", "(Inaudible.)", "(Laughter.)", "(Applause.)", "(CROSSTALK)", "(Cross-talk.)",
           "(SPEAKING IN FRENCH)", "(Speaks Spanish.)", "(As interpreted.)", "(Off mic.)", "[Laughter]", "[sic]",
           "(ph)", "(Something nobody expected.)", "[Helen Thomas, UPI]", "(Commercial break.)"]
FOREIGN = ["Vive la France!", "Merci beaucoup, mon ami.", "Muchas gracias.", "Buenas noches, señor."]

token = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(ODD), st.sampled_from(REMARKS))
sentence = st.builds(lambda ws, end: " ".join(ws) + end, st.lists(token, min_size=1, max_size=18),
                     st.sampled_from([".", "?", "!", " --", ""]))
paragraph = st.builds(lambda ss, f: " ".join(ss + f), st.lists(sentence, min_size=1, max_size=4),
                      st.lists(st.sampled_from(FOREIGN), max_size=1))
turn = st.builds(lambda label, paras: ([f"{label} {paras[0]}"] if label else [paras[0]]) + paras[1:],
                 st.one_of(st.none(), st.sampled_from(LABELS)), st.lists(paragraph, min_size=1, max_size=3))
breaks = st.sampled_from(["\n\n", "\n\n", "\n\n\n", "\n\n\n\n", "\n"])


@st.composite
def transcripts(draw):
    parts = []
    if draw(st.booleans()):
        parts.append("Remarks by Secretary Carter at a Generated Event\n\nJan. 21, 2016\nSecretary of Defense Ash Carter\n\n")
    body = ""
    for paras in draw(st.lists(turn, min_size=1, max_size=8)):
        for para in paras:
            body += para + draw(breaks)
    text = "".join(parts) + body
    eol = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return text.replace("\n", eol)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(transcripts())
def test_generated_transcripts_are_sound(tei_all, text):
    data = text.encode("utf-8")
    result = tei.convert(data)
    tree = xmlio.parse_bytes(result.data)
    problems = Validator("project").validate_tree(tree, "generated.xml").problems
    assert problems == [], [str(p) for p in problems]
    assert tei_all.validate(tree), tei_all.error_log
    expected = source_words(text)
    assert tei_words(tree.getroot()) == expected
    assert fidelity.edition_words("text", render.render(tree, "text")) == expected
    assert tei.convert(data).data == result.data  # deterministic

"""Property-based tests: transcripts generated from the grammar of the real ones (labels, paragraphs,
remarks, foreign phrases, blank-line breaks, odd characters). For every one: the TEI reparses, is valid against
the project schema and rules and against the official TEI P5 schema, and the source's words are exactly the
TEI's and the plain-text edition's."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

import tei
from tei import fidelity, render, xmlio
from tei.validate import Validator
from conftest import SEED
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


# Markdown-archive transcripts: YAML front matter (odd dates, URLs, extra keys), remark lines alone (also before
# the first label), stage lines, strike-through corrections well-formed or not, paragraphs ending in " --".
FM_DATES = ["'2022-12-01'", "2022-12-01", "'2022-12-01 (corrected)'", "2020-02-30", "'Dec. 1, 2022'", "'soon'",
            "2022-12-01T10:00:00Z"]
FM_URLS = ["https://www.whitehouse.gov/briefing-room/x/", "javascript:alert(1)", "'x: y'", "/relative/path"]
MD_ODD = ["<s>Johnson</s> \\[Thompson\\]", "<s>Johnson</b>", "<s>unclosed", "\\[sic\\]", "*emphasis*", "--"]
REMARK_LINES = ["(Laughter.)", "(Applause.)", "[Laughter]", "(Cross-talk.)", "(inaudible)", "East Room",
                "1:18 P.M. EST", "END"]
MD_LABELS = ["THE PRESIDENT:", "Q:", "PRESIDENT MACRON:", "MS. JEAN-PIERRE:", "MR. KIRBY:"]

md_token = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(MD_ODD),
                     st.sampled_from(REMARKS))
md_paragraph = st.builds(lambda ws, end: " ".join(ws) + end, st.lists(md_token, min_size=1, max_size=14),
                         st.sampled_from([".", "?", " --", ""]))
md_block = st.one_of(
    st.builds(lambda label, p: f"{label} {p}", st.sampled_from(MD_LABELS), md_paragraph),
    md_paragraph, st.sampled_from(REMARK_LINES))


@st.composite
def markdown_transcripts(draw):
    title = draw(st.sampled_from(["Remarks by the President", "'A: B'", "Press Briefing"]))
    front = [f"title: {title}",
             f"date: {draw(st.sampled_from(FM_DATES))}"]
    if draw(st.booleans()):
        front.append(f"source_url: {draw(st.sampled_from(FM_URLS))}")
    if draw(st.booleans()):
        front.append("tags: [remarks, briefing]")
    blocks = draw(st.lists(md_block, min_size=1, max_size=8))
    if not any(b.startswith(tuple(MD_LABELS)) for b in blocks):
        blocks.append("THE PRESIDENT: Thank you.")
    return "---\n" + "\n".join(front) + "\n---\n\n" + "\n\n".join(blocks) + "\n"


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_transcripts())
def test_generated_markdown_transcripts_with_front_matter_are_sound(tei_all, text):
    data = text.encode("utf-8")
    result = tei.convert(data)
    tree = xmlio.parse_bytes(result.data)
    problems = Validator("project").validate_tree(tree, "generated.xml").problems
    assert problems == [], [str(p) for p in problems]
    assert tei_all.validate(tree), tei_all.error_log
    expected = fidelity.words(fidelity.tei_text(tree.getroot()))
    assert fidelity.edition_words("text", render.render(tree, "text")) == expected
    page = render.render(tree, "html")
    assert b'href="javascript' not in page.lower()
    assert tei.convert(data).data == result.data


def test_the_word_splitter_is_the_word_regex():
    """fidelity.words splits ASCII stretches by string methods and the rest by _WORD: the same words as
    _WORD alone, on the seed's text and on random strings of the awkward characters (apostrophes straight and
    curly, underscores, dashes, accents, combining marks, other scripts, line ends and tabs)."""
    import random

    from tei import fidelity

    def by_regex(text):
        return fidelity._WORD.findall(text.replace("’", "'"))

    rng = random.Random(11)
    alphabet = "ab Z9_'’ -—“”.,é\u0301ßø日\t\n?!()[]:;Ⅻ²"
    texts = [SEED.read_text(encoding="utf-8")]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(60))) for _ in range(20000)]
    for text in texts:
        assert fidelity.words(text) == by_regex(text), repr(text[:80])

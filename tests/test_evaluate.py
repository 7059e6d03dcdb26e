"""`tei-edition evaluate`: the evaluator's mechanics on small synthetic transcripts and hand-made TEI, the gold
files' own consistency, and floors for the figures on the DoD dev gold (tests/data/gold/)."""
from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from tei import evaluate as ev
from tei.cli import app
from conftest import CORPUS, REPO, require

# Floors on the dev gold: what the converter achieved when the gold was written, rounded down. Raise them when
# the converter improves (issue 10 asks for label recall 1.0, attribution >= 0.99, every title and date, no
# header line in an sp); never lower them to let a regression through.
# The dev corpus: the 21 DoD openings, the seed and the 8 White House / Public Papers transcripts (30 files).
# Issue 10 asks for these on the dev corpus: label recall 1.0, attribution >= 0.99, every title and date, no
# header line in an <sp>. Achieved (30 files): 1.000, 1.000, 30/30, 30/30, 0; remark kinds 0.996.
FLOOR_LABEL_RECALL = 1.0
FLOOR_ATTRIBUTION = 0.99
FLOOR_TITLE_RIGHT = 30        # files out of 30
FLOOR_DATE_RIGHT = 30         # files out of 30
FLOOR_PRESENTERS = 37         # found, out of 37
CEILING_HEADER_IN_SP = 0      # header lines inside an <sp>
FLOOR_REMARK_KINDS = 0.99
FLOOR_FOREIGN_PRECISION = 1.0  # no English marked foreign: keep it that way
FLOOR_FOREIGN_RECALL = 0.91

GOLD_DIR = REPO / "tests" / "data" / "gold"
runner = CliRunner()

TRANSCRIPT = """Remarks by Secretary Carter at a Test Base

Jan. 21, 2016
Secretary of Defense Ash Carter

MODERATOR: Good morning. Thank you all for coming today.

SEC. CARTER: Thank you very much for the kind welcome. (Laughter.)

Q: What about the budget for next year, sir?

SEC. CARTER: We will say more about it next week, I promise.
"""

GOLD = """source = "t.txt"
title = "Remarks by Secretary Carter at a Test Base"
date = "2016-01-21"
presenters = ["Ash Carter"]
principal = "carter"
header_lines = ["Remarks by Secretary Carter at a Test Base", "Jan. 21, 2016", "Secretary of Defense Ash Carter"]

[[para]]
start = "Good morning. Thank you all for coming today."
speaker = "moderator"
label = "MODERATOR:"

[[para]]
start = "Thank you very much for the kind welcome."
speaker = "carter"
label = "SEC. CARTER:"

[[para]]
start = "What about the budget for next year, sir?"
speaker = "questioners"
label = "Q:"

[[para]]
start = "We will say more about it next week,"
speaker = "carter"
label = "SEC. CARTER:"

[[remark]]
text = "(Laughter.)"
kind = "vocal"
type = "laughter"
"""


def run_on(tmp_path: Path, gold: str, transcript: str = TRANSCRIPT) -> dict:
    (tmp_path / "corpus").mkdir(exist_ok=True)
    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "corpus" / "t.txt").write_text(transcript, encoding="utf-8")
    (tmp_path / "gold" / "t.toml").write_text(gold, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(tmp_path / "gold"), "--corpus", str(tmp_path / "corpus"),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_right_gold_scores_everything_right(tmp_path):
    out = run_on(tmp_path, GOLD)
    t = out["total"]
    assert (t["labels"], t["paragraphs"], t["remarks"]) == ([4, 4], [4, 4], [1, 1])
    assert (t["title_right"], t["date_right"], t["presenters"], t["header_lines_in_sp"]) == (1, 1, [1, 1], 0)
    assert out["files"][0]["misses"] == []


def test_a_misattribution_is_a_miss(tmp_path):
    gold = GOLD.replace('speaker = "carter"\nlabel = "SEC. CARTER:"\n\n[[para]]\nstart = "What',
                        'speaker = "moderator"\nlabel = "SEC. CARTER:"\n\n[[para]]\nstart = "What')
    out = run_on(tmp_path, gold)
    assert out["total"]["paragraphs"] == [3, 4]
    [miss] = out["files"][0]["misses"]
    assert miss["metric"] == "attribution" and miss["expected"] == "moderator" and miss["got"] == "carter"
    assert miss["where"].startswith("Thank you very much")


def test_a_missed_label_lowers_label_recall(tmp_path):
    out = run_on(tmp_path, GOLD.replace('label = "Q:"', 'label = "QUESTION:"'))
    assert out["total"]["labels"] == [3, 4] and out["total"]["label_recall"] == 0.75
    assert [(m["metric"], m["expected"], m["got"]) for m in out["files"][0]["misses"]] == [
        ("label", "QUESTION:", "Q:")]


def test_a_header_line_inside_an_sp_is_counted(tmp_path):
    # The gold claims a spoken sentence is a header line: the evaluator must find it inside the <sp>.
    gold = GOLD.replace('"Secretary of Defense Ash Carter"]', '"Secretary of Defense Ash Carter", "What about the budget"]')
    out = run_on(tmp_path, gold)
    assert out["total"]["header_lines_in_sp"] == 1 and out["total"]["files_with_header_in_sp"] == 1
    assert [m["metric"] for m in out["files"][0]["misses"]] == ["header-in-sp"]


def test_wrong_title_date_presenter_and_remark_kind_are_misses(tmp_path):
    gold = (GOLD.replace('title = "Remarks', 'title = "Speech').replace('2016-01-21', '2016-01-22')
            .replace('["Ash Carter"]', '["Ash Carter", "Jim Mattis"]').replace('kind = "vocal"', 'kind = "kinesic"'))
    out = run_on(tmp_path, gold)
    f = out["files"][0]
    assert (f["title"], f["date"], f["presenters"], f["remarks"]) == (False, False, [1, 2], [0, 1])
    assert sorted(m["metric"] for m in f["misses"]) == ["date", "presenter", "remark", "title"]


def test_text_output_lists_misses_only_when_asked(tmp_path):
    run_on(tmp_path, GOLD.replace('label = "Q:"', 'label = "QUESTION:"'))
    args = ["evaluate", str(tmp_path / "gold"), "--corpus", str(tmp_path / "corpus")]
    plain, detailed = runner.invoke(app, args), runner.invoke(app, args + ["--misses"])
    assert plain.exit_code == detailed.exit_code == 0
    assert "label recall            0.750  (3/4)" in plain.stdout and "misses:" not in plain.stdout
    assert "t: label: What about the budget for next year, sir?: expected QUESTION:, got Q:" in detailed.stdout


@pytest.mark.parametrize("gold, message", [
    ('source = "t.txt"\ntitle = \n', "unreadable gold file"),
    ('source = "t.txt"\ntitle = ""\n', "lacks the field 'date'"),
    (GOLD.replace('kind = "vocal"', 'kind = "laugh"'), "unknown kind 'laugh'"),
    (GOLD.replace('source = "t.txt"', 'source = "missing.txt"'), "unreadable"),
])
def test_unreadable_gold_or_corpus_is_exit_2_in_one_line(tmp_path, gold, message):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "t.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "t.toml").write_text(gold, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(tmp_path / "gold"), "--corpus", str(tmp_path / "corpus")])
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_empty_or_missing_gold_folder_is_exit_2(tmp_path):
    assert runner.invoke(app, ["evaluate", str(tmp_path / "nope")]).exit_code == 2
    assert runner.invoke(app, ["evaluate", str(tmp_path)]).exit_code == 2


# --- matching rules on hand-made TEI (independent of what the converter does today) -------------------------

TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>
<author>Chuck Hagel</author></titleStmt><sourceDesc><bibl><date when="2014-04-10">x</date></bibl></sourceDesc>
</fileDesc><profileDesc><particDesc><listPerson>
<person xml:id="min-1"><persName><roleName>Minister</roleName> Dashdemberel Bat-Erdene</persName></person>
<person xml:id="hagel"><persName>Chuck Hagel</persName></person>
<personGrp xml:id="press" role="questioner"><name>Reporters</name></personGrp>
</listPerson></particDesc></profileDesc></teiHeader><text><body><div>
<sp who="#min-1"><speaker>MIN. BAT-ERDENE:</speaker><p>Good afternoon and welcome to everyone here.</p></sp>
<sp who="#press"><speaker>Q:</speaker><gap reason="inaudible"><desc>inaudible</desc></gap></sp>
<sp who="#hagel" cert="medium" resp="#tei-edition"><speaker><supplied resp="#tei-edition">SEC. HAGEL:</supplied>
</speaker><note type="attribution" resp="#tei-edition">No label.</note>
<p>Thank you, Minister. <incident type="off-mic"><desc>off mic</desc></incident> Merci, <foreign xml:lang="fr">mes
amis</foreign>. <foreign xml:lang="fr"><gap reason="untranscribed"><desc>SPEAKING IN FRENCH</desc></gap></foreign></p>
</sp><gap reason="lacuna" resp="#tei-edition"/></div></body></text></TEI>"""


def hand_gold(paras, remarks=(), foreign=()) -> ev.Gold:
    return ev.Gold(Path("g.toml"), "g.txt", "T", "2014-04-10", ["Chuck Hagel", "Bat-Erdene"], "hagel", [],
                   [dict(start=s, speaker=k, label=lab) for s, k, lab in paras],
                   [dict(text=t, kind=k, **({"type": ty} if ty else {})) for t, k, ty in remarks],
                   [dict(text=t, lang=lang) for t, lang in foreign])


def test_speaker_keys_match_ids_runs_names_and_questioner_groups():
    root = etree.fromstring(TEI)
    res = ev.compare(hand_gold([("Good afternoon and welcome to everyone", "bat-erdene", "MIN. BAT-ERDENE:"),
                                ("(inaudible)", "questioners", "Q:"),
                                ("Thank you, Minister. (off mic) Merci,", "hagel", "SEC. HAGEL:")]), root, "")
    assert res.paras == [3, 3]            # by name (min-1), by questioner role (press), by id (hagel)
    assert res.labels == [2, 3]           # a supplied label is not a printed one
    assert [m["got"] for m in res.misses if m["metric"] == "label"] == ["no printed label"]
    assert res.presenters == [2, 2] and res.title and res.date


def test_paragraph_alignment_survives_a_lost_paragraph():
    root = etree.fromstring(TEI)
    res = ev.compare(hand_gold([("Good afternoon and welcome to everyone", "bat-erdene", ""),
                                ("A paragraph the converter lost", "hagel", ""),
                                ("Thank you, Minister. (off mic) Merci,", "hagel", "")]), root, "")
    assert res.paras == [2, 3]
    assert [m["got"] for m in res.misses if m["metric"] == "attribution"] == [
        "paragraph not found (glued, split or lost)"]


def test_remark_kinds_types_and_foreign_passages():
    root = etree.fromstring(TEI)
    gold = hand_gold([], remarks=[("(inaudible)", "gap", "inaudible"), ("(off mic)", "gap", ""),
                                  ("(SPEAKING IN FRENCH)", "foreign-gap", "untranscribed"), ("[sic]", "text", "")],
                     foreign=[("Merci", "fr")])
    res = ev.compare(gold, root, "")
    assert res.remarks == [3, 4]   # the off-mic incident is not a gap; [sic] in running text is right as text
    assert [(m["where"], m["got"]) for m in res.misses if m["metric"] == "remark"] == [("(off mic)", "incident off-mic")]
    assert res.foreign == [0, 1, 1]  # "mes amis" marked but not gold; "Merci" gold but not marked


def test_an_empty_gold_title_is_right_unless_a_source_line_was_taken():
    root = etree.fromstring(TEI.replace("<title>T</title>", "<title>Good afternoon</title>"))
    gold = hand_gold([])
    gold.title = ""
    assert ev.compare(gold, root, "MIN. BAT-ERDENE: Good afternoon and welcome").title is False
    assert ev.compare(gold, root, "Q: something else").title is True


# --- the gold files themselves ------------------------------------------------------------------------------

def gold_paths() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.toml"))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _front_matter_title(source: Path) -> str:
    import yaml

    raw = source.read_text(encoding="utf-8")
    if not raw.startswith("---"):
        return ""
    data = yaml.safe_load(raw.split("\n---", 1)[0][3:]) or {}
    return re.sub(r"[\u00a0\u202f]", " ", str(data.get("title", "")))


def _as_read(raw: str) -> str:
    """The source as a reader sees its words: no-break spaces as spaces, Markdown escapes undone, and in the
    Markdown archive (YAML front matter) each hard-wrapped paragraph on one line, front-matter values unquoted."""
    raw = re.sub(r"[\u00a0\u202f\u2009]", " ", raw)
    if not raw.startswith("---"):
        return raw
    raw = re.sub(r"\\([\\`*_{}\[\]()#+\-.!<>|])", r"\1", raw)
    return "\n".join(" ".join(p.split()).strip("'\"") for p in re.split(r"\n[ \t]*\n|\n(?=title:)", raw))


@pytest.mark.parametrize("path", gold_paths(), ids=lambda p: p.stem[:40])
def test_gold_file_parses_and_agrees_with_its_source(path):
    gold = ev.load_gold(path)                      # raises on a malformed file
    stem = Path(gold.source).stem
    assert path.stem in (stem, *(prefix.rstrip("/") + "-" + stem for prefix in ev.REPO_SETS)), \
        "a gold file is named after its source (heldout-NAME, fresh-NAME for those sets)"
    source = ev.source_path(gold, CORPUS)
    if not gold.source.startswith(("editions/", *ev.REPO_SETS)):
        require(CORPUS.is_dir(), f"the shared corpus is not at {CORPUS}")
    assert source.is_file(), f"{path.name}: source {gold.source} not found"
    raw = _as_read(source.read_text(encoding="utf-8"))
    text = squash(raw)
    assert gold.paras, "every gold file has paragraphs"
    for p in gold.paras:                           # gold typos are caught here
        if len(ev.words(p["start"])) < ev.KEY_WORDS:   # a short start is a whole paragraph: a line or turn ends
            assert re.search(re.escape(p["start"]) + r"[ \t]*(?:\n|$|[A-Z][A-Z. ]*:)", raw), (
                f"{path.name}: a start of fewer than {ev.KEY_WORDS} words must be the whole paragraph: {p['start']!r}")
        assert squash(p["start"]) in text, f"{path.name}: start not in the source: {p['start']!r}"
        assert squash(p["label"]) in text, f"{path.name}: label not in the source: {p['label']!r}"
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", p["speaker"]), f"{path.name}: bad speaker key {p['speaker']!r}"
    for line in gold.header_lines:
        assert squash(line) in text, f"{path.name}: header line not in the source: {line!r}"
    for r in gold.remarks:
        assert squash(r["text"]) in text and r["text"][0] in "([", f"{path.name}: remark {r['text']!r}"
    for f in gold.foreign:
        assert squash(f["text"]) in text, f"{path.name}: foreign passage not in the source: {f['text']!r}"
    if gold.title:
        assert squash(gold.title) in text or squash(gold.title) == squash(_front_matter_title(source)), gold.title
    assert gold.date == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold.date)
    assert gold.principal == "" or re.fullmatch(r"[a-z]+(?:-[a-z]+)*", gold.principal)


def test_every_dod_dev_transcript_has_gold():
    require(CORPUS.is_dir(), f"the shared corpus is not at {CORPUS}")
    sources = {tomllib.loads(p.read_text(encoding="utf-8"))["source"] for p in gold_paths()}
    assert {f"dod/{p.name}" for p in (CORPUS / "dod").glob("*.txt")} <= sources
    assert "editions/dod-2016-01-21-carter-ecole-militaire.txt" in sources


def test_dev_gold_figures_do_not_fall_below_the_floors(evaluated):
    t = evaluated["total"]
    assert t["failed"] == 0, t
    assert t["label_recall"] >= FLOOR_LABEL_RECALL, t
    assert t["attribution"] >= FLOOR_ATTRIBUTION, t
    assert t["title_right"] >= FLOOR_TITLE_RIGHT, t
    assert t["date_right"] >= FLOOR_DATE_RIGHT, t
    assert t["presenters"][0] >= FLOOR_PRESENTERS, t
    assert t["header_lines_in_sp"] <= CEILING_HEADER_IN_SP, t
    assert t["remark_kinds"] >= FLOOR_REMARK_KINDS, t
    assert t["foreign"]["precision"] >= FLOOR_FOREIGN_PRECISION, t
    assert t["foreign"]["recall"] >= FLOOR_FOREIGN_RECALL, t


def _fresh_round(evaluated, numbers: range) -> dict:
    """Totals of the fresh files numbered in `numbers` (tests/data/fresh/NN-...)."""
    files = [f for f in evaluated["files"] if f["source"].startswith("fresh/")
             and int(f["source"].split("/")[1][:2]) in numbers]
    add = lambda key: [sum(f[key][0] for f in files), sum(f[key][1] for f in files)]   # noqa: E731
    return {"files": len(files), "failed": sum(bool(f["error"]) for f in files), "labels": add("labels"),
            "paras": add("paras"), "title": sum(f["title"] for f in files), "date": sum(f["date"] for f in files),
            "presenters": add("presenters"), "header_in_sp": sum(f["header_in_sp"] for f in files),
            "remarks": add("remarks")}


def test_fresh_set_figures_stay_where_their_rules_brought_them(evaluated):
    """The fresh set (tests/data/fresh/) is development material since its misses were worked on. Files 11-30:
    every label, paragraph, title, date, presenter and remark right, and no header line in a turn. Files 31-38
    (a later round, their misses partly worked): floors at what the rules written for them reach. No floor on
    the held-out set: it is measured, never tuned to."""
    t = _fresh_round(evaluated, range(11, 31))
    assert t["files"] == 20 and t["failed"] == 0, t
    for key in ("labels", "paras", "presenters", "remarks"):
        assert t[key][0] == t[key][1], (key, t)
    assert (t["title"], t["date"], t["header_in_sp"]) == (20, 20, 0), t
    t = _fresh_round(evaluated, range(31, 39))
    assert t["files"] == 8 and t["failed"] == 0, t
    assert t["labels"][0] >= 24 and t["paras"][0] >= 39 and t["presenters"][0] >= 4, t
    assert t["title"] >= 6 and t["date"] >= 6 and t["header_in_sp"] <= 4, t


@pytest.fixture(scope="module")
def evaluated():
    require(CORPUS.is_dir(), f"the shared corpus is not at {CORPUS}")
    return ev.evaluate_gold(GOLD_DIR, CORPUS)

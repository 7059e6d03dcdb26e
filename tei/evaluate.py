"""Accuracy against hand-made gold: how often the TEI says the right thing about a transcript.

Two evaluations live here:

- `evaluate_gold(GOLD_DIR, corpus)`: the gold TOML files of tests/data/gold/ (format: tests/data/gold/README.md).
  Each gold file's source is converted with `convert_file` and compared: label recall, paragraph attribution,
  title, date, presenters, header lines inside an `<sp>`, remark kinds, foreign passages. `tei-edition evaluate`
  prints it.
- `evaluate(CORPUS_DIR, GOLD.tsv)`: precision and recall of foreign.inline against tests/data/foreign-gold.tsv
  (run: python -m tei.evaluate CORPUS_DIR GOLD.tsv).

Paragraphs and remarks are aligned in order (a longest common subsequence of their normalised opening words), so
one paragraph the converter glued or split costs that paragraph, not the rest of the file.
"""
from __future__ import annotations

import csv
import json
import os
import re
import sys
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, TeiEditionError
from .pipeline import convert_file

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEI = "{http://www.tei-c.org/ns/1.0}"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
REPO = Path(__file__).resolve().parent.parent
KEY_WORDS = 5   # paragraphs are aligned on their first five normalised words (gold format)
REMARK_KINDS = ("gap", "vocal", "kinesic", "incident", "pause", "note", "foreign-gap", "add", "text")
REMARK_TAGS = ("gap", "vocal", "kinesic", "incident", "pause", "note", "foreign", "add")


# --- foreign passages against tests/data/foreign-gold.tsv ---------------------------------------------------

def marked_passages(root) -> Counter:
    found: Counter = Counter()
    for el in root.xpath("//t:foreign[not(t:gap)]", namespaces=NS):
        found[(el.get(XML_LANG), "".join(el.itertext()).strip())] += 1
    return found


def evaluate(corpus: Path, gold_file: Path) -> dict:
    gold: dict[str, Counter] = {}
    with open(gold_file, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            gold.setdefault(row["file"], Counter())[(row["lang"], row["text"])] += int(row["count"])
    tp = fp = fn = 0
    per_file = []
    for path in sorted(corpus.glob("*.txt")):
        found = marked_passages(convert_file(path).tree.getroot())
        expected = gold.get(path.stem, Counter())
        hit = sum((found & expected).values())
        f_p, f_n = sum((found - expected).values()), sum((expected - found).values())
        tp, fp, fn = tp + hit, fp + f_p, fn + f_n
        per_file.append((path.stem, hit, f_p, f_n))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "files": per_file}


# --- the gold files -----------------------------------------------------------------------------------------

@dataclass
class Gold:
    path: Path
    source: str
    title: str
    date: str
    presenters: list[str]
    principal: str
    header_lines: list[str]
    paras: list[dict]
    remarks: list[dict]
    foreign: list[dict]


def load_gold(path: Path) -> Gold:
    """Read one gold TOML file; InputError (one line) when it is unreadable or lacks a field."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise InputError(f"unreadable gold file: {err}", path=path) from None
    try:
        gold = Gold(path, str(data["source"]), str(data["title"]), str(data["date"]),
                    [str(p) for p in data["presenters"]], str(data["principal"]),
                    [str(h) for h in data["header_lines"]], list(data.get("para", [])),
                    list(data.get("remark", [])), list(data.get("foreign", [])))
        for p in gold.paras:
            p["start"], p["speaker"], p["label"] = str(p["start"]), str(p["speaker"]), str(p["label"])
        for r in gold.remarks:
            r["text"], r["kind"] = str(r["text"]), str(r["kind"])
            if r["kind"] not in REMARK_KINDS:
                raise InputError(f"remark {r['text']!r}: unknown kind {r['kind']!r} ({' | '.join(REMARK_KINDS)})",
                                 path=path)
        for f in gold.foreign:
            f["text"], f["lang"] = str(f["text"]), str(f["lang"])
    except KeyError as err:
        raise InputError(f"gold file lacks the field {err.args[0]!r}", path=path) from None
    except (TypeError, AttributeError):
        raise InputError("gold file does not follow the gold format (tests/data/gold/README.md)", path=path) from None
    return gold


def gold_files(gold_dir: Path) -> list[Path]:
    if not gold_dir.is_dir():
        raise InputError("gold folder not found", path=gold_dir)
    files = sorted(gold_dir.glob("*.toml"))
    if not files:
        raise InputError("no gold files (*.toml) in the gold folder", path=gold_dir)
    return files


# Transcript sets kept in tests/data/, by the prefix of a gold file's source, each reported apart: the held-out
# set is measured, never tuned to; the fresh set was measured once unseen, then its misses were worked on.
REPO_SETS = ("heldout/", "fresh/")


def source_path(gold: Gold, corpus: Path) -> Path:
    """The transcript a gold file describes: editions/, heldout/ and fresh/ are the repository's, the rest the
    corpus's."""
    if gold.source.startswith("editions/"):
        return REPO / gold.source
    if gold.source.startswith(REPO_SETS):
        return REPO / "tests" / "data" / gold.source
    return corpus / gold.source


def default_corpus() -> Path:
    return Path(os.environ.get("TEI_EDITION_SHARED", REPO.parent / "shared")) / "corpus"


# --- normalisation and matching -----------------------------------------------------------------------------

def words(text: str) -> list[str]:
    """Lower case, accents and punctuation removed, split into words."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", text).split()


def key(text: str) -> tuple[str, ...]:
    return tuple(words(text)[:KEY_WORDS])


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _contains_run(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def _lcs(a: list, b: list) -> dict[int, int]:
    """Index pairs of a longest common subsequence of a and b (first-come ties): {index in a: index in b}."""
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
    pairs, i, j = {}, 0, 0
    while i < n and j < m:
        if a[i] == b[j]:
            pairs[i] = j
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _text(el) -> str:
    return squash("".join(el.itertext()))


class Participants:
    """particDesc of one TEI document, for matching sp/@who ids against gold speaker keys."""

    def __init__(self, root):
        self.names: dict[str, list[str]] = {}
        self.questioners: set[str] = set()
        for el in root.xpath("//t:particDesc//t:person | //t:particDesc//t:personGrp", namespaces=NS):
            ident = el.get(XML_ID)
            if not ident:
                continue
            names = el.xpath("t:persName | t:name", namespaces=NS)
            self.names[ident] = words(" ".join(_text(n) for n in names))
            if el.tag == TEI + "personGrp" and "questioner" in (el.get("role") or "").split():
                self.questioners.add(ident)

    def matches(self, ident: str, gold_key: str) -> bool:
        """The gold format's rule: equal id, the key's tokens a run of the id's, the key's words in the name."""
        if not ident or not gold_key:
            return False
        if ident == gold_key:
            return True
        if gold_key == "questioners" and ident in self.questioners:
            return True
        if _contains_run(re.split(r"[-_.]", ident.casefold()), gold_key.split("-")):
            return True
        return _contains_run(self.names.get(ident, []), words(gold_key.replace("-", " ")))


# --- what the TEI says --------------------------------------------------------------------------------------

@dataclass
class Unit:
    """One spoken paragraph of the TEI: a <p>, or a remark standing alone as a child of <sp>."""
    text: str
    who: list[str]
    label: str | None        # the printed <speaker> text; None when supplied by the converter or absent


def _editorial(el) -> bool:
    return el.get("resp") is not None


def spoken_units(root) -> list[Unit]:
    units = []
    body = root.find(f"{TEI}text/{TEI}body")
    if body is None:
        return units
    for el in body.iter(TEI + "p", *(TEI + t for t in ("gap", "vocal", "kinesic", "incident", "pause"))):
        sp = next((a for a in el.iterancestors(TEI + "sp")), None)
        if el.tag != TEI + "p" and (el.getparent() is not sp or _editorial(el)):
            continue    # a remark inside a paragraph, or the converter's own lacuna gap
        if any(a.tag == TEI + "note" for a in el.iterancestors()):
            continue
        who, label = [], None
        if sp is not None:
            who = [w.lstrip("#") for w in (sp.get("who") or "").split()]
            speaker = sp.find(TEI + "speaker")
            if speaker is not None and speaker.find(f".//{TEI}supplied") is None:
                label = _text(speaker)
        units.append(Unit(_text(el), who, label))
    return units


@dataclass
class Remark:
    kind: str
    type: str | None
    text: str


def _token(value: str | None) -> str:
    """A type as a token: "voice breaks" and "voice-breaks" are one type."""
    return "-".join((value or "").lower().split())


def remark_elements(root) -> list[Remark]:
    """The transcriber remarks the TEI encodes, in document order (not the converter's own notes and gaps)."""
    out = []
    body = root.find(f"{TEI}text/{TEI}body")
    if body is None:
        return out
    for el in body.iter(*(TEI + t for t in REMARK_TAGS)):
        tag = el.tag[len(TEI):]
        if _editorial(el):    # the converter's own attribution notes and lacuna gaps
            continue
        if tag == "foreign":
            gap = el.find(TEI + "gap")
            if gap is None:
                continue
            out.append(Remark("foreign-gap", gap.get("reason"), _text(el)))
        elif tag == "gap":
            if el.getparent().tag != TEI + "foreign":
                out.append(Remark("gap", el.get("reason"), _text(el)))
        else:   # an empty <pause/> stands for the printed "(Pause.)" (conventions: pause)
            out.append(Remark(tag, el.get("type"), _text(el) or ("Pause." if tag == "pause" else "")))
    return out


def header_title(root) -> str:
    found = root.xpath("t:teiHeader/t:fileDesc/t:titleStmt/t:title", namespaces=NS)
    return _text(found[0]) if found else ""


def header_date(root) -> str:
    found = root.xpath("t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:date/@when", namespaces=NS)
    return str(found[0]) if found else ""


def header_people(root) -> list[list[str]]:
    names = root.xpath("t:teiHeader/t:fileDesc/t:titleStmt/t:author"
                       " | //t:particDesc//t:person/t:persName | //t:particDesc//t:personGrp/t:name",
                       namespaces=NS)
    return [words(_text(n)) for n in names]


# --- comparing one file -------------------------------------------------------------------------------------

@dataclass
class FileResult:
    name: str
    source: str
    labels: list[int] = field(default_factory=lambda: [0, 0])        # recalled, total
    paras: list[int] = field(default_factory=lambda: [0, 0])         # right, total
    title: bool = False
    date: bool = False
    presenters: list[int] = field(default_factory=lambda: [0, 0])    # found, total
    header_in_sp: int = 0
    remarks: list[int] = field(default_factory=lambda: [0, 0])       # right, total
    foreign: list[int] = field(default_factory=lambda: [0, 0, 0])    # tp, fp, fn
    error: str = ""
    misses: list[dict] = field(default_factory=list)

    def miss(self, metric: str, where: str, expected, got) -> None:
        self.misses.append({"file": self.name, "metric": metric, "where": where, "expected": expected, "got": got})


def _opening(text: str, n: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:n]) + (" …" if len(parts) > n else "")


def compare(gold: Gold, root, source_text: str) -> FileResult:
    """Compare one gold file with the TEI converted from its source (a pure function: tests feed it trees)."""
    res = FileResult(gold.path.stem, gold.source)
    people = Participants(root)

    units = spoken_units(root)
    pairs = _lcs([key(p["start"]) for p in gold.paras], [key(u.text) for u in units])
    for i, para in enumerate(gold.paras):
        unit = units[pairs[i]] if i in pairs else None
        where = _opening(para["start"])
        res.paras[1] += 1
        if unit is None:
            res.miss("attribution", where, para["speaker"], "paragraph not found (glued, split or lost)")
        elif any(people.matches(w, para["speaker"]) for w in unit.who):
            res.paras[0] += 1
        else:
            res.miss("attribution", where, para["speaker"], " ".join(unit.who) or "not in an <sp>")
        if para["label"]:
            res.labels[1] += 1
            got = None if unit is None else unit.label
            if got is not None and squash(got) == squash(para["label"]):
                res.labels[0] += 1
            else:
                res.miss("label", where, para["label"],
                         "paragraph not found" if unit is None else (got if got is not None else "no printed label"))

    title = header_title(root)
    if gold.title:
        res.title = squash(title) == squash(gold.title)
    else:   # nothing printed: right unless a line of the transcript was taken for the title
        res.title = not title.strip() or squash(title).casefold() not in squash(source_text).casefold()
    if not res.title:
        res.miss("title", "teiHeader titleStmt/title", gold.title, title)

    date = header_date(root)
    res.date = date == gold.date
    if not res.date:
        res.miss("date", "sourceDesc/bibl/date/@when", gold.date, date)

    names = header_people(root)
    for person in gold.presenters:
        res.presenters[1] += 1
        if any(_contains_run(n, words(person)) for n in names):
            res.presenters[0] += 1
        else:
            res.miss("presenter", "titleStmt/author, particDesc", person, "not found")

    # A header line is inside a turn when a block of the turn (not its speaker label, which may print a byline's
    # words) is that line or begins with it: the words of "THE WHITE HOUSE" said in a sentence are not a header.
    blocks = [squash(_text(c)).casefold() for sp in root.iter(TEI + "sp") for c in sp if c.tag != TEI + "speaker"]
    for line in gold.header_lines:
        needle = squash(line).casefold()
        if needle and any(b == needle or b.startswith(needle + " ") for b in blocks):
            res.header_in_sp += 1
            res.miss("header-in-sp", _opening(line), "outside every <sp>", "inside an <sp>")

    found = remark_elements(root)
    inner = [words(r["text"]) for r in gold.remarks]
    pairs = _lcs([tuple(w) for w in inner], [tuple(words(r.text)) for r in found])
    for i, remark in enumerate(gold.remarks):
        res.remarks[1] += 1
        el = found[pairs[i]] if i in pairs else None
        expected = remark["kind"] + (f" {remark['type']}" if remark.get("type") else "")
        if remark["kind"] == "text":
            right, got = el is None, "text" if el is None else f"{el.kind} {el.type or ''}".strip()
        elif el is None:
            right, got = False, "text (not encoded as a remark)"
        else:
            got = f"{el.kind} {el.type or ''}".strip()
            right = el.kind == remark["kind"] and (not remark.get("type") or _token(el.type) == _token(remark["type"]))
        if right:
            res.remarks[0] += 1
        else:
            res.miss("remark", remark["text"], expected, got)

    expected = Counter((f["lang"], squash(f["text"])) for f in gold.foreign)
    marked = Counter({(lang, squash(text)): n for (lang, text), n in marked_passages(root).items()})
    tp, fp, fn = sum((marked & expected).values()), marked - expected, expected - marked
    res.foreign = [tp, sum(fp.values()), sum(fn.values())]
    for (lang, text), n in sorted(fp.items(), key=str):
        res.miss("foreign", text, "not foreign", f"foreign {lang}" + (f" x{n}" if n > 1 else ""))
    for (lang, text), n in sorted(fn.items(), key=str):
        res.miss("foreign", text, f"foreign {lang}" + (f" x{n}" if n > 1 else ""), "not marked")
    return res


def _failed(gold: Gold, error: str) -> FileResult:
    """A source that did not convert: every gold item is a miss."""
    res = FileResult(gold.path.stem, gold.source, error=error)
    res.paras[1] = len(gold.paras)
    res.labels[1] = sum(1 for p in gold.paras if p["label"])
    res.presenters[1] = len(gold.presenters)
    res.remarks[1] = len(gold.remarks)
    res.foreign = [0, 0, len(gold.foreign)]
    res.miss("conversion", gold.source, "a TEI document", error)
    return res


# --- the whole gold folder ----------------------------------------------------------------------------------

def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def totals(files: list[FileResult]) -> dict:
    s = lambda attr, i: sum(getattr(f, attr)[i] for f in files)  # noqa: E731
    tp, fp, fn = s("foreign", 0), s("foreign", 1), s("foreign", 2)
    return {
        "files": len(files),
        "label_recall": _ratio(s("labels", 0), s("labels", 1)), "labels": [s("labels", 0), s("labels", 1)],
        "attribution": _ratio(s("paras", 0), s("paras", 1)), "paragraphs": [s("paras", 0), s("paras", 1)],
        "title_right": sum(f.title for f in files), "date_right": sum(f.date for f in files),
        "presenters": [s("presenters", 0), s("presenters", 1)],
        "header_lines_in_sp": sum(f.header_in_sp for f in files),
        "files_with_header_in_sp": sum(1 for f in files if f.header_in_sp),
        "remark_kinds": _ratio(s("remarks", 0), s("remarks", 1)), "remarks": [s("remarks", 0), s("remarks", 1)],
        "foreign": {"tp": tp, "fp": fp, "fn": fn, "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn)},
        "failed": sum(1 for f in files if f.error),
    }


def evaluate_gold(gold_dir: Path, corpus: Path) -> dict:
    """Evaluate every gold file of a folder. InputError when the gold or a source cannot be read."""
    golds = [load_gold(p) for p in gold_files(gold_dir)]
    files = []
    for gold in golds:
        src = source_path(gold, corpus)
        try:
            text = src.read_text(encoding="utf-8", errors="replace")
        except OSError as err:
            raise InputError(f"source of {gold.path.name} unreadable: {err.strerror}", path=src) from None
        try:
            conversion = convert_file(src)
        except TeiEditionError as err:
            files.append(_failed(gold, str(err)))
            continue
        files.append(compare(gold, conversion.tree.getroot(), text))
    # The held-out and fresh sets (REPO_SETS) are reported apart from the dev corpus.
    dev = [f for f, g in zip(files, golds) if not g.source.startswith(REPO_SETS)]
    result = {"gold": str(gold_dir), "corpus": str(corpus), "total": totals(dev)}
    for prefix in REPO_SETS:
        kept = [f for f, g in zip(files, golds) if g.source.startswith(prefix)]
        result[prefix.rstrip("/")] = totals(kept) if kept else None
    result["files"] = [f.__dict__ for f in files]
    return result


def _frac(pair) -> str:
    return f"{pair[0]}/{pair[1]}"


def format_text(result: dict, misses: bool = False) -> str:
    head = (f"{'file':<44} {'labels':>7} {'paras':>7} {'title':>5} {'date':>4} {'pres':>5} {'hdr-sp':>6} "
            f"{'remarks':>7} {'foreign tp/fp/fn':>16}")
    lines = [head]
    for f in result["files"]:
        lines.append(f"{f['name'][:44]:<44} {_frac(f['labels']):>7} {_frac(f['paras']):>7} "
                     f"{'yes' if f['title'] else 'NO':>5} {'yes' if f['date'] else 'NO':>4} "
                     f"{_frac(f['presenters']):>5} {f['header_in_sp']:>6} {_frac(f['remarks']):>7} "
                     f"{'/'.join(map(str, f['foreign'])):>16}" + (f"  FAILED: {f['error']}" if f["error"] else ""))
    for title, t in (("dev corpus", result["total"]), ("fresh set", result.get("fresh")),
                     ("held-out set", result.get("heldout"))):
        if t:
            lines += ["", f"{title} ({t['files']} files):"] + _summary(t)
    if misses:
        lines += ["", "misses:"]
        for f in result["files"]:
            for m in f["misses"]:
                lines.append(f"  {m['file']}: {m['metric']}: {m['where']}: expected {m['expected']!s}, "
                             f"got {m['got']!s}")
    return "\n".join(lines) + "\n"


def _summary(t: dict) -> list[str]:
    fo = t["foreign"]
    lines = [
        f"label recall            {t['label_recall']:.3f}  ({_frac(t['labels'])})",
        f"paragraph attribution   {t['attribution']:.3f}  ({_frac(t['paragraphs'])})",
        f"title right             {t['title_right']}/{t['files']}",
        f"date right              {t['date_right']}/{t['files']}",
        f"presenters found        {_frac(t['presenters'])}",
        f"header lines in an sp   {t['header_lines_in_sp']} (in {t['files_with_header_in_sp']} of {t['files']} files)",
        f"remark kinds right      {t['remark_kinds']:.3f}  ({_frac(t['remarks'])})",
        f"foreign passages        precision {fo['precision']:.3f}, recall {fo['recall']:.3f}  "
        f"(tp {fo['tp']}, fp {fo['fp']}, fn {fo['fn']})",
    ]
    if t["failed"]:
        lines.append(f"failed conversions      {t['failed']}")
    return lines


def format_json(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    """python -m tei.evaluate CORPUS_DIR GOLD.tsv: the foreign-passage evaluation."""
    if len(argv) != 2:
        print("usage: python -m tei.evaluate CORPUS_DIR GOLD.tsv (or: tei-edition evaluate)", file=sys.stderr)
        return 2
    corpus, gold = Path(argv[0]), Path(argv[1])
    result = evaluate(corpus, gold)
    print(f"{'file':<60} {'tp':>4} {'fp':>4} {'fn':>4}")
    for name, tp, fp, fn in result["files"]:
        print(f"{name:<60} {tp:>4} {fp:>4} {fn:>4}")
    print(f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
          f"(tp {result['tp']}, fp {result['fp']}, fn {result['fn']})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Precision and recall of foreign.inline against a hand-made gold list (tests/data/foreign-gold.tsv).

Counted per passage: a marked <foreign> (not the wrappers of untranscribed-speech gaps) whose language and
text match a gold passage is a true positive; any other marked passage is a false positive; gold passages
left unmarked are false negatives. Run: python -m tei.evaluate CORPUS_DIR GOLD.tsv
"""
from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

from .pipeline import convert_file

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


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


def main(argv: list[str]) -> int:
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

"""Where a build's time goes, per document: each piece of the work `build` does for one transcript, timed on
its own (CPU time, the best of --runs passes over the same documents), against the floor (lxml parse +
serialise of the document's TEI), in one run.

    python benchmarks/stages.py [--docs 100] [--runs 3]

The pieces are those of build._run_job, in its order: convert (reader, speakers, languages, encoder, the
converter's own word gate), the validation gate, the TEI parsed again from the bytes written, each default
format rendered and then word-checked, the review files and the site's reading. The write of each file, the
manifest and the site pages at the end are not in it (benchmarks/run.py times whole builds).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from lxml import etree  # noqa: E402

import corpus as gen  # noqa: E402
from tei import build, fidelity, memo, render, review, site, validate, xmlio  # noqa: E402
from tei.pipeline import convert_file  # noqa: E402


def measure(files: list[Path]) -> dict[str, float]:
    """Seconds per piece over all `files` (one pass)."""
    spent: dict[str, float] = {}

    def timed(name, fn, *args, **kwargs):
        start = time.process_time()
        value = fn(*args, **kwargs)
        spent[name] = spent.get(name, 0.0) + time.process_time() - start
        return value

    for path in files:
        conversion = timed("convert", convert_file, path)
        timed("validation gate", validate.gate, conversion.tree, path)
        tree = timed("TEI parsed again", xmlio.parse_bytes, conversion.data, str(path))
        timed("floor", lambda: etree.tostring(xmlio.parse_bytes(conversion.data, str(path))))
        root = tree.getroot()
        with memo.remembered_texts():   # as build does
            for fmt in render.DEFAULT_FORMATS:
                params = build.render_params(path.stem, render.DEFAULT_FORMATS, fmt)
                data, result = timed(f"render {fmt}", render.render_with_tree, tree, fmt, **params)
                timed(f"word check {fmt}", fidelity.check_edition, fmt, data, root, expected=conversion.words,
                      result=result)
            timed("review files", review.build_files, conversion, path.stem)
            timed("site reading", site.read_document, root, path.stem)
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = gen.make_corpus(Path(tmp) / "corpus", args.docs)
        convert_file(files[0])   # imports and first loads are not the documents' cost
        best: dict[str, float] = {}
        for _ in range(args.runs):
            for name, seconds in measure(files).items():
                best[name] = min(best.get(name, seconds), seconds)
    n = len(files)
    floor = best.pop("floor") / n
    total = sum(best.values()) / n
    print(f"per document, {n} generated documents, CPU time, best of {args.runs}; floor (lxml parse + serialise "
          f"of the TEI) {floor * 1000:.2f} ms\n")
    print(f"{'piece':<24} {'ms':>7} {'x floor':>8} {'share':>6}")
    for name, seconds in sorted(best.items(), key=lambda kv: -kv[1]):
        per = seconds / n
        print(f"{name:<24} {per * 1000:7.2f} {per / floor:8.1f} {per / total:6.0%}")
    print(f"{'all':<24} {total * 1000:7.2f} {total / floor:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

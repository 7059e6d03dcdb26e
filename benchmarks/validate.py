"""Validation throughput: files per second over the corpus editions, with the ratio to plain lxml parsing.

Run: python benchmarks/validate.py [--copies N] [--corpus DIR] [--tei-all PATH]
Prints a table; figures are from one run on this machine, so compare the ratios, not the absolute numbers.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import tei  # noqa: E402
from tei import xmlio  # noqa: E402
from tei.validate import Validator, validate  # noqa: E402


def make_files(corpus: Path, copies: int, folder: Path) -> list[Path]:
    files = []
    for src in sorted(corpus.glob("*.txt")):
        data = tei.convert_file(src).data
        for i in range(copies):
            path = folder / f"{src.stem}-{i}.xml"
            path.write_bytes(data)
            files.append(path)
    return files


def timed(label: str, fn, files, rows, floor=None):
    start = time.perf_counter()
    fn(files)
    seconds = time.perf_counter() - start
    rate = len(files) / seconds
    mb = sum(f.stat().st_size for f in files) / 1e6 / seconds
    rows.append((label, len(files), seconds, rate, mb, seconds / floor if floor else 1.0))
    return seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--tei-all", default=str(ROOT.parent / "shared" / "reference" / "tei_all.rng"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(Path(args.corpus), args.copies, Path(tmp))
        rows: list = []
        floor = timed("lxml parse (floor)", lambda fs: [xmlio.parse_file(f) for f in fs], files, rows)
        start = time.perf_counter()
        project = Validator("project")
        compile_s = time.perf_counter() - start
        timed("project: XSD + rules, 1 job", lambda fs: [project.validate_file(f) for f in fs], files, rows, floor)
        xsd_only = Validator("project", rules=False)
        timed("project: XSD only, 1 job", lambda fs: [xsd_only.validate_file(f) for f in fs], files, rows, floor)
        jobs = os.cpu_count() or 1
        timed(f"project: XSD + rules, {jobs} jobs", lambda fs: list(validate(fs, jobs=jobs)), files, rows, floor)
        if Path(args.tei_all).exists():
            os.environ["TEI_EDITION_TEI_ALL"] = args.tei_all
            os.environ["TEI_EDITION_RNG_ENGINE"] = "libxml2"
            start = time.perf_counter()
            rng = Validator("tei-all")
            rng_compile = time.perf_counter() - start
            timed("tei-all, libxml2 RELAX NG, 1 job", lambda fs: [rng.validate_file(f) for f in fs], files, rows,
                  floor)
            del os.environ["TEI_EDITION_RNG_ENGINE"]
            jing = Validator("tei-all")
            if jing.kind == "jing":   # one Java run for all files, its start-up and grammar load included
                timed("tei-all, jing (one run)", jing.validate_files, files, rows, floor)
        else:
            rng_compile = None
    print(f"{len(files)} files ({args.copies} copies of each corpus edition); schema compiled once: "
          f"project {compile_s:.2f} s" + (f", tei-all {rng_compile:.2f} s" if rng_compile else ""))
    print(f"{'stage':<34} {'files':>6} {'seconds':>8} {'files/s':>8} {'MB/s':>7} {'× floor':>8}")
    for label, n, s, rate, mb, ratio in rows:
        print(f"{label:<34} {n:>6} {s:>8.2f} {rate:>8.1f} {mb:>7.2f} {ratio:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

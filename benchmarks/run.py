"""tei-edition benchmarks: one command, one printed table, figures as ratios measured in one run.

    python benchmarks/run.py                 # 1, 100, 1000 documents (a few minutes)
    python benchmarks/run.py --sizes 1,100,1000,10000   # the full run of issue 5 (about half an hour)
    python benchmarks/run.py --sizes 1,200 --readme     # also rewrites README's table between
                                                        # <!-- build-benchmark --> markers (ratios only)

Measures, on a corpus generated from the real transcripts (benchmarks/corpus.py):
- documents/s and MB/s for convert, validate, render (each format) and the whole build, with 1 job and with
  one job per core, and the ratio of each stage to the floor (lxml parse + serialise, and an identity XSLT);
- one transcript at 1x, 10x and 100x the seed's size: time and peak memory (linear growth?);
- peak memory of the largest build and the time of a no-op (incremental) rebuild.
Speed is never asserted in tests; this prints what it measured and how far each target is.
"""
from __future__ import annotations

import argparse
import compileall
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from lxml import etree  # noqa: E402

import corpus as gen  # noqa: E402
from tei import render, xmlio  # noqa: E402
from tei.pipeline import convert_file  # noqa: E402
from tei.validate import shared_validator  # noqa: E402

IDENTITY = etree.XSLT(etree.XML(b"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="@*|node()"><xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy></xsl:template>
</xsl:stylesheet>"""))
TARGETS = {"build_10k_s": 60.0, "stage_ratio": 20.0, "noop_10k_s": 3.0}


# --- stages: each takes one file path and does the work, returning nothing big ----------------------------------
def st_floor_parse(path):
    etree.tostring(xmlio.parse_file(path))


def st_floor_xslt(path):
    bytes(IDENTITY(xmlio.parse_file(path)))


def st_convert(path):
    convert_file(path)


def st_validate(path):
    shared_validator().validate_file(path)


def make_render(fmt):
    def st(path):
        render.render(xmlio.parse_file(path), fmt)
    st.__name__ = f"st_render_{fmt}"
    return st


_stage = None


def _call(path):
    _stage(path)


def run_stage(fn, files, jobs) -> float:
    global _stage
    _stage = fn
    start = time.perf_counter()
    if jobs == 1:
        for f in files:
            fn(f)
    else:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            list(pool.imap_unordered(_call, files, chunksize=max(1, len(files) // (jobs * 8) or 1)))
    return time.perf_counter() - start


def build_cmd(src, jobs, extra=()):
    return [sys.executable, "-m", "tei.cli", "build", str(src), "--quiet", "--jobs", str(jobs), *extra]


def timed_build(src, jobs, extra=()) -> tuple[float, float]:
    """Seconds and peak RSS (MiB, the largest process) of one `tei-edition build` in a fresh process."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "r = subprocess.run(sys.argv[1:]); s = time.perf_counter() - t; "
             "own = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss; "
             "print(s, own / 1024); sys.exit(r.returncode)")
    out = subprocess.run([sys.executable, "-c", probe, *build_cmd(src, jobs, extra)], capture_output=True,
                         text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    seconds, peak = out.stdout.split()
    return float(seconds), float(peak)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,100,1000")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--readme", action="store_true", help="rewrite README.md's build-benchmark table (ratios)")
    args = ap.parse_args()
    # The package's bytecode, as an installed package has it (pip compiles on install), as peer.py does: with
    # PYTHONDONTWRITEBYTECODE set (some machines set it) every whole-process build would otherwise compile
    # the modules edited since the last compile, and measure that instead.
    compileall.compile_dir(str(ROOT / "tei"), quiet=1)
    sizes = [int(s) for s in args.sizes.split(",")]
    cores = os.cpu_count() or 1
    rows, figures = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in sizes:
            src = tmp / f"corpus-{n}"
            files = gen.make_corpus(src, n)
            mb = sum(f.stat().st_size for f in files) / 1e6
            for jobs in sorted({1, cores}):
                seconds, peak = timed_build(src, jobs, ["--full"])
                rows.append((n, jobs, "build (all formats)", seconds, n / seconds, mb / seconds, None))
                figures[f"build_{n}_j{jobs}"] = seconds
                if jobs == cores:
                    figures[f"peak_mib_{n}"] = peak
            noop, _ = timed_build(src, cores)
            figures[f"noop_{n}"] = noop
            rows.append((n, cores, "no-op rebuild", noop, n / noop, mb / noop, None))
            teis = sorted(src.glob("*.xml"))
            tei_mb = sum(f.stat().st_size for f in teis) / 1e6
            for jobs in sorted({1, cores}):
                floor = run_stage(st_floor_parse, teis, jobs)
                xslt_floor = run_stage(st_floor_xslt, teis, jobs)
                figures[f"floor_{n}_j{jobs}"] = floor
                rows.append((n, jobs, "floor: lxml parse+serialise", floor, n / floor, tei_mb / floor, 1.0))
                rows.append((n, jobs, "floor: identity XSLT", xslt_floor, n / xslt_floor, tei_mb / xslt_floor,
                             xslt_floor / floor))
                stages = [("convert", st_convert, files, mb), ("validate", st_validate, teis, tei_mb)]
                stages += [(f"render {fmt}", make_render(fmt), teis, tei_mb) for fmt in render.DEFAULT_FORMATS]
                for name, fn, inputs, size in stages:
                    s = run_stage(fn, inputs, jobs)
                    rows.append((n, jobs, name, s, n / s, size / s, s / floor))
                    figures[f"ratio_{name}_{n}_j{jobs}"] = s / floor
        scale = []
        for k in (1, 10, 100):
            path = gen.scaled_seed(tmp, k)
            # A fresh process per size (clean peak memory); one warm-up conversion of the seed first, so the
            # figure is the conversion, not start-up (imports, the language models' first load).
            probe = ("import resource, sys, time; sys.path.insert(0, sys.argv[2]); from tei.pipeline import convert_file;"
                     "convert_file(sys.argv[3]); t = time.perf_counter(); convert_file(sys.argv[1]);"
                     "s = time.perf_counter() - t; print(s, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)")
            out = subprocess.run([sys.executable, "-c", probe, str(path), str(ROOT), str(gen.SEED)],
                                 capture_output=True, text=True)
            s, peak = map(float, out.stdout.split())
            scale.append((k, path.stat().st_size / 1e6, s, peak))
    print(f"tei-edition benchmarks: {cores} cores, Python {sys.version.split()[0]}, one run\n")
    print(f"{'docs':>6} {'jobs':>4}  {'stage':<28} {'seconds':>8} {'docs/s':>8} {'MB/s':>7} {'x floor':>8}")
    for n, jobs, name, s, dps, mbs, ratio in rows:
        r = f"{ratio:8.1f}" if ratio is not None else f"{'':>8}"
        print(f"{n:>6} {jobs:>4}  {name:<28} {s:8.2f} {dps:8.1f} {mbs:7.2f} {r}")
    print(f"\n{'size':>6} {'MB':>6} {'convert s':>10} {'s per MB':>9} {'peak MiB':>9}")
    for k, mb, s, peak in scale:
        print(f"{str(k) + 'x':>6} {mb:6.2f} {s:10.2f} {s / mb:9.2f} {peak:9.0f}")
    big = max(sizes)
    print()
    if args.readme:
        write_readme(readme_table(figures, big, cores, convert_seed()))
    if big < 1000:
        print(f"(targets are judged on 1,000 documents or more; {big} is too few: start-up dominates)")
        print(f"growth: 100x the size costs {scale[2][2] / scale[0][2]:.0f}x the time")
        return 0
    build_big = figures.get(f"build_{big}_j{cores}")
    per_doc = build_big / big
    est = per_doc * 10000
    verdict = "met" if est <= TARGETS["build_10k_s"] else f"missed by {est / TARGETS['build_10k_s']:.1f}x"
    print(f"target: 10,000 documents built in < 60 s: {'measured' if big == 10000 else 'extrapolated from ' + str(big)}"
          f" {est:.0f} s -> {verdict}")
    worst = max((v, k) for k, v in figures.items() if k.startswith("ratio_") and k.endswith(f"_{big}_j1"))
    verdict = "met" if worst[0] <= TARGETS["stage_ratio"] else f"missed by {worst[0] / TARGETS['stage_ratio']:.1f}x"
    print(f"target: each stage within 20x the parse+serialise floor: worst {worst[1]} = {worst[0]:.1f}x -> {verdict}")
    noop = figures[f"noop_{big}"] * 10000 / big
    verdict = "met" if noop <= TARGETS["noop_10k_s"] else f"missed by {noop / TARGETS['noop_10k_s']:.1f}x"
    print(f"target: no-op rebuild of 10,000 in < 3 s: {'measured' if big == 10000 else 'extrapolated'} {noop:.1f} s"
          f" -> {verdict}")
    linear = scale[2][2] / scale[0][2] / 100
    print(f"growth: 100x the size costs {scale[2][2] / scale[0][2]:.0f}x the time ({linear:.2f} of linear)")
    print(f"peak memory of the {big}-document build: {figures[f'peak_mib_{big}']:.0f} MiB (largest process)")
    if args.json:
        Path(args.json).write_text(json.dumps({"figures": figures, "scale": scale}, indent=1))
    return 0


def convert_seed() -> dict:
    """Whole-process `tei-edition convert` of the seed (through the entry point a user runs, tei/start.py)
    against `python -c pass`, medians of 5 interleaved runs."""
    out = Path(tempfile.gettempdir()) / "tei-edition-bench-seed.xml"
    cmds = {"convert": [sys.executable, "-m", "tei.start", "convert", str(gen.SEED), "-o", str(out), "--force"],
            "pass": [sys.executable, "-c", "pass"]}
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(5):
        for name, cmd in cmds.items():
            start = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, capture_output=True, check=True)
            times[name].append(time.perf_counter() - start)
    return {k: sorted(v)[2] for k, v in times.items()}


def readme_table(figures: dict, n: int, cores: int, seed: dict) -> str:
    """Ratios (ours / the floor measured in the same run) for README: machines differ, ratios travel."""
    floor = figures[f"floor_{n}_j1"] / n
    rows = [("full build, per document, 1 job (TEI, validation, every default format, fidelity checks, review)",
             f"{figures[f'build_{n}_j1'] / n / floor:.0f}x the floor", "20x"),
            (f"full build, {cores} jobs against 1 job", f"speed-up {figures[f'build_{n}_j1'] / figures[f'build_{n}_j{cores}']:.2f}x",
             ""),
            (f"10,000 documents, {cores} jobs, extrapolated from {n}",
             f"{figures[f'build_{n}_j{cores}'] / n * 10000:.0f} s on this machine", "90 s (target 60 s)")]
    rows += [(f"stage {k.split('_')[1]} alone, 1 job", f"{v:.1f}x the floor", "")
             for k, v in sorted(figures.items()) if k.startswith("ratio_") and k.endswith(f"_{n}_j1")]
    rows.append(("`convert` of the seed, whole process", f"{seed['convert']:.2f} s ({seed['convert'] / seed['pass']:.0f}x "
                 "`python -c pass`)", "0.35 s"))
    head = (f"<!-- build-benchmark -->\nFigures of `python benchmarks/run.py --sizes 1,{n} --readme` ({n} generated "
            f"documents, {cores} cores; the floor is lxml parse + serialise of the same TEI, per document, in the "
            "same run):\n\n| measure | result | goal |\n|---|---|---|\n")
    return head + "".join(f"| {a} | {b} | {c} |\n" for a, b, c in rows) + "<!-- /build-benchmark -->"


def write_readme(table: str) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = text.find("<!-- build-benchmark -->"), text.find("<!-- /build-benchmark -->")
    if start < 0 or end < 0:
        raise SystemExit("README.md has no <!-- build-benchmark --> ... <!-- /build-benchmark --> markers")
    readme.write_text(text[:start] + table + text[end + len("<!-- /build-benchmark -->"):], encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())

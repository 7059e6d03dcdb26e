"""tei-edition against its peers, whole process, in one run: rendering against the floor (a Python process that
only parses and serialises the file with lxml) and against SaxonC-HE running the TEI Consortium's Stylesheets,
validation against jing, and cost against size.

    pip install -e '.[bench]'            # saxonche, the peer's XSLT 3.0 processor
    python benchmarks/peer.py [--runs 5] [--readme]

Every measurement is a whole process (start-up included: what a user waits for), the two sides interleaved run
by run so that machine noise hits both alike, and the median of the runs is compared. The table prints ratios
(ours / theirs: below 1 means we are faster). The package is byte-compiled first, as pip does on a regular
install (an editable checkout under PYTHONDONTWRITEBYTECODE would otherwise recompile every module per run). `--readme` rewrites the README's table between the markers
`<!-- peer-benchmark -->` and `<!-- /peer-benchmark -->`. Timing is never asserted in the tests.
"""
from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TEI_EDITION_SHARED", ROOT.parent / "shared"))
PEER = SHARED / "peer" / "tei-stylesheets" / "profiles" / "default"
SEED_TEI = ROOT / "editions" / "dod-2016-01-21-carter-ecole-militaire.xml"
PARLAMINT = sorted((SHARED / "reference" / "parlamint").glob("*.xml"), key=lambda p: p.stat().st_size)
TEI_ALL = SHARED / "reference" / "tei_all.rng"
TOOL = [sys.executable, "-m", "tei.start"] if not shutil.which("tei-edition") else [shutil.which("tei-edition")]
SAXON = """import sys
from saxonche import PySaxonProcessor
with PySaxonProcessor(license=False) as p:
    ex = p.new_xslt30_processor().compile_stylesheet(stylesheet_file=sys.argv[1])
    ex.transform_to_file(source_file=sys.argv[2], output_file=sys.argv[3])
"""
FLOOR = """import sys
from lxml import etree
etree.parse(sys.argv[1]).write(sys.argv[2], encoding="UTF-8", xml_declaration=True)
"""
RENDER_ONLY = """import sys, time
from lxml import etree
from tei import render, xmlio
data = open(sys.argv[1], "rb").read()
tree = xmlio.parse_file(sys.argv[1])
render.render(tree, "html")   # compiles the stylesheet
ours, floor = [], []
for _ in range(int(sys.argv[2])):   # interleaved with the floor: lxml parse + serialise of the same bytes
    start = time.perf_counter()
    render.render(tree, "html")
    ours.append(time.perf_counter() - start)
    start = time.perf_counter()
    etree.tostring(etree.fromstring(data))
    floor.append(time.perf_counter() - start)
print(min(ours), min(floor))
"""


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode()}")
    return elapsed


def race(*cmds: list[str], runs: int) -> list[float]:
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):           # interleaved: ours, theirs, ours, theirs...
        for cmd, got in zip(cmds, times):
            got.append(timed(cmd))
    return [statistics.median(t) for t in times]


def scaled(tmp: Path, factor: int) -> Path:
    """The seed TEI with its transcript repeated `factor` times (ids made unique), for cost against size."""
    from lxml import etree

    tree = etree.parse(str(SEED_TEI))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    div = tree.find(".//t:body/t:div", ns)
    original = list(div)
    for i in range(1, factor):
        for el in original:
            copy = etree.fromstring(etree.tostring(el))
            for node in copy.iter():
                ident = node.get("{http://www.w3.org/XML/1998/namespace}id")
                if ident:
                    node.set("{http://www.w3.org/XML/1998/namespace}id", f"r{i}.{ident}")
            div.append(copy)
    path = tmp / f"seed-x{factor}.xml"
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--readme", action="store_true", help="rewrite the README's peer table")
    args = ap.parse_args()
    try:
        import saxonche  # noqa: F401
    except ImportError:
        print("benchmarks/peer.py needs saxonche: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    if not PEER.is_dir():
        print(f"the peer stylesheets are not at {PEER}", file=sys.stderr)
        return 2
    compileall.compile_dir(str(ROOT / "tei"), quiet=1)
    renders, others = [], []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        saxon_py, floor_py = tmp / "saxon.py", tmp / "floor.py"
        saxon_py.write_text(SAXON)
        floor_py.write_text(FLOOR)
        files = [("seed", SEED_TEI)] + [(f"ParlaMint {p.stat().st_size // 1000:,} KB", p) for p in PARLAMINT]
        for name, path in files:
            for fmt, peer_fmt in (("html", "html"), ("text", "txt")):
                ours = [*TOOL, "render", str(path), "--to", fmt, "--no-check", "-o", str(tmp / f"o.{fmt}"),
                        "--force"]
                theirs = [sys.executable, str(saxon_py), str(PEER / peer_fmt / "to.xsl"), str(path),
                          str(tmp / f"p.{fmt}")]
                floor = [sys.executable, str(floor_py), str(path), str(tmp / "f.xml")]
                # a small file's run is start-up, the noisiest part of a machine's time: three times the runs
                runs = args.runs * (3 if path.stat().st_size < 1_000_000 else 1)
                renders.append((f"render {name} → {fmt}", *race(ours, theirs, floor, runs=runs)))
        sized, floors = {}, []
        for factor in (1, 10, 100):   # the rendering alone (min of runs in one process): start-up would hide it
            path = scaled(tmp, factor)
            proc = subprocess.run([sys.executable, "-c", RENDER_ONLY, str(path), str(max(3, args.runs))],
                                  capture_output=True, text=True, check=True)
            sized[factor], floor_s = map(float, proc.stdout.split())
            mb = f"{path.stat().st_size / 1e6:.2f} MB"
            others.append((f"rendering alone, seed ×{factor} ({mb}) → html", sized[factor], factor * sized[1],
                           "linear: the ×1 cost × the size" if factor > 1 else "itself"))
            # against the floor at the same size: a large tree's cache misses slow lxml's own parse and
            # serialise too, so a steady ratio is what linear cost looks like in wall time
            floors.append((f"rendering alone against the floor, seed ×{factor} → html", sized[factor], floor_s,
                           "lxml parse + serialise of the same file, same process"))
        others += floors
        jing = shutil.which("jing")
        if jing and TEI_ALL.exists():
            os.environ["TEI_EDITION_TEI_ALL"] = str(TEI_ALL)
            for name, path in (("seed", SEED_TEI), (files[-1][0], files[-1][1])):
                a, b = race([*TOOL, "validate", "--schema", "tei-all", str(path)], [jing, str(TEI_ALL), str(path)],
                            runs=max(3, args.runs // 2))
                others.append((f"validate --schema tei-all, {name}", a, b, "jing alone"))
        else:
            others.append(("validate --schema tei-all", None, None, "jing not installed (apt install jing)"))
    table = ["| what | ours (s) | SaxonC-HE + TEI Stylesheets (s) | ours / SaxonC | floor: lxml parse + serialise (s) "
             "| ours / floor |", "|---|---|---|---|---|---|"]
    for what, a, b, c in renders:
        table.append(f"| {what} | {a:.2f} | {b:.2f} | **{a / b:.2f}** | {c:.2f} | {a / c:.1f} |")
    table += ["", "| what | ours (s) | against (s) | ours / against | against |", "|---|---|---|---|---|"]
    for what, a, b, peer in others:
        if a is None:
            table.append(f"| {what} | – | – | – | {peer} |")
        else:
            table.append(f"| {what} | {a:.4f} | {b:.4f} | **{a / b:.2f}** | {peer} |")
    text = "\n".join(table)
    print(text)
    if args.readme:
        readme = ROOT / "README.md"
        content = readme.read_text(encoding="utf-8")
        start, end = "<!-- peer-benchmark -->", "<!-- /peer-benchmark -->"
        if start in content and end in content:
            head, rest = content.split(start, 1)
            readme.write_text(head + start + "\n" + text + "\n" + end + rest.split(end, 1)[1], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

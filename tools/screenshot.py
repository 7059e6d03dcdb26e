"""Screenshots of the editions for the README and for reviewers: the seed's HTML edition (desktop, phone, and
page 1 as Chromium prints it to PDF, rasterised by poppler's pdftoppm) and the site's index page (desktop,
phone, with a search), as PNG clipped to the first 1200 px, optimised losslessly with oxipng when installed
(pip install -e '.[docs]').

Run: python tools/screenshot.py                      # editions/ -> docs/screenshots/ (what the README shows)
     python tools/screenshot.py editions/NAME.html [-o shots/] [--pdf]   # one page, any edition
Deterministic input: the committed editions/; the PNG bytes depend on Chromium's version and fonts.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tei.browser import browser  # noqa: E402
from tei.resources import SEED_NAME  # noqa: E402

VIEWS = {"desktop": (1280, 900), "phone": (390, 844)}
PRINT_DPI = 96           # the print shot: page 1 of the PDF, A4 at 96 dpi
CLIP = 1200              # px of height kept: the top of the page is what a reader sees first
DEFAULT_OUT = REPO / "docs" / "screenshots"
INDEX_QUERY = "vive la france"   # the index shot shows a search and its result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("page", type=Path, nargs="?", help="one HTML page (default: the seed edition and the index)")
    ap.add_argument("-o", "--out", type=Path, default=None, help="folder for the PNGs (default docs/screenshots)")
    ap.add_argument("--pdf", action="store_true", help="also print the page to PDF (A4)")
    args = ap.parse_args()
    out = args.out or (DEFAULT_OUT if args.page is None else Path("screenshots"))
    pages = [args.page] if args.page else [REPO / "editions" / SEED_NAME.replace(".txt", ".html"),
                                            REPO / "editions" / "index.html"]
    for page in pages:
        if not page.is_file():
            print(f"screenshot: error: {page}: no such page (run tei-edition build first)", file=sys.stderr)
            return 2
    out.mkdir(parents=True, exist_ok=True)
    try:
        with browser() as b:
            for page in pages:
                for target in _shoot(b, page, out, args.pdf, index=page.name == "index.html"):
                    print(target)
    except RuntimeError as err:  # no Playwright (the browser extra) or no Chromium: one line, no traceback
        print(f"screenshot: error: {err}", file=sys.stderr)
        return 2
    return 0


def _shoot(b, page_path: Path, out: Path, pdf: bool, index: bool) -> list[Path]:
    url = page_path.resolve().as_uri()
    name = "index" if index else page_path.stem
    written = []
    for view, (w, h) in VIEWS.items():
        page = b.new_page(viewport={"width": w, "height": h}, device_scale_factor=1)
        page.goto(url)
        if index:
            page.fill("#q", INDEX_QUERY)
        height = min(CLIP, page.evaluate("() => document.documentElement.scrollHeight"))
        data = page.screenshot(full_page=True, clip={"x": 0, "y": 0, "width": w, "height": height})
        written.append(_save(out / f"{name}-{view}.png", data))
        page.close()
    if not index or pdf:   # print: the first page of the A4 PDF Chromium prints (margins, running head)
        page = b.new_page()
        page.goto(url)
        page.emulate_media(media="print")
        data = page.pdf(format="A4")
        page.close()
        if pdf:
            (out / f"{name}-print.pdf").write_bytes(data)
            written.append(out / f"{name}-print.pdf")
        if not index:
            written.append(_save(out / f"{name}-print.png", _first_page_png(data)))
    return written


def _first_page_png(pdf: bytes) -> bytes:
    """Page 1 of the PDF as PNG, by poppler's pdftoppm (A4 at 96 dpi: 794 x 1123 px)."""
    if shutil.which("pdftoppm") is None:
        raise RuntimeError("the print screenshot needs poppler's pdftoppm: sudo apt install poppler-utils")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "print.pdf").write_bytes(pdf)
        proc = subprocess.run(["pdftoppm", "-png", "-r", str(PRINT_DPI), "-f", "1", "-l", "1", "-singlefile",
                               "print.pdf", "page"], cwd=tmp, capture_output=True, timeout=120)
        if proc.returncode != 0:
            raise RuntimeError(f"pdftoppm failed: {proc.stderr.decode(errors='replace').strip()}")
        return (Path(tmp) / "page.png").read_bytes()


def _save(target: Path, data: bytes) -> Path:
    try:
        import oxipng
    except ImportError:           # optional: the PNG is only larger
        print("screenshot: note: oxipng not installed (pip install -e '.[docs]'); PNG not optimised",
              file=sys.stderr)
    else:
        data = oxipng.optimize_from_memory(data, level=4, strip=oxipng.StripChunks.safe())
    target.write_bytes(data)
    return target


if __name__ == "__main__":
    sys.exit(main())

"""Screenshots of an HTML edition for reviewers: desktop, phone and print layouts, as PNG (and a PDF for print).

Run: python tools/screenshot.py editions/NAME.html [-o shots/]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tei.browser import browser  # noqa: E402

VIEWS = {"desktop": (1280, 1600), "phone": (390, 844)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("page", type=Path)
    ap.add_argument("-o", "--out", type=Path, default=Path("screenshots"))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    url = args.page.resolve().as_uri()
    try:
        return _shoot(args, url)
    except RuntimeError as err:  # no Playwright (the browser extra) or no Chromium: one line, no traceback
        print(f"screenshot: error: {err}", file=sys.stderr)
        return 2


def _shoot(args, url: str) -> int:
    with browser() as b:
        for name, (w, h) in VIEWS.items():
            page = b.new_page(viewport={"width": w, "height": h}, device_scale_factor=1)
            page.goto(url)
            target = args.out / f"{args.page.stem}-{name}.png"
            page.screenshot(path=str(target))
            print(target)
        page = b.new_page()
        page.goto(url)
        page.emulate_media(media="print")
        target = args.out / f"{args.page.stem}-print.pdf"
        page.pdf(path=str(target), format="A4")
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())

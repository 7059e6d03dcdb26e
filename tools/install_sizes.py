"""Installed size of each install variant (core, the browser extra, the test extra), measured in the current
environment from the files each distribution installed (its RECORD), following the dependency closure.

Run in a venv with `pip install -e '.[test]'`: python tools/install_sizes.py
"""
from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path


def _name(req: str) -> tuple[str, list[str], str]:
    """'foo[bar]>=1; extra == "x"' -> ('foo', ['bar'], marker)"""
    head, _, marker = req.partition(";")
    m = re.match(r"\s*([A-Za-z0-9._-]+)\s*(?:\[([^\]]*)\])?", head)
    return m[1].lower().replace("_", "-"), [e.strip() for e in (m[2] or "").split(",") if e.strip()], marker


def closure(name: str, extras: list[str], seen: dict[str, set]) -> None:
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return
    key = dist.metadata["Name"].lower().replace("_", "-")
    new = set(extras) - seen.get(key, {"-"})
    if key in seen and not new:
        return
    seen.setdefault(key, set()).update(extras)
    for req in dist.requires or []:
        dep, dep_extras, marker = _name(req)
        wanted = re.search(r"""extra\s*==\s*["']([^"']+)""", marker)
        if wanted and wanted[1] not in extras:
            continue
        if marker.strip() and not wanted:
            try:
                from packaging.markers import Marker

                if not Marker(marker).evaluate({"extra": ""}):
                    continue
            except Exception:
                pass
        closure(dep, dep_extras, seen)


def size(name: str) -> int:
    dist = metadata.distribution(name)
    total = 0
    for f in dist.files or []:
        p = Path(dist.locate_file(f))
        if p.is_file() and "__pycache__" not in p.parts:
            total += p.stat().st_size
    return total


def main() -> int:
    rows = []
    for label, extras in (("core", []), ("browser", ["browser"]), ("test", ["test"])):
        seen: dict[str, set] = {}
        closure("tei-edition", extras, seen)
        sizes = {n: size(n) for n in seen}
        biggest = ", ".join(f"{n} {s / 1e6:.0f}" for n, s in sorted(sizes.items(), key=lambda x: -x[1])[:3])
        rows.append(f"| `.[{label}]` | {sum(sizes.values()) / 1e6:.0f} MB | {len(sizes)} | {biggest} |"
                    if extras else f"| core | {sum(sizes.values()) / 1e6:.0f} MB | {len(sizes)} | {biggest} |")
    print("| install | size (without .pyc) | distributions | largest (MB) |\n|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

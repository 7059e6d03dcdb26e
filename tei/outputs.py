"""Writing outputs without ever replacing a hand-edited file silently.

Every folder we write into gets a manifest (`.tei-edition.json`) with the SHA-256 of each file as we wrote
it. A file that exists but whose content is not what we wrote was edited by hand (or not written by us):
it is kept unless `force` is given.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import xmlio
from .errors import OverwriteRefused

MANIFEST = ".tei-edition.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest_path(path: Path) -> Path:
    return path.parent / MANIFEST


def load_manifest(folder: Path) -> dict:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (FileNotFoundError, ValueError):
        return {}


def hand_edited(path: Path) -> bool:
    """True when `path` exists and differs from what this tool last wrote there."""
    if not path.exists():
        return False
    recorded = load_manifest(path.parent).get(path.name)
    return recorded != _digest(path.read_bytes())


def write(path: str | Path, data: bytes, *, force: bool = False) -> str:
    """Write atomically; returns 'written', 'unchanged'. Raises OverwriteRefused for hand-edited files."""
    path = Path(path)
    if path.exists():
        current = path.read_bytes()
        if current == data:
            _record(path, data)
            return "unchanged"
        if not force and hand_edited(path):
            raise OverwriteRefused(
                "exists and was not written by tei-edition (or was edited since); kept. "
                "Use --force to replace it", path=path)
    xmlio.write_atomic(path, data)
    _record(path, data)
    return "written"


def _record(path: Path, data: bytes) -> None:
    manifest = load_manifest(path.parent)
    if manifest.get(path.name) == _digest(data):
        return
    manifest[path.name] = _digest(data)
    text = json.dumps(dict(sorted(manifest.items())), indent=2) + "\n"
    xmlio.write_atomic(_manifest_path(path), text.encode("utf-8"))

"""Writing outputs without ever replacing a hand-edited file silently, and remembering what was built.

Every folder we write into gets a manifest (`.tei-edition.json`): the SHA-256 of each file as we wrote it
and, for build, the hash of each document's inputs. It is deterministic, so it can be committed with the
editions. A local, uncommitted stat cache (`.tei-edition.cache.json`: size and mtime per file) lets a rebuild
skip re-hashing files whose stat has not changed, as git's index does; without it every file is re-hashed.
A file that exists but whose content is not what we wrote was edited by hand (or not written by us): it is
kept unless `force` is given.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import xmlio
from .errors import OverwriteRefused

MANIFEST = ".tei-edition.json"
STAT_CACHE = ".tei-edition.cache.json"
FORMAT_VERSION = 2


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class Manifest:
    """The manifest of one folder: loaded once, updated in memory, saved atomically (once per run)."""

    def __init__(self, folder: str | Path, store: str | Path | None = None):
        self.folder = Path(folder)
        self.store = Path(store) if store is not None else self.folder   # where the two JSON files live
        self.files: dict[str, str] = {}        # name -> sha256 as written
        self.inputs: dict[str, dict] = {}
        self.stats: dict[str, list] = {}       # name -> [size, mtime_ns, sha256] (local cache)
        self.dirty = False
        data = _load_json(self.store / MANIFEST)
        if data.get("version") == FORMAT_VERSION:
            self.files = {k: v for k, v in data.get("files", {}).items() if isinstance(v, str)}
            self.inputs = data.get("inputs", {})
        else:  # version 1: {name: sha256}
            self.files = {k: v for k, v in data.items() if isinstance(v, str)}
        self.stats = _load_json(self.store / STAT_CACHE)

    def current_digest(self, path: Path) -> str | None:
        """The file's SHA-256, re-hashed only when its size or mtime differ from what we recorded."""
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        cached = self.stats.get(path.name)
        if isinstance(cached, list) and len(cached) == 3 and cached[:2] == [st.st_size, st.st_mtime_ns]:
            return cached[2]
        sha = file_digest(path)
        self.stats[path.name] = [st.st_size, st.st_mtime_ns, sha]
        return sha

    def hand_edited(self, path: Path) -> bool:
        """True when `path` exists and differs from what this tool last wrote there."""
        current = self.current_digest(path)
        if current is None:
            return False
        return self.files.get(path.name) != current

    def record(self, path: Path, sha256: str) -> None:
        st = path.stat()
        self.stats[path.name] = [st.st_size, st.st_mtime_ns, sha256]
        if self.files.get(path.name) != sha256:
            self.files[path.name] = sha256
            self.dirty = True

    def save(self) -> None:
        if self.dirty:
            data = {"version": FORMAT_VERSION, "files": dict(sorted(self.files.items())),
                    "inputs": dict(sorted(self.inputs.items()))}
            xmlio.write_atomic(self.store / MANIFEST, (json.dumps(data, indent=1) + "\n").encode("utf-8"))
            self.dirty = False
        xmlio.write_atomic(self.store / STAT_CACHE, json.dumps(self.stats).encode("utf-8"))


def _single_store(folder: Path) -> Path:
    """The record of single-file outputs written into `folder`: $XDG_CACHE_HOME/tei-edition/outputs/HASH."""
    import os

    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "tei-edition" / "outputs" / digest(str(folder.resolve()).encode())[:16]


def _load_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_file(path: Path, data: bytes, manifest: Manifest, *, force: bool = False) -> tuple[str, str]:
    """Write atomically unless identical; returns (state, sha256), state 'written' or 'unchanged'.
    Raises OverwriteRefused for a hand-edited file. Does not save the manifest."""
    sha = digest(data)
    current = manifest.current_digest(path)
    if current == sha:
        if manifest.files.get(path.name) != sha:
            manifest.record(path, sha)
        return "unchanged", sha
    if current is not None and not force and manifest.hand_edited(path):
        raise OverwriteRefused("exists and was not written by tei-edition (or was edited since); kept. "
                               "Use --force to replace it", path=path)
    xmlio.write_atomic(path, data)
    manifest.record(path, sha)
    return "written", sha


def write(path: str | Path, data: bytes, *, force: bool = False) -> str:
    """One file (convert -o, render -o), with its record updated at once. The record goes into the folder's
    build manifest when there is one, else into the user's cache: a single output leaves no hidden files
    beside it (on a Desktop, say)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    beside = (path.parent / MANIFEST).exists()
    manifest = Manifest(path.parent, None if beside else _single_store(path.parent))
    state, _ = write_file(path, data, manifest, force=force)
    manifest.save()
    return state

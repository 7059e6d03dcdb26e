"""Writing outputs without ever replacing a hand-edited file silently, and remembering what was built.

Every folder we write into gets a manifest (`.tei-edition.json`): the SHA-256 of each file as we wrote it
and, for build, the hash of each document's inputs. It is deterministic, so it can be committed with the
editions. A file that exists but whose content is not what we wrote was edited by hand (or not written by
us): it is kept unless `force` is given. Output files are always hashed (they are small): no timestamp can
make a hand edit look like ours.

Crash safety: while a build runs, every file's hash is appended to a journal (`.tei-edition.journal`)
*before* the file is renamed into place, and every finished document after it completes; a later run replays
the journal, so a killed build (SIGKILL, power cut after the fsync, a full disk) never leaves files that look
hand-edited. The manifest is saved atomically at the end of every run (in a `finally`) and the journal removed.
Build does not fsync each edition: it syncs the output folder's file system once (`sync_folder`) before the
manifest is saved, so a saved manifest never names data still in memory; after an interrupted run (a journal
was replayed) the documents it recorded are checked by hash, not by size (`replayed`), so a file a power cut
left with the right size but not the right bytes is rebuilt, never kept.

A folder is written by one build at a time: `lock()` takes an exclusive flock on the folder itself (no lock
file is left behind). Source hashes are cached outside the output folder (`cache_dir()`), keyed by the output
folder's real path, so output folders are byte-identical between builds.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import sys
import time
from typing import TYPE_CHECKING

from . import xmlio
from .errors import OutputError, OverwriteRefused

if TYPE_CHECKING:
    from pathlib import Path

MANIFEST = ".tei-edition.json"
JOURNAL = ".tei-edition.journal"
FORMAT_VERSION = 2
LOCK_WAIT_ENV = "TEI_EDITION_LOCK_WAIT"   # seconds a build waits for another one on the same folder
CACHE_ENV = "TEI_EDITION_CACHE"            # a folder for the source-hash cache, or "off"
_TMP = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")   # tempfile.mkstemp names of xmlio.write_atomic


_LARGE = 1 << 20   # bytes: from here OpenSSL's faster hashing pays for importing it


def _sha256(size: int):
    """SHA-256: OpenSSL's (hashlib, 6x faster per byte) when it is loaded already (build imports it) or the
    bytes are many; else the built-in module, whose import costs a single `render -o` or `convert -o` less than
    hashlib's OpenSSL binding. The same digest either way."""
    if size < _LARGE and "hashlib" not in sys.modules:
        try:
            import _sha256

            return _sha256.sha256()
        except ImportError:   # a Python built without it
            pass
    import hashlib

    return hashlib.sha256()


def digest(data: bytes) -> str:
    h = _sha256(len(data))
    h.update(data)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    with open(path, "rb") as fh:
        h = _sha256(os.fstat(fh.fileno()).st_size)
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class Manifest:
    """The manifest of one folder: loaded once (with any journal of an interrupted run replayed), updated in
    memory and in the journal, saved atomically once per run."""

    def __init__(self, folder: str | Path, store: str | Path | None = None):
        # (strings, joined by os.path: `render -o` and `convert -o` never import pathlib; see tei/start.py)
        self.folder = os.fspath(folder)
        self.store = os.fspath(store) if store is not None else self.folder   # where the manifest and journal live
        self._manifest_path = os.path.join(self.store, MANIFEST)
        self._journal_path = os.path.join(self.store, JOURNAL)
        self.files: dict[str, str] = {}        # name -> sha256 as written (or about to be written)
        self.inputs: dict[str, dict] = {}
        self.site: str | None = None           # the key of the site pages last written in full (build.py)
        self.dirty = False
        self.replayed: set[str] = set()         # documents and files the journal of an interrupted run recorded
        self._journal: int | None = None
        data = _load_json(self._manifest_path)
        if data.get("version") == FORMAT_VERSION:
            self.files = {k: v for k, v in data.get("files", {}).items() if isinstance(v, str)}
            inputs = data.get("inputs", {})
            self.inputs = {k: v for k, v in inputs.items() if isinstance(v, dict)} if isinstance(inputs, dict) else {}
            self.site = data.get("site") if isinstance(data.get("site"), str) else None
        else:  # version 1: {name: sha256}
            self.files = {k: v for k, v in data.items() if isinstance(v, str)}
        self._replay()

    # -- the journal -------------------------------------------------------------------------------------
    def _replay(self) -> None:
        try:
            with open(self._journal_path, "rb") as fh:
                lines = fh.read().splitlines()
        except OSError:
            return
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                continue  # a line torn by a kill: the file it announced is re-derived instead
            if not isinstance(entry, dict):
                continue
            if isinstance(entry.get("f"), str) and isinstance(entry.get("h"), str):
                self.files[entry["f"]] = entry["h"]
                self.replayed.add(entry["f"])
            elif "site" in entry:
                self.site = entry["site"] if isinstance(entry["site"], str) else None
            elif isinstance(entry.get("doc"), str):
                self.replayed.add(entry["doc"])
                if isinstance(entry.get("v"), dict):
                    self.inputs[entry["doc"]] = entry["v"]
                else:
                    self.inputs.pop(entry["doc"], None)
            self.dirty = True

    def open_journal(self) -> None:
        """Start journaling (build, under the folder lock). Forked workers inherit the descriptor; each line is
        one O_APPEND write, so lines of several processes never interleave."""
        if self._journal is None:
            try:
                self._journal = os.open(self._journal_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            except OSError as err:
                raise OutputError(f"cannot write: {err.strerror}", path=self._journal_path) from None

    def _log(self, entry: dict) -> None:
        if self._journal is not None:
            try:
                os.write(self._journal, (json.dumps(entry, separators=(",", ":")) + "\n").encode("utf-8"))
            except OSError as err:
                raise OutputError(f"cannot write: {err.strerror}", path=self._journal_path) from None

    # -- files -------------------------------------------------------------------------------------------
    def current_digest(self, path: Path) -> str | None:
        """The file's SHA-256 now (always read: a preserved mtime cannot hide an edit), None if absent."""
        try:
            return file_digest(path)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return None
        except OSError as err:
            raise OutputError(f"cannot read: {err.strerror}", path=path) from None

    def ours(self, path: Path, current: str | None) -> bool:
        return current is not None and self.files.get(os.path.basename(path)) == current

    def hand_edited(self, path: Path) -> bool:
        """True when `path` exists and differs from what this tool last wrote there."""
        current = self.current_digest(path)
        return current is not None and not self.ours(path, current)

    def record(self, path: Path, sha256: str, journal: bool = True) -> None:
        """`path` holds (or is about to hold) these bytes written by us; journaled before any rename (a build's
        parent passes journal=False for what a worker wrote: write_file journaled it there)."""
        name = os.path.basename(path)
        if self.files.get(name) != sha256:
            self.files[name] = sha256
            self.dirty = True
            if journal:
                self._log({"f": name, "h": sha256})

    def set_input(self, stem: str, value: dict | None) -> None:
        if value is None:
            if stem not in self.inputs:
                return
            self.inputs.pop(stem, None)
        else:
            self.inputs[stem] = value
        self.dirty = True
        self._log({"doc": stem, "v": value})

    def set_site(self, key: str | None) -> None:
        """Journaled like a document: a run killed while writing the pages replays `None` and makes them again."""
        if key != self.site:
            self.site = key
            self.dirty = True
            self._log({"site": key})

    def save(self) -> None:
        if self.dirty:
            data = {"version": FORMAT_VERSION, "files": dict(sorted(self.files.items())),
                    "inputs": dict(sorted(self.inputs.items()))}
            if self.site:
                data["site"] = self.site
            # The standard library's json, not orjson (tei/jsonout.py): `render -o` and `convert -o` write a
            # manifest too, and importing orjson costs them more (~10 ms) than encoding a 10,000-document one.
            xmlio.write_atomic(self._manifest_path, (json.dumps(data, indent=1) + "\n").encode("utf-8"))
            self.dirty = False
        self.close_journal(remove=True)

    def close_journal(self, remove: bool = False) -> None:
        if self._journal is not None:
            os.close(self._journal)
            self._journal = None
        if remove:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._journal_path)


def _load_json(path: str | Path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.loads(fh.read())
    except (OSError, ValueError):
        return {}   # missing or truncated: what we wrote is re-derived (build compares with a fresh conversion)
    return data if isinstance(data, dict) else {}


def write_file(path: Path, data: bytes, manifest: Manifest, *, force: bool = False,
               durable: bool = True) -> tuple[str, str]:
    """Write atomically unless identical; returns (state, sha256), state 'written' or 'unchanged'.
    Raises OverwriteRefused for a hand-edited file. Does not save the manifest (durable=False: nor fsync the
    file; the caller syncs the folder before saving it)."""
    sha = digest(data)
    current = manifest.current_digest(path)
    if current == sha:
        manifest.record(path, sha)
        return "unchanged", sha
    if current is not None and not force and not manifest.ours(path, current):
        raise OverwriteRefused("exists and was not written by tei-edition (or was edited since); kept. "
                               "Use --force to replace it", path=path)
    manifest.record(path, sha)          # journaled first: a kill after the rename still finds it ours
    xmlio.write_atomic(path, data, durable)
    return "written", sha


def sync_folder(folder: Path) -> None:
    """Flush everything written to the folder's file system in one call (Linux syncfs; elsewhere sync):
    one flush per run instead of one fsync per file."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            if libc.syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    except (OSError, AttributeError):
        pass
    os.sync()


def write(path: str | Path, data: bytes, *, force: bool = False) -> str:
    """One file, with its folder's manifest updated at once (convert -o, render -o), under the folder lock."""
    path = os.fspath(path)
    if os.path.isdir(path):
        raise OutputError("is a directory; give a file name", path=path)
    folder = os.path.dirname(path) or "."
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as err:
        raise OutputError(f"cannot create the folder: {err.strerror}", path=folder) from None
    # The record goes into the folder's build manifest when there is one, else into the user's cache: a single
    # output leaves no hidden files beside it (on a Desktop, say).
    store = None if os.path.exists(os.path.join(folder, MANIFEST)) else _single_store(folder)
    if store is not None:
        os.makedirs(store, exist_ok=True)
    with lock(folder):
        manifest = Manifest(folder, store)
        state, _ = write_file(path, data, manifest, force=force)
        manifest.save()
    return state


def _single_store(folder: str) -> str:
    """The record of single-file outputs written into `folder`: $XDG_CACHE_HOME/tei-edition/outputs/HASH."""
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(cache, "tei-edition", "outputs", digest(os.path.realpath(folder).encode())[:16])


# --- one writer per folder -----------------------------------------------------------------------------------
@contextlib.contextmanager
def lock(folder: str | Path, wait: float | None = None):
    """An exclusive flock on the folder (released when the process ends, even by SIGKILL). Waits up to
    `wait` seconds ($TEI_EDITION_LOCK_WAIT, default 10) for another build, then fails with one line."""
    folder = os.fspath(folder)
    if wait is None:
        try:
            wait = float(os.environ.get(LOCK_WAIT_ENV, "10"))
        except ValueError:
            wait = 10.0
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as err:
        raise OutputError(f"cannot open the output folder: {err.strerror}", path=folder) from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as err:
                if err.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    break  # a file system without flock: proceed unlocked rather than refuse to work
                if time.monotonic() >= deadline:
                    raise OutputError("another tei-edition build is writing into this folder; wait for it to "
                                      f"finish (or set {LOCK_WAIT_ENV}=SECONDS to wait longer)",
                                      path=folder) from None
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)


def remove_stale_temporaries(folder: Path) -> list[str]:
    """Temporary files of write_atomic left by a killed process (call under the folder lock)."""
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if _TMP.match(name):
            with contextlib.suppress(OSError):
                if not os.path.islink(os.path.join(folder, name)):
                    os.unlink(os.path.join(folder, name))
                    removed.append(name)
    return removed


# --- the source-hash cache (outside the output folder) --------------------------------------------------------
def cache_dir() -> Path | None:
    from pathlib import Path   # (build's, not the light path's: see Manifest)

    configured = os.environ.get(CACHE_ENV)
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tei-edition"


class SourceCache:
    """SHA-256 of source files, reused while (size, mtime_ns, ctime_ns, inode) are unchanged. The ctime is
    set by the kernel on every write and every utime(), so `cp -p`, `rsync -t` or `touch -r` cannot fake a
    hit. Only sources are cached: output files are always hashed. Best effort: an unusable cache is ignored."""

    def __init__(self, out_folder: Path):
        base = cache_dir()
        key = digest(os.path.realpath(out_folder).encode())[:24]
        self.path = base / f"sources-{key}.json" if base is not None else None
        self.entries: dict[str, list] = _load_json(self.path) if self.path is not None else {}
        self.changed = False
        self._folders: dict[str, str] = {}   # folder -> its real path: resolved once, not once per file

    def digest(self, path: Path) -> str:
        st = os.stat(path, follow_symlinks=False)
        folder, name = os.path.split(os.fspath(path))
        if folder not in self._folders:
            self._folders[folder] = os.path.realpath(folder or ".")
        key = os.path.join(self._folders[folder], name)   # the key Path(path).resolve() gives a regular file
        stamp = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        cached = self.entries.get(key)
        if isinstance(cached, list) and len(cached) == 5 and cached[:4] == stamp:
            return cached[4]
        sha = file_digest(path)
        self.entries[key] = stamp + [sha]
        self.changed = True
        return sha

    def save(self) -> None:
        if self.path is None or not self.changed:
            return
        try:
            xmlio.write_atomic(self.path, json.dumps(self.entries).encode("utf-8"))
        except (OSError, OutputError):
            pass
